package org.descent.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Formulas at and past the limits: refused with a message and a column when too long or too
 * deeply nested; at the limits, parsed, compiled, evaluated, searched for critical points,
 * hashed and compared without overflowing a small stack.
 */
class FormulaLimitsTest {

  private static final String TOO_DEEP =
      "formula too deeply nested: more than 200 levels of parentheses, function calls or powers";

  @Test
  void sevenHundredNestedParenthesesAreRefusedAtTheTwoHundredAndFirst() {
    String text = "(".repeat(700) + "x" + ")".repeat(700);
    FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text));
    assertEquals("column 201: " + TOO_DEEP, e.getMessage());
  }

  @Test
  void twoHundredNestedParenthesesAreRead() throws FormulaException {
    String text = "(".repeat(200) + "x" + ")".repeat(200);
    assertEquals(3.0, Formula.parse(text).objective().value(3, 0));
  }

  @Test
  void nestedFunctionCallsCountAsLevels() {
    String text = "sin(".repeat(201) + "x" + ")".repeat(201);
    FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text));
    assertEquals("column 801: " + TOO_DEEP, e.getMessage());
  }

  @Test
  void threeThousandChainedPowersAreRefusedAtTheTwoHundredAndFirstCaret() {
    String text = String.join("^", Collections.nCopies(3000, "x"));
    FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text));
    // the k-th '^' is at column 2k
    assertEquals("column 402: " + TOO_DEEP, e.getMessage());
  }

  @Test
  void fiveThousandMinusSignsAreReadAsTheirParity() throws FormulaException {
    assertEquals(3.0, Formula.parse("-".repeat(5000) + "x").objective().value(3, 0));
    assertEquals(-3.0, Formula.parse("-".repeat(4999) + "x").objective().value(3, 0));
    assertEquals(-9.0, Formula.parse("- - -x^2").objective().value(3, 0));
  }

  @Test
  void aFlatSumOfFiveThousandTermsIsComputedExactly() throws FormulaException {
    Formula sum = Formula.parse(String.join("+", Collections.nCopies(5000, "x")));
    double[] g = new double[2];
    assertEquals(5000.0, sum.objective().valueAndGradient(new double[] {1, 2}, g));
    assertEquals(5000.0, g[0]);
    assertEquals(0.0, g[1]);
    assertEquals(5000, sum.instructionCount()); // x, then 4,999 partial sums
  }

  @Test
  void aFormulaLongerThanTheLimitIsRefused() {
    String text = "x+".repeat(5000) + "y";
    FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text));
    assertEquals("column 10001: formula too long: 10001 characters; at most 10000",
        e.getMessage());
  }

  @Test
  void aFormulaOnSeveralLinesIsLocatedByLineAndColumn() {
    FormulaException e = assertThrows(FormulaException.class,
        () -> Formula.parse("(1 - x)^2\n  + 100 * * (y - x^2)^2"));
    assertEquals(2, e.line());
    assertEquals(11, e.lineColumn());
    assertEquals(21, e.column());
    assertEquals("line 2, column 11: unexpected '*'; expected a number, x, y, a function or '('",
        e.getMessage());
  }

  /** The deepest trees the reader accepts: long sums inside every one of 200 levels. */
  private static List<String> largestAccepted() {
    String sums = "(" + "x*y+".repeat(9) + "sin(";
    String deep = sums.repeat(100) + "x" + ")".repeat(200);
    String longSum = "x*" + "x+y-".repeat((FormulaParser.MAX_LENGTH - 3) / 4) + "y";
    String longProduct = "x" + "*x/y".repeat((FormulaParser.MAX_LENGTH - 1) / 4);
    String powers = "x^" + "(y+x^".repeat(99) + "2" + ")".repeat(99); // 199 levels
    return List.of(deep, longSum, longProduct, powers);
  }

  @Test
  void theLargestAcceptedFormulasGoThroughEverythingOnASmallStack() throws Exception {
    for (String text : largestAccepted()) {
      assertTrue(text.length() <= FormulaParser.MAX_LENGTH, text.length() + " characters");
      onSmallStack(() -> {
        Formula f = Formula.parse(text);
        FormulaObjective o = f.objective();
        double[] j = new double[6];
        o.jet(0.3, 0.2, j);
        Landscape.ofFormula(f, new ViewBox(-1, 1, -1, 1));
        Expr a = FormulaParser.parse(text, Map.of());
        Expr b = FormulaParser.parse(text, Map.of());
        assertNotSame(a, b);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.equals(FormulaParser.parse(text.replaceFirst("x", "y"), Map.of())));
        return null;
      });
    }
  }

  @Test
  void sharedSubExpressionsAreStillComputedOnce() throws FormulaException {
    assertEquals(Formula.parse("sin(x*y)").instructionCount() + 1,
        Formula.parse("sin(x*y) + sin(x*y)").instructionCount());
    assertEquals(3, Formula.parse("x * (cos(pi/4)^2 + 2*3)").instructionCount());
  }

  interface Work {
    Object run() throws Exception;
  }

  /** Runs on a thread with half the usual stack (1 MB), to leave a margin. */
  private static void onSmallStack(Work work) throws Exception {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        work.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "small-stack", 512 * 1024);
    t.start();
    t.join();
    if (failure.get() instanceof Exception e) {
      throw e;
    }
    if (failure.get() instanceof Error e) {
      throw e;
    }
  }
}
