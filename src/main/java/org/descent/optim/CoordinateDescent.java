package org.descent.optim;

import org.descent.function.Objective;

/**
 * Coordinate descent, Goodfellow et al. section 8.7.2: each step changes one coordinate,
 * cycling through them (a sweep is n steps). With {@code exact} the coordinate is set to the
 * minimizer of f along it (an exact line search, seeded with the Newton step 1/Hᵢᵢ when the
 * Hessian is known); otherwise θᵢ ← θᵢ − ε gᵢ. On a separable function one sweep of exact steps
 * reaches the minimum; coupled variables make it zig-zag. Once no coordinate can decrease f, a
 * converged run spends no more evaluations.
 */
final class CoordinateDescent extends FirstOrderOptimizer {

  private boolean exact;
  private final StrongWolfeLineSearch lineSearch = StrongWolfeLineSearch.exact();
  private double[] direction;
  private double[] full;
  private double[] out;
  private double[] outGrad;
  private double[] h;
  private double[] last;
  /** Consecutive coordinates along which the exact search found no decrease. */
  private int stuck;

  CoordinateDescent(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    exact = spec.get(Param.EXACT) != 0;
  }

  /** An exact step has no rate; a gradient step moves one coordinate only. */
  @Override
  protected boolean stepsWithTheRate() {
    return false;
  }

  @Override
  protected void allocate(int n) {
    direction = new double[n];
    full = new double[n];
    out = new double[n];
    outGrad = new double[n];
    h = new double[n * n];
    last = new double[n];
    stuck = 0;
  }

  @Override
  protected void update(double[] theta, Objective f, double lr) {
    int n = theta.length;
    int i = t % n;
    if (recording()) {
      detail().put(StepDetail.Scalar.COORDINATE, i);
    }
    if (!exact) {
      gradient(f, theta, g);
      theta[i] -= lr * g[i];
      return;
    }
    if (stuck >= n && java.util.Arrays.equals(theta, last)) {
      return; // no coordinate can decrease f: converged, no more evaluations
    }
    double value;
    double alpha0 = 1;
    if (f.hasHessian()) {
      value = f.valueGradientHessian(theta, full, h);
      double curvature = h[i * n + i];
      if (curvature > 0 && Double.isFinite(curvature)) {
        alpha0 = 1 / curvature;
      }
    } else {
      value = f.valueAndGradient(theta, full);
    }
    if (recording()) {
      detail().put(StepDetail.Quantity.GRADIENT, full);
    }
    if (full[i] == 0 || !Double.isFinite(full[i])) {
      noProgress(theta);
      return;
    }
    java.util.Arrays.fill(direction, 0);
    direction[i] = -full[i];
    if (alpha0 == 1) {
      alpha0 = 1 / Math.abs(full[i]);
    }
    lineSearch.record(recording());
    double alpha = lineSearch.search(f, theta, value, full, direction, alpha0, out, outGrad);
    if (recording()) {
      detail().put(StepDetail.Quantity.DIRECTION, direction)
          .put(StepDetail.Scalar.STEP_LENGTH, alpha).lineSearch(lineSearch.lastRecord());
    }
    if (alpha > 0 && out[i] != theta[i]) {
      theta[i] = out[i];
      stuck = 0;
    } else {
      noProgress(theta);
    }
  }

  private void noProgress(double[] theta) {
    stuck++;
    System.arraycopy(theta, 0, last, 0, theta.length);
  }
}
