package org.descent.optim;

import org.descent.function.Objective;

/**
 * RMSProp with Nesterov momentum, Goodfellow et al. Algorithm 8.6: g at θ̃ = θ + αv;
 * r ← ρr + (1 − ρ) g⊙g; v ← αv − ε/√(δ + r) ⊙ g; θ ← θ + v. The listing divides by √r; the
 * δ inside the root (as in Algorithm 8.5) keeps the first step finite where a gradient
 * component is zero.
 */
final class RmsPropNesterov extends FirstOrderOptimizer {

  private double rho;
  private double alpha;
  private double delta;
  private double[] r;
  private double[] v;
  private double[] ahead;

  RmsPropNesterov(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    rho = spec.get(Param.RHO);
    alpha = spec.get(Param.MOMENTUM);
    delta = spec.get(Param.DELTA);
  }

  @Override
  protected void allocate(int n) {
    r = new double[n];
    v = new double[n];
    ahead = new double[n];
  }

  @Override
  protected void update(double[] theta, Objective f, double lr) {
    Vectors.axpy(theta, alpha, v, ahead);
    gradient(f, ahead, g);
    for (int i = 0; i < theta.length; i++) {
      r[i] = rho * r[i] + (1 - rho) * g[i] * g[i];
      v[i] = alpha * v[i] - lr / Math.sqrt(delta + r[i]) * g[i];
      theta[i] += v[i];
    }
    if (recording()) {
      double[] rate = new double[r.length];
      for (int i = 0; i < rate.length; i++) {
        rate[i] = lr / Math.sqrt(delta + r[i]);
      }
      detail().put(StepDetail.Quantity.SECOND_MOMENT, r)
          .put(StepDetail.Quantity.VELOCITY, v)
          .put(StepDetail.Quantity.EFFECTIVE_RATE, rate);
    }
  }
}
