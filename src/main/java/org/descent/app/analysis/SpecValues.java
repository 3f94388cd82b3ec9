package org.descent.app.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;

/** How the analyses read and set a card's hyperparameters. */
final class SpecValues {

  /** When a run has converged, for the sweeps. */
  static final double TOLERANCE = 1e-6;

  private SpecValues() {}

  /**
   * A value as a slider would set it: three significant digits, of 1 − value for momentum and
   * decay rates (0.9995 stays 0.9995, never 1).
   */
  static double rounded(Param p, double v) {
    MathContext three = new MathContext(3);
    return switch (p) {
      case MOMENTUM, RHO, BETA1, BETA2 -> 1 - new BigDecimal(1 - v).round(three).doubleValue();
      default -> new BigDecimal(v).round(three).doubleValue();
    };
  }

  /**
   * What of a configuration a computation depends on when it varies {@code varied} itself:
   * everything but the label and those values (a click on a map changes only them).
   */
  static String without(OptimizerSpec spec, Param... varied) {
    OptimizerSpec s = spec.withLabel("");
    for (Param p : varied) {
      if (s.type().params().contains(p)) {
        s = s.with(p, p == Param.LR ? 1e-3 : 0.5);
      }
    }
    return s.toString();
  }
}
