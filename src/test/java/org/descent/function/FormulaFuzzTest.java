package org.descent.function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of generated and mutated formulas, from a seeded generator of our own: each is
 * either accepted (and then evaluates without an exception) or refused with a FormulaException
 * that names a column inside the text (or just past its end) — never another exception, a stack
 * overflow or a hang (the timeout only guards against hangs; it measures nothing).
 */
class FormulaFuzzTest {

  private static final Pattern POSITION =
      Pattern.compile("^(column (\\d+)|line (\\d+), column (\\d+)): .+");
  private static final String[] ATOMS = {"x", "y", "pi", "e", "2", "0.5", "1e3", "1e-300",
      "1e308", "3.", ".5", "0"};
  private static final String[] FUNCTIONS = {"sin", "cos", "tan", "exp", "log", "sqrt", "abs",
      "tanh", "sigmoid", "softplus", "min", "max"};
  private static final String[] JUNK = {"(", ")", "+", "-", "*", "/", "^", "**", ",", " ", "\t",
      "\n", "x", "y", "1", "1e", "e+", "..", "sin", "min(", "foo", "#", "\u00e9", "\u0000",
      "\ud83d\ude00", "\u2212", "[", "=", "%", "!", "\"", "'", "x y", "9e999", "()", ",,"};

  /** A random formula of the grammar, up to some depth. */
  static String generate(SplittableRandom r, int depth) {
    if (depth == 0 || r.nextInt(4) == 0) {
      return ATOMS[r.nextInt(ATOMS.length)];
    }
    return switch (r.nextInt(7)) {
      case 0 -> generate(r, depth - 1) + " + " + generate(r, depth - 1);
      case 1 -> generate(r, depth - 1) + "*" + generate(r, depth - 1);
      case 2 -> "(" + generate(r, depth - 1) + ")^" + ATOMS[r.nextInt(ATOMS.length)];
      case 3 -> "-" + generate(r, depth - 1);
      case 4 -> generate(r, depth - 1) + " / (" + generate(r, depth - 1) + ")";
      case 5 -> {
        String f = FUNCTIONS[r.nextInt(FUNCTIONS.length)];
        yield f.equals("min") || f.equals("max")
            ? f + "(" + generate(r, depth - 1) + ", " + generate(r, depth - 1) + ")"
            : f + "(" + generate(r, depth - 1) + ")";
      }
      default -> generate(r, depth - 1) + " - " + generate(r, depth - 1);
    };
  }

  /** The text with a few random edits: insertions, deletions, replacements. */
  static String mutate(SplittableRandom r, String text) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
      switch (r.nextInt(3)) {
        case 0 -> sb.insert(at, JUNK[r.nextInt(JUNK.length)]);
        case 1 -> {
          if (sb.length() > 0) {
            sb.deleteCharAt(Math.min(at, sb.length() - 1));
          }
        }
        default -> {
          if (sb.length() > 0) {
            sb.setCharAt(Math.min(at, sb.length() - 1), (char) (32 + r.nextInt(95)));
          }
        }
      }
    }
    return sb.toString();
  }

  static List<String> extremes() {
    List<String> l = new ArrayList<>();
    for (int depth : new int[] {199, 200, 201, 1000, 100_000}) {
      l.add("(".repeat(depth) + "x" + ")".repeat(depth));
      l.add("sin(".repeat(depth) + "x" + ")".repeat(depth));
      l.add("-".repeat(depth) + "x");
      l.add("x" + "^x".repeat(depth));
      l.add("(".repeat(depth));
      l.add("x" + ")".repeat(depth));
      l.add("min(x, ".repeat(depth) + "y" + ")".repeat(depth));
    }
    l.add("x + ".repeat(2_499) + "y");
    l.add("x*".repeat(5_000) + "y");
    l.add("1".repeat(10_001));
    l.add("9".repeat(400));
    l.add("");
    l.add("   ");
    l.add("\n\n\n");
    l.add("x\n+\ny)");
    return l;
  }

  static void check(String text) {
    Formula f;
    try {
      f = Formula.parse(text);
    } catch (FormulaException e) {
      var m = POSITION.matcher(e.getMessage());
      assertTrue(m.matches(), "no position in '" + e.getMessage() + "' for " + shorten(text));
      int column = e.column();
      assertTrue(column >= 1 && column <= text.length() + 1,
          "column " + column + " outside " + shorten(text));
      return;
    } catch (Throwable t) {
      fail("unexpected " + t + " for " + shorten(text), t);
      return;
    }
    try {
      FormulaObjective o = f.objective();
      double[] g = new double[2];
      double[] h = new double[4];
      o.valueGradientHessian(new double[] {0.3, -0.7}, g, h);
      f.lanes(4).gradient(new double[] {0, 1, -1, 0.5}, new double[] {0, 2, 1e10, -0.5}, 4,
          new double[4], new double[4]);
    } catch (Throwable t) {
      fail("accepted but failed to evaluate: " + t + " for " + shorten(text), t);
    }
  }

  private static String shorten(String s) {
    String q = s.length() > 120 ? s.substring(0, 120) + "... (" + s.length() + " chars)" : s;
    return "'" + q.replace("\n", "\\n") + "'";
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void generatedAndMutatedFormulasAreAcceptedOrRefusedWithAColumn() {
    SplittableRandom r = new SplittableRandom(20_260_101);
    for (int i = 0; i < 3000; i++) {
      String valid = generate(r, 1 + r.nextInt(6));
      check(valid);
      check(mutate(r, valid));
    }
    for (int i = 0; i < 1000; i++) {
      StringBuilder junk = new StringBuilder();
      int n = r.nextInt(30);
      for (int k = 0; k < n; k++) {
        junk.append(JUNK[r.nextInt(JUNK.length)]);
      }
      check(junk.toString());
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void deepLongAndEmptyFormulasNeverOverflowTheStack() {
    for (String text : extremes()) {
      check(text);
    }
  }
}
