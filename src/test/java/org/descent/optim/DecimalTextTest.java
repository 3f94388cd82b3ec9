package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Numbers are written in the fewest digits that read back as the same double. */
class DecimalTextTest {

  @ParameterizedTest
  @CsvSource(textBlock = """
      -3,                   -3
      100,                  100
      0.25,                 0.25
      1e-8,                 1e-8
      0.001,                0.001
      5e-4,                 5e-4
      2.5e20,               2.5e20
      1e15,                 1e15
      -3.0000000000000004,  -3.0000000000000004
      0.30000000000000004,  0.30000000000000004
      2.0E-3,               0.002
      1.0E23,               1e23
      8.41E21,              8.41e21
      2.82879384806159E17,  2.82879384806159e17
      4.9E-324,             5e-324
      1.7976931348623157E308, 1.7976931348623157e308
      -0.0,                 -0
      """)
  void shortestTextThatReadsBack(double value, String text) {
    assertEquals(text, Param.formatNumber(value));
    assertEquals(Double.doubleToRawLongBits(value),
        Double.doubleToRawLongBits(Double.parseDouble(text)));
  }

  @Test
  void everyFiniteDoubleReadsBackBitForBitAndIsNeverLongerThanJavas() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong())
          : random.nextDouble(-10, 10) * Math.pow(10, random.nextInt(-12, 12));
      if (!Double.isFinite(v)) {
        continue;
      }
      String text = Param.formatNumber(v);
      assertEquals(Double.doubleToRawLongBits(v),
          Double.doubleToRawLongBits(Double.parseDouble(text)), text);
      String java = Double.toString(v).replace("E", "e").replace(".0e", "e");
      assertTrue(digits(text) <= digits(java), text + " vs " + java);
    }
  }

  private static int digits(String s) {
    String mantissa = s.split("e")[0].replace("-", "").replace(".", "");
    return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
  }
}
