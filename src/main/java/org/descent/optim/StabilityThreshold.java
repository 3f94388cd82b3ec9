package org.descent.optim;

/**
 * The sharpness above which an optimizer's step is unstable on a quadratic: the line the edge
 * of stability is drawn against. On f = ½ λ x² each method below is a linear recurrence whose
 * largest root leaves the unit circle at x-multiplier −1 when λ passes the threshold.
 *
 * <ul>
 *   <li>gradient descent: 2/ε;
 *   <li>momentum (v ← αv − εg; θ ← θ + v, PyTorch's heavy ball): (2 + 2α)/ε (Cohen et al.
 *       2021, "Gradient descent on neural networks typically occurs at the edge of
 *       stability", appendix on momentum);
 *   <li>Nesterov (the gradient at θ + αv): (2 + 2α)/((1 + 2α)ε), the same paper;
 *   <li>Adam: the <em>preconditioned</em> sharpness λ1(P⁻¹H), P = (1 − ρ₁ᵗ)(diag(√r̂) + δ),
 *       against (2 + 2ρ₁)/((1 − ρ₁)ε), which is 38/ε at ρ₁ = 0.9 (Cohen et al. 2022,
 *       "Adaptive gradient methods at the edge of stability", section 3: Adam is
 *       preconditioned gradient descent with exponentially averaged momentum).
 * </ul>
 *
 * <p>Other methods have no such line here (NaN). The rate is the one the next step uses
 * (schedules included).
 *
 * @param value the threshold; NaN when the method has none
 * @param preconditioned whether it bounds λ1(P⁻¹H) (Adam) rather than λmax(H)
 * @param formula how it is computed, for a legend ("2/ε", "(2 + 2α)/ε", ...)
 */
public record StabilityThreshold(double value, boolean preconditioned, String formula) {

  /** No threshold for this method. */
  public static final StabilityThreshold NONE =
      new StabilityThreshold(Double.NaN, false, "");

  /** The threshold of {@code spec} at learning rate {@code lr}. */
  public static StabilityThreshold of(OptimizerSpec spec, double lr) {
    if (!(lr > 0) || !Double.isFinite(lr)) {
      return NONE;
    }
    // The method's class states its threshold (StabilityBound); others have none.
    return spec.create() instanceof StabilityBound b ? b.stabilityThreshold(lr) : NONE;
  }
}
