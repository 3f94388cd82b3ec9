package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.descent.analysis.Axis;
import org.descent.analysis.PowerIteration;

/**
 * Long-term dependencies as the power method (Goodfellow et al. 8.2.5): x_t = Wᵗ x₀ for a 2×2
 * W = V Λ V⁻¹. Above, the plane with the two eigenvector lines and the iterates; below, the
 * size of each component along its eigenvector against t on a log axis: straight lines of
 * slope log|λᵢ|, one exploding when |λ| > 1, one vanishing when |λ| &lt; 1.
 */
public record PowerPicture(PowerIteration.Setup setup) {

  static final Color FIRST = new Color(0xD62728);
  static final Color SECOND = new Color(0x1F77B4);

  /** What happens along eigenvector i: "explodes", "vanishes" or "stays". */
  public static String fate(double lambda) {
    double a = Math.abs(lambda);
    return a > 1 + 1e-12 ? "explodes" : a < 1 - 1e-12 ? "vanishes" : "stays";
  }

  /** Draws both panels; returns the lower plot's geometry. */
  public AnalysisPlot draw(Graphics2D g, Look look, double w, double h) {
    Pictures.hints(g);
    g.setPaint(look.awt(look.background()));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    PowerIteration.Iterates it = setup.compute();
    double s = look.fontSize() / 12.0;
    double half = Math.floor(h * 0.5);
    plane(g, look, w, half, it, s);
    // The components' sizes against t.
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int t = 0; t < it.length(); t++) {
      for (double c : new double[] {Math.abs(it.component1(t)), Math.abs(it.component2(t))}) {
        if (c > 0 && Double.isFinite(c)) {
          lo = Math.min(lo, c);
          hi = Math.max(hi, c);
        }
      }
    }
    if (!(lo < hi)) {
      lo = 1e-3;
      hi = 10;
    }
    lo = Math.pow(10, Math.floor(Math.log10(lo)));
    hi = Math.pow(10, Math.ceil(Math.log10(hi)));
    AnalysisPlot.Scale xs = new AnalysisPlot.Scale("step t", Axis.Scale.LINEAR, 0,
        setup.steps());
    AnalysisPlot.Scale ys = new AnalysisPlot.Scale("|component|", Axis.Scale.LOG, lo, hi);
    AnalysisPlot plot = AnalysisPlot.layoutAt(look, w, h - half, half, 0, xs, ys);
    if (plot == null) {
      return null;
    }
    plot.fill(g, look);
    plot.drawAxes(g, look, "along v₁: λ₁ = " + Numbers.format(setup.lambda1()) + " "
        + fate(setup.lambda1()) + ";  along v₂: λ₂ = " + Numbers.format(setup.lambda2()) + " "
        + fate(setup.lambda2()), true);
    java.awt.Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(plot.left(), plot.top(), plot.width(), plot.height()));
    for (int i = 0; i < 2; i++) {
      Path2D.Double p = new Path2D.Double();
      boolean open = false;
      for (int t = 0; t < it.length(); t++) {
        double c = Math.abs(i == 0 ? it.component1(t) : it.component2(t));
        if (!(c > 0) || !Double.isFinite(c)) {
          open = false;
          continue;
        }
        double x = plot.screenX(t);
        double y = plot.screenY(c);
        if (open) {
          p.lineTo(x, y);
        } else {
          p.moveTo(x, y);
          open = true;
        }
      }
      g.setPaint(i == 0 ? FIRST : SECOND);
      g.setStroke(new BasicStroke((float) (2.6 * s), BasicStroke.CAP_ROUND,
          BasicStroke.JOIN_ROUND));
      g.draw(p);
    }
    g.setClip(clip);
    return plot;
  }

  /** The plane: the eigenvector lines through the origin and the iterates joined up. */
  private void plane(Graphics2D g, Look look, double w, double h, PowerIteration.Iterates it,
      double s) {
    double r = 0;
    int shown = 0;
    for (int t = 0; t < it.length(); t++) {
      double n = it.norm(t);
      if (!Double.isFinite(n) || n > 1e6 * Math.max(1e-12, it.norm(0))) {
        break;
      }
      r = Math.max(r, n);
      shown = t + 1;
    }
    r = Math.max(r, 1e-9) * 1.1;
    double size = Math.min(w - 20 * s, h - 36 * s);
    if (size < 40) {
      return;
    }
    double cx = w / 2;
    double cy = 28 * s + size / 2;
    double k = size / 2 / r;
    g.setPaint(look.awt(look.plotBackground()));
    g.fill(new Rectangle2D.Double(cx - size / 2, cy - size / 2, size, size));
    g.setPaint(look.awt(look.axis()));
    g.setStroke(new BasicStroke((float) s));
    g.draw(new Rectangle2D.Double(cx - size / 2, cy - size / 2, size, size));
    g.setFont(look.font(Font.BOLD, look.fontSize()));
    g.setPaint(look.awt(look.foreground()));
    g.drawString(Numbers.fit(g, "x ← W x from x₀ (" + (shown - 1) + " steps shown)", w - 12 * s),
        (float) (6 * s), (float) (6 * s + g.getFontMetrics().getAscent()));
    java.awt.Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(cx - size / 2, cy - size / 2, size, size));
    for (int i = 0; i < 2; i++) {
      double[] v = setup.eigenvector(i);
      g.setPaint(i == 0 ? FIRST : SECOND);
      g.setStroke(new BasicStroke((float) (1.6 * s), BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER, 10, new float[] {(float) (6 * s), (float) (4 * s)}, 0));
      g.draw(new Line2D.Double(cx - v[0] * size, cy + v[1] * size, cx + v[0] * size,
          cy - v[1] * size));
      g.setFont(look.font(Font.BOLD, look.fontSize()));
      g.drawString(i == 0 ? "v₁" : "v₂", (float) (cx + v[0] * size * 0.42 + 4 * s),
          (float) (cy - v[1] * size * 0.42 - 4 * s));
    }
    Path2D.Double path = new Path2D.Double();
    for (int t = 0; t < shown; t++) {
      double x = cx + it.x(t) * k;
      double y = cy - it.y(t) * k;
      if (t == 0) {
        path.moveTo(x, y);
      } else {
        path.lineTo(x, y);
      }
    }
    g.setPaint(look.awt(look.foreground()));
    g.setStroke(new BasicStroke((float) (2.2 * s), BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND));
    g.draw(path);
    for (int t = 0; t < shown; t++) {
      double x = cx + it.x(t) * k;
      double y = cy - it.y(t) * k;
      double d = (t == 0 ? 5 : 2.5) * s;
      g.setPaint(t == 0 ? Color.WHITE : look.awt(look.foreground()));
      g.fill(new Ellipse2D.Double(x - d, y - d, 2 * d, 2 * d));
      if (t == 0) {
        g.setPaint(Color.BLACK);
        g.draw(new Ellipse2D.Double(x - d, y - d, 2 * d, 2 * d));
      }
    }
    g.setClip(clip);
  }
}
