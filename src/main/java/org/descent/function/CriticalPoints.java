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
   * Whether f has a kink at (x, y) (max(0, x) at 0): its gradient jumps there, so ∇f = 0 is an
   * artefact of which side the derivative of max was taken from, and the point is no minimum,
   * saddle or maximum in the usual sense. Seen as the gradient on opposite sides of the point
   * differing by much more than the Hessian accounts for.
   */
  public static boolean kink(FormulaObjective f, double x, double y, double scale) {
    double[] j = new double[6];
    f.jet(x, y, j);
    double typical = Math.max(1e-300,
        (Math.abs(j[3]) + Math.abs(j[4]) + Math.abs(j[5])) * scale);
    for (int k = 0; k < 8; k++) {
      double t = Math.PI * k / 8;
      double h = 1e-7 * scale;
      double jump = jump(f, j, x, y, h * Math.cos(t), h * Math.sin(t));
      // A smooth f leaves a remainder that shrinks with h (like h² or faster: x⁴ + y⁴ has no
      // Hessian to measure it by); a kink leaves the slope's jump, whatever h.
      if (jump > 1e-4 * typical
          && jump(f, j, x, y, h * Math.cos(t) / 10, h * Math.sin(t) / 10) > 0.5 * jump) {
        return true;
      }
    }
    return false;
  }

  /** |∇f(p + d) − ∇f(p − d) − 2Hd|, H the Hessian at p (in j), or 0 where not finite. */
  private static double jump(FormulaObjective f, double[] j, double x, double y, double dx,
      double dy) {
    double[] a = new double[6];
    double[] b = new double[6];
    f.jet(x + dx, y + dy, a);
    f.jet(x - dx, y - dy, b);
    double jx = a[1] - b[1] - 2 * (j[3] * dx + j[4] * dy);
    double jy = a[2] - b[2] - 2 * (j[4] * dx + j[5] * dy);
    double jump = Math.hypot(jx, jy);
    return Double.isFinite(jump) ? jump : 0;
  }

  /**
   * Whether the critical point (x, y) lies on a curve of critical points (the valley xy = 1 of
   * (1 − xy)², the flat floor of a dead ReLU): a point a little way along the direction where
   * f does not curve, brought back onto the valley by Newton steps across it, still has ∇f = 0
   * and the same value. Such minima are not isolated: a star on each would be a row of stars
   * along a valley that is minimal everywhere.
   */
  public static boolean onCurveOfCriticalPoints(FormulaObjective f, double x, double y,
      double scale) {
    double[] j = new double[6];
    f.jet(x, y, j);
    double f0 = j[0];
    Eigen2 e = Eigen2.of(j[3], j[4], j[5]);
    double big = Math.max(Math.abs(e.lambda1()), Math.abs(e.lambda2()));
    double small = Math.min(Math.abs(e.lambda1()), Math.abs(e.lambda2()));
    if (!(big > 0) || small > 1e-6 * big) {
      return false; // both directions curve (or none does: x⁴ + y⁴): isolated
    }
    // Across the valley: the eigenvector of the large eigenvalue.
    boolean first = Math.abs(e.lambda1()) >= Math.abs(e.lambda2());
    double ux = first ? e.v1x() : e.v2x();
    double uy = first ? e.v1y() : e.v2y();
    double n = Math.hypot(ux, uy);
    if (!(n > 0)) {
      return false;
    }
    ux /= n;
    uy /= n;
    double step = 1e-2 * scale;
    for (int side = -1; side <= 1; side += 2) {
      double px = x - side * uy * step;
      double py = y + side * ux * step;
      for (int k = 0; k < 8; k++) {
        f.jet(px, py, j);
        double curve = j[3] * ux * ux + 2 * j[4] * ux * uy + j[5] * uy * uy;
        if (!(Math.abs(curve) > 0)) {
          break;
        }
        double t = -(j[1] * ux + j[2] * uy) / curve;
        px += t * ux;
        py += t * uy;
      }
      f.jet(px, py, j);
      double gradient = Math.hypot(j[1], j[2]);
      if (gradient <= 1e-8 * Math.max(1.0, big * scale)
          && Math.abs(j[0] - f0) <= 1e-9 * Math.max(1.0, Math.abs(f0))) {
        return true;
      }
    }
    return false;
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
            || flat(f, p.get().x(), p.get().y(), scale)
            || kink(f, p.get().x(), p.get().y(), scale)) {
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
