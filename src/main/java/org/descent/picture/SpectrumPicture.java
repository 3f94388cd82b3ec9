package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.Locale;
import org.descent.analysis.Axis;
import org.descent.network.HessianSpectrum;
import org.descent.network.NetworkObjective;

/**
 * The Hessian's eigenvalues at a run's weights (Sagun et al. 2017; Ghorbani et al. 2019): a
 * bulk near zero, a few large outliers at the right, and negative eigenvalues on the left,
 * counted. Exact up to {@link NetworkObjective#MAX_HESSIAN_PARAMETERS} parameters (a histogram
 * of every eigenvalue, counts on a log axis); above, the stochastic Lanczos quadrature density
 * ({@link HessianSpectrum#density}), which the picture says. The largest eigenvalues are marked
 * along the axis, λ = 0 by a dashed line.
 */
public final class SpectrumPicture {

  /** Clearly negative: below this share of the spectrum's width under zero. */
  static final double CLEARLY = 0.01;

  /** Bins of the exact histogram. */
  static final int BINS = 60;

  private SpectrumPicture() {}

  /**
   * The spectrum of one run at one step.
   *
   * @param eigenvalues every eigenvalue, ascending (exact), or null above the exact limit
   * @param density the estimated density, or null when exact
   * @param negativeFraction the share of clearly negative eigenvalues: below −1 % of the
   *     spectrum's width (exact), or the density's weight below −σ, its kernel's width, which is
   *     that same 1 % (estimated). Near a minimum many eigenvalues are tiny and of either
   *     sign: counting those would call an almost-minimum a saddle.
   * @param top the largest eigenvalues, descending
   */
  public record Field(String label, int step, int parameters, double[] eigenvalues,
      HessianSpectrum.Density density, double negativeFraction, double[] top) {

    public boolean exact() {
      return eigenvalues != null;
    }
  }

  /**
   * The spectrum at θ: exact when the network is small enough, else the density.
   *
   * @throws ArithmeticException when the Hessian is not finite there
   */
  public static Field of(NetworkObjective f, double[] theta, String label, int step) {
    int n = f.dimension();
    if (f.hasHessian()) {
      double[] e = HessianSpectrum.eigenvalues(f, theta);
      double[] top = new double[Math.min(HessianSpectrum.TOP, e.length)];
      for (int i = 0; i < top.length; i++) {
        top[i] = e[e.length - 1 - i];
      }
      double width = e[e.length - 1] - e[0];
      return new Field(label, step, n, e, null, HessianSpectrum.fractionBelow(e,
          -CLEARLY * width), top);
    }
    HessianSpectrum.Density d = HessianSpectrum.density(f, theta, HessianSpectrum.PROBES,
        HessianSpectrum.STEPS, 0);
    return new Field(label, step, n, null, d, d.negativeFraction(), d.top());
  }

  /** What the picture shows, in words. */
  public static String caption(Field s) {
    if (s == null) {
      return "Hessian spectrum";
    }
    return String.format(Locale.ROOT, "%s at step %d: %s, %s clearly negative, largest %s",
        s.label(), s.step(), s.exact() ? "all " + s.parameters() + " eigenvalues"
            : "estimated density (" + s.parameters() + " weights)",
        percent(s.negativeFraction()), s.top().length == 0 ? "—" : Numbers.format(s.top()[0]));
  }

  private static String percent(double f) {
    if (!Double.isFinite(f)) {
      return Numbers.format(f);
    }
    double p = 100 * f;
    return (p > 0 && p < 1 ? String.format(Locale.ROOT, "%.1f", p)
        : String.valueOf(Math.round(p))) + " %";
  }

