package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.descent.analysis.HyperMap;
import org.descent.analysis.HyperSearch;
import org.descent.analysis.RunOutcome;
import org.descent.render.ColorMap;

/**
 * A map of convergence over two hyperparameters: each cell in the colour of the steps its run
 * took to reach the tolerance (bright: fast; on a log scale, so 10 and 100 steps differ as
 * much as 100 and 1000), grey where it never did, dark where it diverged; the fastest cell
 * ringed, the card's own values marked with a cross, and trials of a search drawn as dots.
 */
public final class HyperMapPicture {

  /** Cells whose run never reached the tolerance. */
  public static final int NOT_REACHED = 0xFFC9C9CE;
  /** Cells whose run diverged. */
  public static final int DIVERGED = 0xFF34343A;

  private static final ColorMap COLOURS = ColorMap.viridis();

  private HyperMapPicture() {}

  /** What to draw over the cells. */
  public record Marks(double[] card, List<HyperSearch.Trial> trials, HyperSearch.Trial best,
      boolean ringFastest) {
    public static final Marks NONE = new Marks(null, List.of(), null, true);
  }

  /** The colour of a cell. */
  public static int colour(RunOutcome o, int steps) {
    if (o.diverged()) {
      return DIVERGED;
    }
    if (!o.reached()) {
      return NOT_REACHED;
    }
    double t = 1 - Math.log1p(o.stepsToTolerance()) / Math.log1p(Math.max(1, steps));
    return COLOURS.argb(Math.max(0, Math.min(1, t)));
  }

  /**
   * Draws the map into a picture of {@code w × h} pixels (the graphics' origin at its corner)
   * and returns the plot's geometry, or null when the picture is too small.
   *
   * @param steps the runs' length, the top of the colour scale
   */
  public static AnalysisPlot draw(Graphics2D g, Look look, double w, double h, HyperMap map,
      int steps, String title, Marks marks) {
    Pictures.hints(g);
    g.setPaint(look.awt(look.background()));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    double s = look.fontSize() / 12.0;
    AnalysisPlot.Scale xs = AnalysisPlot.Scale.cells(title(map.px().key()), map.x());
    AnalysisPlot.Scale ys = AnalysisPlot.Scale.cells(title(map.py().key()), map.y());
    AnalysisPlot plot = AnalysisPlot.layout(look, w, h, 92 * s, xs, ys);
    if (plot == null) {
      return null;
    }
    plot.fill(g, look);
    int nx = map.x().count();
    int ny = map.y().count();
    for (int iy = 0; iy < ny; iy++) {
      double y0 = plot.top() + plot.height() * (ny - 1 - iy) / ny;
      double y1 = plot.top() + plot.height() * (ny - iy) / ny;
      for (int ix = 0; ix < nx; ix++) {
        double x0 = plot.left() + plot.width() * ix / nx;
        double x1 = plot.left() + plot.width() * (ix + 1) / nx;
        g.setPaint(new Color(colour(map.outcome(ix, iy), steps), true));
        g.fill(new Rectangle2D.Double(x0, y0, x1 - x0 + 0.6, y1 - y0 + 0.6));
      }
    }
    plot.drawAxes(g, look, title, false);
    drawMarks(g, look, plot, map, marks, s);
    colourBar(g, look, plot, steps, s);
    return plot;
  }

