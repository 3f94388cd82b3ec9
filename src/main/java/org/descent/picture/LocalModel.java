package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import org.descent.function.FormulaObjective;
import org.descent.function.ViewBox;
import org.descent.render.MarchingSquares;
import org.descent.render.ScalarGrid;

/**
 * The second-order Taylor model at an iterate, m(θ + d) = f + gᵀd + ½ dᵀHd, drawn over the
 * true contours: its level curves through f(θ) and a few levels around it (ellipses where H is
 * positive definite, hyperbolas at a saddle-shaped point), and Newton's step as the jump to
 * the model's critical point θ − H⁻¹g, which is a minimum of the model only where H is
 * positive definite (a maximum where it is negative definite, a saddle otherwise). Where the
 * model's curves follow the true ones, Newton's step is good.
 */
final class LocalModel {

  static final Color NEWTON_COLOUR = new Color(0xFFD23F);
  // The model's curves in the Newton arrow's colour, dashed: told apart from the white
  // contours of the true function at a glance.
  private static final Color LINE = new Color(0xFF, 0xD2, 0x3F, 240);
  private static final Color HALO = new Color(0, 0, 0, 150);
  private static final Color NEWTON = NEWTON_COLOUR;

  private LocalModel() {}

  /** The model's parts at (x, y): f, g and H, and the Newton point (NaN where H is singular). */
  record Model(double x, double y, double f, double gx, double gy, double hxx, double hxy,
      double hyy) {

    static Model at(FormulaObjective f, double x, double y) {
      double[] j = new double[6];
      f.jet(x, y, j);
      return new Model(x, y, j[0], j[1], j[2], j[3], j[4], j[5]);
    }

    double value(double px, double py) {
      double dx = px - x;
      double dy = py - y;
      return f + gx * dx + gy * dy + 0.5 * (hxx * dx * dx + 2 * hxy * dx * dy + hyy * dy * dy);
    }

    /** θ − H⁻¹g, or null when H is singular or not finite. */
    double[] newton() {
      double det = hxx * hyy - hxy * hxy;
      if (!(Math.abs(det) > 1e-14 * Math.max(1, hxx * hxx + hyy * hyy))
          || !Double.isFinite(det)) {
        return null;
      }
      double sx = (hyy * gx - hxy * gy) / det;
      double sy = (-hxy * gx + hxx * gy) / det;
      return new double[] {x - sx, y - sy};
    }

    boolean positiveDefinite() {
      return hxx > 0 && hxx * hyy - hxy * hxy > 0;
    }

    /**
     * What the Newton point is for the model: a minimum where H is positive definite, a maximum
     * where it is negative definite (Newton then jumps uphill), a saddle where the curvatures
     * have opposite signs.
     */
    String kind() {
      double det = hxx * hyy - hxy * hxy;
      if (det < 0) {
        return "saddle";
      }
      return hxx + hyy > 0 ? "minimum" : "maximum";
    }
  }

  static void draw(Graphics2D g, MapGeometry a, Look look, FormulaObjective f, double x,
      double y) {
    Model m = Model.at(f, x, y);
    if (!Double.isFinite(m.f()) || !Double.isFinite(m.gx()) || !Double.isFinite(m.hxx())) {
      return;
    }
    double s = look.scale();
    ViewBox v = a.view();
    int n = 120;
    double[] values = new double[n * n];
    ScalarGrid nodes = ScalarGrid.of(v, n, n, values);
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        values[j * n + i] = m.value(nodes.x(i), nodes.y(j));
      }
    }
    ScalarGrid grid = ScalarGrid.of(v, n, n, values);
    // Levels through the iterate and a few around it, spaced by the model's own scale: the
    // decrease the gradient promises over a tenth of the view.
    double scale = Math.max(1e-12, Math.hypot(m.gx(), m.gy()) * 0.1 * Math.max(v.width(),
        v.height()) + Math.abs(m.hxx() + m.hyy()) * 0.01 * v.width() * v.width());
    float[] dash = {(float) (10 * s), (float) (6 * s)};
    for (int k = -2; k <= 3; k++) {
      double level = m.f() + k * scale;
      double[] seg = MarchingSquares.segments(grid, level);
      for (int pass = 0; pass < 2; pass++) {
        g.setPaint(pass == 0 ? HALO : LINE);
        g.setStroke(new BasicStroke((float) ((pass == 0 ? 3.2 : 1.6) * s * (k == 0 ? 1.3 : 1)),
            BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, dash, 0));
        for (int q = 0; q + 3 < seg.length; q += 4) {
          g.draw(new Line2D.Double(a.toScreenX(seg[q]), a.toScreenY(seg[q + 1]),
              a.toScreenX(seg[q + 2]), a.toScreenY(seg[q + 3])));
        }
      }
    }
    double[] newton = m.newton();
    if (newton != null) {
      double x0 = a.toScreenX(x);
      double y0 = a.toScreenY(y);
      double x1 = Math.max(-1e5, Math.min(1e5, a.toScreenX(newton[0])));
      double y1 = Math.max(-1e5, Math.min(1e5, a.toScreenY(newton[1])));
      MapMarks.vector(g, x0, y0, x1, y1, NEWTON, 2.6 * s, 12 * s);
      g.setFont(look.font(Font.BOLD, look.fontSize()));
      FontMetrics fm = g.getFontMetrics();
      // Short: the label must fit a small map at presentation size.
      String label = "Newton: model's " + m.kind();
      String caption = "yellow curves: the quadratic model";
      if (fm.stringWidth(label) > a.width() - 8) {
        label = "Newton";
        caption = "";
      }
      double lx = Math.max(a.left() + 4, Math.min(a.right() - fm.stringWidth(label) - 4,
          x1 + 10 * s));
      double ly = Math.max(a.top() + fm.getAscent() + 4, Math.min(a.bottom() - 4
          - fm.getHeight(), y1 - 8 * s));
      shadowed(g, label, lx, ly);
      g.setFont(look.font(Font.PLAIN, look.fontSize() * 0.85));
      shadowed(g, caption, lx, ly + fm.getHeight());
    }
  }

  private static void shadowed(Graphics2D g, String text, double x, double y) {
    g.setPaint(HALO);
    g.drawString(text, (float) x + 1, (float) y + 1);
    g.setPaint(NEWTON);
    g.drawString(text, (float) x, (float) y);
  }
}
