package org.descent.optim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The algorithms of the lectures, with the hyperparameters each reads and their defaults (the
 * defaults of the seed listings and papers).
 */
public enum OptimizerType {
  SGD("sgd", "Gradient descent", true, false, Param.LR, 0.001),
  MOMENTUM("momentum", "Momentum", true, false, Param.LR, 0.001, Param.MOMENTUM, 0.9),
  NESTEROV("nesterov", "Nesterov momentum", true, false, Param.LR, 0.001, Param.MOMENTUM, 0.9),
  ADAGRAD("adagrad", "AdaGrad", true, false, Param.LR, 0.1, Param.DELTA, 1e-7),
  RMSPROP("rmsprop", "RMSProp", true, false, Param.LR, 0.01, Param.RHO, 0.9, Param.DELTA, 1e-6),
  RMSPROP_NESTEROV("rmsprop-nesterov", "RMSProp with Nesterov momentum", true, false,
      Param.LR, 0.01, Param.RHO, 0.9, Param.MOMENTUM, 0.9, Param.DELTA, 1e-6),
  ADAM("adam", "Adam", true, false, Param.LR, 0.001, Param.BETA1, 0.9, Param.BETA2, 0.999,
      Param.DELTA, 1e-8),
  NEWTON("newton", "Newton's method", false, true, Param.DAMPING, 0.0),
  SADDLE_FREE_NEWTON("saddle-free-newton", "Saddle-free Newton", false, true,
      Param.DAMPING, 0.0),
  CG("cg", "Conjugate gradients", false, false, Param.BETA, 0.0, Param.RESTART, 0.0,
      Param.LINE_SEARCH, 0.0),
  BFGS("bfgs", "BFGS", false, false),
  LBFGS("lbfgs", "L-BFGS", false, false, Param.MEMORY, 10.0),
  COORDINATE("coordinate", "Coordinate descent", true, false, Param.LR, 0.1, Param.EXACT, 1.0);

  private final String key;
  private final String displayName;
  private final boolean firstOrder;
  private final boolean needsHessian;
  private final Map<Param, Double> defaults;

  OptimizerType(String key, String displayName, boolean firstOrder, boolean needsHessian,
      Object... paramsAndDefaults) {
    this.key = key;
    this.displayName = displayName;
    this.firstOrder = firstOrder;
    this.needsHessian = needsHessian;
    Map<Param, Double> d = new LinkedHashMap<>();
    for (int i = 0; i < paramsAndDefaults.length; i += 2) {
      d.put((Param) paramsAndDefaults[i], ((Number) paramsAndDefaults[i + 1]).doubleValue());
    }
    this.defaults = Collections.unmodifiableMap(d);
  }

  /** The name in scenario files and on the command line. */
  public String key() {
    return key;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * Whether it steps along the (clipped) gradient with a learning rate, and so takes the
   * {@code clip} and {@code schedule} options.
   */
  public boolean firstOrder() {
    return firstOrder;
  }

  /** Whether it needs the exact Hessian (not available for large networks). */
  public boolean needsHessian() {
    return needsHessian;
  }

  /** The hyperparameters it reads, in display order. */
  public List<Param> params() {
    return List.copyOf(defaults.keySet());
  }

  /** The default of one of its hyperparameters. */
  public double defaultValue(Param p) {
    Double v = defaults.get(p);
    if (v == null) {
      throw new IllegalArgumentException(key + " has no hyperparameter " + p.key());
    }
    return v;
  }

  /** Its defaults as a value map. */
  public EnumMap<Param, Double> defaults() {
    return defaults.isEmpty() ? new EnumMap<>(Param.class) : new EnumMap<>(defaults);
  }

  /** The type with this file key. */
  public static Optional<OptimizerType> byKey(String key) {
    for (OptimizerType t : values()) {
      if (t.key.equals(key)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Every key, comma-separated, for messages. */
  public static String keys() {
    StringBuilder sb = new StringBuilder();
    for (OptimizerType t : values()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(t.key);
    }
    return sb.toString();
  }
}
