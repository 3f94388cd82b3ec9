package org.descent.optim;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a label true when its optimizer's values change: "gradient descent, lr 0.019" becomes
 * "gradient descent, lr 1.6" when the learning rate moves to 1.6. A demo's labels state the
 * values the lecture is about, so a label that still read 0.019 after the slider moved would
 * contradict the run beside it.
 *
 * <p>A changed value is found in the label as a number equal to its old value (the one after
 * the hyperparameter's name when several are); a note about that value written right after it
 * ("(= 1/λmax)", "= 0.9 × 2/λmax") is no longer true and goes. A label that states
 * no changed value is left as it is.
 */
public final class LabelFollower {

  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?(?:e-?\\d+)?"
      + "(?![\\w.])");
  // A note about the value just written: " (…)" or " = …", up to the next comma.
  private static final Pattern NOTE = Pattern.compile("^(\\s*\\([^)]*\\)|\\s*=[^,]*)");

  private LabelFollower() {}

  /** The label of {@code after}, given that {@code label} described {@code before}. */
  public static String follow(String label, OptimizerSpec before, OptimizerSpec after) {
    if (before.type() != after.type()) {
      return label;
    }
    String text = label;
    for (Param p : after.type().params()) {
      double was = before.get(p);
      double now = after.get(p);
      // A choice or a switch is stored as a number but written as a word.
      if (was != now && p.kind() != Param.Kind.CHOICE && p.kind() != Param.Kind.BOOLEAN) {
        text = replace(text, p.key(), was, written(p, was), written(p, now));
      }
    }
    if (before.clip() != after.clip() && before.clipped() && after.clipped()) {
      text = replace(text, "clip", before.clip(), written(before.clip()),
          written(after.clip()));
    }
    return text;
  }

  /**
   * @param wasWritten the old value as this class writes it: a label it wrote states that, not
   *     the value itself
   */
  private static String replace(String label, String name, double was, String wasWritten,
      String nowWritten) {
    List<int[]> equal = new ArrayList<>();
    Matcher m = NUMBER.matcher(label);
    while (m.find()) {
      double v = Double.parseDouble(m.group());
      if (Math.abs(v - was) <= 1e-9 * Math.abs(was) || m.group().equals(wasWritten)) {
        equal.add(new int[] {m.start(), m.end()});
      }
    }
    int[] at = null;
    if (equal.size() == 1) {
      at = equal.get(0);
    } else {
      for (int[] e : equal) {
        if (label.substring(0, e[0]).stripTrailing().endsWith(name)) {
          at = e;
          break;
        }
      }
    }
    if (at == null) {
      return label;
    }
    String rest = NOTE.matcher(label.substring(at[1])).replaceFirst("");
    return label.substring(0, at[0]) + nowWritten + rest;
  }

  /**
   * A value as a label writes it: three significant digits, no trailing zeros; a decay rate
   * (momentum, ρ, β) by its distance from 1, as its slider rounds it (0.9995, not 1).
   */
  static String written(Param p, double v) {
    if (p.kind() == Param.Kind.DECAY && v < 1 && v > 0.5) {
      BigDecimal gap = new BigDecimal(1 - v).round(new MathContext(3)).stripTrailingZeros();
      return BigDecimal.ONE.subtract(gap).stripTrailingZeros().toPlainString();
    }
    return written(v);
  }

  /** A number as a label writes it: three significant digits, no trailing zeros. */
  static String written(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return Param.formatNumber(v);
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
    double a = Math.abs(v);
    return a >= 1e-4 && a < 1e7 ? d.toPlainString() : Param.formatNumber(d.doubleValue());
  }
}
