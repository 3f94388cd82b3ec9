package org.descent.scenario;

import java.util.List;

/**
 * How the loss chart of a demo is drawn (a scenario's {@code chart:} section), for the rate
 * lessons: the gap f(θ_k) − f* against the step on log-log axes, where a rate O(1/k^p) is a
 * straight line of slope −p, with guide lines of the textbook rates to compare against.
 *
 * @param x the horizontal axis
 * @param y the vertical axis
 * @param guides the guide lines c/k^p to draw, each anchored at the first run's value at
 *     {@link #anchor} steps
 * @param fstar the optimal value f* the gap is measured from; NaN for the landscape's best
 *     known minimum ({@code Landscape.bestMinimumValue()})
 * @param anchor the step at which the guide lines meet the first run's curve (at least 1)
 * @param accelerated whether the chart also shows Nesterov's accelerated method, with the
 *     momentum schedule (k − 1)/(k + 2) of Nesterov (1983), at the first card's learning rate
 *     (computed by {@code org.descent.trace.AcceleratedRunner}): the method whose O(1/k²) rate
 *     Goodfellow et al. section 8.3.3 quotes; the {@code nesterov} card uses a constant
 *     momentum instead
 */
public record ChartSetting(Axis x, Axis y, List<Guide> guides, double fstar, int anchor,
    boolean accelerated) {

  /** An axis of the chart. */
  public enum Axis {
    /** The step k, linear. */
    STEPS("steps"),
    /** The step k, logarithmic (step 0 is not drawn). */
    LOG_STEPS("log-steps"),
    /** The loss f(θ_k), linear. */
    LOSS("loss"),
    /** The gap f(θ_k) − f*, logarithmic. */
    LOG_GAP("log-gap");

    private final String key;

    Axis(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public boolean horizontal() {
      return this == STEPS || this == LOG_STEPS;
    }

    public static java.util.Optional<Axis> byKey(String key) {
      return java.util.Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }
  }

  /** A guide line c / k^power. */
  public enum Guide {
    INVERSE_SQRT_K("1/sqrt(k)", 0.5),
    INVERSE_K("1/k", 1),
    INVERSE_K_SQUARED("1/k^2", 2);

    private final String key;
    private final double power;

    Guide(String key, double power) {
      this.key = key;
      this.power = power;
    }

    public String key() {
      return key;
    }

    /** p in c / k^p: the slope −p on log-log axes. */
    public double power() {
      return power;
    }

    public static java.util.Optional<Guide> byKey(String key) {
      return java.util.Arrays.stream(values()).filter(g -> g.key.equals(key)).findFirst();
    }

    /** Every name, comma-separated, for messages. */
    public static String keys() {
      return String.join(", ", java.util.Arrays.stream(values()).map(Guide::key).toList());
    }
  }

  public ChartSetting {
    if (x == null || !x.horizontal()) {
      throw new IllegalArgumentException("x must be steps or log-steps");
    }
    if (y == null || y.horizontal()) {
      throw new IllegalArgumentException("y must be loss or log-gap");
    }
    guides = List.copyOf(guides);
    if (anchor < 1) {
      throw new IllegalArgumentException("anchor must be a step of at least 1, got " + anchor);
    }
    if (Double.isInfinite(fstar)) {
      throw new IllegalArgumentException("fstar must be finite");
    }
  }
}
