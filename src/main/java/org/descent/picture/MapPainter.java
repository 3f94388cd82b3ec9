package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.descent.function.CriticalPoint;
import org.descent.function.CriticalPoints;
import org.descent.function.FormulaObjective;
import org.descent.function.Landscape;
import org.descent.function.ViewBox;
import org.descent.trace.Trace;

/**
 * Draws the contour map with Java2D, layer by layer: the filled contours, the gradient field,
 * the critical points, every run's path up to the current step (the rest as a faint ghost, the
 * averaged iterate bold over its raw path), the heads, the start, where paths leave the view or
 * diverge (with labels placed clear of each other and of the markers), a legend of the symbols,
 * the hover readout, the axes and the colour bar. The app draws it on its canvas (through
 * FXGraphics2D) and export into images: one drawing code for both.
 *
 * <p>Not thread-safe (it caches the last field as an image): one painter per view.
 */
public final class MapPainter {

  /** How the field's pixels get onto the picture (the app has its own, faster way). */
  @FunctionalInterface
  public interface FieldDrawer {
    /** Draws the field's pixels into the screen rectangle (x, y, w, h). */
    void draw(Graphics2D g, MapField field, double x, double y, double w, double h,
        boolean smooth);
  }

  private static final Color HALO = new Color(0, 0, 0, 140);
  private static final int DOTS_UP_TO = 150;
  // How much wider (times the look's scale) a covered stretch of path is drawn per rim: a rim
  // must be wider than the dark edge of the path over it (1.6 × scale) to show, and at most a
  // couple of pixels on each side (PathStack.MAX_LEVEL) so that it never reads as a band.
  private static final double RIM = 4;
  // How far back from its end (times the scale) a path is kept clear of labels.
  private static final double END_CLEAR = 48;

  private MapField cachedField;
  private BufferedImage cachedImage;
  private List<Rectangle2D> lastLabels = List.of();
  private List<String> lastMarks = List.of();

  /** The Java2D way: the field as an image, kept while the field stays the same. */
  public final FieldDrawer java2d = (g, field, x, y, w, h, smooth) -> {
    if (field != cachedField) {
      BufferedImage img = new BufferedImage(field.width(), field.height(),
          BufferedImage.TYPE_INT_ARGB);
      img.setRGB(0, 0, field.width(), field.height(), field.argb(), 0, field.width());
      cachedImage = img;
      cachedField = field;
    }
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, smooth
        ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
        : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.drawImage(cachedImage, (int) Math.round(x), (int) Math.round(y), (int) Math.round(w),
        (int) Math.round(h), null);
  };

  /**
   * Paints the scene into a picture of the given size.
   *
   * @return the plot's geometry (to map the mouse), or null when the picture is too small
   */
  public MapGeometry paint(Graphics2D g, MapScene scene, Look look, double width, double height,
      FieldDrawer fields) {
    MapGeometry a = paintBase(g, scene, look, width, height, fields);
    if (a != null && scene.landscape() != null) {
      paintOverlay(g, scene, look, a);
    }
    return a;
  }

