package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/**
 * The map's symbols, drawn the same way on the map and in its legend: minima (a white star for
 * the global minimum, a smaller grey one for a local minimum), saddles (a cross), maxima (a
 * triangle), the start (a white ring with a dot), a run's head (a disc in its colour), a
 * divergence (a red cross) and an edge arrow where a path leaves the view.
 */
final class MapMarks {

  static final Color DIVERGED = new Color(0xFF3B30);
  private static final Color HALO = new Color(0, 0, 0, 140);

  private MapMarks() {}

  /** The kinds of symbol, in the order the legend lists them. */
  enum Symbol {
    GLOBAL_MINIMUM("global minimum"), LOCAL_MINIMUM("local minimum"), SADDLE("saddle point"),
    MAXIMUM("maximum"), START("start"), DIVERGED("diverged"), LEFT_VIEW("left the view"),
    CONVEX_NOT("saddle-shaped: H indefinite"), CONCAVE("concave: H negative definite");

    final String label;

    Symbol(String label) {
      this.label = label;
    }
  }

  /** Draws a symbol centred at (x, y); s is the look's scale. */
  static void draw(Graphics2D g, Symbol symbol, double x, double y, double s) {
    double r = 6 * s;
    switch (symbol) {
      case GLOBAL_MINIMUM -> star(g, x, y, r * 1.45, Color.WHITE, s);
      case LOCAL_MINIMUM -> star(g, x, y, r * 1.05, new Color(0xB8B8BE), s);
      case SADDLE -> {
        cross(g, x, y, r, Color.BLACK, 4 * s);
        cross(g, x, y, r, Color.WHITE, 2 * s);
      }
      case MAXIMUM -> {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(x, y - r);
        t.lineTo(x + r, y + r * 0.8);
        t.lineTo(x - r, y + r * 0.8);
        t.closePath();
        g.setPaint(Color.WHITE);
        g.fill(t);
        g.setPaint(Color.BLACK);
        g.setStroke(new BasicStroke((float) (2 * s)));
        g.draw(t);
      }
      case START -> start(g, x, y, s);
      case DIVERGED -> diverged(g, x, y, s);
      case LEFT_VIEW -> arrow(g, x - 3 * s, y, 0, new Color(0x9A9AA2), s);
      case CONVEX_NOT -> {
        java.awt.geom.Rectangle2D.Double box = new java.awt.geom.Rectangle2D.Double(x - r, y - r,
            2 * r, 2 * r);
        g.setPaint(new Color(0xFFE3B8));
        g.fill(box);
        java.awt.Shape clip = g.getClip();
        g.clip(box);
        g.setPaint(Color.WHITE);
        g.setStroke(new BasicStroke((float) (1.5 * s)));
        for (double d = -2 * r; d < 2 * r; d += 4 * s) {
          g.draw(new Line2D.Double(x + d, y + r, x + d + 2 * r, y - r));
        }
        g.setClip(clip);
        g.setPaint(Color.BLACK);
        g.setStroke(new BasicStroke((float) s));
        g.draw(box);
      }
      case CONCAVE -> {
        java.awt.geom.Rectangle2D.Double box = new java.awt.geom.Rectangle2D.Double(x - r, y - r,
            2 * r, 2 * r);
        g.setPaint(new Color(0xF0A09A));
        g.fill(box);
        g.setPaint(Color.BLACK);
        g.setStroke(new BasicStroke((float) s));
        g.draw(box);
      }
    }
  }