  private static void drawMarks(Graphics2D g, Look look, AnalysisPlot plot, HyperMap map,
      Marks marks, double s) {
    java.awt.Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(plot.left(), plot.top(), plot.width(), plot.height()));
    // A rug along the bottom: how many distinct values of the first parameter were tried.
    g.setPaint(Color.BLACK);
    g.setStroke(new BasicStroke((float) (2 * s)));
    for (HyperSearch.Trial t : marks.trials()) {
      double x = plot.screenX(t.a());
      g.draw(new Line2D.Double(x, plot.bottom(), x, plot.bottom() - 10 * s));
    }
    for (HyperSearch.Trial t : marks.trials()) {
      double x = plot.screenX(t.a());
      double y = plot.screenY(t.b());
      double r = 4.5 * s;
      g.setPaint(Color.WHITE);
      g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
      g.setPaint(Color.BLACK);
      g.setStroke(new BasicStroke((float) (1.3 * s)));
      g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }
    if (marks.best() != null) {
      MapMarks.draw(g, MapMarks.Symbol.GLOBAL_MINIMUM, plot.screenX(marks.best().a()),
          plot.screenY(marks.best().b()), s);
    }
    int[] fastest = marks.ringFastest() ? map.fastest() : null;
    if (fastest != null) {
      double x = plot.screenX(map.x().value(fastest[0]));
      double y = plot.screenY(map.y().value(fastest[1]));
      double r = 9 * s;
      g.setStroke(new BasicStroke((float) (3 * s)));
      g.setPaint(Color.WHITE);
      g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
      g.setStroke(new BasicStroke((float) (1.4 * s)));
      g.setPaint(Color.BLACK);
      g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }
    if (marks.card() != null) {
      double x = plot.screenX(marks.card()[0]);
      double y = plot.screenY(marks.card()[1]);
      double r = 7 * s;
      for (float width : new float[] {(float) (4.5 * s), (float) (2 * s)}) {
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setPaint(width > 3 * s ? Color.WHITE : new Color(0xD62728));
        g.draw(new Line2D.Double(x - r, y, x + r, y));
        g.draw(new Line2D.Double(x, y - r, x, y + r));
      }
    }
    g.setClip(clip);
  }

  /** The steps' scale on the right, with swatches for "never" and "diverged" under it. */
  private static void colourBar(Graphics2D g, Look look, AnalysisPlot plot, int steps,
      double s) {
    double x = plot.right() + 14 * s;
    double bw = 14 * s;
    double top = plot.top();
    double bh = Math.max(30, plot.height() - 58 * s);
    for (int i = 0; i < bh; i++) {
      double t = 1 - i / bh;
      g.setPaint(new Color(COLOURS.argb(t)));
      g.fill(new Rectangle2D.Double(x, top + i, bw, 1.2));
    }
    g.setPaint(look.awt(look.axis()));
    g.setStroke(new BasicStroke((float) Math.max(1, s)));
    g.draw(new Rectangle2D.Double(x, top, bw, bh));
    g.setFont(look.font(Font.PLAIN, look.fontSize() * 0.9));
    FontMetrics fm = g.getFontMetrics();
    g.setPaint(look.awt(look.foreground()));
    double max = Math.log1p(Math.max(1, steps));
    for (long v = 1; v <= steps; v *= 10) {
      double y = top + bh * Math.log1p(v) / max;
      g.draw(new Line2D.Double(x + bw, y, x + bw + 3 * s, y));
      g.drawString(String.valueOf(v), (float) (x + bw + 5 * s), (float) (y + fm.getAscent()
          / 2.0 - 1));
    }
    g.drawString("steps", (float) x, (float) (top - 6 * s));
    double y = top + bh + 10 * s;
    for (int k = 0; k < 2; k++) {
      g.setPaint(new Color(k == 0 ? NOT_REACHED : DIVERGED));
      g.fill(new Rectangle2D.Double(x, y, bw, bw));
      g.setPaint(look.awt(look.axis()));
      g.draw(new Rectangle2D.Double(x, y, bw, bw));
      g.setPaint(look.awt(look.foreground()));
      g.drawString(k == 0 ? "never" : "diverged", (float) (x + bw + 5 * s),
          (float) (y + bw / 2 + fm.getAscent() / 2.0 - 1));
      y += bw + 8 * s;
    }
  }

  /** An axis title from a parameter key: "lr" reads "learning rate ε". */
  static String title(String key) {
    return switch (key) {
      case "lr" -> "learning rate ε";
      case "momentum" -> "momentum α";
      case "beta1" -> "β₁ (first moment)";
      case "beta2" -> "β₂ (second moment)";
      case "rho" -> "decay ρ";
      case "delta" -> "δ";
      default -> key;
    };
  }
}
