package org.descent.optim;

import java.util.List;

/**
 * The update rule of each algorithm as LaTeX, written as in the lecture listings, followed by
 * the current hyperparameter values, so the equation on screen is the one being run.
 */
public final class UpdateRule {

  private UpdateRule() {}

  /** The rule alone, one statement per line, e.g. {@code \theta \leftarrow \theta - \epsilon g}. */
  public static List<String> lines(OptimizerType type) {
    return switch (type) {
      case SGD -> List.of("\\theta \\leftarrow \\theta - \\epsilon\\, g");
      case MOMENTUM -> List.of("v \\leftarrow \\alpha v - \\epsilon\\, g",
          "\\theta \\leftarrow \\theta + v");
      case NESTEROV -> List.of("g = \\nabla f(\\theta + \\alpha v)",
          "v \\leftarrow \\alpha v - \\epsilon\\, g", "\\theta \\leftarrow \\theta + v");
      case ADAGRAD -> List.of("r \\leftarrow r + g \\odot g",
          "\\theta \\leftarrow \\theta - \\frac{\\epsilon}{\\delta + \\sqrt{r}} \\odot g");
      case RMSPROP -> List.of("r \\leftarrow \\rho r + (1-\\rho)\\, g \\odot g",
          "\\theta \\leftarrow \\theta - \\frac{\\epsilon}{\\sqrt{\\delta + r}} \\odot g");
      case RMSPROP_NESTEROV -> List.of("g = \\nabla f(\\theta + \\alpha v)",
          "r \\leftarrow \\rho r + (1-\\rho)\\, g \\odot g",
          "v \\leftarrow \\alpha v - \\frac{\\epsilon}{\\sqrt{\\delta + r}} \\odot g",
          "\\theta \\leftarrow \\theta + v");
      case ADAM -> List.of("s \\leftarrow \\rho_1 s + (1-\\rho_1)\\, g",
          "r \\leftarrow \\rho_2 r + (1-\\rho_2)\\, g \\odot g",
          "\\hat{s} = \\frac{s}{1-\\rho_1^t},\\quad \\hat{r} = \\frac{r}{1-\\rho_2^t}",
          "\\theta \\leftarrow \\theta - \\epsilon\\, \\frac{\\hat{s}}{\\sqrt{\\hat{r}} + \\delta}");
      case NEWTON -> List.of("\\theta \\leftarrow \\theta - (H + \\lambda I)^{-1} g");
      case SADDLE_FREE_NEWTON -> List.of("\\theta \\leftarrow \\theta - (|H| + \\lambda I)^{-1} g",
          "|H| = V\\, |\\Lambda|\\, V^\\top");
      case CG -> List.of("d \\leftarrow -g + \\beta\\, d",
          "\\theta \\leftarrow \\theta + \\alpha^* d,\\ \\alpha^* \\text{ by line search}");
      case BFGS -> List.of("d = -M g,\\quad \\theta \\leftarrow \\theta + \\alpha^* d",
          "M \\leftarrow \\text{BFGS update of } M \\text{ with } s, y");
      case LBFGS -> List.of("d = -M_m\\, g \\text{ from the last } m \\text{ pairs } (s, y)",
          "\\theta \\leftarrow \\theta + \\alpha^* d");
      case COORDINATE -> List.of("i = t \\bmod n",
          "\\theta_i \\leftarrow \\arg\\min_{\\theta_i} f(\\theta)");
    };
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
