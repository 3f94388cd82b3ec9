package org.descent.export;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.descent.training.TrainingPoint;

/**
 * The network's training curves as CSV, one row per optimizer and evaluation. The first
 * columns are fixed ({@code optimizer,epoch,step,train_loss,val_loss,val_accuracy,grad_norm});
 * more follow. A value that does not apply (no validation set, no learning rate, no
 * averaging, no sharpness asked for or at this step) is an empty cell; numbers are written in
 * full precision. The stability threshold bounds {@code preconditioned_lambda_max} for Adam,
 * {@code lambda_max} otherwise.
 */
public final class TrainingCsv implements Flushable, Closeable {

  public static final List<String> HEADER = List.of("optimizer", "epoch", "step", "train_loss",
      "val_loss", "val_accuracy", "grad_norm", "train_accuracy", "learning_rate",
      "grad_norm_squared", "gHg", "avg_train_loss", "avg_val_accuracy", "fevals", "gevals",
      "lambda_max", "preconditioned_lambda_max", "stability_threshold");

  private final CSVPrinter csv;

  private TrainingCsv(CSVPrinter csv) {
    this.csv = csv;
  }

  /** Writes the header; then {@link #append} each evaluation. Closing closes {@code out}. */
  public static TrainingCsv open(Appendable out) throws IOException {
    CSVFormat format = CsvText.format(HEADER);
    return new TrainingCsv(new CSVPrinter(out, format));
  }

  /** One row. */
  public void append(String optimizer, TrainingPoint p) throws IOException {
    csv.printRecord(optimizer, num(p.epoch()), p.step(), num(p.trainLoss()), num(p.valLoss()),
        num(p.valAccuracy()), num(p.gradNorm()), num(p.trainAccuracy()), num(p.learningRate()),
        num(p.gradNormSquared()), num(p.curvature()), num(p.averageTrainLoss()),
        num(p.averageValAccuracy()), p.functionEvaluations(), p.gradientEvaluations(),
        num(p.sharpness().lambdaMax()), num(p.sharpness().preconditioned()),
        num(p.sharpness().threshold()));
  }

  @Override
  public void flush() throws IOException {
    csv.flush();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }
}
