package org.descent.function;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.descent.function.CriticalPoint.Kind;

/**
 * Finds, refines and classifies the points where ∇f = 0, by Newton's method on the gradient
 * (the Hessian is exact). Used to polish the catalogue's listed points for the chosen
 * parameters, and to find those of a user's formula.
 */
public final class CriticalPoints {

  private static final int NEWTON_ITERATIONS = 60;

  private CriticalPoints() {}

  /**
   * Newton iterations on ∇f = 0 from (x, y); empty when they do not converge to a point with a
   * negligible gradient. Converging means the steps shrink: a march with constant steps down an
   * exponential (where the gradient only looks small) is not a critical point.
   */
  public static Optional<Vec2> refine(FormulaObjective f, double x, double y, double scale) {
    double[] j = new double[6];
    double px = x;
    double py = y;
    double firstStep = Double.NaN;
    double lastStep = Double.NaN;
    boolean converged = false;
    for (int k = 0; k < NEWTON_ITERATIONS; k++) {
      f.jet(px, py, j);
      double det = j[3] * j[5] - j[4] * j[4];
      if (!Double.isFinite(det) || det == 0) {
        converged = j[1] == 0 && j[2] == 0 && Double.isFinite(j[0]);
        break;
      }
      double dx = (j[5] * j[1] - j[4] * j[2]) / det;
      double dy = (j[3] * j[2] - j[4] * j[1]) / det;
      px -= dx;
      py -= dy;
      if (!Double.isFinite(px) || !Double.isFinite(py)) {
        return Optional.empty();
      }
      lastStep = Math.hypot(dx, dy);
      if (k == 0) {
        firstStep = lastStep;
      }
      if (lastStep < 1e-14 * (scale + Math.hypot(px, py))) {
        converged = true;
        break;
      }
    }
    f.jet(px, py, j);
    if (!Double.isFinite(j[0])) {
      return Optional.empty();
    }
    double gradNorm = Math.hypot(j[1], j[2]);
    double curvature = Math.abs(j[3]) + Math.abs(j[4]) + Math.abs(j[5]);
    // Slow (linear) convergence at degenerate points such as x⁴ + y⁴: the steps contract.
    boolean contracting = lastStep < 1e-6 * firstStep;
    if ((converged || contracting)
        && gradNorm <= 1e-8 * Math.max(1.0, curvature * scale)) {
      return Optional.of(new Vec2(px, py));
    }
    return Optional.empty();
  }

  /**
   * Whether f is constant around (x, y): every point of a flat region has ∇f = 0, but none of
   * them is a critical point worth marking.
   */
  static boolean flat(FormulaObjective f, double x, double y, double scale) {
    double f0 = f.value(x, y);
    if (!Double.isFinite(f0)) {
      return true;
    }
    double r = 1e-3 * scale;
    for (int k = 0; k < 12; k++) {
      double t = 2 * Math.PI * k / 12;
      if (f.value(x + r * Math.cos(t), y + r * Math.sin(t)) != f0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The kind of a critical point: from the Hessian's eigenvalues when they are clearly non-zero,
   * otherwise from the values of f on a small circle around it (degenerate points such as the
   * monkey saddle or x⁴ + y⁴).
   */
  public static Kind classify(FormulaObjective f, double x, double y, double scale) {
    double[] j = new double[6];
    f.jet(x, y, j);
    Eigen2 e = Eigen2.of(j[3], j[4], j[5]);
    double l1 = e.lambda1();
    double l2 = e.lambda2();
    double tol = 1e-9 * Math.max(1.0, Math.abs(l1) + Math.abs(l2));
    if (l2 > tol) {
      return Kind.MINIMUM;
    }
    if (l1 < -tol) {
      return Kind.MAXIMUM;
    }
    if (l1 > tol && l2 < -tol) {
      return Kind.SADDLE;
    }
    double f0 = j[0];
    double r = 1e-3 * scale;
    boolean above = false;
    boolean below = false;
    for (int k = 0; k < 36; k++) {
      double t = 2 * Math.PI * k / 36;
      double v = f.value(x + r * Math.cos(t), y + r * Math.sin(t));
      above |= v > f0;
      below |= v < f0;
    }
    if (above && !below) {
      return Kind.MINIMUM;
    }
    if (below && !above) {
      return Kind.MAXIMUM;
    }
    return Kind.SADDLE;
  }

  /**
   * Every critical point that Newton's method finds from a grid of starts in the view, at most
   * {@code limit}, sorted by value.
   */
  public static List<CriticalPoint> find(FormulaObjective f, ViewBox view, int limit) {
    double scale = Math.max(view.width(), view.height());
    List<CriticalPoint> found = new ArrayList<>();
    int n = 16;
    for (int i = 0; i <= n && found.size() < limit; i++) {
      for (int k = 0; k <= n && found.size() < limit; k++) {
        double x = view.xMin() + view.width() * i / n;
        double y = view.yMin() + view.height() * k / n;
        Optional<Vec2> p = refine(f, x, y, scale);
        if (p.isEmpty() || !view.contains(p.get().x(), p.get().y())
            || flat(f, p.get().x(), p.get().y(), scale)) {
          continue;
        }
        Vec2 q = p.get();
        boolean known = found.stream()
            .anyMatch(c -> Math.hypot(c.x() - q.x(), c.y() - q.y()) < 1e-6 * scale);
        if (!known) {
          found.add(new CriticalPoint(q.x(), q.y(), classify(f, q.x(), q.y(), scale),
              f.value(q.x(), q.y())));
        }
      }
    }
    found.sort(Comparator.comparingDouble(CriticalPoint::value));
    return List.copyOf(found);
  }
}
