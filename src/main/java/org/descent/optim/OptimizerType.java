package org.descent.optim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The algorithms of the lectures: the table every other part of Descent reads. A row holds the
 * file key, the name shown in the app, whether the method takes clipping and schedules, the
 * class that runs it, its update rule as typeset on its card, and the hyperparameters it reads
 * with their defaults (the defaults of the seed listings and papers). Adding an algorithm is
 * one class and one row here (docs/architecture.md; AddingAnOptimizerTest checks it).
 */
public enum OptimizerType {
  SGD("sgd", "Gradient descent", true, false, Sgd::new,
      rule("\\theta \\leftarrow \\theta - \\epsilon\\, g"),
      Param.LR, 0.001),
  MOMENTUM("momentum", "Momentum", true, false, Momentum::new,
      rule("v \\leftarrow \\alpha v - \\epsilon\\, g", "\\theta \\leftarrow \\theta + v"),
      Param.LR, 0.001, Param.MOMENTUM, 0.9),
  NESTEROV("nesterov", "Nesterov momentum", true, false, Nesterov::new,
      rule("g = \\nabla f(\\theta + \\alpha v)", "v \\leftarrow \\alpha v - \\epsilon\\, g",
          "\\theta \\leftarrow \\theta + v"),
      Param.LR, 0.001, Param.MOMENTUM, 0.9),
  ADAGRAD("adagrad", "AdaGrad", true, false, AdaGrad::new,
      rule("r \\leftarrow r + g \\odot g",
          "\\theta \\leftarrow \\theta - \\frac{\\epsilon}{\\delta + \\sqrt{r}} \\odot g"),
      Param.LR, 0.1, Param.DELTA, 1e-7),
  RMSPROP("rmsprop", "RMSProp", true, false, RmsProp::new,
      rule("r \\leftarrow \\rho r + (1-\\rho)\\, g \\odot g",
          "\\theta \\leftarrow \\theta - \\frac{\\epsilon}{\\sqrt{\\delta + r}} \\odot g"),
      Param.LR, 0.01, Param.RHO, 0.9, Param.DELTA, 1e-6),
  RMSPROP_NESTEROV("rmsprop-nesterov", "RMSProp with Nesterov momentum", true, false,
      RmsPropNesterov::new,
      rule("g = \\nabla f(\\theta + \\alpha v)", "r \\leftarrow \\rho r + (1-\\rho)\\, g \\odot g",
          "v \\leftarrow \\alpha v - \\frac{\\epsilon}{\\sqrt{\\delta + r}} \\odot g",
          "\\theta \\leftarrow \\theta + v"),
      Param.LR, 0.01, Param.RHO, 0.9, Param.MOMENTUM, 0.9, Param.DELTA, 1e-6),
  ADAM("adam", "Adam", true, false, Adam::new,
      rule("s \\leftarrow \\rho_1 s + (1-\\rho_1)\\, g",
          "r \\leftarrow \\rho_2 r + (1-\\rho_2)\\, g \\odot g",
          "\\hat{s} = \\frac{s}{1-\\rho_1^t},\\quad \\hat{r} = \\frac{r}{1-\\rho_2^t}",
          "\\theta \\leftarrow \\theta - \\epsilon\\, "
              + "\\frac{\\hat{s}}{\\sqrt{\\hat{r}} + \\delta}"),
      Param.LR, 0.001, Param.BETA1, 0.9, Param.BETA2, 0.999, Param.DELTA, 1e-8),
  DELTA_BAR_DELTA("delta-bar-delta", "Delta-bar-delta", true, false, DeltaBarDelta::new,
      rule("\\epsilon_i \\leftarrow \\epsilon_i + \\kappa \\text{ if } \\bar{\\delta}_i g_i > 0,"
              + "\\ (1-\\phi)\\, \\epsilon_i \\text{ if } \\bar{\\delta}_i g_i < 0",
          "\\theta_i \\leftarrow \\theta_i - \\epsilon_i\\, g_i",
          "\\bar{\\delta} \\leftarrow (1-\\theta)\\, g + \\theta\\, \\bar{\\delta}"),
      Param.LR, 0.001, Param.KAPPA, 0.001, Param.PHI, 0.5, Param.THETA, 0.7),
  ADAMW("adamw", "AdamW", true, false, AdamW::new,
      rule("s \\leftarrow \\rho_1 s + (1-\\rho_1)\\, g",
          "r \\leftarrow \\rho_2 r + (1-\\rho_2)\\, g \\odot g",
          "\\hat{s} = \\frac{s}{1-\\rho_1^t},\\quad \\hat{r} = \\frac{r}{1-\\rho_2^t}",
          "\\theta \\leftarrow \\theta - \\epsilon \\left(\\frac{\\hat{s}}"
              + "{\\sqrt{\\hat{r}} + \\delta} + \\lambda \\theta\\right)"),
      Param.LR, 0.001, Param.BETA1, 0.9, Param.BETA2, 0.999, Param.DELTA, 1e-8,
      Param.WEIGHT_DECAY, 0.01),
  LION("lion", "Lion", true, false, Lion::new,
      rule("c = \\rho_1 m + (1-\\rho_1)\\, g",
          "\\theta \\leftarrow \\theta - \\epsilon\\, "
              + "(\\mathrm{sign}(c) + \\lambda \\theta)",
          "m \\leftarrow \\rho_2 m + (1-\\rho_2)\\, g"),
      Param.LR, 1e-4, Param.BETA1, 0.9, Param.BETA2, 0.99, Param.WEIGHT_DECAY, 0.0),
  SAM("sam", "Sharpness-aware minimization", true, false, Sam::new,
      rule("\\tilde{\\theta} = \\theta + \\rho\\, \\frac{g}{\\|g\\|}",
          "\\theta \\leftarrow \\theta - \\epsilon\\, \\nabla f(\\tilde{\\theta})"),
      Param.LR, 0.001, Param.RADIUS, 0.05),
  NEWTON("newton", "Newton's method", false, true, Newton::new,
      rule("\\theta \\leftarrow \\theta - (H + \\lambda I)^{-1} g"),
      Param.DAMPING, 0.0),
  SADDLE_FREE_NEWTON("saddle-free-newton", "Saddle-free Newton", false, true,
      SaddleFreeNewton::new,
      rule("\\theta \\leftarrow \\theta - (|H| + \\lambda I)^{-1} g",
          "|H| = V\\, |\\Lambda|\\, V^\\top"),
      Param.DAMPING, 0.0),
  CG("cg", "Conjugate gradients", false, false, ConjugateGradient::new,
      rule("d \\leftarrow -g + \\beta\\, d",
          "\\theta \\leftarrow \\theta + \\alpha^* d,\\ \\alpha^* \\text{ by line search}"),
      Param.BETA, 0.0, Param.RESTART, 0.0, Param.LINE_SEARCH, 0.0, Param.C1, 1e-4,
      Param.C2, 0.1),
  BFGS("bfgs", "BFGS", false, false, Bfgs::new,
      rule("d = -M g,\\quad \\theta \\leftarrow \\theta + \\alpha^* d",
          "M \\leftarrow \\text{BFGS update of } M \\text{ with } s, y"),
      Param.C1, 1e-4, Param.C2, 0.9),
  LBFGS("lbfgs", "L-BFGS", false, false, Lbfgs::new,
      rule("d = -M_m\\, g \\text{ from the last } m \\text{ pairs } (s, y)",
          "\\theta \\leftarrow \\theta + \\alpha^* d"),
      Param.MEMORY, 10.0, Param.C1, 1e-4, Param.C2, 0.9),
  COORDINATE("coordinate", "Coordinate descent", true, false, CoordinateDescent::new,
      rule("i = t \\bmod n", "\\theta_i \\leftarrow \\arg\\min_{\\theta_i} f(\\theta)"),
      Param.LR, 0.1, Param.EXACT, 1.0);

