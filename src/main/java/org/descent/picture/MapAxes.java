package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import org.descent.function.ViewBox;
import org.descent.render.ColorMap;
import org.descent.render.ContourLevels;

/**
 * The map's frame: x and y ticks with their numbers and titles, and the colour bar with its
 * level numbers. Tick numbers that would not fit the picture are left out, never cut.
 */
final class MapAxes {

  private MapAxes() {}

  static void draw(Graphics2D g, MapGeometry a, Look look, double pictureWidth,
      double pictureHeight) {
    draw(g, a, look, pictureWidth, pictureHeight, "x", "y");
  }

  /** The frame with other axis titles (a data set's feature names, a slice's directions). */
  static void draw(Graphics2D g, MapGeometry a, Look look, double pictureWidth,
      double pictureHeight, String xTitle, String yTitle) {
    double s = look.scale();
    double fs = look.fontSize();
    Color fg = new Color(look.foreground(), true);
    g.setPaint(new Color(look.axis(), true));
    g.setStroke(new BasicStroke((float) (1.2 * s)));
    g.draw(new Rectangle2D.Double(a.left(), a.top(), a.width(), a.height()));
    Font tickFont = look.font(Font.PLAIN, fs * 0.95);
    g.setFont(tickFont);
    FontMetrics m = g.getFontMetrics();
    ViewBox v = a.view();
    double tick = 5 * s;
    List<Double> xs = Ticks.between(v.xMin(), v.xMax(), (int) Math.max(3, a.width()
        / (6.5 * fs)));
    for (double t : xs) {
      double x = a.toScreenX(t);
      String label = Ticks.label(t);
      double w = m.stringWidth(label);
      g.setPaint(new Color(look.axis(), true));
      g.draw(new Line2D.Double(x, a.bottom(), x, a.bottom() + tick));
      if (x - w / 2 >= 0 && x + w / 2 <= pictureWidth) {
        g.setPaint(fg);
        g.drawString(label, (float) (x - w / 2), (float) (a.bottom() + tick + 2 + m.getAscent()));
      }
    }
    List<Double> ys = Ticks.between(v.yMin(), v.yMax(), (int) Math.max(3, a.height()
        / (4.5 * fs)));
    for (double t : ys) {
      double y = a.toScreenY(t);
      String label = Ticks.label(t);
      double w = m.stringWidth(label);
      g.setPaint(new Color(look.axis(), true));
      g.draw(new Line2D.Double(a.left() - tick, y, a.left(), y));
      g.setPaint(fg);
      g.drawString(label, (float) (a.left() - tick - 3 - w),
          (float) (y + m.getAscent() * 0.5 - m.getDescent() * 0.5));
    }
    Font title = look.font(Font.BOLD, fs * 1.05);
    g.setFont(title);
    FontMetrics tm = g.getFontMetrics();
    g.setPaint(fg);
    g.drawString(xTitle, (float) (a.left() + a.width() / 2 - tm.stringWidth(xTitle) / 2.0),
        (float) (pictureHeight - tm.getDescent() - 3));
    if (tm.stringWidth(yTitle) <= tm.stringWidth("yy")) {
      g.drawString(yTitle, 4f, (float) (a.top() + a.height() / 2 + tm.getAscent() / 2.0));
    } else {
      // A long title runs up the left edge.
      java.awt.geom.AffineTransform saved = g.getTransform();
      g.translate(4 + tm.getAscent(), a.top() + a.height() / 2 + tm.stringWidth(yTitle) / 2.0);
      g.rotate(-Math.PI / 2);
      g.drawString(yTitle, 0f, 0f);
      g.setTransform(saved);
    }
  }

  /** The colour bar right of the plot, with as many level numbers as fit one above another. */
  static void colourBar(Graphics2D g, MapGeometry a, Look look, ContourLevels levels) {
    if (levels == null || levels.size() == 0) {
      return;
    }
    double s = look.scale();
    double fs = look.fontSize();
    double x = a.right() + 8 * s;
    double w = 12 * s;
    double top = a.top();
    double h = a.height();
    ColorMap map = ColorMap.viridis();
    int n = 120;
    for (int i = 0; i < n; i++) {
      g.setPaint(new Color(map.argb(1 - (i + 0.5) / n), false));
      g.fill(new Rectangle2D.Double(x, top + h * i / n, w, h / n + 1));
    }
    g.setPaint(new Color(look.axis(), true));
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(x, top, w, h));
    g.setFont(look.font(Font.PLAIN, fs * 0.85));
    FontMetrics m = g.getFontMetrics();
    double[] values = levels.levels();
    int every = Math.max(1, (int) Math.ceil(values.length / Math.max(1, h / (2.1 * fs))));
    for (int i = 0; i < values.length; i += every) {
      double y = top + h * (1 - levels.fraction(values[i]));
      g.setPaint(new Color(look.axis(), true));
      g.draw(new Line2D.Double(x + w, y, x + w + 3, y));
      g.setPaint(new Color(look.foreground(), true));
      g.drawString(shortNumber(values[i]), (float) (x + w + 5),
          (float) (y + m.getAscent() * 0.5 - m.getDescent() * 0.5));
    }
  }

  /** A level for the colour bar in at most five characters: 3, 0.25, 1e-4, 3600. */
  static String shortNumber(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    String s;
    if (a >= 100 && a < 1e5) {
      s = Long.toString(Math.round(v));
    } else if (a >= 0.01 && a < 100) {
      s = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    } else {
      s = String.format(Locale.ROOT, "%.0e", v).replace("e+0", "e").replace("e-0", "e-")
          .replace("e+", "e");
    }
    return s.replace("-", "−");
  }
}
