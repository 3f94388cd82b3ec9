package org.descent.optim;

import org.descent.function.Objective;

/**
 * Sharpness-aware minimization, Foret et al., "Sharpness-Aware Minimization for Efficiently
 * Improving Generalization" (ICLR 2021), Algorithm 1 with p = 2 and plain gradient descent as
 * the base optimizer: with g the gradient at θ, ε̂ = ρ g/‖g‖ (eq. 2, the first-order worst
 * perturbation within distance ρ); g_SAM = ∇f(θ + ε̂) (eq. 3, without the second-order term);
 * θ ← θ − ε g_SAM. The default ρ = 0.05 is from the paper's grid {0.01, 0.02, 0.05, 0.1, 0.2,
 * 0.5}; on a 2-D landscape, whose scale is not a network's, larger radii show the effect.
 *
 * <p>Two gradients a step, of the same objective: on the network the same mini-batch, as the
 * algorithm asks (the batch changes between steps, not within one). On a landscape with
 * gradient noise each gradient draws its own noise, as two independent samples would. At a
 * point with g = 0 there is no direction to ascend: ε̂ = 0 and the step is gradient descent's
 * (the widely used PyTorch version, D. Samuel's {@code sam.py}, divides by ‖g‖ + 10⁻¹², which
 * gives the same 0 there).
 *
 * <p>The ascent gradient is read from {@code f} unclipped: ε̂ depends only on its direction,
 * which clipping by norm does not change. The gradient the step uses is the clipped one, and it
 * is the one the step detail shows, with the point θ + ε̂ where it was taken.
 */
final class Sam extends FirstOrderOptimizer {

  private double rho;
  private double[] ascent;
  private double[] perturbed;

  Sam(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    rho = spec.get(Param.RADIUS);
  }

  @Override
  protected void allocate(int n) {
    ascent = new double[n];
    perturbed = new double[n];
  }

  @Override
  protected void update(double[] theta, Objective f, double lr) {
    f.gradient(theta, ascent);
    double norm = Vectors.norm(ascent);
    double scale = norm > 0 && Double.isFinite(norm) ? rho / norm : 0;
    for (int i = 0; i < theta.length; i++) {
      perturbed[i] = theta[i] + scale * ascent[i];
    }
    gradient(f, perturbed, g);
    for (int i = 0; i < theta.length; i++) {
      theta[i] -= lr * g[i];
    }
  }
}
