package org.descent.export;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.descent.analysis.RunOutcome;
import org.descent.analysis.Sweep;

/**
 * A sweep as CSV: {@code optimizer,value,final_loss,steps_to_tol,diverged}, one row per
 * optimizer and value, in the scenario's optimizer order and increasing value; numbers in full
 * precision; {@code steps_to_tol} empty when the tolerance was never reached.
 */
public final class SweepCsv {

  public static final List<String> HEADER = List.of("optimizer", "value", "final_loss",
      "steps_to_tol", "diverged");

  private SweepCsv() {}

  /** Writes the header and every row; flushes, does not close {@code out}. */
  public static void write(Sweep sweep, Appendable out) throws IOException {
    CSVFormat format = CsvText.format(HEADER);
    CSVPrinter csv = new CSVPrinter(out, format);
    for (Sweep.Curve c : sweep.curves()) {
      for (int i = 0; i < c.outcomes().size(); i++) {
        RunOutcome o = c.outcomes().get(i);
        csv.printRecord(c.optimizer().label(),
            Double.toString(c.specs().get(i).get(sweep.param())),
            Double.toString(o.finalLoss()),
            o.reached() ? Integer.toString(o.stepsToTolerance()) : "",
            Boolean.toString(o.diverged()));
      }
    }
    csv.flush();
  }
}
