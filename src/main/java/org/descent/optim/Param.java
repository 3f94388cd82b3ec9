package org.descent.optim;

import java.util.List;
import java.util.Optional;

/**
 * The hyperparameters of every optimizer: their file key, their symbol in the lectures, what
 * values are valid and the range a slider should offer. Values are doubles; integer and choice
 * parameters hold whole numbers (a choice holds the index into {@link #choices()}).
 */
public enum Param {
  LR("lr", "ε", "learning rate", Kind.LOG, 1e-5, 10, List.of()),
  MOMENTUM("momentum", "α", "momentum", Kind.DECAY, 0, 0.999, List.of()),
  RHO("rho", "ρ", "decay rate", Kind.DECAY, 0, 0.999, List.of()),
  BETA1("beta1", "ρ₁", "first-moment decay", Kind.DECAY, 0, 0.999, List.of()),
  BETA2("beta2", "ρ₂", "second-moment decay", Kind.DECAY, 0, 0.99999, List.of()),
  DELTA("delta", "δ", "stabilizer", Kind.LOG, 1e-10, 1, List.of()),
  DAMPING("damping", "λ", "damping", Kind.LINEAR, 0, 10, List.of()),
  BETA("beta", "β", "conjugate-gradient formula", Kind.CHOICE, 0, 1, List.of("pr", "fr")),
  LINE_SEARCH("line_search", "", "line search", Kind.CHOICE, 0, 1, List.of("wolfe", "exact")),
  RESTART("restart", "k", "restart every k iterations (0: every n)", Kind.INTEGER, 0, 50,
      List.of()),
  MEMORY("memory", "m", "memory (pairs kept)", Kind.INTEGER, 1, 50, List.of()),
  EXACT("exact", "", "exact minimization along each coordinate", Kind.BOOLEAN, 0, 1, List.of()),
  /** Wolfe's sufficient-decrease constant: φ(α) ≤ φ(0) + c₁ α φ'(0). */
  C1("c1", "c₁", "sufficient-decrease constant", Kind.LOG, 1e-6, 0.5, List.of()),
  /** Wolfe's curvature constant: |φ'(α)| ≤ c₂ |φ'(0)|; small is a near-exact search. */
  C2("c2", "c₂", "curvature constant", Kind.LINEAR, 0.01, 0.99, List.of()),
  /** Delta-bar-delta's additive increase of a rate whose gradient sign agrees with δ̄. */
  KAPPA("kappa", "κ", "rate increase", Kind.LOG, 1e-6, 1, List.of()),
  /** Delta-bar-delta's multiplicative decrease of a rate whose gradient sign flips. */
  PHI("phi", "φ", "rate decrease factor", Kind.LINEAR, 0.01, 0.99, List.of()),
  /** Delta-bar-delta's averaging constant: δ̄ ← (1 − θ) g + θ δ̄. */
  THETA("theta", "θ", "gradient averaging", Kind.LINEAR, 0, 0.99, List.of()),
  /**
   * Decoupled weight decay (AdamW, Lion): θ shrinks by ελθ each step, apart from the gradient.
   * The slider stops at 1: with ε ≤ 1 a larger λ shrinks θ faster than most demos can show.
   */
  WEIGHT_DECAY("weight_decay", "λ", "weight decay", Kind.LINEAR, 0, 1, List.of()),
  /**
   * Sharpness-aware minimization's neighbourhood radius ρ: the gradient is taken at the worst
   * point within distance ρ, to first order. Not "rho", which is RMSProp's decay rate.
   */
  RADIUS("radius", "ρ", "neighbourhood radius", Kind.LOG, 1e-3, 2, List.of());

  /** How a value is stored, validated and offered on a slider. */
  public enum Kind {
    /** Real, slider on a log scale. */
    LOG,
    /** Real, slider on a linear scale. */
    LINEAR,
    /**
     * Real in [0, 1) where what matters is the distance from 1 (momentum, decay rates): sliders
     * and sweep axes are log-spaced in 1 − value, so 0.9, 0.99 and 0.999 are evenly apart.
     */
    DECAY,
    /** Whole number. */
    INTEGER,
    /** 0 or 1. */
    BOOLEAN,
    /** Index into the choices. */
    CHOICE
  }

