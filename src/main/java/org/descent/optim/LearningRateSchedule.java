package org.descent.optim;

/**
 * How the learning rate changes with the step count t (0 for the first step): a plain
 * {@code t -> rate} function, as in optax, read again at every step.
 */
public sealed interface LearningRateSchedule {

  /** The learning rate at step t, given the base rate ε₀. */
  double rate(double base, int t);

  /** The name in scenario files. */
  String key();

  /** ε_t = ε₀. */
  record Constant() implements LearningRateSchedule {
    @Override
    public double rate(double base, int t) {
      return base;
    }

    @Override
    public String key() {
      return "constant";
    }
  }

  /** ε_t = ε₀ for t &lt; t₀, then ε₀ e^(−(t − t₀)/τ). */
  record Exponential(double tau, int start) implements LearningRateSchedule {
    public Exponential {
      if (!(tau > 0) || Double.isInfinite(tau)) {
        throw new IllegalArgumentException("tau must be positive, got " + Param.formatNumber(tau));
      }
      if (start < 0) {
        throw new IllegalArgumentException("start must be zero or more, got " + start);
      }
    }

    @Override
    public double rate(double base, int t) {
      return t < start ? base : base * Math.exp(-(t - start) / tau);
    }

    @Override
    public String key() {
      return "exponential";
    }
  }

  /**
   * Goodfellow et al. eq. 8.14: ε_t = (1 − t/T) ε₀ + (t/T) ε_T until step T, then ε_T.
   *
   * @param end ε_T, the rate reached at step T
   */
  record Linear(double end, int steps) implements LearningRateSchedule {
    public Linear {
      if (!(end > 0) || Double.isInfinite(end)) {
        throw new IllegalArgumentException("end must be a positive learning rate, got "
            + Param.formatNumber(end));
      }
      if (steps < 1) {
        throw new IllegalArgumentException("steps must be at least 1, got " + steps);
      }
    }

    @Override
    public double rate(double base, int t) {
      if (t >= steps) {
        return end;
      }
      double k = (double) t / steps;
      return (1 - k) * base + k * end;
    }

    @Override
    public String key() {
      return "linear";
    }
  }

  /** ε_t = ε₀ γ^⌊t / every⌋. */
  record Step(int every, double factor) implements LearningRateSchedule {
    public Step {
      if (every < 1) {
        throw new IllegalArgumentException("every must be at least 1, got " + every);
      }
      if (!(factor > 0 && factor <= 1)) {
        throw new IllegalArgumentException("factor must be in (0, 1], got "
            + Param.formatNumber(factor));
      }
    }

    @Override
    public double rate(double base, int t) {
      return base * Math.pow(factor, t / every);
    }

    @Override
    public String key() {
      return "step";
    }
  }
}
