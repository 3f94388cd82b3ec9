package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.descent.function.Objective;
import org.descent.optim.StepDetail.Quantity;
import org.junit.jupiter.api.Test;

/**
 * The inverse-Hessian model M of BFGS and L-BFGS against closed forms: with exact line searches
 * on a quadratic ½θᵀAθ, BFGS's M is A⁻¹ after n steps (quadratic termination: the steps are
 * A-conjugate and M A sⱼ = sⱼ for each of them, Fletcher, Practical Methods of Optimization,
 * section 3.4); L-BFGS's matrix is the BFGS recursion applied to γI with its stored pairs, and
 * so is A⁻¹ too after n steps when its memory holds them all.
 */
class InverseHessianTest {

  /** ½θᵀAθ in n dimensions, A symmetric positive definite. */
  private record Quadratic(double[][] a) implements Objective {
    @Override
    public int dimension() {
      return a.length;
    }

    @Override
    public double value(double[] theta) {
      return valueAndGradient(theta, new double[a.length]);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
      double v = 0;
      for (int i = 0; i < a.length; i++) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
          s += a[i][j] * theta[j];
        }
        gradient[i] = s;
        v += 0.5 * theta[i] * s;
      }
      return v;
    }

    @Override
    public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < a.length; j++) {
          hessian[i * a.length + j] = a[i][j];
        }
      }
      return valueAndGradient(theta, gradient);
    }

    @Override
    public Objective copy() {
      return this;
    }
  }

  private static final double[][] A4 = {
      {4, 1, 0, 0.5}, {1, 3, 0.2, 0}, {0, 0.2, 2, 0.3}, {0.5, 0, 0.3, 1}};

  private static double[] inverse(double[][] a) {
    RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver().getInverse();
    int n = a.length;
    double[] out = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i * n + j] = inv.getEntry(i, j);
      }
    }
    return out;
  }

  /** An exact line search: the curvature condition to a relative 1e-10. */
  private static OptimizerSpec exact(OptimizerType type) {
    return OptimizerSpec.of(type, Param.C1, 1e-12, Param.C2, 1e-10);
  }

  private static Optimizer runSteps(OptimizerSpec spec, Objective f, double[] start, int steps,
      List<StepDetail> details) {
    Optimizer run = spec.create();
    run.recordDetails(true);
    double[] theta = start.clone();
    for (int k = 0; k < steps; k++) {
      run.step(theta, f);
      details.add(run.lastDetail());
    }
    return run;
  }

  private static void assertMatrix(double[] expected, double[] actual, double tol, String what) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tol, what + " entry " + i);
    }
  }

  @Test
  void bfgsReachesTheInverseHessianOfATwoDimensionalQuadraticInTwoExactSteps() {
    Objective f = Landscapes.quadratic(3, 1, 2);
    List<StepDetail> details = new ArrayList<>();
    Optimizer run = runSteps(exact(OptimizerType.BFGS), f, new double[] {1, -2}, 3, details);
    double[] expected = {0.4, -0.2, -0.2, 0.6}; // [[3, 1], [1, 2]]⁻¹ = [[2, -1], [-1, 3]] / 5
    assertMatrix(expected, ((InverseHessianModel) run).inverseHessian(), 1e-7, "M");
    // a step's detail holds the M its direction came from: the third step's is the learnt one
    assertMatrix(expected, details.get(2).get(Quantity.INVERSE_HESSIAN), 1e-7, "detail's M");
    assertMatrix(new double[] {1, 0, 0, 1}, details.get(0).get(Quantity.INVERSE_HESSIAN), 0,
        "the first step's M");
    // After one update it is not there yet: the model knows only one direction.
    double[] first = details.get(1).get(Quantity.INVERSE_HESSIAN);
    assertTrue(Math.abs(first[0] - expected[0]) > 1e-3, "M after one update " + first[0]);
  }

  @Test
  void bfgsReachesTheInverseHessianInNExactStepsInFourDimensions() {
    Objective f = new Quadratic(A4);
    List<StepDetail> details = new ArrayList<>();
    Optimizer run = runSteps(exact(OptimizerType.BFGS), f, new double[] {1, -2, 0.5, 3}, 4,
        details);
    assertMatrix(inverse(A4), ((InverseHessianModel) run).inverseHessian(), 1e-6, "M");
  }

  @Test
  void everyBfgsModelSatisfiesTheSecantEquationOfItsNewestPair() {
    Objective f = Landscapes.catalogue("rosenbrock");
    List<StepDetail> details = new ArrayList<>();
    runSteps(OptimizerSpec.of(OptimizerType.BFGS), f, new double[] {-1.2, 1}, 12, details);
    for (int k = 0; k + 1 < details.size(); k++) {
      double[] s = details.get(k).get(Quantity.STEP);
      double[] y = minus(details.get(k + 1).get(Quantity.GRADIENT),
          details.get(k).get(Quantity.GRADIENT));
      double[] m = details.get(k + 1).get(Quantity.INVERSE_HESSIAN); // learnt from step k
      double[] my = times(m, y);
      for (int i = 0; i < 2; i++) {
        assertEquals(s[i], my[i], 1e-8 * (1 + Math.abs(s[i])), "M y = s at step " + k);
      }
      assertEquals(m[1], m[2], 1e-9 * (Math.abs(m[0]) + Math.abs(m[3])), "symmetric");
    }
  }

  /**
   * The step inspector shows d beside the M of the same step: −M g must be d on every step of
   * BFGS and L-BFGS (a detail holding the M after the update fails from the second step on).
   */
  @Test
  void everyStepsDirectionIsMinusItsOwnModelTimesItsGradient() {
    Objective f = Landscapes.catalogue("rosenbrock");
    for (OptimizerSpec spec : List.of(OptimizerSpec.of(OptimizerType.BFGS),
        OptimizerSpec.of(OptimizerType.LBFGS, Param.MEMORY, 3))) {
      List<StepDetail> details = new ArrayList<>();
      runSteps(spec, f, new double[] {-1.2, 1}, 30, details);
      for (StepDetail d : details) {
        if (!d.has(Quantity.DIRECTION)) {
          continue; // converged: no search this step
        }
        double[] mg = times(d.get(Quantity.INVERSE_HESSIAN), d.get(Quantity.GRADIENT));
        double[] dir = d.get(Quantity.DIRECTION);
        for (int i = 0; i < 2; i++) {
          assertEquals(dir[i], -mg[i], 1e-9 * (1 + Math.abs(dir[i])),
              spec.type() + " step " + d.step());
        }
      }
    }
  }

  @Test
  void lbfgsWithEnoughMemoryEqualsBfgsOnAQuadratic() {
    Objective f = new Quadratic(A4);
    double[] start = {1, -2, 0.5, 3};
    Optimizer bfgs = runSteps(exact(OptimizerType.BFGS), f, start, 4, new ArrayList<>());
    Optimizer lbfgs = runSteps(exact(OptimizerType.LBFGS).with(Param.MEMORY, 10), f, start, 4,
        new ArrayList<>());
    assertMatrix(((InverseHessianModel) bfgs).inverseHessian(),
        ((InverseHessianModel) lbfgs).inverseHessian(), 1e-6, "L-BFGS's M");
  }

  /**
   * The matrix built from the two-loop recursion is the dense BFGS recursion from γI over the
   * last m pairs, γ = sᵀy/yᵀy of the newest (Nocedal and Wright eq. 7.19), the pairs taken here
   * from the recorded steps and gradients.
   */
  @Test
  void lbfgsMatrixIsTheBfgsRecursionOverItsLastPairs() {
    Objective f = Landscapes.catalogue("rosenbrock");
    int memory = 3;
    List<StepDetail> details = new ArrayList<>();
    Optimizer run = OptimizerSpec.of(OptimizerType.LBFGS, Param.MEMORY, memory).create();
    assertNull(((InverseHessianModel) run).inverseHessian());
    runSteps(OptimizerSpec.of(OptimizerType.LBFGS, Param.MEMORY, memory), f,
        new double[] {-1.2, 1}, 9, details);
    for (int k = 0; k + 1 < details.size(); k++) {
      List<double[][]> pairs = new ArrayList<>();
      for (int j = Math.max(0, k - memory + 1); j <= k; j++) {
        pairs.add(new double[][] {details.get(j).get(Quantity.STEP),
            minus(details.get(j + 1).get(Quantity.GRADIENT), details.get(j).get(Quantity.GRADIENT))});
      }
      double[] expected = denseBfgs(pairs, 2);
      double[] actual = details.get(k + 1).get(Quantity.INVERSE_HESSIAN); // the next step's
      double scale = Math.abs(expected[0]) + Math.abs(expected[3]);
      assertMatrix(expected, actual, 1e-9 * scale, "step " + k);
    }
  }

  private static double[] denseBfgs(List<double[][]> pairs, int n) {
    double[] s0 = pairs.get(pairs.size() - 1)[0];
    double[] y0 = pairs.get(pairs.size() - 1)[1];
    double gamma = dot(s0, y0) / dot(y0, y0);
    double[] h = new double[n * n];
    for (int i = 0; i < n; i++) {
      h[i * n + i] = gamma;
    }
    for (double[][] p : pairs) {
      double[] s = p[0];
      double[] y = p[1];
      double rho = 1 / dot(s, y);
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      double[] left = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          left[i * n + j] = (i == j ? 1 : 0) - rho * s[i] * y[j];
        }
      }
      double[] next = mul(mul(left, h, n), transpose(left, n), n);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          next[i * n + j] += rho * s[i] * s[j];
        }
      }
      h = next;
    }
    return h;
  }

  private static double[] mul(double[] a, double[] b, int n) {
    double[] c = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          c[i * n + j] += a[i * n + k] * b[k * n + j];
        }
      }
    }
    return c;
  }

  private static double[] transpose(double[] a, int n) {
    double[] t = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        t[j * n + i] = a[i * n + j];
      }
    }
    return t;
  }

  private static double[] times(double[] m, double[] v) {
    int n = v.length;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i] += m[i * n + j] * v[j];
      }
    }
    return out;
  }

  private static double[] minus(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i] - b[i];
    }
    return c;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
