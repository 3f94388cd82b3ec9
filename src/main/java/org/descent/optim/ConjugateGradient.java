package org.descent.optim;

import org.descent.function.Objective;

/**
 * Nonlinear conjugate gradients, Goodfellow et al. Algorithm 8.9, Nocedal and Wright section
 * 5.2: d ← −g + β d with Polak–Ribière β = max(0, gₖ₊₁ᵀ(gₖ₊₁ − gₖ)/gₖᵀgₖ) (PR+, which restarts
 * itself when β &lt; 0) or Fletcher–Reeves β = gₖ₊₁ᵀgₖ₊₁/gₖᵀgₖ; a restart (d = −g) every k
 * iterations (k = 0: every n) and whenever d is not a descent direction. The line search
 * satisfies the strong Wolfe conditions with the hyperparameters c₁ (1e-4) and c₂ (0.1, the
 * value Nocedal and Wright recommend for conjugate gradients), or is exact.
 */
final class ConjugateGradient extends LineSearchOptimizer {

  private boolean fletcherReeves;
  private int restartEvery;
  private int sinceRestart;
  private double lastAlpha;
  private double lastSlope;

  ConjugateGradient(OptimizerSpec spec) {
    super(spec);
  }

  /** The exact search ignores c1 and c2 (it asks for the curvature condition to 1e-9). */
  @Override
  protected StrongWolfeLineSearch lineSearchFor(OptimizerSpec spec) {
    return spec.get(Param.LINE_SEARCH) == 1 ? StrongWolfeLineSearch.exact()
        : super.lineSearchFor(spec);
  }

  @Override
  protected void configureMethod(OptimizerSpec spec) {
    fletcherReeves = spec.get(Param.BETA) == 1;
    restartEvery = (int) spec.get(Param.RESTART);
  }

  @Override
  protected void allocate(int n) {}

  @Override
  protected void restart() {
    sinceRestart = 0;
  }

  @Override
  protected void iterate(Objective f) {
    double alpha0;
    if (sinceRestart == 0) {
      steepestDescentDirection();
      alpha0 = lastAlpha > 0 ? lastAlpha * lastSlope / Vectors.dot(g, d) : unitLengthStep();
    } else {
      // Nocedal and Wright eq. 3.60: expect the same first-order change as last time.
      alpha0 = lastAlpha * lastSlope / Vectors.dot(g, d);
    }
    if (!(alpha0 > 0) || !Double.isFinite(alpha0)) {
      alpha0 = unitLengthStep();
    }
    double slope = Vectors.dot(g, d);
    double alpha = searchAlongDirection(f, alpha0);
    if (alpha == 0) {
      sinceRestart = 0; // no decrease along d: next time, start over along −g
      lastAlpha = 0;
      return;
    }
    lastAlpha = alpha;
    lastSlope = slope;
    // x, g are the new point; xNew, gNew the previous one.
    double previousNormSq = Vectors.dot(gNew, gNew);
    double beta;
    if (fletcherReeves) {
      beta = Vectors.dot(g, g) / previousNormSq;
    } else {
      beta = Math.max(0, (Vectors.dot(g, g) - Vectors.dot(g, gNew)) / previousNormSq);
    }
    sinceRestart++;
    int period = restartEvery == 0 ? d.length : restartEvery;
    if (sinceRestart % period == 0 || !Double.isFinite(beta)) {
      sinceRestart = 0;
      return; // the next iteration takes −g
    }
    if (recording()) {
      detail().put(StepDetail.Scalar.BETA, beta);
    }
    for (int i = 0; i < d.length; i++) {
      d[i] = -g[i] + beta * d[i];
    }
    if (!descending()) {
      sinceRestart = 0;
    }
  }
}
