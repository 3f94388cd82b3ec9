package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import org.descent.analysis.PointDiagnostics;
import org.descent.function.FormulaObjective;
import org.descent.function.Landscape;

/**
 * The hover readout at the cursor: f, ∇f, the Hessian's eigenvalues, κ and 2/λmax in a box
 * kept away from the cursor, with the gradient arrow and the curvature axes (dashed where the
 * curvature is negative) drawn at the point.
 */
final class MapProbe {

  private static final Color BOX = new Color(18, 18, 22, 210);
  private static final Color GRADIENT = new Color(0xFF5A36);

  private MapProbe() {}

  static void draw(Graphics2D g, MapGeometry a, Look look, Landscape landscape,
      FormulaObjective f, MapScene.Probe probe) {
    double hx = probe.sx();
    double hy = probe.sy();
    if (!a.containsScreen(hx, hy)) {
      return;
    }
    double s = look.scale();
    PointDiagnostics d = PointDiagnostics.at(f, a.toWorldX(hx), a.toWorldY(hy));
    if (probe.curvatureAxes()) {
      axis(g, hx, hy, d.curvature().v1x(), d.curvature().v1y(), d.curvature().lambda1(), "λ₁",
          look);
      axis(g, hx, hy, d.curvature().v2x(), d.curvature().v2y(), d.curvature().lambda2(), "λ₂",
          look);
    }
    double norm = d.gradientNorm();
    if (probe.gradientArrow() && norm > 0 && Double.isFinite(norm)) {
      double dx = d.dx() / norm;
      double dy = -d.dy() / norm;
      double len = 56 * s;
      MapMarks.vector(g, hx, hy, hx + dx * len, hy + dy * len, GRADIENT, 2.5 * s, 11 * s);
      g.setFont(look.font(Font.BOLD, look.fontSize() * 1.05));
      g.setPaint(Color.WHITE);
      g.drawString("∇f", (float) (hx + dx * (len + 14 * s) - 8 * s),
          (float) (hy + dy * (len + 14 * s) + 5 * s));
    }
    readout(g, a, look, landscape, d, hx, hy);
  }

  private static void axis(Graphics2D g, double hx, double hy, double vx, double vy,
      double lambda, String name, Look look) {
    if (!Double.isFinite(lambda) || !Double.isFinite(vx) || !Double.isFinite(vy)) {
      return;
    }
    double s = look.scale();
    double len = 34 * s;
    double sx = vx;
    double sy = -vy;
    double n = Math.hypot(sx, sy);
    if (!(n > 0)) {
      return;
    }
    sx /= n;
    sy /= n;
    Line2D.Double line = new Line2D.Double(hx - sx * len, hy - sy * len, hx + sx * len,
        hy + sy * len);
    g.setPaint(new Color(0, 0, 0, 150));
    g.setStroke(new BasicStroke((float) (5 * s), BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND));
    g.draw(line);
    g.setPaint(Color.WHITE);
    g.setStroke(lambda < 0
        ? new BasicStroke((float) (2.5 * s), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1,
            new float[] {(float) (5 * s), (float) (4 * s)}, 0)
        : new BasicStroke((float) (2.5 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(line);
    g.setFont(look.font(Font.BOLD, look.fontSize()));
    g.drawString(name, (float) (hx + sx * (len + 8 * s)), (float) (hy + sy * (len + 8 * s)
        + 4 * s));
  }

  private static void readout(Graphics2D g, MapGeometry a, Look look, Landscape landscape,
      PointDiagnostics d, double hx, double hy) {
    ProbeReadout r = ProbeReadout.fit(g, a, look,
        ProbeReadout.quantities(a, look, landscape, d, hx, hy), hx, hy);
    g.setPaint(BOX);
    g.fill(new RoundRectangle2D.Double(r.left(), r.top(), r.width(), r.height(), 10, 10));
    g.setPaint(Color.WHITE);
    g.setFont(r.font());
    for (int i = 0; i < r.lines().size(); i++) {
      g.drawString(r.lines().get(i), (float) (r.left() + r.padding()),
          (float) (r.top() + 0.6 * r.padding() + i * r.lineHeight() + r.ascent()));
    }
  }
}
