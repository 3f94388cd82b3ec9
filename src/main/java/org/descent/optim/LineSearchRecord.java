package org.descent.optim;

import java.util.List;

/**
 * The trial points of one line search along d from x, φ(α) = f(x + αd), in the order they were
 * evaluated, and the one accepted: what a view plots as φ against α with the two Wolfe lines.
 *
 * @param c1 the sufficient-decrease constant in use
 * @param c2 the curvature constant in use
 * @param phi0 φ(0) = f(x)
 * @param slope0 φ'(0) = ∇f(x)ᵀd (negative along a descent direction)
 * @param trials every evaluated point
 * @param accepted the index of the accepted trial, or −1 when the search found no decrease and
 *     did not move
 */
public record LineSearchRecord(double c1, double c2, double phi0, double slope0,
    List<Trial> trials, int accepted) {

  public LineSearchRecord {
    trials = List.copyOf(trials);
    if (accepted < -1 || accepted >= trials.size()) {
      throw new IllegalArgumentException("accepted trial " + accepted + " of " + trials.size());
    }
  }

  /**
   * One evaluation: α, φ(α) and φ'(α) = ∇f(x + αd)ᵀd.
   */
  public record Trial(double alpha, double phi, double slope) {}

  /** The accepted trial, or null when the search did not move. */
  public Trial acceptedTrial() {
    return accepted < 0 ? null : trials.get(accepted);
  }

  /** φ(α) ≤ φ(0) + c₁ α φ'(0). */
  public boolean sufficientDecrease(Trial t) {
    return t.phi() <= phi0 + c1 * t.alpha() * slope0;
  }

  /** |φ'(α)| ≤ c₂ |φ'(0)|. */
  public boolean curvature(Trial t) {
    return Math.abs(t.slope()) <= c2 * Math.abs(slope0);
  }

  /**
   * Whether the accepted point satisfies both strong Wolfe conditions (a search that ran out of
   * evaluations accepts the best decrease it saw, which may not).
   */
  public boolean acceptedSatisfiesWolfe() {
    Trial t = acceptedTrial();
    return t != null && sufficientDecrease(t) && curvature(t);
  }
}
