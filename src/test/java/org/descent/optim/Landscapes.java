package org.descent.optim;

import java.util.Map;
import org.descent.function.Catalogue;
import org.descent.function.Formula;
import org.descent.function.FormulaException;
import org.descent.function.FormulaObjective;

/** Functions the optimizer tests run on. */
final class Landscapes {

  private Landscapes() {}

  static FormulaObjective catalogue(String name) {
    return Catalogue.find(name).orElseThrow().instantiate().formula().objective();
  }

  static FormulaObjective catalogue(String name, Map<String, Double> params) {
    return Catalogue.find(name).orElseThrow().instantiate(params).formula().objective();
  }

  static FormulaObjective formula(String text) {
    try {
      return Formula.parse(text).objective();
    } catch (FormulaException e) {
      throw new AssertionError(e);
    }
  }

  /** ½ θᵀAθ for the symmetric A = [[a, b], [b, c]]. */
  static FormulaObjective quadratic(double a, double b, double c) {
    return formula("0.5*(" + a + "*x^2 + 2*" + b + "*x*y + " + c + "*y^2)");
  }
}
