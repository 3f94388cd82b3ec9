package org.descent.export;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.descent.trace.Trace;

/**
 * Traces as CSV, one row per optimizer and step. The first columns are fixed
 * ({@code optimizer,step,x,y,loss,grad_norm,fevals,gevals}); the averaged iterate follows
 * (empty without averaging). Numbers are written in full precision, so a trace reads back bit
 * for bit.
 */
public final class TraceCsv {

  public static final List<String> HEADER = List.of("optimizer", "step", "x", "y", "loss",
      "grad_norm", "fevals", "gevals", "avg_x", "avg_y");

  private TraceCsv() {}

  public static void write(List<Trace> traces, Appendable out) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
        .setHeader(HEADER.toArray(String[]::new)).get();
    try (CSVPrinter csv = new CSVPrinter(out, format)) {
      for (Trace t : traces) {
        for (int k = 0; k < t.length(); k++) {
          csv.printRecord(t.label(), k, num(t.x(k)), num(t.y(k)), num(t.loss(k)),
              num(t.gradNorm(k)), t.functionEvaluations(k), t.gradientEvaluations(k),
              t.hasAverage() ? num(t.averagedCoordinate(k, 0)) : "",
              t.hasAverage() ? num(t.averagedCoordinate(k, 1)) : "");
        }
      }
      csv.flush();
    }
  }

  private static String num(double v) {
    return Double.toString(v);
  }
}
