package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.descent.analysis.Axis;

/**
 * The signal through a deep network at its initial weights (Goodfellow et al. 8.4 and 8.7.5;
 * Tripp's ten-layer example): the variance of each hidden layer's output, input side first,
 * for each initialization and with and without skip connections, on a log axis; below it, the
 * norm of each layer's weight gradient. A line that falls by orders of magnitude is a signal
 * (and a gradient) that vanishes; the demo's own setup is drawn bold.
 *
 * @param lines one per setup tried
 */
public record DepthPicture(List<Line> lines) {

  /**
   * One setup's layers: its name ("he, skips"), whether it is the demo's own, and per layer
   * the output variance and the weight-gradient norm.
   */
  public record Line(String name, boolean own, double[] variance, double[] gradient) {}

  private static final int[] COLOURS = {0xFF1F77B4, 0xFFFF7F0E, 0xFF2CA02C, 0xFFD62728,
      0xFF9467BD, 0xFF8C564B, 0xFFE377C2, 0xFF7F7F7F, 0xFFBCBD22, 0xFF17BECF};

  public void draw(Graphics2D g, Look look, double w, double h) {
    Pictures.hints(g);
    g.setPaint(look.awt(look.background()));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    double half = Math.floor(h * 0.55);
    panel(g, look, w, half, 0, "each layer's output variance, at the start", true);
    panel(g, look, w, h - half, half, "weight-gradient norm per layer", false);
  }

  private void panel(Graphics2D g, Look look, double w, double h, double top, String title,
      boolean variance) {
    int layers = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Line l : lines) {
      double[] v = variance ? l.variance() : l.gradient();
      layers = Math.max(layers, v.length);
      for (double x : v) {
        if (x > 0 && Double.isFinite(x)) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
    }
    if (layers == 0 || !(lo <= hi)) {
      return;
    }
    lo = Math.pow(10, Math.floor(Math.log10(lo)));
    hi = Math.pow(10, Math.ceil(Math.log10(hi) + 1e-9));
    if (hi <= lo) {
      hi = lo * 10;
    }
    double s = look.fontSize() / 12.0;
    AnalysisPlot.Scale xs = new AnalysisPlot.Scale("hidden layer", Axis.Scale.LINEAR, 0.7,
        layers + 0.3);
    AnalysisPlot.Scale ys = new AnalysisPlot.Scale(variance ? "variance" : "‖∂L/∂W‖",
        Axis.Scale.LOG, lo, hi);
    AnalysisPlot plot = AnalysisPlot.layoutAt(look, w, h, top, 110 * s, xs, ys);
    if (plot == null) {
      return;
    }
    plot.fill(g, look);
    plot.drawAxes(g, look, title, true);
    java.awt.Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(plot.left() - 6 * s, plot.top(), plot.width() + 12 * s,
        plot.height()));
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      double[] v = variance ? l.variance() : l.gradient();
      Color c = new Color(COLOURS[i % COLOURS.length]);
      Path2D.Double p = new Path2D.Double();
      boolean open = false;
      for (int k = 0; k < v.length; k++) {
        double y = v[k];
        if (!(y > 0) || !Double.isFinite(y)) {
          open = false;
          continue;
        }
        double px = plot.screenX(k + 1);
        double py = plot.screenY(y);
        if (open) {
          p.lineTo(px, py);
        } else {
          p.moveTo(px, py);
          open = true;
        }
        double r = (l.own() ? 3.5 : 2.5) * s;
        g.setPaint(c);
        g.fill(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
      }
      g.setPaint(c);
      g.setStroke(new BasicStroke((float) ((l.own() ? 3.4 : 1.8) * s), BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND));
      g.draw(p);
    }
    g.setClip(clip);
    // The key on the right: one line per setup, the demo's own in bold.
    double x = plot.right() + 12 * s;
    double y = plot.top() + 12 * s;
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      g.setPaint(new Color(COLOURS[i % COLOURS.length]));
      g.fill(new Rectangle2D.Double(x, y - 8 * s, 14 * s, 4 * s));
      g.setPaint(look.awt(look.foreground()));
      g.setFont(look.font(l.own() ? Font.BOLD : Font.PLAIN, look.fontSize() * 0.9));
      g.drawString(Numbers.fit(g, l.name(), 90 * s), (float) (x + 18 * s), (float) (y - 3 * s));
      y += g.getFontMetrics().getHeight() + 2 * s;
    }
  }
}