  public static void draw(Graphics2D g, Look look, double w, double h, Field s, String title) {
    Pictures.hints(g);
    g.setPaint(look.awt(look.background()));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    double[] xs;
    double[] ys;
    if (s.exact()) {
      double[] e = s.eigenvalues();
      double lo = e[0];
      double hi = e[e.length - 1];
      double width = hi > lo ? (hi - lo) / BINS : 1;
      xs = new double[BINS];
      ys = new double[BINS];
      for (int b = 0; b < BINS; b++) {
        xs[b] = lo + (b + 0.5) * width;
      }
      for (double v : e) {
        ys[Math.min(BINS - 1, (int) ((v - lo) / width))]++;
      }
    } else {
      xs = s.density().lambda();
      ys = s.density().density();
    }
    double xlo = xs[0];
    double xhi = xs[xs.length - 1];
    double pad = Math.max(1e-9, 0.04 * (xhi - xlo));
    double ymax = Arrays.stream(ys).max().orElse(1);
    double ymin = s.exact() ? 0.5 : ymax * 1e-6;
    AnalysisPlot.Scale xScale = new AnalysisPlot.Scale("eigenvalue λ of the Hessian",
        Axis.Scale.LINEAR, xlo - pad, xhi + pad);
    AnalysisPlot.Scale yScale = new AnalysisPlot.Scale(s.exact() ? "eigenvalues per bin"
        : "density", Axis.Scale.LOG, ymin, ymax * 2);
    AnalysisPlot plot = AnalysisPlot.layout(look, w, h, 0, xScale, yScale);
    if (plot == null) {
      return;
    }
    plot.fill(g, look);
    plot.drawAxes(g, look, title, true);
    java.awt.Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(plot.left(), plot.top(), plot.width(), plot.height()));
    double sc = look.fontSize() / 12.0;
    Color ink = look.awt(look.foreground());
    Color fill = new Color(Colors.color(0), false);
    if (s.exact()) {
      g.setPaint(fill);
      double bw = (xs.length > 1 ? xs[1] - xs[0] : 1);
      for (int b = 0; b < xs.length; b++) {
        if (ys[b] > 0) {
          double x0 = plot.screenX(xs[b] - bw / 2);
          double x1 = plot.screenX(xs[b] + bw / 2);
          double y0 = plot.screenY(ys[b]);
          g.fill(new Rectangle2D.Double(x0, y0, Math.max(1, x1 - x0 - 0.5),
              plot.bottom() - y0));
        }
      }
    } else {
      Path2D.Double path = new Path2D.Double();
      boolean open = false;
      for (int i = 0; i < xs.length; i++) {
        if (ys[i] >= ymin) {
          double x = plot.screenX(xs[i]);
          double y = plot.screenY(ys[i]);
          if (open) {
            path.lineTo(x, y);
          } else {
            path.moveTo(x, y);
            open = true;
          }
        } else {
          open = false;
        }
      }
      g.setPaint(fill);
      g.setStroke(new BasicStroke((float) (2.2 * sc)));
      g.draw(path);
    }
    // λ = 0: negative eigenvalues on its left are directions of descent (a saddle).
    if (xlo - pad < 0 && xhi + pad > 0) {
      double x = plot.screenX(0);
      g.setPaint(ink);
      g.setStroke(new BasicStroke((float) (1.2 * sc), BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_MITER, 10, new float[] {(float) (5 * sc), (float) (4 * sc)}, 0));
      g.draw(new Line2D.Double(x, plot.top(), x, plot.bottom()));
    }
    g.setClip(clip);
    // The largest eigenvalues, marked under the plot; the first one named.
    g.setPaint(new Color(Colors.color(1), false));
    for (int i = 0; i < s.top().length; i++) {
      double x = plot.screenX(s.top()[i]);
      double y = plot.bottom();
      Path2D.Double t = new Path2D.Double();
      t.moveTo(x, y - 8 * sc);
      t.lineTo(x - 4 * sc, y);
      t.lineTo(x + 4 * sc, y);
      t.closePath();
      g.fill(t);
    }
    if (s.top().length > 0) {
      g.setFont(look.font(Font.BOLD, look.fontSize() * 0.9));
      String label = "λmax = " + Numbers.format(s.top()[0]);
      double x = plot.screenX(s.top()[0]);
      double lw = g.getFontMetrics().stringWidth(label);
      // Named at the top, above its mark: the bars are low near the outliers.
      double lx = Math.max(plot.left() + 3 * sc, Math.min(x - lw / 2, plot.right() - lw
          - 3 * sc));
      g.drawString(label, (float) lx, (float) (plot.top() + 4 * sc
          + g.getFontMetrics().getAscent()));
    }
  }
}