  static void star(Graphics2D g, double x, double y, double r, Color fill, double s) {
    Path2D.Double p = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double rr = i % 2 == 0 ? r : r * 0.45;
      double t = -Math.PI / 2 + i * Math.PI / 5;
      double px = x + rr * Math.cos(t);
      double py = y + rr * Math.sin(t);
      if (i == 0) {
        p.moveTo(px, py);
      } else {
        p.lineTo(px, py);
      }
    }
    p.closePath();
    g.setPaint(fill);
    g.fill(p);
    g.setPaint(Color.BLACK);
    g.setStroke(new BasicStroke((float) (2 * s), BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND));
    g.draw(p);
  }

  static void cross(Graphics2D g, double x, double y, double r, Color c, double width) {
    g.setPaint(c);
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
    g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
  }

  static void start(Graphics2D g, double x, double y, double s) {
    double r = 8 * s;
    Ellipse2D ring = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
    g.setPaint(Color.WHITE);
    g.fill(ring);
    g.setPaint(Color.BLACK);
    g.setStroke(new BasicStroke((float) (2.5 * s)));
    g.draw(ring);
    g.fill(new Ellipse2D.Double(x - 2.5 * s, y - 2.5 * s, 5 * s, 5 * s));
  }

  static void head(Graphics2D g, double x, double y, double r, Color c, double s) {
    Ellipse2D disc = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
    g.setPaint(c);
    g.fill(disc);
    g.setPaint(Color.BLACK);
    g.setStroke(new BasicStroke((float) (2 * s)));
    g.draw(disc);
  }

  /**
   * The heads of several runs that end on the same point: one disc cut into equal slices, the
   * first run's from the top, clockwise, white lines between them so that close colours part.
   */
  static void splitHead(Graphics2D g, double x, double y, double r, Color[] colours,
      double s) {
    double extent = 360.0 / colours.length;
    for (int i = 0; i < colours.length; i++) {
      g.setPaint(colours[i]);
      g.fill(new java.awt.geom.Arc2D.Double(x - r, y - r, 2 * r, 2 * r, 90 - i * extent,
          -extent, java.awt.geom.Arc2D.PIE));
    }
    g.setPaint(Color.WHITE);
    g.setStroke(new BasicStroke((float) (1.2 * s)));
    for (int i = 0; i < colours.length; i++) {
      double t = Math.toRadians(90 - i * extent);
      g.draw(new java.awt.geom.Line2D.Double(x, y, x + r * Math.cos(t), y - r * Math.sin(t)));
    }
    Ellipse2D disc = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
    g.setPaint(Color.BLACK);
    g.setStroke(new BasicStroke((float) (2 * s)));
    g.draw(disc);
  }

  static void diverged(Graphics2D g, double x, double y, double s) {
    double r = 8 * s;
    cross(g, x, y, r, Color.BLACK, 6 * s);
    cross(g, x, y, r, DIVERGED, 3 * s);
  }

  /** An arrow head whose tip is at (x, y), pointing at {@code angle} (radians, screen). */
  static void arrow(Graphics2D g, double x, double y, double angle, Color c, double s) {
    double r = 11 * s;
    Path2D.Double t = new Path2D.Double();
    t.moveTo(x, y);
    t.lineTo(x - r * Math.cos(angle - 0.45), y - r * Math.sin(angle - 0.45));
    t.lineTo(x - r * Math.cos(angle + 0.45), y - r * Math.sin(angle + 0.45));
    t.closePath();
    g.setPaint(c);
    g.fill(t);
    g.setPaint(Color.BLACK);
    g.setStroke(new BasicStroke((float) (1.5 * s), BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND));
    g.draw(t);
  }

  /** A line with an arrow head at its end, with a dark halo so it reads on every colour. */
  static void vector(Graphics2D g, double x0, double y0, double x1, double y1, Color c,
      double width, double head) {
    double angle = Math.atan2(y1 - y0, x1 - x0);
    g.setPaint(HALO);
    g.setStroke(new BasicStroke((float) (width + 2.5), BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(x0, y0, x1, y1));
    g.setPaint(c);
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(x0, y0, x1, y1));
    Path2D.Double t = new Path2D.Double();
    t.moveTo(x1, y1);
    t.lineTo(x1 - head * Math.cos(angle - 0.45), y1 - head * Math.sin(angle - 0.45));
    t.lineTo(x1 - head * Math.cos(angle + 0.45), y1 - head * Math.sin(angle + 0.45));
    t.closePath();
    g.fill(t);
  }
}
