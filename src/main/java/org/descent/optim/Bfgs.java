package org.descent.optim;

import java.util.Arrays;
import org.descent.function.Objective;

/**
 * BFGS, Nocedal and Wright Algorithm 6.1 (Goodfellow et al. section 8.6.3): d = −H g with H the
 * inverse-Hessian approximation (M on the card), a strong Wolfe line search (hyperparameters
 * c₁ = 1e-4, c₂ = 0.9), then with s = θₖ₊₁ − θₖ, y = gₖ₊₁ − gₖ, ρ = 1/yᵀs:
 * H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ. H₀ = I and the first trial step has unit length,
 * as in SciPy; the rescaling H₀ = (yᵀs/yᵀy) I of eq. 6.20 was tried and makes the second step
 * on Rosenbrock needlessly short (36 iterations instead of 31). The update is skipped when yᵀs
 * is not safely positive, so a converged run never divides 0 by 0.
 */
final class Bfgs extends LineSearchOptimizer implements InverseHessianModel {

  private double[] h;
  private double[] hy;
  private boolean updated;
  private int n;

  Bfgs(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void allocate(int dimension) {
    n = dimension;
    h = new double[n * n];
    hy = new double[n];
  }

  @Override
  public double[] inverseHessian() {
    return h == null ? null : h.clone();
  }

  @Override
  protected void recordModel(StepDetail.Builder detail) {
    detail.put(StepDetail.Quantity.INVERSE_HESSIAN, h);
  }

  @Override
  protected void restart() {
    Arrays.fill(h, 0);
    for (int i = 0; i < n; i++) {
      h[i * n + i] = 1;
    }
    updated = false;
  }

  @Override
  protected void iterate(Objective f) {
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += h[i * n + j] * g[j];
      }
      d[i] = -s;
    }
    if (!descending()) {
      restart();
      steepestDescentDirection();
    }
    directionChosen();
    double alpha = searchAlongDirection(f, updated ? 1.0 : unitLengthStep());
    if (alpha == 0) {
      if (updated) {
        restart(); // the model has gone stale: retry along −g next time
      }
      return;
    }
    // s = x − xNew (new minus previous point), y = g − gNew.
    double sy = curvature();
    if (Double.isNaN(sy)) {
      return;
    }
    updated = true;
    double rho = 1 / sy;
    double yhy = 0;
    for (int i = 0; i < n; i++) {
      double v = 0;
      for (int j = 0; j < n; j++) {
        v += h[i * n + j] * (g[j] - gNew[j]);
      }
      hy[i] = v;
      yhy += (g[i] - gNew[i]) * v;
    }
    double c = rho * rho * yhy + rho;
    for (int i = 0; i < n; i++) {
      double si = x[i] - xNew[i];
      for (int j = 0; j < n; j++) {
        double sj = x[j] - xNew[j];
        h[i * n + j] += -rho * (hy[i] * sj + si * hy[j]) + c * si * sj;
      }
    }
  }
}
