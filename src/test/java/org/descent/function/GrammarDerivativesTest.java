package org.descent.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the grammar, alone and in random combinations, differentiates exactly as
 * Commons Math's DerivativeStructure does. The reference is built from the test's own
 * description of each operation, not from the parser's tree.
 */
class GrammarDerivativesTest {

  record Case(String text, BiFunction<DerivativeStructure, DerivativeStructure,
      DerivativeStructure> reference) {
    @Override
    public String toString() {
      return text;
    }
  }

  static List<Case> operations() {
    return List.of(
        new Case("x + y", (x, y) -> x.add(y)),
        new Case("x - y", (x, y) -> x.subtract(y)),
        new Case("x * y", (x, y) -> x.multiply(y)),
        new Case("x / (y + 3)", (x, y) -> x.divide(y.add(3))),
        new Case("x/3", (x, y) -> x.divide(3)),
        new Case("x^3", (x, y) -> x.pow(3)),
        new Case("x ** 3", (x, y) -> x.pow(3)),
        new Case("(x + 3)^2.5", (x, y) -> x.add(3).pow(2.5)),
        new Case("(y + 3)^-1", (x, y) -> y.add(3).pow(-1)),
        new Case("(x + 3)^y", (x, y) -> x.add(3).pow(y)),
        new Case("2^(x + 3) + y", (x, y) -> x.add(3).multiply(Math.log(2)).exp().add(y)),
        new Case("-x^2 + y", (x, y) -> x.pow(2).negate().add(y)),
        new Case("sin(x*y)", (x, y) -> x.multiply(y).sin()),
        new Case("cos(x + y)", (x, y) -> x.add(y).cos()),
        new Case("tan(0.5*x)", (x, y) -> x.multiply(0.5).tan()),
        new Case("exp(x - y)", (x, y) -> x.subtract(y).exp()),
        new Case("log(x^2 + y^2 + 1)", (x, y) -> x.pow(2).add(y.pow(2)).add(1).log()),
        new Case("sqrt(x^2 + y^2 + 1)", (x, y) -> x.pow(2).add(y.pow(2)).add(1).sqrt()),
        new Case("abs(x - y)", (x, y) -> x.subtract(y).abs()),
        new Case("tanh(x*y)", (x, y) -> x.multiply(y).tanh()),
        new Case("sigmoid(x - 2*y)", (x, y) -> DerivativeReference.sigmoid(
            x.subtract(y.multiply(2)))),
        new Case("softplus(x*y)", (x, y) -> DerivativeReference.softplus(x.multiply(y))),
        new Case("min(x^2, y)", (x, y) -> x.getValue() * x.getValue() <= y.getValue()
            ? x.pow(2) : y.add(0)),
        new Case("max(x*y, x - y)", (x, y) -> x.getValue() * y.getValue()
            >= x.getValue() - y.getValue() ? x.multiply(y) : x.subtract(y)),
        new Case("pi*x + e*y", (x, y) -> x.multiply(Math.PI).add(y.multiply(Math.E))),
        new Case("2e-1*x + 1.5E+1*y", (x, y) -> x.multiply(0.2).add(y.multiply(15))),
        new Case("x*x*x - (x*x)*x + y", (x, y) -> y.add(0)));
  }

  @ParameterizedTest
  @MethodSource("operations")
  void operationMatchesDerivativeStructure(Case c) throws FormulaException {
    FormulaObjective f = Formula.parse(c.text()).objective();
    Random random = new Random(c.text().hashCode());
    double[] jet = new double[6];
    for (int k = 0; k < 100; k++) {
      double x = -2 + 4 * random.nextDouble();
      double y = -2 + 4 * random.nextDouble();
      f.jet(x, y, jet);
      DerivativeReference.assertClose(DerivativeReference.jet(c.reference(), x, y), jet, 1e-11,
          c.text() + " at (" + x + ", " + y + ")");
    }
  }

