package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.descent.analysis.Axis;
import org.descent.analysis.RunOutcome;
import org.descent.analysis.Sweep;

/**
 * The learning-rate sweep of the lectures: for each card, the final loss against the swept
 * value on log axes (the U-curve: too small crawls, too large diverges), each curve's best
 * point ringed, diverged runs as crosses along the top, and the 2/λmax line of the local
 * quadratic model where the sweep is over the learning rate.
 */
public final class SweepPicture {

  /** Losses below this (f − f* at rounding level) are drawn at it. */
  static final double FLOOR = 1e-16;

  private SweepPicture() {}

  /** What a curve shows of an outcome: f − f* when f* is known, else f. */
  static double shown(RunOutcome o, double target) {
    double v = Double.isFinite(target) ? o.finalLoss() - target : o.finalLoss();
    return Math.max(FLOOR, v);
  }

  /**
   * Whether the losses go on a log axis: always for a gap f − f*; for f itself only when
   * every final loss is positive (on a saddle it goes below zero).
   */
  public static boolean logLoss(Sweep sweep, double target) {
    if (Double.isFinite(target)) {
      return true;
    }
    for (Sweep.Curve c : sweep.curves()) {
      for (RunOutcome o : c.outcomes()) {
        if (!o.diverged() && Double.isFinite(o.finalLoss()) && !(o.finalLoss() > 0)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Where an outcome is drawn on the loss axis. */
  public static double plotted(RunOutcome o, double target, boolean log) {
    return log ? shown(o, target) : o.finalLoss();
  }

  /**
   * Draws the sweep and returns the plot's geometry (null when too small).
   *
   * @param argb each curve's colour, in the order of {@code sweep.curves()}
   * @param target f*, or NaN when unknown (the loss is then drawn as it is, on a log axis when
   *     every final loss is positive)
   */
  public static AnalysisPlot draw(Graphics2D g, Look look, double w, double h, Sweep sweep,
      List<Integer> argb, double target, int steps) {
    return draw(g, look, w, h, sweep, argb, target, steps, List.of());
  }

  /**
   * As above, with each card's own value marked by a triangle in its colour under the axis
   * ({@code cards.get(i)} for curve i; NaN for none).
   */
  public static AnalysisPlot draw(Graphics2D g, Look look, double w, double h, Sweep sweep,
      List<Integer> argb, double target, int steps, List<Double> cards) {
    return draw(g, look, w, h, sweep, argb, target, "after " + steps
        + " steps, from the start on the map", Double.isFinite(target) ? "final f − f*"
            : "final f", cards);
  }

  /** As above, with the picture's title and the loss axis's title given. */
  public static AnalysisPlot draw(Graphics2D g, Look look, double w, double h, Sweep sweep,
      List<Integer> argb, double target, String title, String yTitle, List<Double> cards) {
    Pictures.hints(g);
    g.setPaint(look.awt(look.background()));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    double s = look.fontSize() / 12.0;
    boolean log = logLoss(sweep, target);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Sweep.Curve c : sweep.curves()) {
      for (RunOutcome o : c.outcomes()) {
        if (!o.diverged() && Double.isFinite(o.finalLoss())) {
          double v = plotted(o, target, log);
          lo = Math.min(lo, v);
          hi = Math.max(hi, Math.max(v, plotted(new RunOutcome(0, o.startLoss(), -1, false,
              -1), target, log)));
        }
      }
    }
    if (!(lo <= hi)) {
      lo = log ? 1e-3 : -1;
      hi = 1;
    }
    if (log) {
      lo = Math.pow(10, Math.floor(Math.log10(lo)));
      hi = Math.pow(10, Math.ceil(Math.log10(hi) + 0.3));
    } else {
      double pad = Math.max(1e-9, 0.06 * (hi - lo));
      lo -= pad;
      hi += pad;
    }
    Axis a = sweep.axis();
    String xTitle = HyperMapPicture.title(sweep.param().key());
    AnalysisPlot.Scale xs = new AnalysisPlot.Scale(xTitle, a.scale(), a.min(), a.max());
    AnalysisPlot.Scale ys = new AnalysisPlot.Scale(yTitle, log ? Axis.Scale.LOG
        : Axis.Scale.LINEAR, lo, hi);
    AnalysisPlot plot = AnalysisPlot.layout(look, w, h, 0, xs, ys);
    if (plot == null) {
      return null;
    }
    plot.fill(g, look);
    plot.drawAxes(g, look, title, true);
    java.awt.Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(plot.left() - 8 * s, plot.top() - 8 * s,
        plot.width() + 16 * s, plot.height() + 16 * s));
    double limit = Double.isFinite(sweep.limitAtMinimum()) ? sweep.limitAtMinimum()
        : sweep.limitAtStart();
    if (sweep.showsStabilityLimit() && limit > a.min() && limit < a.max()) {
      double x = plot.screenX(limit);
      g.setPaint(look.awt(look.foreground()));
      g.setStroke(new BasicStroke((float) (1.5 * s), BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER, 10, new float[] {(float) (6 * s), (float) (4 * s)}, 0));
      g.draw(new Line2D.Double(x, plot.top(), x, plot.bottom()));
      g.setFont(look.font(Font.BOLD, look.fontSize()));
      FontMetrics fm = g.getFontMetrics();
      String label = "2/λmax = " + Numbers.format(limit);
      double lx = x + 5 * s + fm.stringWidth(label) < plot.right() ? x + 5 * s
          : Math.max(plot.left() + 3 * s, x - 5 * s - fm.stringWidth(label));
      g.drawString(label, (float) lx, (float) (plot.top() + 14 * s + fm.getAscent()));
    }
    for (int c = 0; c < sweep.curves().size(); c++) {
      Sweep.Curve curve = sweep.curves().get(c);
      Color colour = new Color(argb.get(c % argb.size()), true);
      Path2D.Double path = new Path2D.Double();
      boolean open = false;
      for (int i = 0; i < curve.outcomes().size(); i++) {
        RunOutcome o = curve.outcomes().get(i);
        double x = plot.screenX(a.value(i));
        if (o.diverged() || !Double.isFinite(o.finalLoss())) {
          open = false;
          cross(g, colour, x, plot.top() + 3 * s, 4 * s, s);
          continue;
        }
        double y = plot.screenY(plotted(o, target, log));
        if (open) {
          path.lineTo(x, y);
        } else {
          path.moveTo(x, y);
          open = true;
        }
      }
      g.setPaint(colour);
      g.setStroke(new BasicStroke((float) (2.4 * s), BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND));
      g.draw(path);
      int best = curve.best();
      if (best >= 0) {
        double x = plot.screenX(a.value(best));
        double y = plot.screenY(plotted(curve.outcomes().get(best), target, log));
        double r = 5.5 * s;
        g.setPaint(Color.WHITE);
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        g.setPaint(colour);
        g.setStroke(new BasicStroke((float) (2.4 * s)));
        g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
      }
    }
    g.setClip(clip);
    for (int c = 0; c < cards.size() && c < sweep.curves().size(); c++) {
      double v = cards.get(c);
      if (!(v >= a.min() && v <= a.max())) {
        continue;
      }
      double x = plot.screenX(v);
      double y = plot.bottom();
      Path2D.Double tri = new Path2D.Double();
      tri.moveTo(x, y - 1);
      tri.lineTo(x - 6 * s, y - 11 * s);
      tri.lineTo(x + 6 * s, y - 11 * s);
      tri.closePath();
      g.setPaint(new Color(argb.get(c % argb.size()), true));
      g.fill(tri);
      g.setPaint(look.awt(look.foreground()));
      g.setStroke(new BasicStroke((float) s));
      g.draw(tri);
    }
    return plot;
  }

  private static void cross(Graphics2D g, Color c, double x, double y, double r, double s) {
    g.setPaint(c);
    g.setStroke(new BasicStroke((float) (2 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
    g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
  }
}
