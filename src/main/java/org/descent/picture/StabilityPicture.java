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
import java.util.ArrayList;
import java.util.List;
import org.descent.analysis.Axis;
import org.descent.analysis.QuadraticStability;

/**
 * The quadratic stability analysis of the lectures at one point: the Hessian's eigenvalues,
 * the bound ε &lt; 2/λmax, gradient descent's factor 1 − ελᵢ along each eigenvector, the
 * predicted rate against the one the run shows, and momentum's rate as a function of α at the
 * card's learning rate, with the best α and the card's own marked.
 *
 * @param where the point's description ("at Momentum's iterate, step 40")
 * @param lr the card's learning rate
 * @param alpha the card's momentum, NaN when it has none
 * @param observed the rate seen on the run's last steps, NaN when unknown
 */
public record StabilityPicture(QuadraticStability model, String where, String card, double lr,
    double alpha, double observed) {

  /** The lines of numbers above the plot, as shown (for tests and for the export). */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    double[] l = model.eigenvalues();
    StringBuilder ev = new StringBuilder("Hessian eigenvalues");
    for (int i = 0; i < l.length; i++) {
      ev.append(i == 0 ? "  " : ",  ").append("λ").append(sub(i + 1)).append(" = ")
          .append(Numbers.format(l[i]));
    }
    if (model.positiveDefinite()) {
      ev.append(",  κ = ").append(Numbers.format(model.conditionNumber()));
    }
    out.add(ev.toString());
    double bound = model.maxStableLearningRate();
    if (Double.isNaN(alpha)) {
      out.add("stable for ε < 2/λmax = " + Numbers.format(bound) + ";  the card's ε = "
          + Numbers.format(lr) + (lr < bound ? "  (stable)" : "  (diverges)"));
    } else {
      // Momentum is stable up to 2(1 + α)/λmax: its own bound, beside gradient descent's.
      double withMomentum = bound * (1 + alpha);
      out.add("stable for ε < 2(1 + α)/λmax = " + Numbers.format(withMomentum)
          + " (gradient descent: 2/λmax = " + Numbers.format(bound) + ");  the card's ε = "
          + Numbers.format(lr) + (lr < withMomentum ? "  (stable)" : "  (diverges)"));
    }
    StringBuilder f = new StringBuilder("factors per direction");
    double[] factors = model.factors(lr);
    for (int i = 0; i < factors.length; i++) {
      f.append(i == 0 ? "  " : ",  ").append("1 − ελ").append(sub(i + 1)).append(" = ")
          .append(Numbers.format(factors[i]));
    }
    out.add(f.toString());
    double predicted = Double.isNaN(alpha) ? model.gradientDescentRate(lr)
        : model.momentumRate(lr, alpha);
    out.add((Double.isNaN(alpha) ? "gradient descent" : "momentum α = " + Numbers.format(alpha))
        + ": predicted rate " + Numbers.format(predicted) + " per step,  observed "
        + (Double.isNaN(observed) ? "—" : Numbers.format(observed)));
    if (model.positiveDefinite()) {
      out.add("best ε = 2/(λmin + λmax) = " + Numbers.format(model.optimalLearningRate())
          + ";  best α at this ε = " + Numbers.format(model.optimalMomentum(lr)) + " (rate "
          + Numbers.format(model.optimalMomentumRate(lr)) + ")");
    } else {
      out.add("not a minimum of the model: a negative curvature grows by |1 − ελ| > 1");
    }
    return out;
  }

  private static String sub(int i) {
    return i < 10 ? String.valueOf((char) ('₀' + i)) : String.valueOf(i);
  }

  /** Draws it into a picture of {@code w × h} pixels; returns the rate plot's geometry. */
  public AnalysisPlot draw(Graphics2D g, Look look, double w, double h) {
    Pictures.hints(g);
    g.setPaint(look.awt(look.background()));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    double s = look.fontSize() / 12.0;
    g.setFont(look.font(Font.BOLD, look.fontSize()));
    FontMetrics bold = g.getFontMetrics();
    g.setPaint(look.awt(look.foreground()));
    double y = 6 * s + bold.getAscent();
    g.drawString(Numbers.fit(g, "Local quadratic model", w - 12 * s), (float) (6 * s),
        (float) y);
    g.setFont(look.font(Font.PLAIN, look.fontSize()));
    FontMetrics fm = g.getFontMetrics();
    List<String> all = new ArrayList<>();
    all.add(where);
    all.addAll(lines());
    for (String line : all) {
      boolean first = true;
      for (String part : wrap(fm, line, w - 30 * s)) {
        y += fm.getHeight() + (first ? 3 * s : 0);
        g.drawString(Numbers.fit(g, part, w - 18 * s), (float) ((first ? 12 : 26) * s),
            (float) y);
        first = false;
      }
    }
    double top = y + 10 * s;
    Axis alphas = new Axis("momentum", 0, 0.999, 240, Axis.Scale.LOG_ONE_MINUS);
    double[] rates = model.momentumRates(lr, alphas);
    double yMax = 1.25;
    AnalysisPlot.Scale xs = new AnalysisPlot.Scale("momentum α", Axis.Scale.LOG_ONE_MINUS, 0,
        0.999);
    AnalysisPlot.Scale ys = new AnalysisPlot.Scale("rate per step", Axis.Scale.LINEAR, 0,
        yMax);
    AnalysisPlot plot = AnalysisPlot.layoutAt(look, w, h - top, top, 0, xs, ys);
    if (plot == null) {
      return null;
    }
    plot.fill(g, look);
    plot.drawAxes(g, look, "momentum's rate at ε = " + Numbers.format(lr) + " (below 1: "
        + "converges)", true);
    java.awt.Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(plot.left(), plot.top(), plot.width(), plot.height()));
    g.setPaint(new Color(0xC0231A));
    g.setStroke(new BasicStroke((float) (1.4 * s), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
        10, new float[] {(float) (6 * s), (float) (4 * s)}, 0));
    g.draw(new Line2D.Double(plot.left(), plot.screenY(1), plot.right(), plot.screenY(1)));
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < rates.length; i++) {
      double px = plot.screenX(alphas.value(i));
      double py = plot.screenY(Math.min(yMax * 1.1, rates[i]));
      if (i == 0) {
        path.moveTo(px, py);
      } else {
        path.lineTo(px, py);
      }
    }
    g.setPaint(look.awt(look.foreground()));
    g.setStroke(new BasicStroke((float) (2.4 * s), BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND));
    g.draw(path);
    double best = model.optimalMomentum(lr);
    if (Double.isFinite(best) && best <= 0.999) {
      dot(g, plot.screenX(best), plot.screenY(model.momentumRate(lr, best)), 5.5 * s,
          new Color(0x2CA02C), s);
    }
    if (!Double.isNaN(alpha) && alpha <= 0.999) {
      dot(g, plot.screenX(alpha), plot.screenY(Math.min(yMax, model.momentumRate(lr, alpha))),
          5.5 * s, new Color(0xD62728), s);
    }
    g.setClip(clip);
    g.setFont(look.font(Font.PLAIN, look.fontSize() * 0.9));
    FontMetrics small = g.getFontMetrics();
    double ly = plot.top() + 6 * s + small.getAscent();
    double lx = plot.left() + 8 * s;
    legend(g, look, lx, ly, new Color(0x2CA02C), "best α", s);
    if (!Double.isNaN(alpha)) {
      legend(g, look, lx + small.stringWidth("best α") + 34 * s, ly, new Color(0xD62728),
          card + "'s α", s);
    }
    return plot;
  }

  /** A line cut at its ",  " and ";  " separators (then at spaces) to fit a width. */
  static List<String> wrap(FontMetrics fm, String line, double width) {
    List<String> out = new ArrayList<>();
    String rest = line;
    while (fm.stringWidth(rest) > width) {
      int cut = -1;
      for (String sep : new String[] {";  ", ",  ", ": ", " "}) {
        int at = rest.lastIndexOf(sep);
        while (at > 0 && fm.stringWidth(rest.substring(0, at + sep.trim().length())) > width) {
          at = rest.lastIndexOf(sep, at - 1);
        }
        if (at > 0) {
          cut = at + sep.trim().length();
          break;
        }
      }
      if (cut <= 0) {
        break;
      }
      out.add(rest.substring(0, cut));
      rest = rest.substring(cut).trim();
    }
    out.add(rest);
    return out;
  }

  private static void dot(Graphics2D g, double x, double y, double r, Color c, double s) {
    g.setPaint(Color.WHITE);
    g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    g.setPaint(c);
    g.setStroke(new BasicStroke((float) (2.6 * s)));
    g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
  }

  private static void legend(Graphics2D g, Look look, double x, double y, Color c, String text,
      double s) {
    dot(g, x + 5 * s, y - 4 * s, 4.5 * s, c, s);
    g.setPaint(look.awt(look.foreground()));
    g.drawString(text, (float) (x + 14 * s), (float) y);
  }
}
