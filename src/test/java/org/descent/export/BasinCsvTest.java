package org.descent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.descent.analysis.Axis;
import org.descent.analysis.BasinMap;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.junit.jupiter.api.Test;

/** Every number of the basin CSV is Double.toString's, whatever repeats and collides. */
class BasinCsvTest {

  @Test
  void everyRowIsDoubleToStringOfItsCell() throws IOException {
    int n = 60;
    SplittableRandom r = new SplittableRandom(5);
    double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e-300, 2.82879384806159E17, 3, 1e23};
    double[] fx = new double[n * n];
    double[] fy = new double[n * n];
    int[] labels = new int[n * n];
    for (int c = 0; c < n * n; c++) {
      // Many repeats (a few values) among many distinct ones, so the table both hits and
      // collides.
      fx[c] = c % 3 == 0 ? special[r.nextInt(special.length)] : 3 + r.nextInt(50) * Math.ulp(3.0);
      fy[c] = r.nextDouble(-5, 5);
      labels[c] = r.nextInt(5) - 1;
    }
    BasinMap map = new BasinMap(Axis.linear("x", -5, 5, n), Axis.linear("y", -1, 2, n),
        OptimizerSpec.of(OptimizerType.SGD), 10, List.of(), 1e-3, labels, new byte[n * n], fx,
        fy);
    StringWriter w = new StringWriter();
    BasinCsv.write(map, w);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BasinCsv.write(map, bytes);
    assertEquals(w.toString(), bytes.toString(StandardCharsets.US_ASCII));
    List<String> lines = w.toString().lines().toList();
    assertEquals("x,y,final_x,final_y,label", lines.get(0));
    assertEquals(n * n + 1, lines.size());
    for (int iy = 0; iy < n; iy++) {
      for (int ix = 0; ix < n; ix++) {
        int c = iy * n + ix;
        assertEquals(Double.toString(map.startX(ix)) + "," + map.startY(iy) + ","
            + Double.toString(fx[c]) + "," + Double.toString(fy[c]) + "," + labels[c],
            lines.get(1 + c));
      }
    }
  }
}
