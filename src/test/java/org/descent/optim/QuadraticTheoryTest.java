package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.descent.function.Objective;
import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;
import org.junit.jupiter.api.Test;

/** Gradient descent and momentum on quadratics, against their closed forms. */
class QuadraticTheoryTest {

  // A = [[5, 2], [2, 2]]: eigenvalues 6 and 1, not axis-aligned.
  private static final double A = 5;
  private static final double B = 2;
  private static final double C = 2;
  private static final RealMatrix MATRIX =
      new Array2DRowRealMatrix(new double[][] {{A, B}, {B, C}});
  private static final double LAMBDA_MAX =
      new EigenDecomposition(MATRIX).getRealEigenvalue(0);

  private static Trace run(OptimizerSpec spec, int steps, double... start) {
    return TraceRunner.run(spec, Landscapes.quadratic(A, B, C), start, steps, 0, 1);
  }

  @Test
  void largestEigenvalueIsSix() {
    assertEquals(6, LAMBDA_MAX, 1e-12);
  }

  @Test
  void gradientDescentIteratesAreTheMatrixPowerRecurrence() {
    double lr = 0.1;
    Trace t = run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, lr), 50, 1.5, -2);
    RealMatrix step = MatrixUtils.createRealIdentityMatrix(2).subtract(MATRIX.scalarMultiply(lr));
    RealVector theta0 = new ArrayRealVector(new double[] {1.5, -2});
    for (int k = 0; k <= 50; k++) {
      RealVector expected = step.power(k).operate(theta0);
      assertEquals(expected.getEntry(0), t.x(k), 1e-12, "x at step " + k);
      assertEquals(expected.getEntry(1), t.y(k), 1e-12, "y at step " + k);
    }
  }

  @Test
  void learningRateBelowTwoOverLambdaMaxConverges() {
    Trace t = run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.99 * 2 / LAMBDA_MAX), 3000,
        1, 1);
    assertTrue(t.finalLoss() < 1e-10 * t.loss(0), "final loss " + t.finalLoss());
  }

  @Test
  void learningRateAboveTwoOverLambdaMaxDiverges() {
    Trace t = run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 1.01 * 2 / LAMBDA_MAX), 3000,
        1, 1);
    assertTrue(t.diverged() || t.finalLoss() > 1e6 * t.loss(0), "final loss " + t.finalLoss());
  }

  @Test
  void learningRateAtTheBoundaryOscillatesWithConstantAmplitude() {
    // Along the top eigenvector, 1 − ελmax = −1: the component flips sign and keeps its size.
    RealVector top = new EigenDecomposition(MATRIX).getEigenvector(0);
    Trace t = run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 2 / LAMBDA_MAX), 200,
        top.getEntry(0), top.getEntry(1));
    for (int k = 1; k <= 200; k++) {
      double previous = t.x(k - 1) * top.getEntry(0) + t.y(k - 1) * top.getEntry(1);
      double now = t.x(k) * top.getEntry(0) + t.y(k) * top.getEntry(1);
      assertEquals(-previous, now, 1e-9, "step " + k);
    }
  }

  @Test
  void betweenOneAndTwoOverLambdaMaxTheStiffComponentAlternatesSign() {
    RealVector top = new EigenDecomposition(MATRIX).getEigenvector(0);
    Trace t = run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 1.5 / LAMBDA_MAX), 20,
        top.getEntry(0), top.getEntry(1));
    for (int k = 1; k <= 20; k++) {
      double previous = t.x(k - 1) * top.getEntry(0) + t.y(k - 1) * top.getEntry(1);
      double now = t.x(k) * top.getEntry(0) + t.y(k) * top.getEntry(1);
      assertTrue(previous * now < 0 && Math.abs(now) < Math.abs(previous), "step " + k);
    }
  }

  @Test
  void momentumOnAPlaneReachesTheTerminalStep() {
    // f = 3x + 4y: ‖g‖ = 5; steps approach ε‖g‖/(1 − α) (Goodfellow et al. eq. 8.17).
    double lr = 0.01;
    double alpha = 0.9;
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, lr,
        Param.MOMENTUM, alpha), Landscapes.formula("3*x + 4*y"), new double[] {0, 0}, 400, 0, 1);
    int k = t.lastStep();
    double step = Math.hypot(t.x(k) - t.x(k - 1), t.y(k) - t.y(k - 1));
    assertEquals(lr * 5 / (1 - alpha), step, 1e-12);
  }

  @Test
  void momentumWithConstantRateEqualsTheVelocityBufferForm() {
    double lr = 1e-3;
    double mu = 0.8;
    Objective f = Landscapes.catalogue("rosenbrock");
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, lr,
        Param.MOMENTUM, mu), f, new double[] {-1.2, 1}, 200, 0, 1);
    // torch.optim.SGD's form, with a buffer that starts at zero: b ← μb + g; θ ← θ − εb.
    double[] theta = {-1.2, 1};
    double[] b = new double[2];
    double[] g = new double[2];
    for (int k = 1; k <= 200; k++) {
      f.gradient(theta, g);
      for (int i = 0; i < 2; i++) {
        b[i] = mu * b[i] + g[i];
        theta[i] -= lr * b[i];
      }
      assertEquals(theta[0], t.x(k), 1e-12 * Math.max(1, Math.abs(theta[0])), "x at " + k);
      assertEquals(theta[1], t.y(k), 1e-12 * Math.max(1, Math.abs(theta[1])), "y at " + k);
    }
  }

  @Test
  void heavyBallRecurrenceOnAQuadratic() {
    // θₖ₊₁ = θₖ − εAθₖ + α(θₖ − θₖ₋₁), the second-order form of momentum (Polyak 1964).
    double lr = 0.05;
    double alpha = 0.7;
    Trace t = run(OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, lr, Param.MOMENTUM, alpha),
        60, 2, -1);
    RealVector prev = new ArrayRealVector(new double[] {2, -1});
    RealVector cur = prev.subtract(MATRIX.operate(prev).mapMultiply(lr));
    for (int k = 1; k <= 60; k++) {
      assertEquals(cur.getEntry(0), t.x(k), 1e-12, "x at " + k);
      assertEquals(cur.getEntry(1), t.y(k), 1e-12, "y at " + k);
      RealVector next = cur.subtract(MATRIX.operate(cur).mapMultiply(lr))
          .add(cur.subtract(prev).mapMultiply(alpha));
      prev = cur;
      cur = next;
    }
  }

  @Test
  void nesterovRecurrenceOnAQuadratic() {
    // With y = θₖ + α(θₖ − θₖ₋₁): θₖ₊₁ = y − εAy (Sutskever et al. 2013).
    double lr = 0.05;
    double alpha = 0.7;
    Trace t = run(OptimizerSpec.of(OptimizerType.NESTEROV, Param.LR, lr, Param.MOMENTUM, alpha),
        60, 2, -1);
    RealVector prev = new ArrayRealVector(new double[] {2, -1});
    RealVector cur = prev.subtract(MATRIX.operate(prev).mapMultiply(lr));
    for (int k = 1; k <= 60; k++) {
      assertEquals(cur.getEntry(0), t.x(k), 1e-12, "x at " + k);
      assertEquals(cur.getEntry(1), t.y(k), 1e-12, "y at " + k);
      RealVector ahead = cur.add(cur.subtract(prev).mapMultiply(alpha));
      RealVector next = ahead.subtract(MATRIX.operate(ahead).mapMultiply(lr));
      prev = cur;
      cur = next;
    }
  }
}
