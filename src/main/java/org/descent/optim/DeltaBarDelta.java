package org.descent.optim;

import org.descent.function.Objective;

/**
 * Delta-bar-delta, Jacobs (1988), "Increased rates of convergence through learning rate
 * adaptation", Neural Networks 1(4), eqs. 4 and 5; Goodfellow et al. section 8.5: one learning
 * rate per parameter, adapted from the sign of the gradient. With δ̄ the exponential average of
 * past gradients (δ̄ = 0 before the first step), each step t does, per coordinate i:
 *
 * <pre>
 *   εᵢ ← εᵢ + κ          if δ̄ᵢ gᵢ &gt; 0   (the slope keeps its sign: grow additively)
 *   εᵢ ← (1 − φ) εᵢ      if δ̄ᵢ gᵢ &lt; 0   (the slope flipped: we overshot, shrink geometrically)
 *   θᵢ ← θᵢ − σₜ εᵢ gᵢ
 *   δ̄ᵢ ← (1 − θ) gᵢ + θ δ̄ᵢ
 * </pre>
 *
 * with εᵢ = lr at the start. Additive growth and multiplicative decay are Jacobs' choice: rates
 * rise slowly along a consistent slope and collapse quickly where they cause oscillation. The
 * rates are the run's state, so a new lr mid-run does not reset them; a schedule scales every
 * rate by σₜ = schedule(lr, t)/lr (σₜ = 1 for a constant rate). Clipping applies to g. The
 * method is for full-batch gradients, as the lectures say: noise flips the signs and the rates
 * shrink.
 */
final class DeltaBarDelta extends FirstOrderOptimizer {

  private double kappa;
  private double phi;
  private double theta;
  private double[] rate;
  private double[] average;

  DeltaBarDelta(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    kappa = spec.get(Param.KAPPA);
    phi = spec.get(Param.PHI);
    theta = spec.get(Param.THETA);
  }

  @Override
  protected void allocate(int n) {
    rate = new double[n];
    average = new double[n];
    java.util.Arrays.fill(rate, spec().get(Param.LR));
  }

  @Override
  protected void update(double[] x, Objective f, double lr) {
    gradient(f, x, g);
    double scale = lr / spec().get(Param.LR);
    for (int i = 0; i < x.length; i++) {
      double agreement = average[i] * g[i];
      if (agreement > 0) {
        rate[i] += kappa;
      } else if (agreement < 0) {
        rate[i] *= 1 - phi;
      }
      x[i] -= scale * rate[i] * g[i];
      average[i] = (1 - theta) * g[i] + theta * average[i];
    }
    if (recording()) {
      double[] applied = new double[rate.length];
      for (int i = 0; i < applied.length; i++) {
        applied[i] = scale * rate[i];
      }
      detail().put(StepDetail.Quantity.EFFECTIVE_RATE, applied)
          .put(StepDetail.Quantity.AVERAGE_GRADIENT, average);
    }
  }
}
