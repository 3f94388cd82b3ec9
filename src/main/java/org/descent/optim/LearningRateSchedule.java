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

  /**
   * Linear warm-up: ε_t = ε₀ (t + 1)/W for the first W steps, then ε₀. The first step is ε₀/W,
   * not 0 (a step at rate 0 would be wasted); this is torch.optim.lr_scheduler.LinearLR with
   * start_factor 1/W and total_iters W − 1. Goyal et al. (2017), §2.2, "gradual warmup".
   *
   * @param steps W, the steps until the rate reaches ε₀
   */
  record Warmup(int steps) implements LearningRateSchedule {
    public Warmup {
      if (steps < 1) {
        throw new IllegalArgumentException("steps must be at least 1, got " + steps);
      }
    }

    @Override
    public double rate(double base, int t) {
      return t >= steps - 1 ? base : base * (t + 1) / steps;
    }

    @Override
    public String key() {
      return "warmup";
    }
  }

  /**
   * Cosine decay with warm restarts, SGDR (Loshchilov and Hutter 2017, eq. 5):
   * ε_t = η_min + (ε₀ − η_min)(1 + cos(π T_cur/T_i))/2, where T_cur counts the steps since the
   * last restart and the i-th period lasts T_i = T₀ T_mult^i steps. At a restart the rate jumps
   * back to ε₀. As torch.optim.lr_scheduler.CosineAnnealingWarmRestarts.
   *
   * @param period T₀, the steps of the first period
   * @param mult T_mult, how many times longer each period is than the one before
   * @param min η_min, the rate at the end of each period
   */
  record CosineRestarts(int period, int mult, double min) implements LearningRateSchedule {
    public CosineRestarts {
      if (period < 1) {
        throw new IllegalArgumentException("period must be at least 1, got " + period);
      }
      if (mult < 1) {
        throw new IllegalArgumentException("mult must be at least 1, got " + mult);
      }
      if (!(min >= 0) || Double.isInfinite(min)) {
        throw new IllegalArgumentException("min must be a learning rate of zero or more, got "
            + Param.formatNumber(min));
      }
    }

    @Override
    public double rate(double base, int t) {
      // whole steps, counted rather than found with a logarithm, so that a restart falls on
      // exactly the step it should
      long cur = mult == 1 ? t % period : t;
      long length = period;
      while (cur >= length) {
        cur -= length;
        length *= mult;
      }
      return min + (base - min) * (1 + Math.cos(Math.PI * cur / length)) / 2;
    }

    @Override
    public String key() {
      return "cosine-restarts";
    }
  }

  /**
   * The one-cycle policy (Smith and Topin 2019) as torch.optim.lr_scheduler.OneCycleLR with
   * cosine annealing: from ε₀/div_factor the rate rises along a half cosine to its peak ε₀ at
   * step pct_start·T − 1, then falls along another to ε₀/(div_factor · final_div_factor) at
   * step T − 1, and stays there. PyTorch's momentum cycling is not part of it: β and α stay
   * as set on the card.
   *
   * @param steps T, the length of the cycle in steps
   * @param pctStart the fraction of the cycle spent rising
   * @param divFactor ε₀ over the starting rate
   * @param finalDivFactor the starting rate over the final one
   */
  record OneCycle(int steps, double pctStart, double divFactor, double finalDivFactor)
      implements LearningRateSchedule {
    public OneCycle {
      if (steps < 2) {
        throw new IllegalArgumentException("steps must be at least 2, got " + steps);
      }
      if (!(pctStart > 0 && pctStart < 1)) {
        throw new IllegalArgumentException("pct_start must be in (0, 1), got "
            + Param.formatNumber(pctStart));
      }
      if (!(divFactor >= 1) || Double.isInfinite(divFactor)) {
        throw new IllegalArgumentException("div_factor must be at least 1, got "
            + Param.formatNumber(divFactor));
      }
      if (!(finalDivFactor >= 1) || Double.isInfinite(finalDivFactor)) {
        throw new IllegalArgumentException("final_div_factor must be at least 1, got "
            + Param.formatNumber(finalDivFactor));
      }
      double peak = pctStart * steps - 1;
      if (!(peak > 0 && peak < steps - 1)) {
        throw new IllegalArgumentException("pct_start must leave at least one step to rise "
            + "and one to fall: the peak is at step pct_start · steps − 1 = "
            + Param.formatNumber(peak) + " of 0 to " + (steps - 1));
      }
    }

    @Override
    public double rate(double base, int t) {
      double initial = base / divFactor;
      double last = initial / finalDivFactor;
      // PyTorch's phase ends, a fractional step for the peak included
      double peak = pctStart * steps - 1;
      double end = steps - 1;
      if (t <= peak) {
        return cosine(initial, base, t / peak);
      }
      return t >= end ? last : cosine(base, last, (t - peak) / (end - peak));
    }

    /** From a to b along a half cosine, at the fraction p of the way. */
    private static double cosine(double a, double b, double p) {
      return b + (a - b) / 2 * (Math.cos(Math.PI * p) + 1);
    }

    @Override
    public String key() {
      return "one-cycle";
    }
  }
}