  private final String key;
  private final String symbol;
  private final String description;
  private final Kind kind;
  private final double sliderMin;
  private final double sliderMax;
  private final List<String> choices;

  Param(String key, String symbol, String description, Kind kind, double sliderMin,
      double sliderMax, List<String> choices) {
    this.key = key;
    this.symbol = symbol;
    this.description = description;
    this.kind = kind;
    this.sliderMin = sliderMin;
    this.sliderMax = sliderMax;
    this.choices = choices;
  }

  /** The name in scenario files. */
  public String key() {
    return key;
  }

  /** The symbol of the seed listing (ε, α, ρ, δ, λ), or empty. */
  public String symbol() {
    return symbol;
  }

  public String description() {
    return description;
  }

  public Kind kind() {
    return kind;
  }

  public double sliderMin() {
    return sliderMin;
  }

  public double sliderMax() {
    return sliderMax;
  }

  /** The names of a choice parameter's values, in index order; empty otherwise. */
  public List<String> choices() {
    return choices;
  }

  /** A value as a scenario file writes it: a number, true/false, or a choice name. */
  public String format(double value) {
    return switch (kind) {
      case BOOLEAN -> value != 0 ? "true" : "false";
      case CHOICE -> choices.get((int) value);
      case INTEGER -> Long.toString((long) value);
      default -> formatNumber(value);
    };
  }

  /**
   * The shortest text that reads back as the same double: 3, 0.25, 1e-8, 2.5e20 (whole numbers
   * without ".0"; plain digits from 0.001 to ten million, as {@code Double.toString}).
   */
  public static String formatNumber(double value) {
    return DecimalText.of(value);
  }

  /**
   * Why a value is invalid for this parameter ("learning rate must be positive, got -1"), or
   * empty when it is valid.
   */
  public Optional<String> problem(double value) {
    String shown = formatNumber(value);
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Optional.of(description + " must be a finite number, got " + shown);
    }
    return switch (this) {
      case LR -> value > 0 ? Optional.empty()
          : Optional.of("learning rate must be positive, got " + shown);
      case DELTA -> value > 0 ? Optional.empty()
          : Optional.of("delta must be positive, got " + shown);
      // The rows of Kind.DECAY: their kind's range.
      case MOMENTUM, RHO, BETA1, BETA2 -> value >= 0 && value < 1 ? Optional.empty()
          : Optional.of(key + " must be in [0, 1), got " + shown);
      case DAMPING -> value >= 0 ? Optional.empty()
          : Optional.of("damping must be zero or positive, got " + shown);
      case RESTART -> value >= 0 && value <= 1_000_000 && value == Math.rint(value)
          ? Optional.empty()
          : Optional.of("restart must be a whole number from 0 to 1000000, got " + shown);
      case MEMORY -> value >= 1 && value <= 1000 && value == Math.rint(value) ? Optional.empty()
          : Optional.of("memory must be a whole number from 1 to 1000, got " + shown);
      case BETA, LINE_SEARCH -> value >= 0 && value < choices.size() && value == Math.rint(value)
          ? Optional.empty()
          : Optional.of(key + " must be one of " + String.join(", ", choices));
      case EXACT -> value == 0 || value == 1 ? Optional.empty()
          : Optional.of("exact must be true or false");
      case C1, C2, PHI -> value > 0 && value < 1 ? Optional.empty()
          : Optional.of(key + " must be in (0, 1), got " + shown);
      case THETA -> value >= 0 && value < 1 ? Optional.empty()
          : Optional.of(key + " must be in [0, 1), got " + shown);
      case KAPPA -> value > 0 ? Optional.empty()
          : Optional.of("kappa must be positive, got " + shown);
      case WEIGHT_DECAY -> value >= 0 ? Optional.empty()
          : Optional.of("weight decay must be zero or positive, got " + shown);
      case RADIUS -> value > 0 ? Optional.empty()
          : Optional.of("radius must be positive, got " + shown);
    };
  }

  /** The parameter with this file key. */
  public static Optional<Param> byKey(String key) {
    for (Param p : values()) {
      if (p.key.equals(key)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
