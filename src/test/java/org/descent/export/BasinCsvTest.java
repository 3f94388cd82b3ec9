package org.descent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Every number of the basin CSV reads back as the very double computed, in Double.toString's
 * layout and never longer than it; where Java 17's Double.toString prints a digit too many
 * (JDK-4511638), the shortest text.
 */
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
        String[] cells = lines.get(1 + c).split(",", -1);
        assertEquals(5, cells.length, lines.get(1 + c));
        assertSameDouble(map.startX(ix), cells[0]);
        assertSameDouble(map.startY(iy), cells[1]);
        assertSameDouble(fx[c], cells[2]);
        assertSameDouble(fy[c], cells[3]);
        assertEquals(Integer.toString(labels[c]), cells[4]);
      }
    }
    // JDK-4511638's example: Java 17 prints 2.82879384806159008E17, 18 digits for 15.
    assertEquals("2.82879384806159E17", ShortestDecimal.of(2.82879384806159E17));
  }

  private static void assertSameDouble(double expected, String text) {
    assertEquals(Double.doubleToRawLongBits(expected),
        Double.doubleToRawLongBits(Double.parseDouble(text)), text);
    String jdk = Double.toString(expected);
    assertTrue(text.length() <= jdk.length(), text + " is longer than " + jdk);
    // The same layout: plain between 10^-3 and 10^7, else computerized scientific notation.
    assertEquals(jdk.contains("E"), text.contains("E"), text + " vs " + jdk);
  }
}
