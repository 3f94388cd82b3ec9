package org.descent.optim;

import org.descent.function.Objective;

/**
 * Adam, Goodfellow et al. Algorithm 8.7 and Kingma and Ba (2015), Algorithm 1: t ← t + 1;
 * s ← ρ₁s + (1 − ρ₁)g; r ← ρ₂r + (1 − ρ₂) g⊙g; ŝ = s/(1 − ρ₁ᵗ); r̂ = r/(1 − ρ₂ᵗ);
 * θ ← θ − ε ŝ/(√r̂ + δ). δ is added outside the root with the paper's default 1e-8: where a
 * listing puts it elsewhere, this class follows the paper. The bias correction makes the first
 * step about ε per coordinate, whatever the gradient's scale.
 */
class Adam extends FirstOrderOptimizer implements StabilityBound {

  /**
   * AdamW's decoupled weight decay λ; 0 here, so that θ is multiplied by exactly 1 and Adam's
   * arithmetic is untouched.
   */
  protected double decay;
  private double beta1;
  private double beta2;
  private double delta;
  private double[] s;
  private double[] r;

  Adam(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    beta1 = spec.get(Param.BETA1);
    beta2 = spec.get(Param.BETA2);
    delta = spec.get(Param.DELTA);
  }

  @Override
  protected void allocate(int n) {
    s = new double[n];
    r = new double[n];
  }

  @Override
  protected void update(double[] theta, Objective f, double lr) {
    gradient(f, theta, g);
    int step = t + 1;
    double c1 = 1 - Math.pow(beta1, step);
    double c2 = 1 - Math.pow(beta2, step);
    double shrink = 1 - lr * decay;
    for (int i = 0; i < theta.length; i++) {
      theta[i] *= shrink;
      s[i] = beta1 * s[i] + (1 - beta1) * g[i];
      r[i] = beta2 * r[i] + (1 - beta2) * g[i] * g[i];
      double sHat = s[i] / c1;
      double rHat = r[i] / c2;
      theta[i] -= lr * sHat / (Math.sqrt(rHat) + delta);
    }
    if (recording()) {
      int n = theta.length;
      double[] sHat = new double[n];
      double[] rHat = new double[n];
      double[] rate = new double[n];
      for (int i = 0; i < n; i++) {
        sHat[i] = s[i] / c1;
        rHat[i] = r[i] / c2;
        rate[i] = lr / (Math.sqrt(rHat[i]) + delta);
      }
      detail().put(StepDetail.Quantity.FIRST_MOMENT, s)
          .put(StepDetail.Quantity.SECOND_MOMENT, r)
          .put(StepDetail.Quantity.FIRST_MOMENT_HAT, sHat)
          .put(StepDetail.Quantity.SECOND_MOMENT_HAT, rHat)
          .put(StepDetail.Quantity.EFFECTIVE_RATE, rate)
          .put(StepDetail.Scalar.FIRST_CORRECTION, c1)
          .put(StepDetail.Scalar.SECOND_CORRECTION, c2);
    }
  }

  /**
   * (2 + 2ρ₁)/((1 − ρ₁)ε), a bound on the preconditioned sharpness λ1(P⁻¹H) (Cohen et al.
   * 2022); AdamW's decay leaves it as it is.
   */
  @Override
  public StabilityThreshold stabilityThreshold(double lr) {
    return new StabilityThreshold((2 + 2 * beta1) / ((1 - beta1) * lr), true,
        "(2 + 2ρ₁)/((1 − ρ₁)ε)");
  }
}
