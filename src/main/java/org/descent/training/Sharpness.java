package org.descent.training;

/**
 * The curvature of a run at one step, against the line its optimizer becomes unstable at (the
 * edge of stability): the Hessian of the training loss over the whole training set (training
 * mode), at the weights after {@code step} steps. NaN marks what does not apply or could not
 * be computed (a Hessian that is not finite).
 *
 * @param lambdaMax the Hessian's largest eigenvalue, by Lanczos
 *     ({@link org.descent.network.HessianSpectrum#largest})
 * @param preconditioned Adam's preconditioned sharpness λ1(P⁻¹H), P = (1 − ρ₁ᵗ)(diag(√r̂) + δ)
 *     with the moments of the step just taken; NaN for other methods and at step 0
 * @param threshold the optimizer's stability threshold at the rate of the next step
 *     ({@link org.descent.optim.StabilityThreshold}): compare it with {@code preconditioned}
 *     when {@code thresholdPreconditioned}, with {@code lambdaMax} otherwise; NaN when the
 *     method has none
 * @param formula the threshold's formula, for a legend ("2/ε"), or empty
 */
public record Sharpness(int step, double lambdaMax, double preconditioned, double threshold,
    boolean thresholdPreconditioned, String formula) {

  /** Nothing computed at this step. */
  static Sharpness none(int step) {
    return new Sharpness(step, Double.NaN, Double.NaN, Double.NaN, false, "");
  }
}
