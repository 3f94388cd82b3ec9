package org.descent.optim;

import java.util.List;

/**
 * The update rule of each algorithm as LaTeX, written as in the lecture listings, followed by
 * the current hyperparameter values, so the equation on screen is the one being run.
 */
public final class UpdateRule {

  private UpdateRule() {}

  /**
   * The rule alone, one statement per line, e.g. {@code \theta \leftarrow \theta - \epsilon g}:
   * the rule of the type's row in {@link OptimizerType}.
   */
  public static List<String> lines(OptimizerType type) {
    return type.rule();
  }

  /** The rule on one line. */
  public static String latex(OptimizerType type) {
    return String.join(",\\quad ", lines(type));
  }

  /**
   * The rule with the current values below it, one statement per line (a LaTeX array), so it
   * fits a narrow panel and stays legible.
   */
  public static String latex(OptimizerSpec spec) {
    List<String> rule = spec.type() == OptimizerType.COORDINATE && spec.get(Param.EXACT) == 0
        ? List.of("i = t \\bmod n", "\\theta_i \\leftarrow \\theta_i - \\epsilon\\, g_i")
        : lines(spec.type());
    StringBuilder values = new StringBuilder();
    for (Param p : spec.type().params()) {
      String symbol = texSymbol(p);
      if (symbol == null) {
        continue;
      }
      if (p == Param.LR && spec.type() == OptimizerType.COORDINATE && spec.get(Param.EXACT) != 0) {
        continue;
      }
      values.append(values.length() == 0 ? "" : ",\\ ").append(symbol).append(" = ")
          .append(texNumber(spec.get(p)));
    }
    if (spec.type() == OptimizerType.CG) {
      values.append(values.length() == 0 ? "" : ",\\ ").append("\\beta\\text{: ")
          .append(spec.get(Param.BETA) == 0 ? "Polak-Ribi\\grave{e}re" : "Fletcher-Reeves")
          .append("}");
    }
    if (spec.clipped()) {
      values.append(values.length() == 0 ? "" : ",\\ ").append("\\|g\\| \\le ")
          .append(texNumber(spec.clip()));
    }
    StringBuilder tex = new StringBuilder("\\begin{array}{l}");
    tex.append(String.join(" \\\\ ", rule));
    if (values.length() > 0) {
      tex.append(" \\\\ ").append(values);
    }
    return tex.append("\\end{array}").toString();
  }

  private static String texSymbol(Param p) {
    return switch (p) {
      case LR -> "\\epsilon";
      case MOMENTUM -> "\\alpha";
      case RHO -> "\\rho";
      case BETA1 -> "\\rho_1";
      case BETA2 -> "\\rho_2";
      case DELTA -> "\\delta";
      case DAMPING -> "\\lambda";
      case MEMORY -> "m";
      case C1 -> "c_1";
      case C2 -> "c_2";
      case KAPPA -> "\\kappa";
      case PHI -> "\\phi";
      case THETA -> "\\theta";
      case WEIGHT_DECAY -> "\\lambda";
      case RADIUS -> "\\rho";
      default -> null;
    };
  }

  /** 0.001, 1.5, 10^{-8}: numbers as a lecturer writes them. */
  static String texNumber(double v) {
    String s = Param.formatNumber(v);
    int e = s.indexOf('e');
    if (e < 0) {
      return s;
    }
    String mantissa = s.substring(0, e);
    String exponent = s.substring(e + 1);
    return (mantissa.equals("1") ? "" : mantissa + " \\cdot ") + "10^{" + exponent + "}";
  }
}
