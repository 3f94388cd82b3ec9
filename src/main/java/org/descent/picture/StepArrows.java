package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.descent.function.Eigen2;
import org.descent.optim.LineSearchRecord;
import org.descent.optim.StepDetail;
import org.descent.optim.StepDetail.Quantity;
import org.descent.optim.StepDetail.Scalar;

/**
 * One step drawn where it happens: at the iterate θ, the step Δθ, and what it is made of.
 * Momentum's step is drawn tip to tail as its momentum part αv (what the velocity carries)
 * followed by the gradient part −εg; the gradient part alone is −εg (clipped: −εg̃); an
 * adaptive method's per-coordinate rate is a box around θ (its sides in proportion to the
 * rates of x and y); a line search's trial points θ + αd lie along d, the accepted one filled;
 * BFGS's model M is an ellipse beside the true H⁻¹'s. Arrows are in the map's own units, so
 * what they add up to is the step.
 */
public final class StepArrows {

  static final Color STEP = new Color(0x1D1D1F);
  static final Color GRADIENT = new Color(0xD62728);
  static final Color MOMENTUM = new Color(0x1F77B4);
  static final Color RATE = new Color(0x9467BD);
  static final Color TRIAL = new Color(0xFF7F0E);

  private StepArrows() {}

  /**
   * Draws the step's parts.
   *
   * @param inverseHessian the true H⁻¹ at θ (row-major 2 × 2) to compare with BFGS's M, or
   *     null
   */
  static void draw(Graphics2D g, MapGeometry a, Look look, StepDetail d,
      double[] inverseHessian) {
    double[] theta = d.vector(Quantity.POINT).orElse(null);
    double[] step = d.vector(Quantity.STEP).orElse(null);
    if (theta == null || theta.length != 2) {
      return;
    }
    double s = look.scale();
    double x0 = a.toScreenX(theta[0]);
    double y0 = a.toScreenY(theta[1]);
    double lr = d.scalar(Scalar.LEARNING_RATE).orElse(Double.NaN);
    double[] grad = d.has(Quantity.CLIPPED_GRADIENT) ? d.vector(Quantity.CLIPPED_GRADIENT).orElse(null)
        : d.vector(Quantity.GRADIENT).orElse(null);
    double[] rate = d.vector(Quantity.EFFECTIVE_RATE).orElse(null);
    if (rate != null && rate.length == 2 && Math.abs(rate[0] - rate[1])
        > 1e-9 * Math.max(Math.abs(rate[0]), Math.abs(rate[1]))) {
      // The per-coordinate rates, largest side an eighth of the plot: their ratio is the lesson.
      double big = Math.max(Math.abs(rate[0]), Math.abs(rate[1]));
      double half = Math.min(a.width(), a.height()) / 8;
      double hx = half * Math.abs(rate[0]) / big;
      double hy = half * Math.abs(rate[1]) / big;
      g.setPaint(new Color(RATE.getRed(), RATE.getGreen(), RATE.getBlue(), 40));
      g.fill(new Rectangle2D.Double(x0 - hx, y0 - hy, 2 * hx, 2 * hy));
      g.setPaint(RATE);
      g.setStroke(new BasicStroke((float) (2 * s)));
      g.draw(new Rectangle2D.Double(x0 - hx, y0 - hy, 2 * hx, 2 * hy));
      label(g, look, "ε per coordinate", x0 + hx + 4 * s, y0 - hy + 12 * s, RATE);
    }
    if (inverseHessian != null && d.has(Quantity.INVERSE_HESSIAN)) {
      ellipses(g, a, look, x0, y0, d.vector(Quantity.INVERSE_HESSIAN).orElse(null), inverseHessian);
    }
    LineSearchRecord ls = d.lineSearch();
    double[] dir = d.vector(Quantity.DIRECTION).orElse(null);
    if (ls != null && dir != null && dir.length == 2) {
      for (int i = 0; i < ls.trials().size(); i++) {
        LineSearchRecord.Trial t = ls.trials().get(i);
        double px = a.toScreenX(theta[0] + t.alpha() * dir[0]);
        double py = a.toScreenY(theta[1] + t.alpha() * dir[1]);
        double r = 5.5 * s;
        boolean accepted = i == ls.accepted();
        g.setPaint(accepted ? TRIAL : Color.WHITE);
        g.fill(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
        g.setPaint(Color.BLACK);
        g.setStroke(new BasicStroke((float) (1.5 * s)));
        g.draw(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
        label(g, look, String.valueOf(i + 1), px + r + 2 * s, py - r, Color.BLACK);
      }
    }
    if (step == null) {
      return;
    }
    // A short step is drawn magnified (by 2, 5, 10, ...) so its parts can be told apart; the
    // factor is written beside it.
    double length = Math.hypot(step[0] / a.xPerPixel(), step[1] / a.yPerPixel());
    // Not with a line search: its trial points give the scale, and must stay where they are.
    double zoom = ls != null ? 1 : magnification(length, 70 * s);
    double[] scaled = {step[0] * zoom, step[1] * zoom};
    step = scaled;
    if (grad != null) {
      grad = new double[] {grad[0] * zoom, grad[1] * zoom};
    }
    double x1 = a.toScreenX(theta[0] + step[0]);
    double y1 = a.toScreenY(theta[1] + step[1]);
    boolean momentum = d.has(Quantity.VELOCITY) && grad != null
        && (Double.isFinite(lr) || rate != null);
    if (momentum) {
      // Δθ = αv − εg: the velocity's part first, then the gradient's, tip to tail (with
      // RMSProp's per-coordinate rate in place of ε where it has one).
      double ex = rate != null ? rate[0] : lr;
      double ey = rate != null ? rate[1] : lr;
      double mx = theta[0] + step[0] + ex * grad[0];
      double my = theta[1] + step[1] + ey * grad[1];
      double xm = a.toScreenX(mx);
      double ym = a.toScreenY(my);
      arrow(g, x0, y0, xm, ym, MOMENTUM, s);
      label(g, look, "αv", (x0 + xm) / 2 + 5 * s, (y0 + ym) / 2 - 5 * s, MOMENTUM);
      arrow(g, xm, ym, x1, y1, GRADIENT, s);
      label(g, look, "−εg", (xm + x1) / 2 + 5 * s, (ym + y1) / 2 - 5 * s, GRADIENT);
    } else if (grad != null && Double.isFinite(lr) && rate == null && dir == null) {
      double gx = a.toScreenX(theta[0] - lr * grad[0]);
      double gy = a.toScreenY(theta[1] - lr * grad[1]);
      arrow(g, x0, y0, gx, gy, GRADIENT, s);
      label(g, look, d.has(Quantity.CLIPPED_GRADIENT) ? "−εg̃" : "−εg", gx + 6 * s, gy,
          GRADIENT);
    }
    arrow(g, x0, y0, x1, y1, STEP, s * 1.2);
    label(g, look, zoom > 1 ? "Δθ (arrows × " + Numbers.format(zoom) + ")" : "Δθ", x1 + 6 * s,
        y1 + 14 * s, STEP);
  }

  /** 1, or the 1-2-5 factor that makes a step of {@code length} pixels about {@code want}. */
  static double magnification(double length, double want) {
    if (!(length > 0) || length >= want || !Double.isFinite(length)) {
      return 1;
    }
    double f = want / length;
    double decade = Math.pow(10, Math.floor(Math.log10(f)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * decade >= f) {
        return Math.min(1e6, m * decade);
      }
    }
    return Math.min(1e6, 10 * decade);
  }

  private static void arrow(Graphics2D g, double x0, double y0, double x1, double y1, Color c,
      double s) {
    if (Math.hypot(x1 - x0, y1 - y0) < 0.5 || !Double.isFinite(x1) || !Double.isFinite(y1)) {
      return;
    }
    MapMarks.vector(g, x0, y0, x1, y1, c, 2.6 * s, 11 * s);
  }

  private static void label(Graphics2D g, Look look, String text, double x, double y, Color c) {
    g.setFont(look.font(Font.BOLD, look.fontSize()));
    g.setPaint(new Color(255, 255, 255, 210));
    var fm = g.getFontMetrics();
    g.fill(new Rectangle2D.Double(x - 2, y - fm.getAscent(), fm.stringWidth(text) + 4,
        fm.getHeight()));
    g.setPaint(c);
    g.drawString(text, (float) x, (float) y);
  }

  /**
   * The ellipses {M^(1/2) u : |u| = 1} of BFGS's M and of the true H⁻¹, on one scale (the
   * larger a sixth of the plot), both centred at θ: as M learns, the dashed one takes the
   * solid one's shape.
   */
  private static void ellipses(Graphics2D g, MapGeometry a, Look look, double x0, double y0,
      double[] m, double[] hInv) {
    Eigen2 em = Eigen2.of(m[0], m[1], m[3]);
    Eigen2 eh = Eigen2.of(hInv[0], hInv[1], hInv[3]);
    if (!(em.lambda2() > 0) || !(em.lambda1() > 0)) {
      return;
    }
    // The true H⁻¹ has an ellipse only where H is positive definite (not on a saddle's side).
    boolean trueShown = eh.lambda1() > 0 && eh.lambda2() > 0;
    double big = Math.sqrt(Math.max(em.lambda1(), em.lambda2()));
    if (trueShown) {
      big = Math.max(big, Math.sqrt(Math.max(eh.lambda1(), eh.lambda2())));
    }
    double scale = Math.min(a.width(), a.height()) / 6 / big;
    double s = look.scale();
    if (trueShown) {
      g.setStroke(new BasicStroke((float) (2.2 * s)));
      g.setPaint(STEP);
      g.draw(ellipse(x0, y0, eh, scale));
    }
    g.setStroke(new BasicStroke((float) (2.2 * s), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
        1, new float[] {(float) (6 * s), (float) (4 * s)}, 0));
    g.setPaint(TRIAL);
    g.draw(ellipse(x0, y0, em, scale));
    double below = Math.sqrt(Math.max(em.lambda1(), trueShown ? eh.lambda1() : 0)) * scale;
    label(g, look, trueShown ? "M (dashed) and H⁻¹" : "M (dashed); H is not positive definite "
        + "here", x0 + 8 * s, y0 + below + 16 * s, STEP);
  }

  // Screen y grows downwards: the world vector (x, y) goes to (x, −y).
  private static Path2D.Double ellipse(double cx, double cy, Eigen2 e, double scale) {
    Path2D.Double p = new Path2D.Double();
    double r1 = Math.sqrt(e.lambda1()) * scale;
    double r2 = Math.sqrt(e.lambda2()) * scale;
    for (int i = 0; i <= 72; i++) {
      double t = 2 * Math.PI * i / 72;
      double wx = r1 * Math.cos(t) * e.v1x() + r2 * Math.sin(t) * e.v2x();
      double wy = r1 * Math.cos(t) * e.v1y() + r2 * Math.sin(t) * e.v2y();
      if (i == 0) {
        p.moveTo(cx + wx, cy - wy);
      } else {
        p.lineTo(cx + wx, cy - wy);
      }
    }
    return p;
  }
}
