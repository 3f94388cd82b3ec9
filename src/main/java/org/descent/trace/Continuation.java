package org.descent.trace;

/**
 * A continuation schedule (Goodfellow et al. section 8.7.6, "blurring"): optimize the function
 * blurred by a Gaussian of width σ, then follow its minimum as σ shrinks, each stage starting
 * where the last one ended. The widths fall linearly from {@code sigma} to 0 over the stages,
 * so the last stage optimizes the function itself: σ_i = sigma · (stages − 1 − i)/(stages − 1).
 *
 * @param sigma the first (widest) blur, positive
 * @param stages how many blurs, at least 2 (the last one is σ = 0)
 * @param optimizer the label of the optimizer card run this way; the other cards run plainly
 */
public record Continuation(double sigma, int stages, String optimizer) {

  /** The most stages. */
  public static final int MAX_STAGES = 100;

  public Continuation {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be a positive width, got " + sigma);
    }
    if (stages < 2 || stages > MAX_STAGES) {
      throw new IllegalArgumentException("stages must be between 2 and " + MAX_STAGES
          + ", got " + stages);
    }
    if (optimizer == null || optimizer.isBlank()) {
      throw new IllegalArgumentException("optimizer must name an optimizer card by its label");
    }
  }

  /** The blur width of stage i (0 for the last). */
  public double sigma(int stage) {
    return sigma * (stages - 1 - stage) / (stages - 1);
  }

  /**
   * The steps of stage i out of a total: an equal share, the remainder in the last stage
   * (which then polishes the minimum of the function itself).
   */
  public int steps(int stage, int total) {
    int share = total / stages;
    return stage == stages - 1 ? total - share * (stages - 1) : share;
  }
}
