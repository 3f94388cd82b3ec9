package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import org.descent.analysis.BasinMap;
import org.descent.function.ViewBox;

/**
 * A basin-of-attraction map painted under the contour lines: each start point in the colour
 * of the minimum its run ends in, pale grey where it did not converge, dark where it diverged;
 * and the legend that says which colour is which minimum and how much of the view drains
 * into it.
 */
public final class BasinColours {

  private static final int[] MINIMA = {0xFF4E79A7, 0xFFF28E2B, 0xFF59A14F, 0xFFE15759,
      0xFF76B7B2, 0xFFEDC948, 0xFFB07AA1, 0xFFFF9DA7, 0xFF9C755F, 0xFFBAB0AC};
  private static final int NOT_CONVERGED = 0xFFD9D9D9;
  private static final int DIVERGED = 0xFF2B2B2B;

  private BasinColours() {}

  /** The colour of minimum {@code label} (0-based, in the landscape's order). */
  public static int minimum(int label) {
    return MINIMA[Math.floorMod(label, MINIMA.length)];
  }

  static int of(BasinMap.Status status, int label) {
    return switch (status) {
      case CONVERGED -> minimum(label);
      case NOT_CONVERGED -> NOT_CONVERGED;
      case DIVERGED -> DIVERGED;
    };
  }

  /**
   * Replaces the filled contours of a field (w × h pixels over its view, top row first) by the
   * basins' colours, each start's colour over the pixels nearest to it; a little of the bands'
   * brightness is kept so that the landscape's shape still shows under its basins.
   */
  static void paint(int[] argb, int w, int h, ViewBox view, BasinMap map) {
    var ax = map.x();
    var ay = map.y();
    double dx = (ax.max() - ax.min()) / Math.max(1, ax.count() - 1);
    double dy = (ay.max() - ay.min()) / Math.max(1, ay.count() - 1);
    for (int j = 0; j < h; j++) {
      double y = view.yMax() - (j + 0.5) / h * view.height();
      int iy = (int) Math.round((y - ay.min()) / dy);
      for (int i = 0; i < w; i++) {
        double x = view.xMin() + (i + 0.5) / w * view.width();
        int ix = (int) Math.round((x - ax.min()) / dx);
        if (ix < 0 || iy < 0 || ix >= ax.count() || iy >= ay.count()) {
          continue; // outside the computed starts: the bands stay
        }
        int c = of(map.status(ix, iy), map.label(ix, iy));
        int under = argb[j * w + i];
        double shade = 0.8 + 0.2 * luminance(under);
        argb[j * w + i] = 0xFF000000 | (pastel((c >> 16) & 255, shade) << 16)
            | (pastel((c >> 8) & 255, shade) << 8) | pastel(c & 255, shade);
      }
    }
  }

  /**
   * Halfway to white, then shaded: pale enough that the paths, drawn in the same palette as
   * the basins, stand out on any basin.
   */
  private static int pastel(int v, double shade) {
    return scale((int) Math.round(v * 0.55 + 255 * 0.45), shade);
  }

  private static double luminance(int c) {
    return (0.2126 * ((c >> 16) & 255) + 0.7152 * ((c >> 8) & 255) + 0.0722 * (c & 255)) / 255;
  }

  private static int scale(int v, double f) {
    return (int) Math.max(0, Math.min(255, Math.round(v * f)));
  }

  /** The legend in the plot's upper right corner: a swatch, the minimum and its share. */
  static void legend(Graphics2D g, MapGeometry a, Look look, BasinMap map) {
    List<BasinMap.LegendEntry> entries = map.legend();
    if (entries.isEmpty()) {
      return;
    }
    double s = look.scale();
    Font font = look.font(Font.PLAIN, look.fontSize() * 0.85);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    double line = Math.max(fm.getHeight(), 14 * s) + 2 * s;
    String title = "basins of " + map.optimizer().label();
    double w = fm.stringWidth(title);
    int total = map.cells();
    String[] texts = new String[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      var e = entries.get(i);
      texts[i] = e.text() + "  " + Math.round(100.0 * e.cells() / total) + " %";
      w = Math.max(w, fm.stringWidth(texts[i]) + 18 * s);
    }
    w += 14 * s;
    int shown = entries.size();
    while (shown > 0 && (shown + 1) * line + 8 * s > a.height() * 0.7) {
      shown--;
    }
    if (shown == 0 || w > a.width() * 0.7) {
      return;
    }
    double h = (shown + 1) * line + 8 * s;
    // Upper right, where the colour bar's levels would be: the hover readout takes the upper
    // left and the symbols' legend a lower corner.
    double x = a.right() - 6 * s - w;
    double y = a.top() + 6 * s;
    g.setPaint(new Color(255, 255, 255, 225));
    g.fill(new RoundRectangle2D.Double(x, y, w, h, 8 * s, 8 * s));
    g.setPaint(new Color(0, 0, 0, 120));
    g.setStroke(new BasicStroke((float) s));
    g.draw(new RoundRectangle2D.Double(x, y, w, h, 8 * s, 8 * s));
    g.setPaint(new Color(0x1D1D1F));
    g.setFont(look.font(Font.BOLD, look.fontSize() * 0.85));
    double cy = y + 4 * s + line / 2;
    g.drawString(title, (float) (x + 7 * s), (float) (cy + fm.getAscent() / 2.0
        - fm.getDescent() / 2.0));
    g.setFont(font);
    for (int i = 0; i < shown; i++) {
      var e = entries.get(i);
      cy += line;
      double sw = 11 * s;
      g.setPaint(new Color(of(e.status(), e.label()), false));
      g.fill(new Rectangle2D.Double(x + 7 * s, cy - sw / 2, sw, sw));
      g.setPaint(new Color(0, 0, 0, 160));
      g.draw(new Rectangle2D.Double(x + 7 * s, cy - sw / 2, sw, sw));
      g.setPaint(new Color(0x1D1D1F));
      g.drawString(texts[i], (float) (x + 7 * s + sw + 6 * s), (float) (cy + fm.getAscent()
          / 2.0 - fm.getDescent() / 2.0));
    }
  }
}
