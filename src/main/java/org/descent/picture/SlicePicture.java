package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.descent.function.ViewBox;
import org.descent.render.ColorMap;
import org.descent.render.ContourLevels;
import org.descent.render.FilledContours;
import org.descent.render.ScalarGrid;

/**
 * A 2-D slice of a network's loss landscape (after Li et al. 2018) drawn as the contour map
 * draws a function: filled bands with their lines and a colour bar, from the sampled losses
 * rather than a formula, with the runs' weight trajectories projected onto the plane.
 */
public final class SlicePicture {

  /**
   * The sampled plane: values[row * size + column], row 0 at β = bMin, column 0 at α = aMin,
   * both ends included (as {@code LossSlice.values} gives them).
   */
  public record Field(double aMin, double aMax, double bMin, double bMax, int size,
      double[] values, String xTitle, String yTitle, List<Path> paths) {
    public Field {
      values = values.clone();
      paths = List.copyOf(paths);
      if (values.length != size * size) {
        throw new IllegalArgumentException(values.length + " values for a " + size + " × "
            + size + " slice");
      }
    }

    ViewBox view() {
      return new ViewBox(aMin, aMax, bMin, bMax);
    }

    /** The loss between samples, bilinearly. */
    double at(double alpha, double beta) {
      double fx = (alpha - aMin) / (aMax - aMin) * (size - 1);
      double fy = (beta - bMin) / (bMax - bMin) * (size - 1);
      int c0 = Math.max(0, Math.min(size - 2, (int) Math.floor(fx)));
      int r0 = Math.max(0, Math.min(size - 2, (int) Math.floor(fy)));
      double tx = Math.max(0, Math.min(1, fx - c0));
      double ty = Math.max(0, Math.min(1, fy - r0));
      double v00 = values[r0 * size + c0];
      double v01 = values[r0 * size + c0 + 1];
      double v10 = values[(r0 + 1) * size + c0];
      double v11 = values[(r0 + 1) * size + c0 + 1];
      return (1 - ty) * ((1 - tx) * v00 + tx * v01) + ty * ((1 - tx) * v10 + tx * v11);
    }
  }

