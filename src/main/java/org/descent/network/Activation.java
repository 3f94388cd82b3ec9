package org.descent.network;

import java.util.Optional;

/**
 * The nonlinearity of the hidden layers. Each knows its derivatives in terms of its output h
 * (and pre-activation u), as backprop and the R-operator need them, and the bounds of its
 * output, by which a unit is called saturated.
 */
public enum Activation {
  /** h = tanh u, in (−1, 1); h′ = 1 − h², h″ = −2h(1 − h²). */
  TANH("tanh", -1, 1),
  /** h = σ(u) = 1/(1 + e^(−u)), in (0, 1); h′ = h(1 − h), h″ = h(1 − h)(1 − 2h). */
  LOGISTIC("logistic", 0, 1),
  /** h = max(0, u); h′ = 1 where u &gt; 0 (0 at the kink, as PyTorch), h″ = 0. */
  RELU("relu", 0, Double.POSITIVE_INFINITY);

  private final String key;
  private final double lower;
  private final double upper;

  Activation(String key, double lower, double upper) {
    this.key = key;
    this.lower = lower;
    this.upper = upper;
  }

  /** The name in scenario files. */
  public String key() {
    return key;
  }

  /** The lower bound of the output (approached, never reached, for tanh and logistic). */
  public double lower() {
    return lower;
  }

  /** The upper bound of the output (infinite for ReLU). */
  public double upper() {
    return upper;
  }

  /** Whether the output is bounded on both sides, so that a unit can saturate. */
  public boolean saturates() {
    return this != RELU;
  }

  /**
   * h = f(u) for the first {@code m} entries.
   *
   * @param u read
   * @param h overwritten (may be the same array as u only for ReLU)
   * @param scratch overwritten, at least m long
   */
  void forward(double[] u, double[] h, double[] scratch, int m) {
    switch (this) {
      case TANH -> Elementwise.tanh(u, h, scratch, m);
      case LOGISTIC -> Elementwise.logistic(u, h, scratch, m);
      case RELU -> {
        for (int i = 0; i < m; i++) {
          h[i] = Math.max(u[i], 0);
        }
      }
    }
  }

  /**
   * du = dh ⊙ f′(u), from the output h (and u for ReLU).
   *
   * @param dh read; du overwritten (may be the same array)
   */
  void backward(double[] du, double[] dh, double[] u, double[] h, int m) {
    switch (this) {
      case TANH -> {
        for (int i = 0; i < m; i++) {
          du[i] = dh[i] * (1 - h[i] * h[i]);
        }
      }
      case LOGISTIC -> {
        for (int i = 0; i < m; i++) {
          du[i] = dh[i] * (h[i] * (1 - h[i]));
        }
      }
      case RELU -> {
        for (int i = 0; i < m; i++) {
          du[i] = u[i] > 0 ? dh[i] : 0;
        }
      }
    }
  }

  /**
   * R{h} = f′(u) R{u}: the forward pass of the R-operator.
   *
   * @param ru read; rh overwritten
   */
  void rForward(double[] rh, double[] ru, double[] u, double[] h, int m) {
    backward(rh, ru, u, h, m);
  }

  /**
   * R{du} = R{dh} ⊙ f′(u) + dh ⊙ f″(u) ⊙ R{u}.
   *
   * @param rdu overwritten; the other arrays read
   */
  void rBackward(double[] rdu, double[] rdh, double[] dh, double[] ru, double[] u, double[] h,
      int m) {
    switch (this) {
      case TANH -> {
        for (int i = 0; i < m; i++) {
          double d1 = 1 - h[i] * h[i];
          rdu[i] = rdh[i] * d1 - 2 * h[i] * d1 * dh[i] * ru[i];
        }
      }
      case LOGISTIC -> {
        for (int i = 0; i < m; i++) {
          double d1 = h[i] * (1 - h[i]);
          rdu[i] = rdh[i] * d1 + d1 * (1 - 2 * h[i]) * dh[i] * ru[i];
        }
      }
      case RELU -> {
        for (int i = 0; i < m; i++) {
          rdu[i] = u[i] > 0 ? rdh[i] : 0;
        }
      }
    }
  }

  /** The activation with this file key. */
  public static Optional<Activation> byKey(String key) {
    for (Activation a : values()) {
      if (a.key.equals(key)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Every key, for messages. */
  public static String keys() {
    return "tanh, logistic, relu";
  }
}
