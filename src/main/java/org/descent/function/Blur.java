package org.descent.function;

import java.util.Map;

/**
 * The Gaussian blur f_σ(θ) = E[f(θ + σz)], z ~ N(0, I), of a landscape, as the continuation
 * method needs it (Goodfellow et al. section 8.7.6): in closed form where there is one, by
 * quadrature ({@link GaussianSmoothing}) otherwise.
 *
 * <p>Rastrigin's blur has a closed form, because E[cos(2π(x + σz))] = e^(−2π²σ²) cos(2πx) and
 * E[(x + σz)²] = x² + σ²:
 * f_σ(x, y) = 20 + x² + y² + 2σ² − 10 e^(−2π²σ²) (cos 2πx + cos 2πy). The closed form matters
 * for wide blurs: twelve quadrature nodes cannot resolve ripples of period 1 under a blur of
 * σ = 2 (the nodes lie about 1.2σ apart), so quadrature would leave spurious ripples there.
 */
public final class Blur {

  /** Rastrigin's blur, in the formula language, with the parameter sigma. */
  public static final String RASTRIGIN = "20 + x^2 + y^2 + 2*sigma^2"
      + " - 10*exp(-2*pi^2*sigma^2)*(cos(2*pi*x) + cos(2*pi*y))";

  private Blur() {}

  /**
   * The landscape's function blurred by σ (σ = 0: the function itself).
   *
   * @throws IllegalArgumentException when σ is negative or not finite
   */
  public static Objective of(Landscape landscape, double sigma) {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("the blur sigma must be zero or positive, got "
          + sigma);
    }
    if (sigma == 0) {
      return landscape.formula().objective();
    }
    if (isRastrigin(landscape)) {
      return rastrigin(sigma);
    }
    return new GaussianSmoothing(landscape.formula().objective(), sigma);
  }

  /** Whether a closed form is used for this landscape (else quadrature). */
  public static boolean hasClosedForm(Landscape landscape) {
    return isRastrigin(landscape);
  }

  /** Rastrigin's function blurred by σ, in closed form. */
  public static FormulaObjective rastrigin(double sigma) {
    try {
      return Formula.parse(RASTRIGIN, Map.of("sigma", sigma)).objective();
    } catch (FormulaException e) {
      throw new AssertionError("the built-in formula parses", e);
    }
  }

  private static boolean isRastrigin(Landscape landscape) {
    return "rastrigin".equals(landscape.name()) && Catalogue.find("rastrigin")
        .map(d -> d.formula().equals(landscape.formula().text())).orElse(false);
  }
}
