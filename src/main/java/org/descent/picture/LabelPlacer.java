package org.descent.picture;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Places text boxes on the map so that they overlap neither each other nor the markers: each
 * box tries the eight places around its anchor, nearest first, then the same farther out, and
 * takes the first free one inside the plot (a box wider than the plot is the caller's to
 * wrap); when none is free it takes the one that overlaps least. What must stay visible (the
 * markers, the last steps of the paths) is blocked before the boxes are placed. Boxes are placed in the order asked, so the most important go first.
 */
public final class LabelPlacer {

  // Right, left, above, below, then the diagonals: reading order first.
  private static final double[][] DIRECTIONS = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1},
      {-1, -1}, {1, 1}, {-1, 1}};

  private final Rectangle2D bounds;
  private final List<Rectangle2D> taken = new ArrayList<>();
  private final List<Rectangle2D> avoided = new ArrayList<>();

  /** @param bounds where boxes may go (the plot) */
  public LabelPlacer(Rectangle2D bounds) {
    this.bounds = bounds;
  }

  /** Keeps boxes off a round marker of radius r at (x, y). */
  public void blockCircle(double x, double y, double r) {
    if (Double.isFinite(x) && Double.isFinite(y)) {
      taken.add(new Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r));
    }
  }

  /**
   * Keeps boxes off (x, y) where they can: a point of a path, worth less than a marker or a
   * path's end, so a box covers a path only where nothing else is free.
   */
  public void avoidCircle(double x, double y, double r) {
    if (Double.isFinite(x) && Double.isFinite(y)) {
      avoided.add(new Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r));
    }
  }

  /**
   * A free place for a w × h box near (ax, ay), at least {@code gap} from it; the box is kept
   * inside the bounds and counts as taken from now on.
   */
  public Rectangle2D place(double w, double h, double ax, double ay, double gap) {
    Rectangle2D best = null;
    double bestOverlap = Double.POSITIVE_INFINITY;
    for (int ring = 1; ring <= 6; ring++) {
      double d = gap * ring + (ring - 1) * h * 0.6;
      for (double[] dir : DIRECTIONS) {
        double x = dir[0] > 0 ? ax + d : dir[0] < 0 ? ax - d - w : ax - w / 2;
        double y = dir[1] > 0 ? ay + d : dir[1] < 0 ? ay - d - h : ay - h / 2;
        Rectangle2D r = inside(new Rectangle2D.Double(x, y, w, h));
        double overlap = overlap(r);
        if (overlap == 0) {
          taken.add(r);
          return r;
        }
        if (overlap < bestOverlap) {
          bestOverlap = overlap;
          best = r;
        }
      }
    }
    taken.add(best);
    return best;
  }

  /**
   * The corner of the bounds (inset by {@code margin}) where a w × h box overlaps least with
   * what is taken and with the given points (a path's iterates, say).
   */
  public Rectangle2D corner(double w, double h, double margin, double[] xs, double[] ys,
      int points) {
    Rectangle2D best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    double[][] corners = {{bounds.getMinX() + margin, bounds.getMaxY() - margin - h},
        {bounds.getMaxX() - margin - w, bounds.getMaxY() - margin - h},
        {bounds.getMinX() + margin, bounds.getMinY() + margin},
        {bounds.getMaxX() - margin - w, bounds.getMinY() + margin}};
    for (double[] c : corners) {
      Rectangle2D r = new Rectangle2D.Double(c[0], c[1], w, h);
      double cost = overlap(r);
      for (int i = 0; i < points; i++) {
        if (r.contains(xs[i], ys[i])) {
          cost += 1;
        }
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = r;
      }
    }
    taken.add(best);
    return best;
  }

  private Rectangle2D inside(Rectangle2D r) {
    double x = Math.max(bounds.getMinX() + 2, Math.min(bounds.getMaxX() - r.getWidth() - 2,
        r.getX()));
    double y = Math.max(bounds.getMinY() + 2, Math.min(bounds.getMaxY() - r.getHeight() - 2,
        r.getY()));
    return new Rectangle2D.Double(x, y, r.getWidth(), r.getHeight());
  }

  private double overlap(Rectangle2D r) {
    // What is taken weighs so much more than a path that no amount of path outweighs it.
    return 1e6 * overlap(r, taken) + overlap(r, avoided);
  }

  private static double overlap(Rectangle2D r, List<Rectangle2D> boxes) {
    double sum = 0;
    for (Rectangle2D t : boxes) {
      Rectangle2D i = r.createIntersection(t);
      if (i.getWidth() > 0 && i.getHeight() > 0) {
        sum += i.getWidth() * i.getHeight();
      }
    }
    return sum;
  }
}
