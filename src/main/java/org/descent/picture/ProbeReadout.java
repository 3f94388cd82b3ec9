package org.descent.picture;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import org.descent.analysis.PointDiagnostics;
import org.descent.function.CriticalPoint;
import org.descent.function.Landscape;

/**
 * Where the hover readout goes and how it is broken into lines: always inside the map. A
 * projector's large font makes "∇f = (…),  ‖∇f‖ = …" wider than a laptop's map, so the
 * quantities of a line move to lines of their own first (never inside a number), then the
 * font shrinks; the box takes the corner farthest from the cursor.
 *
 * @param lines the text, one entry a drawn line
 * @param left the box's left edge in the picture's pixels, and so on
 */
public record ProbeReadout(List<String> lines, Font font, double left, double top,
    double width, double height, double lineHeight, double ascent, double padding) {

  /** Between the quantities of one line: where a line may break. */
  static final String SEPARATOR = ",  ";

  /** The smallest font the readout shrinks to before it gives up shrinking. */
  static final float SMALLEST = 8;

  public ProbeReadout {
    lines = List.copyOf(lines);
  }

  /** The readout's lines before they are fitted: each a list of quantities. */
  static List<List<String>> quantities(MapGeometry a, Look look, Landscape landscape,
      PointDiagnostics d, double hx, double hy) {
    double s = look.scale();
    List<List<String>> lines = new ArrayList<>();
    StringBuilder first = new StringBuilder();
    for (CriticalPoint p : landscape.criticalPoints()) {
      if (Math.hypot(a.toScreenX(p.x()) - hx, a.toScreenY(p.y()) - hy) < 10 * s) {
        first.append(p.kind().label()).append(" at (").append(Numbers.format(p.x()))
            .append(", ").append(Numbers.format(p.y())).append(")");
      }
    }
    if (first.length() > 0) {
      lines.add(List.of(first.toString()));
    }
    lines.add(List.of("x = " + Numbers.format(d.x()), "y = " + Numbers.format(d.y())));
    lines.add(List.of("f = " + Numbers.format(d.value())));
    lines.add(List.of("∇f = (" + Numbers.format(d.dx()) + ", " + Numbers.format(d.dy()) + ")",
        "‖∇f‖ = " + Numbers.format(d.gradientNorm())));
    lines.add(List.of("λ₁ = " + Numbers.format(d.curvature().lambda1()),
        "λ₂ = " + Numbers.format(d.curvature().lambda2())));
    lines.add(List.of("κ = " + Numbers.format(d.conditionNumber()),
        "2/λmax = " + Numbers.format(d.stableLearningRate())));
    return lines;
  }

  /**
   * Fits the quantities into the map: on their lines at the look's size when they fit, else
   * broken between quantities, else smaller, down to {@link #SMALLEST} px.
   *
   * @param g measures the text (the graphics it will be drawn on)
   * @param hx the cursor, kept clear of the box when a corner allows
   */
  static ProbeReadout fit(Graphics2D g, MapGeometry a, Look look, List<List<String>> quantities,
      double hx, double hy) {
    double margin = Math.min(8, a.width() / 20);
    double roomW = a.width() - 2 * margin;
    double roomH = a.height() - 2 * margin;
    float size = (float) (look.fontSize() * 0.95);
    Font base = new Font("DejaVu Sans Mono", Font.PLAIN, 1);
    while (true) {
      Font font = base.deriveFont(size);
      FontMetrics m = g.getFontMetrics(font);
      double pad = Math.max(3, 8 * look.scale() * size / look.fontSize());
      List<String> lines = new ArrayList<>();
      boolean fits = true;
      for (List<String> q : quantities) {
        fits &= wrap(q, m, roomW - 2 * pad, lines);
      }
      double w = 0;
      for (String line : lines) {
        w = Math.max(w, m.stringWidth(line));
      }
      w += 2 * pad;
      double h = lines.size() * m.getHeight() + 1.25 * pad;
      fits &= w <= roomW && h <= roomH;
      if (fits || size <= SMALLEST) {
        return place(a, margin, lines, font, w, h, m, pad, hx, hy);
      }
      size = Math.max(SMALLEST, size * 0.9f);
    }
  }

  /** Packs quantities greedily into lines no wider than room; false if one alone is wider. */
  private static boolean wrap(List<String> q, FontMetrics m, double room, List<String> out) {
    boolean fits = true;
    String line = null;
    for (String part : q) {
      fits &= m.stringWidth(part) <= room;
      if (line == null) {
        line = part;
      } else if (m.stringWidth(line + SEPARATOR + part) <= room) {
        line = line + SEPARATOR + part;
      } else {
        out.add(line + ",");
        line = part;
      }
    }
    if (line != null) {
      out.add(line);
    }
    return fits;
  }

  /** The corner of the map farthest from the cursor, starting at the upper left. */
  private static ProbeReadout place(MapGeometry a, double margin, List<String> lines, Font font,
      double w, double h, FontMetrics m, double pad, double hx, double hy) {
    double left = a.left() + margin;
    double right = Math.max(left, a.right() - margin - w);
    double top = a.top() + margin;
    double bottom = Math.max(top, a.bottom() - margin - h);
    double[][] corners = {{left, top}, {right, top}, {left, bottom}, {right, bottom}};
    double[] best = corners[0];
    double bestDistance = -1;
    for (double[] c : corners) {
      // How far the cursor is from the box: 0 inside it. The first corner clear by 20 px wins.
      double dx = Math.max(0, Math.max(c[0] - hx, hx - (c[0] + w)));
      double dy = Math.max(0, Math.max(c[1] - hy, hy - (c[1] + h)));
      double distance = Math.hypot(dx, dy);
      if (distance >= 20) {
        best = c;
        break;
      }
      if (distance > bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    return new ProbeReadout(lines, font, best[0], best[1], w, h, m.getHeight(), m.getAscent(),
        pad);
  }

  /** The readout at a point of the map as it would be drawn, or null off the plot. */
  public static ProbeReadout at(Graphics2D g, MapGeometry a, Look look, Landscape landscape,
      double hx, double hy) {
    if (a == null || landscape == null || !a.containsScreen(hx, hy)) {
      return null;
    }
    PointDiagnostics d = PointDiagnostics.at(landscape.formula().objective(), a.toWorldX(hx),
        a.toWorldY(hy));
    return fit(g, a, look, quantities(a, look, landscape, d, hx, hy), hx, hy);
  }
}