  /**
   * The layers that stay while the runs change (a slider drag, playback): the background, the
   * field, the gradient field, the critical points, the axes and the colour bar. The app keeps
   * them as one image and draws only {@link #paintOverlay} on top each frame.
   *
   * @return the plot's geometry, or null when the picture is too small for one
   */
  public MapGeometry paintBase(Graphics2D g, MapScene scene, Look look, double width,
      double height, FieldDrawer fields) {
    Fonts.registerWithJava2d();
    hints(g);
    g.setPaint(new Color(look.background(), true));
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    MapGeometry a = MapGeometry.layout(scene.view(), width, height, look);
    Landscape l = scene.landscape();
    if (a == null || l == null) {
      return a;
    }
    Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(a.left(), a.top(), a.width(), a.height()));
    g.setPaint(new Color(look.plotBackground(), true));
    g.fill(new Rectangle2D.Double(a.left(), a.top(), a.width(), a.height()));
    MapField field = scene.field();
    boolean fieldShown = field != null && field.landscape() == l;
    if (fieldShown) {
      // The field covers its own view: while a new one is computed after a pan or a zoom, the
      // previous picture is shown moved and scaled to where its view lies now.
      ViewBox fv = field.view();
      double x0 = a.toScreenX(fv.xMin());
      double x1 = a.toScreenX(fv.xMax());
      double y0 = a.toScreenY(fv.yMax());
      double y1 = a.toScreenY(fv.yMin());
      boolean exact = fv.equals(a.view()) && field.width() == Math.round(a.width())
          && field.height() == Math.round(a.height());
      fields.draw(g, field, x0, y0, x1 - x0, y1 - y0, !exact);
    } else {
      computing(g, a, look);
    }
    if (scene.gradientField()) {
      gradientField(g, a, look, l.formula().objective());
    }
    for (Placed p : criticalPoints(a, look, l)) {
      MapMarks.draw(g, p.symbol(), p.x(), p.y(), look.scale());
    }
    if (fieldShown && field.basins() != null) {
      BasinColours.legend(g, a, look, field.basins());
    }
    g.setClip(clip);
    MapAxes.draw(g, a, look, width, height);
    if (fieldShown && field.basins() == null) {
      MapAxes.colourBar(g, a, look, field.levels());
    }
    return a;
  }

  /**
   * The layers that follow the runs and the step, over {@link #paintBase}: the paths, heads,
   * the start, the marks where runs leave or diverge with their labels, the symbols' legend
   * and the hover readout.
   */
  public void paintOverlay(Graphics2D g, MapScene scene, Look look, MapGeometry a) {
    hints(g);
    Landscape l = scene.landscape();
    Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(a.left(), a.top(), a.width(), a.height()));
    LabelPlacer labels = new LabelPlacer(new Rectangle2D.Double(a.left(), a.top(), a.width(),
        a.height()));
    Set<MapMarks.Symbol> shown = EnumSet.noneOf(MapMarks.Symbol.class);
    for (Placed p : criticalPoints(a, look, l)) {
      labels.blockCircle(p.x(), p.y(), 9 * look.scale());
      shown.add(p.symbol());
    }
    List<double[]> heads = new ArrayList<>();
    List<Mark> marks = paths(g, a, look, scene, labels, heads);
    if (scene.start() != null) {
      double sx = a.toScreenX(scene.start().x());
      double sy = a.toScreenY(scene.start().y());
      MapMarks.start(g, sx, sy, look.scale());
      labels.blockCircle(sx, sy, 9 * look.scale());
      shown.add(MapMarks.Symbol.START);
    }
    // The heads over the start: a run that ends where it started (Newton stuck at a saddle
    // beside it) shows its colour in the start's ring.
    drawHeads(g, look.scale(), heads, labels);
    for (Mark m : marks) {
      shown.add(m.symbol());
    }
    if (scene.field() != null && scene.field().convexity()) {
      shown.add(MapMarks.Symbol.CONVEX_NOT);
      shown.add(MapMarks.Symbol.CONCAVE);
    }
    lastLabels = marks(g, a, look, marks, labels);
    lastMarks = marks.stream().map(Mark::label).toList();
    if (scene.symbolLegend()) {
      legend(g, a, look, shown, scene, labels);
    }
    MapScene.Inspection inspection = scene.inspection();
    if (inspection != null && inspection.localModel() && inspection.run() >= 0
        && inspection.run() < scene.runs().size()) {
      Trace t = scene.runs().get(inspection.run()).trace();
      if (t.length() > 0) {
        int k = Math.min(scene.step(), t.lastStep());
        LocalModel.draw(g, a, look, l.formula().objective(), t.x(k), t.y(k));
      }
    }
    if (inspection != null && inspection.step() != null) {
      StepArrows.draw(g, a, look, inspection.step(), inspection.inverseHessian());
    }
    if (scene.probe() != null) {
      MapProbe.draw(g, a, look, l, l.formula().objective(), scene.probe());
    }
    g.setClip(clip);
  }

  private static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }

  private static void computing(Graphics2D g, MapGeometry a, Look look) {
    g.setFont(look.font(Font.ITALIC, look.fontSize() * 1.1));
    FontMetrics m = g.getFontMetrics();
    String text = "computing the landscape…";
    g.setPaint(new Color(look.foreground(), true));
    g.drawString(text, (float) (a.left() + (a.width() - m.stringWidth(text)) / 2),
        (float) (a.top() + a.height() / 2));
  }

  private static void gradientField(Graphics2D g, MapGeometry a, Look look,
      FormulaObjective f) {
    double s = look.scale();
    double spacing = 36 * s;
    double[] j = new double[6];
    Color c = new Color(255, 255, 255, 190);
    for (double sy = a.top() + spacing / 2; sy < a.bottom(); sy += spacing) {
      for (double sx = a.left() + spacing / 2; sx < a.right(); sx += spacing) {
        f.jet(a.toWorldX(sx), a.toWorldY(sy), j);
        double dx = -j[1];
        double dy = j[2]; // screen y points down
        double n = Math.hypot(dx, dy);
        if (!(n > 0) || !Double.isFinite(n)) {
          continue;
        }
        double len = 0.38 * spacing;
        g.setPaint(c);
        g.setStroke(new BasicStroke((float) (1.2 * s)));
        g.draw(new java.awt.geom.Line2D.Double(sx - dx / n * len, sy - dy / n * len,
            sx + dx / n * len, sy + dy / n * len));
        double angle = Math.atan2(dy, dx);
        double hx = sx + dx / n * len;
        double hy = sy + dy / n * len;
        Path2D.Double t = new Path2D.Double();
        t.moveTo(hx, hy);
        t.lineTo(hx - 4 * s * Math.cos(angle - 0.45), hy - 4 * s * Math.sin(angle - 0.45));
        t.lineTo(hx - 4 * s * Math.cos(angle + 0.45), hy - 4 * s * Math.sin(angle + 0.45));
        t.closePath();
        g.fill(t);
      }
    }
  }

  /** A symbol at a screen position. */
  private record Placed(MapMarks.Symbol symbol, double x, double y) {}

  /**
   * The critical points inside the plot, global minima told from local ones. A minimum on a
   * curve of minima (a valley minimal all along) gets no star: stars say "here, and only
   * here".
   */
  private static List<Placed> criticalPoints(MapGeometry a, Look look, Landscape l) {
    double best = l.bestMinimumValue();
    double tolerance = 1e-9 * Math.max(1, Math.abs(best));
    FormulaObjective f = l.formula().objective();
    double scale = Math.max(l.view().width(), l.view().height());
    List<Placed> out = new ArrayList<>();
    for (CriticalPoint p : l.criticalPoints()) {
      double x = a.toScreenX(p.x());
      double y = a.toScreenY(p.y());
      if (!a.containsScreen(x, y) || p.kind() == CriticalPoint.Kind.MINIMUM
          && CriticalPoints.onCurveOfCriticalPoints(f, p.x(), p.y(), scale)) {
        continue;
      }
      MapMarks.Symbol symbol = switch (p.kind()) {
        case MINIMUM -> p.value() <= best + tolerance ? MapMarks.Symbol.GLOBAL_MINIMUM
            : MapMarks.Symbol.LOCAL_MINIMUM;
        case SADDLE -> MapMarks.Symbol.SADDLE;
        case MAXIMUM -> MapMarks.Symbol.MAXIMUM;
      };
      out.add(new Placed(symbol, x, y));
    }
    return out;
  }

  /** Something drawn after the paths (so it stays visible), with the label it may carry. */
  private record Mark(MapMarks.Symbol symbol, double x, double y, double angle, Color colour,
      String name, String what) {
    String label() {
      return name + what;
    }
  }

  /**
   * The paths and averaged paths; gathers the heads to draw, {x, y, argb, size}, and returns
   * the divergence and edge marks to draw.
   */
  private static List<Mark> paths(Graphics2D g, MapGeometry a, Look look, MapScene scene,
      LabelPlacer labels, List<double[]> heads) {
    double s = look.scale();
    // Pale layers of every run first, bold ones after: a run's faint raw path never tints
    // another run's bold line.
    for (ChartInput run : scene.runs()) {
      Trace t = run.trace();
      if (t.length() == 0) {
        continue;
      }
      Color c = new Color(run.argb(), false);
      int k = Math.min(scene.step(), t.lastStep());
      if (k < t.lastStep() || t.hasAverage() || scene.trail() > 0) {
        // The future as a ghost: a slider drag shows the whole new path at once (at the last
        // step the past covers it).
        g.setPaint(withAlpha(c, 150));
        g.setStroke(round(1.8 * s, run.style()));
        g.draw(polyline(a, t, Math.max(0, k - 1), t.lastStep(), false));
      }
      if (t.hasAverage()) {
        // The raw iterates are the noise the average removes: drawn thin and pale under it.
        g.setPaint(withAlpha(c, 130));
        g.setStroke(round(1.5 * s));
        g.draw(polyline(a, t, 0, k, false));
      }
    }
    List<ChartInput> runs = scene.runs();
    List<List<double[]>> bold = new ArrayList<>();
    for (ChartInput run : runs) {
      bold.add(boldPieces(a, run.trace(), scene.step(), scene.trail()));
    }
    PathStack.Layout stack = PathStack.of(bold, 3 * s);
    for (List<double[]> p : bold) {
      avoidPath(p, s, labels);
    }
    for (int i : stack.order()) {
      ChartInput run = runs.get(i);
      Trace t = run.trace();
      if (t.length() == 0) {
        continue;
      }
      Color c = new Color(run.argb(), false);
      int k = Math.min(scene.step(), t.lastStep());
      List<PathStack.Rim> rims = stack.rims().get(i);
      if (t.hasAverage()) {
        // The average from where it starts to differ from the iterate (Polyak from step
        // 100 is the iterate itself before that).
        int first = averageStart(t);
        if (first <= k) {
          bold(g, polyline(a, t, first, k, true), rims, c, run.style(), 3.2 * s, 5.2 * s, s);
        }
      } else {
        int from = 0;
        if (scene.trail() > 0 && k > scene.trail()) {
          // Only the recent steps bold: a noisy run shows its spread now, not its history.
          from = k - scene.trail();
          g.setPaint(withAlpha(c, 120));
          g.setStroke(round(1.5 * s));
          g.draw(polyline(a, t, 0, from, false));
        }
        bold(g, polyline(a, t, from, k, false), rims, c, run.style(), 2.5 * s, 4.1 * s, s);
        if (k - from <= DOTS_UP_TO) {
          g.setPaint(c);
          for (int n = from; n <= k; n++) {
            double x = a.toScreenX(t.x(n));
            double y = a.toScreenY(t.y(n));
            if (a.containsScreen(x, y)) {
              g.fill(new java.awt.geom.Ellipse2D.Double(x - 2.2 * s, y - 2.2 * s, 4.4 * s,
                  4.4 * s));
            }
          }
        }
      }
    }
    List<Mark> marks = new ArrayList<>();
    for (ChartInput run : runs) {
      Trace t = run.trace();
      if (t.length() == 0) {
        continue;
      }
      Color c = new Color(run.argb(), false);
      int k = Math.min(scene.step(), t.lastStep());
      boolean averaged = t.hasAverage();
      blockEnd(a, s, t, k, labels);
      double hx = a.toScreenX(t.x(k));
      double hy = a.toScreenY(t.y(k));
      boolean divergedNow = t.diverged() && scene.step() >= t.lastStep();
      if (a.containsScreen(hx, hy)) {
        if (averaged && averageStart(t) <= k) {
          double ax = a.toScreenX(t.averagedCoordinate(k, 0));
          double ay = a.toScreenY(t.averagedCoordinate(k, 1));
          heads.add(new double[] {ax, ay, run.argb(), 1});
          heads.add(new double[] {hx, hy, run.argb(), 0.55});
        } else {
          heads.add(new double[] {hx, hy, run.argb(), 1});
        }
        if (divergedNow) {
          marks.add(new Mark(MapMarks.Symbol.DIVERGED, hx, hy, 0, c, run.label(),
              " diverged at step " + t.divergedAt().getAsInt()));
        }
      } else {
        double[] exit = exit(a, t, k);
        // Where the arrow is drawn depends on the picture; the step it states does not: it is
        // when the path last left the scenario's view, whatever the window adds around it.
        int left = scene.view().contains(t.x(k), t.y(k)) ? (int) exit[3]
            : t.stepLeft(scene.view(), k);
        String what = divergedNow ? " diverged at step " + t.divergedAt().getAsInt()
            : " left the view at step " + left;
        marks.add(new Mark(divergedNow ? MapMarks.Symbol.DIVERGED : MapMarks.Symbol.LEFT_VIEW,
            exit[0], exit[1], exit[2], c, run.label(), what));
      }
    }
    return marks;
  }

  /**
   * A bold path with a dark edge, and where it lies under later paths a rim in its colour
   * around them. Every edge goes under every colour, so the rims and the path are one shape.
   * The edge is solid and the colour over it follows the run's dash pattern: the gaps show the
   * dark edge, so a dashed path stays one line on any map.
   */
  private static void bold(Graphics2D g, Path2D.Double path, List<PathStack.Rim> rims,
      Color c, LineStyle style, double width, double halo, double s) {
    // The stretches of one level as one shape: one pass of the rasterizer, not one per stretch.
    java.util.SortedMap<Integer, Path2D.Double> levels = new java.util.TreeMap<>();
    for (PathStack.Rim r : rims) {
      appendTo(levels.computeIfAbsent(r.level(), l -> new Path2D.Double()), r.points());
    }
    g.setPaint(HALO);
    levels.forEach((level, shape) -> {
      g.setStroke(round(halo + RIM * s * level));
      g.draw(shape);
    });
    g.setStroke(round(halo));
    g.draw(path);
    g.setPaint(c);
    levels.forEach((level, shape) -> {
      g.setStroke(round(width + RIM * s * level));
      g.draw(shape);
    });
    g.setStroke(round(width, style));
    g.draw(path);
  }

  /**
   * The bold part of a run's path on screen, cut to the plot: pieces {x0, y0, x1, y1, …}, a
   * new one wherever the path leaves the plot and comes back.
   */
  private static List<double[]> boldPieces(MapGeometry a, Trace t, int step, int trail) {
    List<double[]> out = new ArrayList<>();
    if (t.length() == 0) {
      return out;
    }
    int k = Math.min(step, t.lastStep());
    boolean averaged = t.hasAverage();
    int from = averaged ? averageStart(t) : trail > 0 && k > trail ? k - trail : 0;
    if (from > k) {
      return out;
    }
    double[] box = {a.left(), a.top(), a.left() + a.width(), a.top() + a.height()};
    double px = clamp(a.toScreenX(averaged ? t.averagedCoordinate(from, 0) : t.x(from)));
    double py = clamp(a.toScreenY(averaged ? t.averagedCoordinate(from, 1) : t.y(from)));
    if (from == k) {
      if (a.containsScreen(px, py)) {
        out.add(new double[] {px, py});
      }
      return out;
    }
    double[] piece = new double[64];
    int n = 0;
    for (int i = from + 1; i <= k; i++) {
      double x = clamp(a.toScreenX(averaged ? t.averagedCoordinate(i, 0) : t.x(i)));
      double y = clamp(a.toScreenY(averaged ? t.averagedCoordinate(i, 1) : t.y(i)));
      double[] seg = clipped(px, py, x, y, box);
      if (seg == null) {
        px = x;
        py = y;
        continue;
      }
      boolean cut = seg[2] != x || seg[3] != y;
      if (n == 0) {
        piece[n++] = seg[0];
        piece[n++] = seg[1];
      }
      // Points closer than a pixel to the last one add nothing a student can see but cost
      // every frame; where the path is cut or ends the point is kept.
      if (cut || i == k || Math.abs(x - piece[n - 2]) + Math.abs(y - piece[n - 1]) >= 0.6) {
        if (n + 2 > piece.length) {
          piece = java.util.Arrays.copyOf(piece, 2 * piece.length);
        }
        piece[n++] = seg[2];
        piece[n++] = seg[3];
      }
      if (cut) {
        if (n >= 4) {
          out.add(simplify(piece, n / 2));
        }
        n = 0;
      }
      px = x;
      py = y;
    }
    if (n >= 4) {
      out.add(simplify(piece, n / 2));
    } else if (n == 2) {
      out.add(java.util.Arrays.copyOf(piece, 2));
    }
    return out;
  }

  /** The part of a segment inside the box {x0, y0, x1, y1} (Liang–Barsky), or null. */
  private static double[] clipped(double x0, double y0, double x1, double y1, double[] box) {
    if (x0 >= box[0] && x0 <= box[2] && x1 >= box[0] && x1 <= box[2] && y0 >= box[1]
        && y0 <= box[3] && y1 >= box[1] && y1 <= box[3]) {
      return new double[] {x0, y0, x1, y1}; // inside: most segments of most paths
    }
    double dx = x1 - x0;
    double dy = y1 - y0;
    double lo = 0;
    double hi = 1;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - box[0], box[2] - x0, y0 - box[1], box[3] - y0};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return null;
        }
      } else {
        double r = q[i] / p[i];
        if (p[i] < 0) {
          lo = Math.max(lo, r);
        } else {
          hi = Math.min(hi, r);
        }
      }
    }
    if (lo > hi) {
      return null;
    }
    return new double[] {lo == 0 ? x0 : x0 + lo * dx, lo == 0 ? y0 : y0 + lo * dy,
        hi == 1 ? x1 : x0 + hi * dx, hi == 1 ? y1 : y0 + hi * dy};
  }

  /** Asks labels to keep off a path ({x0, y0, x1, y1, …} pieces), a point every few pixels. */
  private static void avoidPath(List<double[]> pieces, double s, LabelPlacer labels) {
    double every = 6 * s;
    double lastX = Double.NaN;
    double lastY = Double.NaN;
    int points = 0;
    for (double[] p : pieces) {
      for (int i = 0; i + 1 < p.length && points < 2000; i += 2) {
        if (Double.isNaN(lastX)) {
          labels.avoidCircle(p[i], p[i + 1], 3 * s);
          lastX = p[i];
          lastY = p[i + 1];
          points++;
          continue;
        }
        // Along the segment too: a simplified path's segments can be long.
        double d = Math.hypot(p[i] - lastX, p[i + 1] - lastY);
        int steps = (int) Math.min(2000 - points, Math.floor(d / every));
        double x0 = lastX;
        double y0 = lastY;
        for (int k = 1; k <= steps; k++) {
          lastX = x0 + (p[i] - x0) * k * every / d;
          lastY = y0 + (p[i + 1] - y0) * k * every / d;
          labels.avoidCircle(lastX, lastY, 3 * s);
          points++;
        }
      }
    }
  }

  /**
   * Keeps labels off the last stretch of a run's path before its end (its head, or where it
   * leaves the plot): where a run ends is what a label must never hide.
   */
  private static void blockEnd(MapGeometry a, double s, Trace t, int k, LabelPlacer labels) {
    double left = END_CLEAR * s;
    double step = 3 * s;
    double px = Double.NaN;
    double py = Double.NaN;
    for (int n = k; n >= 0 && left > 0; n--) {
      double x = clamp(a.toScreenX(t.x(n)));
      double y = clamp(a.toScreenY(t.y(n)));
      if (!Double.isNaN(px)) {
        double d = Math.hypot(x - px, y - py);
        int samples = (int) Math.min(200, Math.ceil(Math.min(d, left) / step));
        for (int q = 0; q <= samples; q++) {
          double f = d == 0 ? 0 : Math.min(1, q * step / d);
          double sx = px + f * (x - px);
          double sy = py + f * (y - py);
          if (a.containsScreen(sx, sy)) {
            labels.blockCircle(sx, sy, 2.5 * s);
            left -= step;
          }
        }
      }
      px = x;
      py = y;
    }
  }

  /**
   * Heads drawn so that each run's end can be told where several coincide (Newton and BFGS on
   * the same minimum): one disc split into a slice per run, in the runs' order, no larger than
   * one head, so that it hides no more of the paths around it than a single head would.
   */
  private static void drawHeads(Graphics2D g, double s, List<double[]> heads,
      LabelPlacer labels) {
    double r = 7 * s;
    List<double[]> faint = new ArrayList<>();
    List<double[]> full = new ArrayList<>();
    for (double[] h : heads) {
      (h[3] >= 1 ? full : faint).add(h);
    }
    for (double[] h : faint) {
      MapMarks.head(g, h[0], h[1], r * h[3], withAlpha(new Color((int) h[2], false), 200),
          s * 0.7);
    }
    boolean[] done = new boolean[full.size()];
    for (int i = 0; i < full.size(); i++) {
      if (done[i]) {
        continue;
      }
      List<double[]> group = new ArrayList<>();
      group.add(full.get(i));
      for (int j = i + 1; j < full.size(); j++) {
        double[] o = full.get(j);
        if (!done[j] && Math.hypot(o[0] - full.get(i)[0], o[1] - full.get(i)[1]) < 0.9 * r) {
          group.add(o);
          done[j] = true;
        }
      }
      double[] h = group.get(0);
      if (group.size() == 1) {
        MapMarks.head(g, h[0], h[1], r, new Color((int) h[2], false), s);
      } else {
        // Slightly larger than one head: each slice keeps an area a student can see.
        double radius = r * (group.size() > 2 ? 1.3 : 1.15);
        Color[] colours = new Color[group.size()];
        for (int k = 0; k < colours.length; k++) {
          colours[k] = new Color((int) group.get(k)[2], false);
        }
        MapMarks.splitHead(g, h[0], h[1], radius, colours, s);
      }
      labels.blockCircle(h[0], h[1], r * (group.size() > 2 ? 1.3 : 1) + 2 * s);
    }
  }

  /**
   * Where the path leaves the view before step k: {x, y, angle, step} in screen terms, the
   * point where the segment from the last iterate inside to the next one crosses the plot's
   * edge, and the direction it was going. A path that was never inside points from the centre
   * towards its head instead.
   */
  static double[] exit(MapGeometry a, Trace t, int k) {
    for (int n = k - 1; n >= 0; n--) {
      double x0 = a.toScreenX(t.x(n));
      double y0 = a.toScreenY(t.y(n));
      if (a.containsScreen(x0, y0)) {
        double x1 = clamp(a.toScreenX(t.x(n + 1)));
        double y1 = clamp(a.toScreenY(t.y(n + 1)));
        double tEdge = edge(a, x0, y0, x1, y1);
        return new double[] {x0 + tEdge * (x1 - x0), y0 + tEdge * (y1 - y0),
            Math.atan2(y1 - y0, x1 - x0), n + 1};
      }
    }
    double cx = a.left() + a.width() / 2;
    double cy = a.top() + a.height() / 2;
    double hx = clamp(a.toScreenX(t.x(k)));
    double hy = clamp(a.toScreenY(t.y(k)));
    double tEdge = edge(a, cx, cy, hx, hy);
    return new double[] {cx + tEdge * (hx - cx), cy + tEdge * (hy - cy),
        Math.atan2(hy - cy, hx - cx), 0};
  }

  // The fraction of the way from (x0, y0), inside, to (x1, y1), outside, at which the segment
  // meets the plot's edge.
  private static double edge(MapGeometry a, double x0, double y0, double x1, double y1) {
    double t = 1;
    double dx = x1 - x0;
    double dy = y1 - y0;
    if (dx > 0) {
      t = Math.min(t, (a.right() - x0) / dx);
    } else if (dx < 0) {
      t = Math.min(t, (a.left() - x0) / dx);
    }
    if (dy > 0) {
      t = Math.min(t, (a.bottom() - y0) / dy);
    } else if (dy < 0) {
      t = Math.min(t, (a.top() - y0) / dy);
    }
    return Math.max(0, t);
  }

  /** The text boxes of the last picture (for tests: they must never overlap). */
  /** What the last picture's divergence and edge marks say (for tests). */
  public List<String> lastMarks() {
    return lastMarks;
  }

  List<Rectangle2D> lastLabels() {
    return lastLabels;
  }

  private static List<Rectangle2D> marks(Graphics2D g, MapGeometry a, Look look,
      List<Mark> marks, LabelPlacer labels) {
    double s = look.scale();
    for (Mark m : marks) {
      if (m.symbol() == MapMarks.Symbol.DIVERGED) {
        // On the edge the cross sits just inside, behind the arrow of the way it went.
        double x = Math.max(a.left() + 10 * s, Math.min(a.right() - 10 * s, m.x()));
        double y = Math.max(a.top() + 10 * s, Math.min(a.bottom() - 10 * s, m.y()));
        MapMarks.diverged(g, x, y, s);
        labels.blockCircle(x, y, 10 * s);
      } else {
        double x = Math.max(a.left() + 2, Math.min(a.right() - 2, m.x()));
        double y = Math.max(a.top() + 2, Math.min(a.bottom() - 2, m.y()));
        MapMarks.arrow(g, x, y, m.angle(), m.colour(), s);
        labels.blockCircle(x - 6 * s * Math.cos(m.angle()), y - 6 * s * Math.sin(m.angle()),
            8 * s);
      }
    }
    Font font = look.font(Font.BOLD, look.fontSize() * 0.95);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    List<Rectangle2D> placed = new ArrayList<>();
    // A label never wider than the plot: on two lines (the run, then what happened) where
    // one is too long, each cut with an ellipsis only if even that does not fit.
    double room = a.width() - 4 - 12 * s;
    for (Mark m : marks) {
      List<String> lines = fm.stringWidth(m.label()) <= room ? List.of(m.label())
          : List.of(Numbers.fit(g, m.name(), room), Numbers.fit(g, m.what().strip(), room));
      double w = 0;
      for (String line : lines) {
        w = Math.max(w, fm.stringWidth(line) + 12 * s);
      }
      double h = lines.size() * fm.getHeight() + 4 * s;
      double x = Math.max(a.left(), Math.min(a.right(), m.x()));
      double y = Math.max(a.top(), Math.min(a.bottom(), m.y()));
      Rectangle2D r = labels.place(w, h, x, y, 12 * s);
      tag(g, r, lines, m.colour(), fm, s);
      placed.add(r);
    }
    return placed;
  }

  /** Text on a dark rounded box with a rim in the run's colour. */
  private static void tag(Graphics2D g, Rectangle2D r, List<String> lines, Color accent,
      FontMetrics fm, double s) {
    RoundRectangle2D box = new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(),
        r.getHeight(), 8 * s, 8 * s);
    g.setPaint(new Color(20, 20, 24, 220));
    g.fill(box);
    g.setPaint(accent);
    g.setStroke(new BasicStroke((float) (1.5 * s)));
    g.draw(box);
    g.setPaint(Color.WHITE);
    double top = r.getY() + (r.getHeight() - lines.size() * fm.getHeight()) / 2;
    for (int i = 0; i < lines.size(); i++) {
      g.drawString(lines.get(i), (float) (r.getX() + 6 * s),
          (float) (top + i * fm.getHeight() + fm.getAscent()));
    }
  }

  /** The symbols on the map explained, in the corner where they hide the least. */
  private static void legend(Graphics2D g, MapGeometry a, Look look, Set<MapMarks.Symbol> shown,
      MapScene scene, LabelPlacer labels) {
    if (shown.isEmpty()) {
      return;
    }
    double s = look.scale();
    Font font = look.font(Font.PLAIN, look.fontSize() * 0.85);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    double icon = 18 * s;
    double line = Math.max(fm.getHeight(), 16 * s) + 2 * s;
    double w = 0;
    for (MapMarks.Symbol sym : shown) {
      w = Math.max(w, fm.stringWidth(sym.label));
    }
    w += icon + 16 * s;
    double h = shown.size() * line + 8 * s;
    if (w > a.width() * 0.45 || h > a.height() * 0.6) {
      return; // a small map is better without it
    }
    int points = 0;
    List<double[]> pts = new ArrayList<>();
    for (ChartInput run : scene.runs()) {
      Trace t = run.trace();
      int k = Math.min(scene.step(), t.lastStep());
      for (int n = 0; n <= k; n += Math.max(1, k / 200)) {
        pts.add(new double[] {a.toScreenX(t.x(n)), a.toScreenY(t.y(n))});
      }
    }
    double[] xs = new double[pts.size()];
    double[] ys = new double[pts.size()];
    for (double[] p : pts) {
      xs[points] = p[0];
      ys[points++] = p[1];
    }
    Rectangle2D r = labels.corner(w, h, 6 * s, xs, ys, points);
    g.setPaint(new Color(255, 255, 255, 215));
    g.fill(new RoundRectangle2D.Double(r.getX(), r.getY(), w, h, 8 * s, 8 * s));
    g.setPaint(new Color(0, 0, 0, 120));
    g.setStroke(new BasicStroke((float) s));
    g.draw(new RoundRectangle2D.Double(r.getX(), r.getY(), w, h, 8 * s, 8 * s));
    double y = r.getY() + 4 * s;
    for (MapMarks.Symbol sym : shown) {
      double cy = y + line / 2;
      java.awt.geom.AffineTransform saved = g.getTransform();
      g.translate(r.getX() + 6 * s + icon / 2, cy);
      g.scale(0.75, 0.75);
      MapMarks.draw(g, sym, 0, 0, s);
      g.setTransform(saved);
      g.setFont(font);
      g.setPaint(new Color(0x1D1D1F));
      g.drawString(sym.label, (float) (r.getX() + 10 * s + icon),
          (float) (cy + fm.getAscent() / 2.0 - fm.getDescent() / 2.0));
      y += line;
    }
  }

  /** The first step whose averaged iterate differs from the iterate (minus one), or 0. */
  static int averageStart(Trace t) {
    for (int n = 0; n < t.length(); n++) {
      if (t.averagedCoordinate(n, 0) != t.x(n) || t.averagedCoordinate(n, 1) != t.y(n)) {
        return Math.max(0, n - 1);
      }
    }
    return t.length();
  }

  /**
   * Steps first to last as a polyline in screen coordinates. A segment whose two ends both lie
   * outside the plot is left out: a run that has been thrown out keeps bouncing out there, and
   * the lines of those bounces would cross the whole plot and hide the runs inside it. The
   * step out and the step back in are kept.
   */
  private static Path2D.Double polyline(MapGeometry a, Trace t, int first, int last,
      boolean averaged) {
    Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, Math.min(1024, last - first + 1));
    double[] piece = new double[2 * Math.max(2, Math.min(4096, last - first + 1))];
    int n = 0;
    boolean previousFar = true;
    boolean open = false;
    double lastX = Double.NaN;
    double lastY = Double.NaN;
    for (int i = first; i <= last; i++) {
      double x = clamp(a.toScreenX(averaged ? t.averagedCoordinate(i, 0) : t.x(i)));
      double y = clamp(a.toScreenY(averaged ? t.averagedCoordinate(i, 1) : t.y(i)));
      boolean far = !a.containsScreen(x, y);
      if (!open || far && previousFar) {
        appendTo(p, simplify(piece, n));
        n = 0;
        open = true;
      } else if (i != last && Math.abs(x - lastX) + Math.abs(y - lastY) < 0.6) {
        // Points closer than a pixel to the last one drawn add nothing a student can see
        // (a slow run crawls hundreds of steps through a few pixels) but cost every frame.
        continue;
      }
      if (2 * n + 2 > piece.length) {
        piece = java.util.Arrays.copyOf(piece, 2 * piece.length);
      }
      piece[2 * n] = x;
      piece[2 * n + 1] = y;
      n++;
      lastX = x;
      lastY = y;
      previousFar = far;
    }
    appendTo(p, simplify(piece, n));
    return p;
  }

  /**
   * How far (in pixels) a point may lie from the straight line that replaces it: a quarter of
   * a pixel under lines 2.5 to 4 pixels wide is invisible, and a smooth path of a thousand
   * steps becomes a few dozen segments to rasterize instead of a thousand.
   */
  static final double SIMPLIFY = 0.25;

  /**
   * The first n points {x0, y0, …} of pts without those within {@link #SIMPLIFY} of the line
   * that replaces them (Douglas–Peucker), ends kept.
   */
  static double[] simplify(double[] pts, int n) {
    if (n <= 2) {
      return java.util.Arrays.copyOf(pts, 2 * n);
    }
    boolean[] keep = new boolean[n];
    keep[0] = true;
    keep[n - 1] = true;
    int kept = 2;
    int[] stack = new int[2 * n];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = n - 1;
    while (top > 0) {
      int j = stack[--top];
      int i = stack[--top];
      double ax = pts[2 * i];
      double ay = pts[2 * i + 1];
      double dx = pts[2 * j] - ax;
      double dy = pts[2 * j + 1] - ay;
      double len2 = dx * dx + dy * dy;
      int worst = -1;
      double worstD = SIMPLIFY * SIMPLIFY;
      for (int k = i + 1; k < j; k++) {
        double px = pts[2 * k] - ax;
        double py = pts[2 * k + 1] - ay;
        // Distance to the segment (not the line): a path that turns back is kept.
        double u = len2 > 0 ? Math.max(0, Math.min(1, (px * dx + py * dy) / len2)) : 0;
        double ex = px - u * dx;
        double ey = py - u * dy;
        double d = ex * ex + ey * ey;
        if (d > worstD) {
          worstD = d;
          worst = k;
        }
      }
      if (worst >= 0) {
        keep[worst] = true;
        kept++;
        if (worst - i > 1) {
          stack[top++] = i;
          stack[top++] = worst;
        }
        if (j - worst > 1) {
          stack[top++] = worst;
          stack[top++] = j;
        }
      }
    }
    double[] out = new double[2 * kept];
    int m = 0;
    for (int k = 0; k < n; k++) {
      if (keep[k]) {
        out[m++] = pts[2 * k];
        out[m++] = pts[2 * k + 1];
      }
    }
    return out;
  }

  /** Appends the polyline {x0, y0, …} to p as a new subpath. */
  private static void appendTo(Path2D.Double p, double[] pts) {
    for (int i = 0; i + 1 < pts.length; i += 2) {
      if (i == 0) {
        p.moveTo(pts[i], pts[i + 1]);
      } else {
        p.lineTo(pts[i], pts[i + 1]);
      }
    }
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.max(-1e5, Math.min(1e5, v));
  }

  /**
   * The stroke of a path: round ends, bevelled corners. Round corners on a polyline of a
   * thousand points are a thousand arcs to rasterize every frame; at these widths a bevel
   * looks the same.
   */
  private static BasicStroke round(double width) {
    return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL);
  }

  /** The stroke of a path in a run's dash pattern. */
  static BasicStroke round(double width, LineStyle style) {
    float[] dashes = style.dashes(width, true);
    return dashes == null ? round(width) : new BasicStroke((float) width,
        BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL, 10, dashes, 0);
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