  /**
   * The loss on the plane through a run's latest weights spanned by the first two principal
   * components of its trajectory (Li et al. 2018, section 7), every run's weights projected
   * onto it (they share the initial weights, so they start from one point). With fewer than
   * three weight vectors kept, two filter-normalized random directions span the plane.
   *
   * @param inspected the index into runs of the run the plane goes through
   * @param size samples a side
   * @return the field, or null when there are no weights yet or the computation was stopped
   */
  public static Field around(org.descent.network.NetworkObjective f,
      org.descent.network.Architecture architecture, List<NetworkChartData.Run> runs,
      int inspected, int size, org.descent.network.LossSlice.Progress progress) {
    org.descent.training.Trajectory t = runs.get(inspected).snapshot().trajectory();
    if (t.size() == 0) {
      return null;
    }
    double[] center = t.iterate(t.size() - 1);
    // A run that never moved (lr 0, or started at a minimum) has no directions of its own:
    // the principal components of rounding noise would give axes of 1e-15.
    boolean principal = t.size() >= 3 && moved(t.iterates(), center);
    org.descent.network.LossSlice.Plane plane = principal
        ? org.descent.network.LossSlice.principal(center, t.iterates(), 1)
        : org.descent.network.LossSlice.filterNormalized(architecture, center, 1);
    double[][] own = plane.project(t.iterates());
    double a0 = -1;
    double a1 = 1;
    double b0 = -1;
    double b1 = 1;
    if (principal) {
      a0 = b0 = Double.POSITIVE_INFINITY;
      a1 = b1 = Double.NEGATIVE_INFINITY;
      for (double[] p : own) {
        if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
          a0 = Math.min(a0, p[0]);
          a1 = Math.max(a1, p[0]);
          b0 = Math.min(b0, p[1]);
          b1 = Math.max(b1, p[1]);
        }
      }
      if (!(a1 > a0)) {
        a0 = -1;
        a1 = 1;
      }
      if (!(b1 > b0)) {
        b0 = -1;
        b1 = 1;
      }
      // Room around the path, and a second axis never thinner than a fifth of the first.
      double minB = 0.2 * (a1 - a0);
      if (b1 - b0 < minB) {
        double mid = 0.5 * (b0 + b1);
        b0 = mid - minB / 2;
        b1 = mid + minB / 2;
      }
      double pa = 0.2 * (a1 - a0);
      double pb = 0.2 * (b1 - b0);
      a0 -= pa;
      a1 += pa;
      b0 -= pb;
      b1 += pb;
    }
    double[] values = org.descent.network.LossSlice.values(f, plane, a0, a1, b0, b1, size,
        progress);
    if (values == null) {
      return null;
    }
    List<Path> paths = new java.util.ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      NetworkChartData.Run run = runs.get(r);
      org.descent.training.Trajectory rt = run.snapshot().trajectory();
      if (rt.size() > 0) {
        paths.add(new Path(run.label(), run.argb(), r == inspected ? own
            : plane.project(rt.iterates())));
      }
    }
    // The path looked into on top.
    Path mine = paths.stream().filter(p -> p.label().equals(runs.get(inspected).label()))
        .findFirst().orElse(null);
    if (mine != null) {
      paths.remove(mine);
      paths.add(mine);
    }
    String x = principal ? String.format(java.util.Locale.ROOT, "1st principal direction (%.0f %%)",
        100 * plane.explainedFirst()) : "random direction 1";
    String y = principal ? String.format(java.util.Locale.ROOT, "2nd (%.0f %%)",
        100 * plane.explainedSecond()) : "random direction 2";
    return new Field(a0, a1, b0, b1, size, values, x, y, paths);
  }

  /** Whether any kept weights differ from the center by more than rounding. */
  static boolean moved(List<double[]> iterates, double[] center) {
    double scale = 0;
    for (double c : center) {
      scale = Math.max(scale, Math.abs(c));
    }
    for (double[] w : iterates) {
      for (int i = 0; i < w.length && i < center.length; i++) {
        if (Math.abs(w[i] - center[i]) > 1e-9 * Math.max(1, scale)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A run's weights projected onto the plane, (α, β) per kept step. */
  public record Path(String label, int argb, double[][] points) {}

  private SlicePicture() {}

  public static void draw(Graphics2D g, Look look, double width, double height, Field field,
      String title) {
    g.setPaint(new Color(look.background(), true));
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    double fs = look.fontSize();
    double s = look.scale();
    double titleHeight = title == null || title.isEmpty() ? 0 : 1.6 * fs;
    // The plane's two directions have their own scales (principal components explain unequal
    // shares): the slice fills the plot rather than keeping true angles.
    MapGeometry a = MapGeometry.fill(field.view(), width, height - titleHeight, look);
    if (a == null) {
      return;
    }
    a = new MapGeometry(a.view(), a.left(), a.top() + titleHeight, a.width(), a.height());
    int w = Math.max(2, (int) Math.round(a.width()));
    int h = Math.max(2, (int) Math.round(a.height()));
    double[] pixels = new double[w * h];
    ScalarGrid nodes = ScalarGrid.of(a.view(), w, h, pixels);
    for (int j = 0; j < h; j++) {
      double beta = nodes.y(j);
      for (int i = 0; i < w; i++) {
        double alpha = nodes.x(i);
        boolean inside = alpha >= field.aMin() && alpha <= field.aMax()
            && beta >= field.bMin() && beta <= field.bMax();
        pixels[j * w + i] = inside ? field.at(alpha, beta) : Double.NaN;
      }
    }
    ScalarGrid grid = ScalarGrid.of(a.view(), w, h, pixels);
    boolean flat = flat(field.values());
    ContourLevels levels = Double.isNaN(grid.min()) || flat ? null
        : ContourLevels.choose(grid, MapField.LEVELS);
    if (flat) {
      g.setPaint(new Color(ColorMap.viridis().argb(0.5), false));
      g.fill(new Rectangle2D.Double(a.left(), a.top(), a.width(), a.height()));
    } else if (levels != null) {
      int[] argb = FilledContours.render(grid, levels, ColorMap.viridis());
      FilledContours.drawLines(argb, grid, levels, 0x99FFFFFF, (float) s);
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
      img.setRGB(0, 0, w, h, argb, 0, w);
      g.drawImage(img, (int) Math.round(a.left()), (int) Math.round(a.top()), null);
    }
    java.awt.Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(a.left(), a.top(), a.width(), a.height()));
    for (Path p : field.paths()) {
      path(g, a, p, s);
    }
    // The plane's centre: the weights it is drawn through.
    double cx = a.toScreenX(0);
    double cy = a.toScreenY(0);
    double d = 7 * s;
    Path2D.Double diamond = new Path2D.Double();
    diamond.moveTo(cx, cy - d);
    diamond.lineTo(cx + d, cy);
    diamond.lineTo(cx, cy + d);
    diamond.lineTo(cx - d, cy);
    diamond.closePath();
    g.setPaint(Color.WHITE);
    g.fill(diamond);
    g.setPaint(Color.BLACK);
    g.setStroke(new BasicStroke((float) (1.5 * s)));
    g.draw(diamond);
    g.setClip(clip);
    MapAxes.draw(g, a, look, width, height, field.xTitle(), field.yTitle());
    MapAxes.colourBar(g, a, look, levels);
    if (flat) {
      flatNote(g, look, a, field.values());
    }
    if (titleHeight > 0) {
      g.setFont(look.font(Font.BOLD, fs * 1.05));
      g.setPaint(new Color(look.foreground(), true));
      double tx = Math.min(a.left(), 6);
      g.drawString(Numbers.fit(g, title, width - tx - 4), (float) tx,
          (float) (titleHeight * 0.75 + 2));
    }
  }

  /**
   * Whether the slice's losses differ only by rounding (a run that never moved: lr 0, or
   * weights at a minimum): contours of that noise would show 1e-15 as a landscape.
   */
  static boolean flat(double[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!(hi >= lo)) {
      return false;
    }
    // A thousand ulps of the loss: far above rounding, far below any loss a lecture shows.
    return hi - lo <= 1000 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)));
  }

  /** Says in the plot that the loss is the same everywhere on it, and what it is. */
  private static void flatNote(Graphics2D g, Look look, MapGeometry a, double[] values) {
    double v = Double.NaN;
    for (double x : values) {
      if (Double.isFinite(x)) {
        v = x;
        break;
      }
    }
    g.setFont(look.font(Font.BOLD, look.fontSize()));
    String text = Numbers.fit(g, "flat: loss " + Numbers.format(v) + " everywhere",
        a.width() - 8);
    java.awt.FontMetrics m = g.getFontMetrics();
    double w = m.stringWidth(text) + 12;
    double h = m.getHeight() + 6;
    double x = a.left() + (a.width() - w) / 2;
    double y = a.top() + 6;
    g.setPaint(new Color(255, 255, 255, 220));
    g.fill(new java.awt.geom.RoundRectangle2D.Double(x, y, w, h, 8, 8));
    g.setPaint(Color.BLACK);
    g.drawString(text, (float) (x + 6), (float) (y + 3 + m.getAscent()));
  }

  private static void path(Graphics2D g, MapGeometry a, Path p, double s) {
    double[][] pts = p.points();
    if (pts.length == 0) {
      return;
    }
    Path2D.Double line = new Path2D.Double();
    boolean open = false;
    for (double[] q : pts) {
      if (!Double.isFinite(q[0]) || !Double.isFinite(q[1])) {
        open = false;
        continue;
      }
      double x = clamp(a.toScreenX(q[0]));
      double y = clamp(a.toScreenY(q[1]));
      if (open) {
        line.lineTo(x, y);
      } else {
        line.moveTo(x, y);
        open = true;
      }
    }
    Color c = new Color(p.argb(), false);
    g.setPaint(new Color(0, 0, 0, 150));
    g.setStroke(new BasicStroke((float) (5 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(line);
    g.setPaint(c);
    g.setStroke(new BasicStroke((float) (2.6 * s), BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND));
    g.draw(line);
    double[] last = pts[pts.length - 1];
    if (Double.isFinite(last[0]) && Double.isFinite(last[1])) {
      double r = 5 * s;
      Ellipse2D.Double dot = new Ellipse2D.Double(a.toScreenX(last[0]) - r,
          a.toScreenY(last[1]) - r, 2 * r, 2 * r);
      g.fill(dot);
      g.setPaint(Color.WHITE);
      g.setStroke(new BasicStroke((float) (1.5 * s)));
      g.draw(dot);
    }
  }

  private static double clamp(double v) {
    return Math.max(-1e5, Math.min(1e5, v));
  }
}
