package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.descent.analysis.Axis;

/**
 * The frame of an analysis picture: a plot area with an axis on each side that follows the
 * analysis axes' scales (linear, log, log of 1 − value), ticks at values a lecturer would
 * name (decades of a learning rate; 0, 0.9, 0.99 of a momentum), and the mapping between
 * values and pixels a click needs.
 *
 * @param left the plot area's left edge in pixels, and so on
 * @param x the horizontal scale, {@code y} the vertical one (low values at the bottom)
 */
public record AnalysisPlot(double left, double top, double width, double height, Scale x,
    Scale y) {

  /**
   * How values spread along one side: {@code lo} and {@code hi} are the values at the two
   * ends, placed by the axis's scale.
   */
  public record Scale(String title, Axis.Scale kind, double lo, double hi) {

    /** A scale over an analysis axis, widened by half a cell at each end (a map's cells). */
    public static Scale cells(String title, Axis a) {
      if (a.count() < 2) {
        return new Scale(title, a.scale(), a.min(), a.max());
      }
      double t0 = forward(a.scale(), a.min());
      double t1 = forward(a.scale(), a.max());
      double half = (t1 - t0) / (a.count() - 1) / 2;
      return new Scale(title, a.scale(), inverse(a.scale(), t0 - half),
          inverse(a.scale(), t1 + half));
    }

    /** Where a value falls, 0 at {@code lo} and 1 at {@code hi} (outside for others). */
    public double fraction(double v) {
      double a = forward(kind, lo);
      double b = forward(kind, hi);
      return (forward(kind, v) - a) / (b - a);
    }

    /** The value at a fraction of the way from {@code lo} to {@code hi}. */
    public double valueAt(double fraction) {
      double a = forward(kind, lo);
      double b = forward(kind, hi);
      return inverse(kind, a + fraction * (b - a));
    }

    static double forward(Axis.Scale kind, double v) {
      return switch (kind) {
        case LINEAR -> v;
        case LOG -> Math.log10(v);
        case LOG_ONE_MINUS -> -Math.log10(1 - v);
      };
    }

    static double inverse(Axis.Scale kind, double t) {
      return switch (kind) {
        case LINEAR -> t;
        case LOG -> Math.pow(10, t);
        case LOG_ONE_MINUS -> 1 - Math.pow(10, -t);
      };
    }

    /** The values to tick, with their labels, inside the scale's range. */
    public List<Tick> ticks() {
      double a = Math.min(lo, hi);
      double b = Math.max(lo, hi);
      List<Tick> ticks = new ArrayList<>();
      switch (kind) {
        case LINEAR -> {
          for (double v : Ticks.between(a, b, 6)) {
            ticks.add(new Tick(v, compact(v)));
          }
        }
        case LOG -> {
          int k0 = (int) Math.ceil(Math.log10(a) - 1e-9);
          int k1 = (int) Math.floor(Math.log10(b) + 1e-9);
          int every = Math.max(1, (int) Math.ceil((k1 - k0 + 1) / 7.0));
          for (int k = k0; k <= k1; k++) {
            if ((k - k0) % every == 0 && Math.pow(10, k) <= b * (1 + 1e-9)) {
              ticks.add(new Tick(Math.pow(10, k), decade(k)));
            }
          }
          if (k1 - k0 < 2) {
            for (int k = k0 - 1; k <= k1; k++) {
              for (int m : new int[] {2, 5}) {
                double v = m * Math.pow(10, k);
                if (v >= a && v <= b) {
                  ticks.add(new Tick(v, k >= -5 && k <= 4
                      ? java.math.BigDecimal.valueOf(m).scaleByPowerOfTen(k).toPlainString()
                      : m + "e" + k));
                }
              }
            }
          }
        }
        case LOG_ONE_MINUS -> {
          for (int k = 0; k <= 8; k++) {
            double v = 1 - Math.pow(10, -k);
            if (v >= a - 1e-12 && v <= b + 1e-12) {
              ticks.add(new Tick(v, k == 0 ? "0" : "0." + "9".repeat(k)));
            }
          }
        }
      }
      return ticks;
    }

    /** A tick's number in few characters: "−2e10" rather than "−20000000000". */
    static String compact(double v) {
      double a = Math.abs(v);
      if (v == 0 || a >= 1e-3 && a < 1e5) {
        return Ticks.label(v);
      }
      String m = String.format(java.util.Locale.ROOT, "%.2g", v);
      int e = m.indexOf('e');
      if (e < 0) {
        return m.replace("-", "−");
      }
      String mant = m.substring(0, e).replaceAll("\\.?0+$", "");
      int exp = Integer.parseInt(m.substring(e + 1));
      return (mant + "e" + exp).replace("-", "−");
    }

    private static String decade(int k) {
      if (k >= 0 && k <= 4) {
        return String.valueOf((long) Math.pow(10, k));
      }
      if (k < 0 && k >= -3) {
        return "0." + "0".repeat(-k - 1) + "1";
      }
      return "1e" + k;
    }
  }

  /** One tick: the value and what it is called. */
  public record Tick(double value, String label) {}

  /**
   * Lays out a plot in a picture of {@code w × h} pixels: room for the tick labels and titles
   * on the left and at the bottom, a title line on top and {@code rightRoom} pixels on the
   * right (a colour bar); null when the picture is too small for a plot.
   */
  public static AnalysisPlot layout(Look look, double w, double h, double rightRoom, Scale x,
      Scale y) {
    double s = look.fontSize() / 12.0;
    double left = 62 * s;
    double top = 26 * s;
    double bottom = 44 * s;
    double pw = w - left - rightRoom - 10 * s;
    double ph = h - top - bottom;
    if (pw < 40 || ph < 40) {
      return null;
    }
    return new AnalysisPlot(left, top, pw, ph, x, y);
  }

  /**
   * As {@link #layout}, for a band of the picture {@code h} pixels high whose top edge is at
   * {@code top} (a plot under a text block, or the lower of two panels).
   */
  public static AnalysisPlot layoutAt(Look look, double w, double h, double top,
      double rightRoom, Scale x, Scale y) {
    AnalysisPlot p = layout(look, w, h, rightRoom, x, y);
    return p == null ? null : p.shiftedDown(top);
  }

  /** The same plot drawn {@code dy} pixels lower (in a picture of several panels). */
  public AnalysisPlot shiftedDown(double dy) {
    return new AnalysisPlot(left, top + dy, width, height, x, y);
  }

  public double screenX(double value) {
    return left + x.fraction(value) * width;
  }

  public double screenY(double value) {
    return top + height - y.fraction(value) * height;
  }

  public double right() {
    return left + width;
  }

  public double bottom() {
    return top + height;
  }

  public boolean contains(double sx, double sy) {
    return sx >= left && sx <= right() && sy >= top && sy <= bottom();
  }

  /** The values under a screen point: {x, y}, or null outside the plot area. */
  public double[] valuesAt(double sx, double sy) {
    if (!contains(sx, sy)) {
      return null;
    }
    return new double[] {x.valueAt((sx - left) / width), y.valueAt((bottom() - sy) / height)};
  }

  /** The plot's background. */
  void fill(Graphics2D g, Look look) {
    g.setPaint(look.awt(look.plotBackground()));
    g.fill(new Rectangle2D.Double(left, top, width, height));
  }

  /** The frame, the ticks with their labels, the axes' titles and the picture's title. */
  void drawAxes(Graphics2D g, Look look, String title, boolean grid) {
    drawAxes(g, look, title, grid, right() + 10 * look.fontSize() / 12.0);
  }

  /**
   * As above; tick labels that would overlap the one before are left out (the tick stays), and
   * none goes past {@code maxX}.
   */
  void drawAxes(Graphics2D g, Look look, String title, boolean grid, double maxX) {
    double s = look.fontSize() / 12.0;
    Font font = look.font(Font.PLAIN, look.fontSize());
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    g.setStroke(new BasicStroke((float) Math.max(1, s)));
    java.util.List<Tick> xt = new ArrayList<>(x.ticks());
    xt.sort(java.util.Comparator.comparingDouble(t -> screenX(t.value())));
    double lastRight = Double.NEGATIVE_INFINITY;
    for (Tick t : xt) {
      double sx = screenX(t.value());
      if (sx < left - 0.5 || sx > right() + 0.5) {
        continue;
      }
      if (grid) {
        g.setPaint(look.awt(0x22000000 | (look.axis() & 0xFFFFFF)));
        g.draw(new Line2D.Double(sx, top, sx, bottom()));
      }
      g.setPaint(look.awt(look.axis()));
      g.draw(new Line2D.Double(sx, bottom(), sx, bottom() + 4 * s));
      double lw = fm.stringWidth(t.label());
      double lx = Math.min(maxX - lw, sx - lw / 2);
      if (lx < lastRight + 6 * s) {
        continue;
      }
      lastRight = lx + lw;
      g.setPaint(look.awt(look.foreground()));
      g.drawString(t.label(), (float) lx, (float) (bottom() + 5 * s + fm.getAscent()));
    }
    for (Tick t : y.ticks()) {
      double sy = screenY(t.value());
      if (sy < top - 0.5 || sy > bottom() + 0.5) {
        continue;
      }
      if (grid) {
        g.setPaint(look.awt(0x22000000 | (look.axis() & 0xFFFFFF)));
        g.draw(new Line2D.Double(left, sy, right(), sy));
      }
      g.setPaint(look.awt(look.axis()));
      g.draw(new Line2D.Double(left - 4 * s, sy, left, sy));
      g.setPaint(look.awt(look.foreground()));
      String label = Numbers.fit(g, t.label(), left - 10 * s);
      g.drawString(label, (float) (left - 6 * s - fm.stringWidth(label)),
          (float) (sy + fm.getAscent() / 2.0 - 1));
    }
    g.setPaint(look.awt(look.axis()));
    g.draw(new Rectangle2D.Double(left, top, width, height));
    g.setPaint(look.awt(look.foreground()));
    g.drawString(x.title(), (float) (left + width / 2 - fm.stringWidth(x.title()) / 2.0),
        (float) (bottom() + 8 * s + fm.getAscent() + fm.getHeight()));
    AffineTransform saved = g.getTransform();
    g.rotate(-Math.PI / 2, left - 48 * s, top + height / 2);
    g.drawString(y.title(), (float) (left - 48 * s - fm.stringWidth(y.title()) / 2.0),
        (float) (top + height / 2 + fm.getAscent() / 2.0));
    g.setTransform(saved);
    g.setFont(look.font(Font.BOLD, look.fontSize()));
    String t = shortestNeeded(g, title, left + width);
    g.drawString(t, (float) 6, (float) (top - 8 * s));
  }

  /**
   * A title may give shorter forms of itself after line breaks ("grid search: 9 runs, 3 rates;
   * best f 0.0123\ngrid: best f 0.0123"): the first that fits is drawn, so that a narrow
   * picture drops words rather than cutting its number.
   */
  static String shortestNeeded(Graphics2D g, String title, double width) {
    String[] forms = title.split("\n");
    FontMetrics m = g.getFontMetrics();
    for (String form : forms) {
      if (m.stringWidth(form) <= width) {
        return form;
      }
    }
    return Numbers.fit(g, forms[forms.length - 1], width);
  }
}
