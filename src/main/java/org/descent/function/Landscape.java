package org.descent.function;

import java.util.List;
import java.util.Map;

/**
 * A function ready to draw and optimize: its formula (with parameters substituted), default
 * view, critical points (refined for these parameters and classified) and suggested starts.
 *
 * @param name the catalogue name ("rosenbrock"), or "formula" for a user's formula
 */
public record Landscape(String name, String title, Formula formula, ViewBox view,
    List<CriticalPoint> criticalPoints, List<Vec2> starts, String description) {

  public Landscape {
    criticalPoints = List.copyOf(criticalPoints);
    starts = List.copyOf(starts);
  }

  /** The parameter values this landscape was built with (empty for most functions). */
  public Map<String, Double> parameters() {
    return formula.parameters();
  }

  /** A user's formula, with the critical points Newton's method finds in the view. */
  public static Landscape ofFormula(Formula formula, ViewBox view) {
    List<CriticalPoint> points = CriticalPoints.find(formula.objective(), view, 40);
    Vec2 start = new Vec2(view.xMin() + 0.8 * view.width(), view.yMin() + 0.8 * view.height());
    return new Landscape("formula", formula.text(), formula, view, points, List.of(start),
        "f(x, y) = " + formula.text());
  }

  /** The minima among the critical points (possibly none: a saddle has no minimum). */
  public List<CriticalPoint> minima() {
    return criticalPoints.stream().filter(p -> p.kind() == CriticalPoint.Kind.MINIMUM).toList();
  }

  /** The lowest known minimum value f*, or NaN when no minimum is known. */
  public double bestMinimumValue() {
    double best = Double.NaN;
    for (CriticalPoint p : minima()) {
      if (!(p.value() >= best)) {
        best = p.value();
      }
    }
    return best;
  }

  /** The minimum nearest to (x, y) as {x, y}, or null when none is known. */
  public double[] nearestMinimum(double x, double y) {
    double[] best = null;
    double bestD = Double.POSITIVE_INFINITY;
    for (CriticalPoint p : minima()) {
      double d = Math.hypot(p.x() - x, p.y() - y);
      if (d < bestD) {
        bestD = d;
        best = new double[] {p.x(), p.y()};
      }
    }
    return best;
  }

  /** Distance from (x, y) to the nearest minimum; NaN when none is known. */
  public double distanceToNearestMinimum(double x, double y) {
    return distanceToNearest(minima(), x, y);
  }

  /** Distance from (x, y) to the nearest critical point of any kind; NaN when none is known. */
  public double distanceToNearestCriticalPoint(double x, double y) {
    return distanceToNearest(criticalPoints, x, y);
  }

  private static double distanceToNearest(List<CriticalPoint> points, double x, double y) {
    double best = Double.NaN;
    for (CriticalPoint p : points) {
      double d = Math.hypot(x - p.x(), y - p.y());
      if (!(d >= best)) {
        best = d;
      }
    }
    return best;
  }
}
