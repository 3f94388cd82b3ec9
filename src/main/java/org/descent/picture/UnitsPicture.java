package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.descent.network.Activation;
import org.descent.network.Histogram;
import org.descent.network.LayerDiagnostics;

/**
 * The hidden layers of one run, one histogram of activations per layer, with the counts the
 * lectures ask about: dead ReLU units (never active, so never learning) and saturated tanh or
 * logistic units (stuck near a bound, where the gradient through them all but vanishes). The
 * bins near a saturating bound are drawn in red, so a pile-up there is seen from the back of
 * the hall.
 */
public final class UnitsPicture {

  private static final Color BAR = new Color(0x3D7CC9);
  private static final Color WARN = new Color(0xD62728);

  private UnitsPicture() {}

  public static void draw(Graphics2D g, Look look, double width, double height,
      List<LayerDiagnostics> layers, String title) {
    g.setPaint(new Color(look.background(), true));
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    double fs = look.fontSize();
    double s = look.scale();
    Color fg = new Color(look.foreground(), true);
    double y = 4;
    if (title != null && !title.isEmpty()) {
      g.setFont(look.font(Font.BOLD, fs * 1.05));
      g.setPaint(fg);
      g.drawString(Numbers.fit(g, title, width - 10), 6f, (float) (y + fs * 1.1));
      y += 1.7 * fs;
    }
    if (layers.isEmpty()) {
      g.setFont(look.font(Font.PLAIN, fs));
      g.setPaint(fg);
      g.drawString("no hidden layer to look into yet", 6f, (float) (y + fs * 1.2));
      return;
    }
    int n = layers.size();
    // Two columns when the layers would be too flat for a readable histogram one above another.
    int columns = (height - y) / n < 5 * fs && n > 1 ? 2 : 1;
    int rows = (n + columns - 1) / columns;
    double cellW = (width - 8) / columns;
    double cellH = (height - y - 2) / rows;
    for (int i = 0; i < n; i++) {
      double cx = 4 + (i % columns) * cellW;
      double cy = y + (i / columns) * cellH;
      layer(g, look, layers.get(i), cx, cy, cellW - 6, cellH - 4, fg, s, fs);
    }
  }

  private static void layer(Graphics2D g, Look look, LayerDiagnostics d, double x, double y,
      double w, double h, Color fg, double s, double fs) {
    Font font = look.font(Font.PLAIN, fs * 0.9);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    String head = "layer " + (d.layer() + 1) + ": " + d.units() + " " + d.activation().key()
        + " units";
    String problem = problem(d);
    g.setPaint(fg);
    g.drawString(head, (float) (x + 2), (float) (y + fm.getAscent()));
    if (!problem.isEmpty()) {
      g.setFont(look.font(Font.BOLD, fs * 0.9));
      FontMetrics bm = g.getFontMetrics();
      double px = x + 2 + fm.stringWidth(head) + 10 * s;
      if (px + bm.stringWidth(problem) > x + w) {
        px = x + 2;
        y += fm.getHeight();
        h -= fm.getHeight();
      }
      g.setPaint(WARN);
      g.drawString(problem, (float) px, (float) (y + fm.getAscent()));
      g.setFont(font);
    }
    double top = y + fm.getHeight() + 2;
    double bottom = y + h - fm.getHeight() - 2;
    double plotH = bottom - top;
    if (plotH < 8 || w < 40) {
      return;
    }
    Histogram hist = d.histogram();
    long[] counts = hist.counts();
    long max = 1;
    for (long c : counts) {
      max = Math.max(max, c);
    }
    double left = x + 2;
    double plotW = w - 4;
    double bw = plotW / counts.length;
    Activation act = d.activation();
    for (int b = 0; b < counts.length; b++) {
      double lo = hist.binLow(b);
      double hi = b + 1 < counts.length ? hist.binLow(b + 1) : hist.high();
      double margin = org.descent.network.ActivationDiagnostics.SATURATION_MARGIN;
      boolean nearBound = act.saturates()
          && (lo < act.lower() + margin || hi > act.upper() - margin);
      // Square-root heights: a bin of a few samples stays visible beside a pile-up.
      double bh = plotH * Math.sqrt(counts[b] / (double) max);
      g.setPaint(nearBound ? WARN : BAR);
      g.fill(new Rectangle2D.Double(left + b * bw + 0.5, bottom - bh, Math.max(1, bw - 1), bh));
    }
    g.setPaint(new Color(look.axis(), true));
    g.setStroke(new BasicStroke((float) s));
    g.draw(new Line2D.Double(left, bottom, left + plotW, bottom));
    g.setPaint(fg);
    String low = MapAxes.shortNumber(hist.low());
    String high = MapAxes.shortNumber(hist.high());
    float ty = (float) (bottom + fm.getAscent() + 1);
    g.drawString(low, (float) left, ty);
    g.drawString(high, (float) (left + plotW - fm.stringWidth(high)), ty);
    String mid = "activation (√count)";
    if (fm.stringWidth(mid) + fm.stringWidth(low) + fm.stringWidth(high) + 20 < plotW) {
      g.drawString(mid, (float) (left + plotW / 2 - fm.stringWidth(mid) / 2.0), ty);
    }
  }

  /** "5 dead", "12 saturated (75 %)", or empty. */
  static String problem(LayerDiagnostics d) {
    if (d.dead() > 0) {
      return d.dead() + " of " + d.units() + " dead";
    }
    if (d.saturated() > 0) {
      return d.saturated() + " of " + d.units() + " saturated";
    }
    return "";
  }
}
