package org.descent.export;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * The shortest decimal that reads back as the same double, in Double.toString's layout
 * ("3.0", "1.0E-5", "-0.0", "NaN", "Infinity"): what Java 19 and later print. Java 17's
 * Double.toString gives the same text for nearly every double, but now and then a digit too
 * many (2.82879384806159008E17 for 2.82879384806159E17), and at several times the cost.
 */
public final class ShortestDecimal {

  private ShortestDecimal() {}

  public static String of(double v) {
    return DoubleToDecimal.toString(v);
  }
}
