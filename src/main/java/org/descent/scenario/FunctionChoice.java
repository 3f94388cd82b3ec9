package org.descent.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.descent.function.Catalogue;
import org.descent.function.Formula;
import org.descent.function.FormulaException;
import org.descent.function.FunctionDefinition;
import org.descent.function.Landscape;
import org.descent.function.ViewBox;

/** Which function a scenario races on: a catalogue entry (with parameters) or a formula. */
public sealed interface FunctionChoice {

  /**
   * The landscape, in the given view (or the function's default view when null).
   *
   * @throws IllegalArgumentException for an unknown name or parameter
   * @throws FormulaException for a formula that cannot be read
   */
  Landscape resolve(ViewBox view) throws FormulaException;

  /** A catalogue function, with some of its parameters changed. */
  record Named(String name, Map<String, Double> params) implements FunctionChoice {
    public Named {
      params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public Named(String name) {
      this(name, Map.of());
    }

    @Override
    public Landscape resolve(ViewBox view) {
      FunctionDefinition d = Catalogue.find(name).orElseThrow(() -> new IllegalArgumentException(
          "unknown function '" + name + "'; expected one of " + Catalogue.names()));
      Landscape l = d.instantiate(params);
      if (view == null || view.equals(l.view())) {
        return l;
      }
      return new Landscape(l.name(), l.title(), l.formula(), view, l.criticalPoints(), l.starts(),
          l.description());
    }
  }

  /** A user's formula f(x, y). */
  record UserFormula(String text) implements FunctionChoice {
    /** The view used when a scenario gives none. */
    public static final ViewBox DEFAULT_VIEW = new ViewBox(-3, 3, -3, 3);

    @Override
    public Landscape resolve(ViewBox view) throws FormulaException {
      return Landscape.ofFormula(Formula.parse(text), view == null ? DEFAULT_VIEW : view);
    }
  }
}
