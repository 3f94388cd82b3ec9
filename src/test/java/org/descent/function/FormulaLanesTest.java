package org.descent.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The many-points gradient (fused kernels and instruction-by-instruction loops) is the scalar
 * evaluator's, bit for bit, at ordinary and at awkward points: zeros of both signs, where the
 * evaluator's guards decide, infinities, NaN, huge and tiny values.
 */
class FormulaLanesTest {

  private static final double[] SPECIAL = {0.0, -0.0, 1, -1, 2, 0.5, Double.MIN_VALUE,
      -Double.MIN_VALUE, 1e-300, 1e300, -1e300, Double.MAX_VALUE, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, Double.NaN, Math.PI, 1e-8};

  static List<String> formulas() {
    List<String> f = new ArrayList<>();
    for (FunctionDefinition d : Catalogue.all()) {
      f.add(d.formula().replace("lambda1", "1").replace("lambda2", "10").replace("angle", "30")
          .replace("offset", "3").replace("alpha", "0.05"));
    }
    f.addAll(List.of("x", "y", "3", "-x", "x*y", "x - y", "-(x*y) - y", "x^3 - 3*x*y^2",
        "min(x, y) + max(x*x, y)", "abs(x) + sqrt(abs(y))", "log(x^2 + y^2)", "exp(-x*y)",
        "sin(x)*cos(y) + tan(x/3)", "tanh(x) + sigmoid(y) + softplus(x - y)", "1/x + 1/(y*y)",
        "(x^2 + y^2)^0.75", "x^0 + y^1 + x^-2", "sqrt(x)^2", "(x - 1)*(y + 2)*(x*y - 3)",
        "(x*x - y)^2 * (x + y)^2 - x*y*y"));
    // Every row of the operator table, whether or not a formula above uses it.
    for (UnaryOp op : UnaryOp.values()) {
      String arg = "(x*y - 0.5)";
      f.add(switch (op) {
        case NEG -> "-" + arg;
        case RECIP -> "1/" + arg;
        default -> op.name().toLowerCase(java.util.Locale.ROOT) + arg;
      });
    }
    return f;
  }

  @Test
  void everyLaneIsTheScalarEvaluatorsGradientBitForBit() throws FormulaException {
    SplittableRandom random = new SplittableRandom(7);
    int n = 300;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int j = 0; j < n; j++) {
      boolean special = j < SPECIAL.length * SPECIAL.length;
      x[j] = special ? SPECIAL[j % SPECIAL.length] : random.nextDouble(-5, 5);
      y[j] = special ? SPECIAL[j / SPECIAL.length] : random.nextDouble(-5, 5);
    }
    // Exact small integers and halves: where products and differences meet exact zeros.
    for (int j = 0; j < 20; j++) {
      x[n - 1 - j] = (j % 5) - 2;
      y[n - 1 - j] = (j / 5) * 0.5 - 1;
    }
    for (String text : formulas()) {
      Formula formula = Formula.parse(text);
      FormulaObjective scalar = formula.objective();
      for (FormulaLanes lanes : List.of(formula.lanes(n), formula.interpretedLanes(n))) {
        double[] dx = new double[n];
        double[] dy = new double[n];
        lanes.gradient(x, y, n, dx, dy);
        double[] g = new double[2];
        for (int j = 0; j < n; j++) {
          scalar.valueAndGradient(new double[] {x[j], y[j]}, g);
          String at = text + " at (" + x[j] + ", " + y[j] + ")";
          assertEquals(Double.doubleToLongBits(g[0]), Double.doubleToLongBits(dx[j]), at);
          assertEquals(Double.doubleToLongBits(g[1]), Double.doubleToLongBits(dy[j]), at);
        }
      }
    }
  }

  @Test
  void fewerLanesThanTheWidthLeaveTheRestAlone() throws FormulaException {
    FormulaLanes lanes = Formula.parse("x*y").lanes(8);
    double[] dx = {9, 9, 9, 9, 9, 9, 9, 9};
    double[] dy = dx.clone();
    lanes.gradient(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 3, dx, dy);
    assertEquals(4, dx[0]);
    assertEquals(6, dx[2]);
    assertEquals(9, dx[3]);
    assertEquals(3, dy[2]);
  }

  @Test
  void aLongFormulaRunsWithoutAKernelAndStillAgrees() throws FormulaException {
    StringBuilder sb = new StringBuilder("0");
    for (int i = 1; i <= 200; i++) {
      sb.append(" + ").append(i).append("*sin(x*").append(i).append(" - y)");
    }
    Formula f = Formula.parse(sb.toString());
    FormulaLanes lanes = f.lanes(4);
    double[] x = {0.1, -2, 3, 0};
    double[] y = {0.3, 1, -0.5, 0};
    double[] dx = new double[4];
    double[] dy = new double[4];
    lanes.gradient(x, y, 4, dx, dy);
    double[] g = new double[2];
    for (int j = 0; j < 4; j++) {
      f.objective().valueAndGradient(new double[] {x[j], y[j]}, g);
      assertEquals(g[0], dx[j]);
      assertEquals(g[1], dy[j]);
    }
  }
}
