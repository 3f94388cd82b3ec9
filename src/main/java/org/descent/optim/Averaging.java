package org.descent.optim;

/**
 * Iterate averaging: the optimizer's path is unchanged; an averaged iterate is kept beside it
 * (Polyak–Ruppert averaging, or an exponential moving average), which is less noisy than the
 * last iterate under stochastic gradients.
 */
public sealed interface Averaging {

  String key();

  /** No averaging. */
  record None() implements Averaging {
    @Override
    public String key() {
      return "none";
    }
  }

  /** θ̄_t = mean of θ_s for start ≤ s ≤ t (Polyak and Juditsky 1992). */
  record Polyak(int start) implements Averaging {
    public Polyak {
      if (start < 0) {
        throw new IllegalArgumentException("start must be zero or more, got " + start);
      }
    }

    @Override
    public String key() {
      return "polyak";
    }
  }

  /** θ̄ ← θ̄ + (θ − θ̄)/τ: an exponential moving average over about τ steps. */
  record Ema(double tau) implements Averaging {
    public Ema {
      if (!(tau >= 1) || Double.isInfinite(tau)) {
        throw new IllegalArgumentException("tau must be at least 1, got "
            + Param.formatNumber(tau));
      }
    }

    @Override
    public String key() {
      return "ema";
    }
  }
}