  /** A random expression as text together with its own DerivativeStructure twin. */
  private static Case randomCase(Random r, int depth) {
    if (depth == 0 || r.nextInt(4) == 0) {
      switch (r.nextInt(3)) {
        case 0:
          return new Case("x", (x, y) -> x);
        case 1:
          return new Case("y", (x, y) -> y);
        default:
          double c = Math.round((r.nextDouble() * 4 - 2) * 100) / 100.0;
          String text = c < 0 ? "(" + c + ")" : Double.toString(c);
          return new Case(text, (x, y) -> x.multiply(0).add(c));
      }
    }
    Case a = randomCase(r, depth - 1);
    Case b = randomCase(r, depth - 1);
    var fa = a.reference();
    var fb = b.reference();
    switch (r.nextInt(10)) {
      case 0:
        return new Case("(" + a.text() + " + " + b.text() + ")",
            (x, y) -> fa.apply(x, y).add(fb.apply(x, y)));
      case 1:
        return new Case("(" + a.text() + " - " + b.text() + ")",
            (x, y) -> fa.apply(x, y).subtract(fb.apply(x, y)));
      case 2:
        return new Case("(" + a.text() + " * " + b.text() + ")",
            (x, y) -> fa.apply(x, y).multiply(fb.apply(x, y)));
      case 3:
        return new Case("(" + a.text() + ")/(2 + sin(" + b.text() + "))",
            (x, y) -> fa.apply(x, y).divide(fb.apply(x, y).sin().add(2)));
      case 4:
        return new Case("sin(" + a.text() + ")", (x, y) -> fa.apply(x, y).sin());
      case 5:
        return new Case("tanh(" + a.text() + ")", (x, y) -> fa.apply(x, y).tanh());
      case 6:
        return new Case("(" + a.text() + ")^2", (x, y) -> fa.apply(x, y).pow(2));
      case 7:
        return new Case("exp(0.3*" + a.text() + ")",
            (x, y) -> fa.apply(x, y).multiply(0.3).exp());
      case 8:
        return new Case("sqrt(1 + (" + a.text() + ")^2)",
            (x, y) -> fa.apply(x, y).pow(2).add(1).sqrt());
      default:
        return new Case("-" + "sigmoid(" + a.text() + ")",
            (x, y) -> DerivativeReference.sigmoid(fa.apply(x, y)).negate());
    }
  }

  @Test
  void randomExpressionsMatchDerivativeStructure() throws FormulaException {
    Random random = new Random(7);
    double[] jet = new double[6];
    for (int n = 0; n < 500; n++) {
      Case c = randomCase(random, 4);
      FormulaObjective f = Formula.parse(c.text()).objective();
      for (int k = 0; k < 5; k++) {
        double x = -2 + 4 * random.nextDouble();
        double y = -2 + 4 * random.nextDouble();
        f.jet(x, y, jet);
        DerivativeReference.assertClose(DerivativeReference.jet(c.reference(), x, y), jet,
            1e-9, c.text() + " at (" + x + ", " + y + ")");
      }
    }
  }

  @Test
  void computedConstantExponentsWorkForNegativeBases() throws FormulaException {
    for (String text : new String[] {"x^-2", "x^(-2)", "x^(4/2 - 4)"}) {
      FormulaObjective f = Formula.parse(text).objective();
      double[] jet = new double[6];
      f.jet(-2, 0, jet);
      assertEquals(0.25, jet[0], 1e-15, text);
      assertEquals(0.25, jet[1], 1e-15, text); // d/dx x^-2 = -2 x^-3 = 0.25 at -2
    }
  }

  @Test
  void aGradientStaysZeroWhereTheOuterDerivativeIsInfinite() throws FormulaException {
    FormulaObjective f = Formula.parse("(x^2 + y^2)^0.75").objective();
    double[] g = new double[2];
    f.valueAndGradient(new double[] {0, 0}, g);
    assertEquals(0, g[0], 0);
    assertEquals(0, g[1], 0);
  }

  @Test
  void repeatedSubexpressionsAreComputedOnce() throws FormulaException {
    Formula once = Formula.parse("sin(x*y)");
    Formula twice = Formula.parse("sin(x*y) + sin(x*y)");
    // x, y, x*y, sin, and one more instruction for the sum.
    assertEquals(once.instructionCount() + 1, twice.instructionCount());
  }

  @Test
  void constantSubexpressionsAreFolded() throws FormulaException {
    Formula folded = Formula.parse("x * (cos(pi/4)^2 + 2*3)");
    assertEquals(3, folded.instructionCount()); // x, the constant, the product
    assertEquals(0.5 + 6, folded.objective().value(1, 0), 1e-15);
  }

  @Test
  void parametersAreSubstituted() throws FormulaException {
    Formula f = Formula.parse("a*x^2 + b*y", java.util.Map.of("a", 3.0, "b", -1.0));
    assertEquals(3 * 4 - 5, f.objective().value(2, 5), 0);
  }
}