  private final String key;
  private final String displayName;
  private final boolean firstOrder;
  private final boolean needsHessian;
  private final Function<OptimizerSpec, Optimizer> factory;
  private final List<String> rule;
  private final Map<Param, Double> defaults;

  /**
   * One row of the table: everything the rest of Descent needs to know about an algorithm.
   *
   * @param factory makes a fresh run from a configuration (the class's constructor)
   * @param rule the update rule as LaTeX, one statement per line, as in the lecture listing
   * @param paramsAndDefaults each hyperparameter it reads, followed by its default
   */
  OptimizerType(String key, String displayName, boolean firstOrder, boolean needsHessian,
      Function<OptimizerSpec, Optimizer> factory, List<String> rule,
      Object... paramsAndDefaults) {
    this.key = key;
    this.displayName = displayName;
    this.firstOrder = firstOrder;
    this.needsHessian = needsHessian;
    this.factory = factory;
    this.rule = rule;
    Map<Param, Double> d = new LinkedHashMap<>();
    for (int i = 0; i < paramsAndDefaults.length; i += 2) {
      d.put((Param) paramsAndDefaults[i], ((Number) paramsAndDefaults[i + 1]).doubleValue());
    }
    this.defaults = Collections.unmodifiableMap(d);
  }

  private static List<String> rule(String... lines) {
    return List.of(lines);
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

  /** A fresh run of a configuration of this type (see {@link OptimizerSpec#create()}). */
  Optimizer create(OptimizerSpec spec) {
    if (spec.type() != this) {
      throw new IllegalArgumentException("a " + spec.type().key()
          + " configuration cannot make a " + key + " run");
    }
    return factory.apply(spec);
  }

  /**
   * The update rule as LaTeX, one statement per line, written as in the lecture listing (see
   * {@link UpdateRule}).
   */
  public List<String> rule() {
    return rule;
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
