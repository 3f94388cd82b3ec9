package org.descent.optim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal text that reads back as the same double: {@code 3}, {@code 0.25},
 * {@code 1e-8}, {@code -3.0000000000000004} (that value is not -3). Java 17's
 * {@code Double.toString} is not always the shortest (it gives 2.0E-3 right, but some values
 * get a seventeenth digit they do not need), so the digits are found here: the fewest
 * significant digits whose correctly rounded value is the double again.
 */
final class DecimalText {

  private DecimalText() {}

  static String of(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0" : "0"; // -0 reads back as -0.0, bit for bit
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    BigDecimal exact = new BigDecimal(v);
    BigDecimal shortest = exact;
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == v) {
        shortest = rounded;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    double magnitude = Math.abs(v);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
      return shortest.toPlainString(); // as Double.toString: 0.001 to 9999999.5 in plain digits
    }
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    StringBuilder sb = new StringBuilder(v < 0 ? "-" : "").append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    return sb.append('e').append(exponent).toString();
  }
}
