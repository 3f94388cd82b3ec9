package org.descent.function;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entry of the catalogue: a formula in the same language a user types, its parameters with
 * their defaults, and where to look. {@link #instantiate} substitutes parameter values and
 * refines the listed critical points for them.
 *
 * @param parameters parameter names and defaults, in display order
 * @param criticalPoints approximate locations of the critical points (refined on instantiation)
 */
public record FunctionDefinition(String name, String title, String formula,
    Map<String, Double> parameters, ViewBox view, List<Vec2> criticalPoints, List<Vec2> starts,
    String description) {

  public FunctionDefinition {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    criticalPoints = List.copyOf(criticalPoints);
    starts = List.copyOf(starts);
  }

  /** With the default parameters. */
  public Landscape instantiate() {
    return instantiate(Map.of());
  }

  /**
   * With some parameters changed.
   *
   * @throws IllegalArgumentException naming an unknown parameter or a non-finite value
   */
  public Landscape instantiate(Map<String, Double> overrides) {
    Map<String, Double> values = new LinkedHashMap<>(parameters);
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      if (!parameters.containsKey(e.getKey())) {
        throw new IllegalArgumentException(parameters.isEmpty()
            ? name + " has no parameters, got '" + e.getKey() + "'"
            : "unknown parameter '" + e.getKey() + "' of " + name + "; expected one of "
                + String.join(", ", parameters.keySet()));
      }
      if (!Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException(
            "parameter '" + e.getKey() + "' of " + name + " must be finite, got " + e.getValue());
      }
      values.put(e.getKey(), e.getValue());
    }
    Formula f;
    try {
      f = Formula.parse(formula, values);
    } catch (FormulaException e) {
      throw new IllegalStateException("catalogue formula of " + name + " is invalid: "
          + e.getMessage(), e);
    }
    FormulaObjective objective = f.objective();
    double scale = Math.max(view.width(), view.height());
    List<CriticalPoint> points = new ArrayList<>();
    for (Vec2 seed : criticalPoints) {
      Optional<Vec2> p = CriticalPoints.refine(objective, seed.x(), seed.y(), scale);
      if (p.isPresent()) {
        Vec2 q = p.get();
        boolean duplicate = points.stream()
            .anyMatch(c -> Math.hypot(c.x() - q.x(), c.y() - q.y()) < 1e-6 * scale);
        if (!duplicate) {
          points.add(new CriticalPoint(q.x(), q.y(),
              CriticalPoints.classify(objective, q.x(), q.y(), scale),
              objective.value(q.x(), q.y())));
        }
      }
    }
    return new Landscape(name, title, f, view, points, starts, description);
  }
}
