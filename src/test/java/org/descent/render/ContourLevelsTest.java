package org.descent.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContourLevelsTest {

  @Test
  void rosenbrocksRangeGetsRoundLogarithmicLevels() {
    // min and max of Rosenbrock sampled on [-2, 2] x [-1, 3]
    ContourLevels c = ContourLevels.choose(2.79e-6, 2509, 15);
    assertTrue(c.logarithmic());
    assertEquals(2.79e-6, c.min(), 0, "the colour scale starts at the minimum");
    assertEquals(2509, c.max(), 0);
    assertArrayEquals(new double[] {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100,
        200, 500, 1000, 2000}, c.levels(), 0);
  }

  @Test
  void aSampledMinimumJustAboveZeroCountsAsZero() {
    // Rastrigin's grid misses its minimum 0 by 0.03: levels from 0 read 0.05, 0.1, 0.2, ...
    ContourLevels c = ContourLevels.choose(0.029, 80.7, 12);
    assertTrue(c.logarithmic());
    assertArrayEquals(new double[] {0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50}, c.levels(), 0);
    assertEquals(0, c.fraction(0.029), 0);
  }

  @Test
  void aModestRangeGetsEquallySpacedRoundLevels() {
    ContourLevels c = ContourLevels.choose(0, 24.5, 15);
    assertFalse(c.logarithmic());
    double[] l = c.levels();
    assertTrue(l.length >= 10 && l.length <= 20, "count " + l.length);
    double step = l[1] - l[0];
    for (int k = 1; k < l.length; k++) {
      assertEquals(step, l[k] - l[k - 1], 1e-12);
    }
    assertTrue(l[0] > 0 && l[0] <= step && l[l.length - 1] < 24.5
        && l[l.length - 1] + step >= 24.5);
    assertTrue(isRound(step), "step " + step);
  }

  @Test
  void linearLevelsAreExactDecimals() {
    // 0.1 + 0.2 != 0.3 in binary: levels must be computed so that labels read 0.3, not
    // 0.30000000000000004
    for (double level : ContourLevels.choose(0, 1.6, 15).levels()) {
      assertEquals(new BigDecimal(Double.toString(level)).stripTrailingZeros().scale() <= 1,
          true, "level " + level);
    }
  }

  @Test
  void sixHumpCamelsNegativeMinimumIsHandled() {
    ContourLevels c = ContourLevels.choose(-1.0316, 39.35, 15);
    assertTrue(c.logarithmic());
    assertEquals(-1.0316, c.min(), 0);
    double[] l = c.levels();
    for (double level : l) {
      assertTrue(level > -1.0316 && level < 39.35);
      // each level is a round offset from -1.04, the minimum rounded down, to two decimals
      assertTrue(isRound(level + 1.04), "offset " + (level + 1.04));
      assertEquals(level, Math.round(level * 100) / 100.0, 0, "level " + level);
    }
    // offsets spaced geometrically: about the same ratio from one level to the next
    for (int k = 2; k < l.length; k++) {
      double ratio = (l[k] + 1.04) / (l[k - 1] + 1.04);
      assertTrue(ratio > 1.99 && ratio < 2.51, "ratio " + ratio);
    }
    assertEquals(0, c.fraction(-1.0316), 0);
    assertEquals(1, c.fraction(39.35), 0);
  }

  @Test
  void saddlesStayLinear() {
    assertFalse(ContourLevels.choose(-4, 4, 15).logarithmic());
    assertFalse(ContourLevels.choose(-16, 16, 15).logarithmic());
  }

  @Test
  void levelsAreStrictlyIncreasingAndInsideTheRangeForAnyRange() {
    Random random = new Random(42);
    for (int trial = 0; trial < 2000; trial++) {
      double min = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(13) - 6);
      double max = min + Math.pow(10, random.nextInt(16) - 8) * random.nextDouble();
      int count = 1 + random.nextInt(40);
      ContourLevels c = ContourLevels.choose(min, max, count);
      double[] l = c.levels();
      for (int k = 0; k < l.length; k++) {
        assertTrue(l[k] > min && l[k] < max, min + " < " + l[k] + " < " + max);
        assertTrue(k == 0 || l[k] > l[k - 1]);
      }
      // about count levels; log levels cannot be fewer than one per decade (at most 7)
      assertTrue(l.length <= Math.max(3 * count + 2, 7), "count " + count + " gave " + l.length);
      if (max - min > 1e-9 * Math.abs(min)) {
        assertTrue(l.length > 0, "no levels on [" + min + ", " + max + "]");
      }
    }
  }

  @Test
  void aConstantFunctionHasNoLevelsAndSitsInTheMiddleOfTheScale() {
    ContourLevels c = ContourLevels.choose(3, 3, 10);
    assertEquals(0, c.size());
    assertEquals(0, c.band(3));
    assertEquals(0.5, c.fraction(3), 0);
    assertEquals(0.5, c.bandFraction(0), 0);
    assertTrue(Double.isNaN(c.fraction(Double.NaN)));
  }

  @Test
  void infiniteAndNaNBoundsGiveNoLevels() {
    assertEquals(0, ContourLevels.choose(Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, 10).size());
    assertEquals(0, ContourLevels.choose(0, Double.POSITIVE_INFINITY, 10).size());
    assertEquals(0, ContourLevels.choose(Double.NaN, 5, 10).size());
    assertEquals(0.5, ContourLevels.choose(0, Double.POSITIVE_INFINITY, 10).fraction(0), 0);
  }

  @Test
  void countMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> ContourLevels.choose(0, 1, 0));
  }

  @Test
  void bandCountsTheLevelsAtOrBelowAValue() {
    ContourLevels c = new ContourLevels(new double[] {1, 2, 3}, false);
    assertEquals(0, c.band(0.5));
    assertEquals(1, c.band(1));
    assertEquals(2, c.band(2.5));
    assertEquals(3, c.band(3));
    assertEquals(3, c.band(Double.POSITIVE_INFINITY));
    assertEquals(0, c.band(Double.NEGATIVE_INFINITY));
    assertEquals(-1, c.band(Double.NaN));
  }

  @Test
  void linearFractionIsThePositionBetweenMinAndMax() {
    ContourLevels c = ContourLevels.choose(-4, 4, 8);
    assertEquals(0.5, c.fraction(0), 1e-15);
    assertEquals(0.75, c.fraction(2), 1e-15);
    assertEquals(0, c.fraction(-100), 0);
    assertEquals(1, c.fraction(Double.POSITIVE_INFINITY), 0);
    assertEquals(0, c.fraction(Double.NEGATIVE_INFINITY), 0);
  }

  @Test
  void logarithmicFractionGivesEachDecadeTheSameShareOfTheColours() {
    ContourLevels c = ContourLevels.choose(0, 2509, 15);
    double d1 = c.fraction(10) - c.fraction(1);
    double d2 = c.fraction(100) - c.fraction(10);
    double d3 = c.fraction(1000) - c.fraction(100);
    assertEquals(d2, d1, 0.01 * d2);
    assertEquals(d2, d3, 0.001 * d2);
    // five decades and a bit from 0.005 to 2509: each gets about a fifth of the scale
    assertEquals(1 / Math.log10(2509 / 0.005), d2, 0.002);
  }

  @Test
  void fractionIncreasesWithTheValue() {
    for (ContourLevels c : new ContourLevels[] {ContourLevels.choose(0, 2509, 15),
        ContourLevels.choose(-1.03, 39.3, 12), ContourLevels.choose(-4, 4, 8)}) {
      double previous = -1;
      for (int k = 0; k <= 1000; k++) {
        double v = c.min() + (c.max() - c.min()) * Math.pow(k / 1000.0, 3);
        double f = c.fraction(v);
        assertTrue(f >= previous && f >= 0 && f <= 1, c + " at " + v);
        previous = f;
      }
    }
  }

  @Test
  void bandFractionIsTheMiddleOfTheBandOnTheColourScale() {
    ContourLevels c = new ContourLevels(new double[] {0.25, 0.5, 0.75}, false, 0, 1);
    assertEquals(0.125, c.bandFraction(0), 1e-15);
    assertEquals(0.375, c.bandFraction(1), 1e-15);
    assertEquals(0.625, c.bandFraction(2), 1e-15);
    assertEquals(0.875, c.bandFraction(3), 1e-15);
    assertThrows(IndexOutOfBoundsException.class, () -> c.bandFraction(4));
  }

  @Test
  void levelsAreCopiedInAndOutAndCompareByContent() {
    double[] in = {1, 2, 3};
    ContourLevels c = new ContourLevels(in, false);
    in[0] = -5;
    assertEquals(1, c.level(0), 0);
    c.levels()[1] = 99;
    assertEquals(2, c.level(1), 0);
    assertEquals(new ContourLevels(new double[] {1, 2, 3}, false), c);
    assertEquals(new ContourLevels(new double[] {1, 2, 3}, false).hashCode(), c.hashCode());
    assertNotEquals(new ContourLevels(new double[] {1, 2, 3}, true), c);
  }

  @Test
  void levelsMustBeFiniteAndIncreasing() {
    assertThrows(IllegalArgumentException.class,
        () -> new ContourLevels(new double[] {1, 1}, false));
    assertThrows(IllegalArgumentException.class,
        () -> new ContourLevels(new double[] {1, Double.NaN}, false));
  }

  // m · 10^k for m in {1, 1.5, 2, 2.5, 3, 5, 7}, up to rounding
  private static boolean isRound(double v) {
    double decade = Math.pow(10, Math.floor(Math.log10(v)));
    double m = v / decade;
    for (double r : new double[] {1, 1.5, 2, 2.5, 3, 5, 7, 10}) {
      if (Math.abs(m - r) < 1e-9) {
        return true;
      }
    }
    return false;
  }
}
