package org.descent.picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * The labels of a chart's vertical guides ("stop 20", "stop 120"), placed when the plot's
 * size is known: right of their line, or left of it where the right would leave the plot, and
 * one line lower where two would overlap. JFreeChart's own marker labels sit all at the top
 * and run off the plot's edge.
 */
final class GuideLabels extends AbstractXYAnnotation {

  private final List<RaceChartData.Guide> guides;
  private final Look look;

  GuideLabels(List<RaceChartData.Guide> guides, Look look) {
    this.guides = List.copyOf(guides);
    this.look = look;
  }

  /**
   * Boxes for labels of the given widths at the given line positions, all inside the area
   * (when a label is narrower than it) and none overlapping another.
   *
   * @param lineX each label's line, in pixels
   * @param gap between a line and its label, and between two labels
   */
  static Rectangle2D[] place(double[] lineX, double[] widths, double lineHeight,
      Rectangle2D area, double gap) {
    Integer[] order = new Integer[lineX.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(i -> lineX[i]));
    Rectangle2D[] boxes = new Rectangle2D[lineX.length];
    List<Rectangle2D> placed = new ArrayList<>();
    for (int i : order) {
      double w = widths[i];
      double x = lineX[i] + gap;
      if (x + w > area.getMaxX()) {
        x = lineX[i] - gap - w;
      }
      x = Math.max(area.getMinX(), Math.min(area.getMaxX() - w, x));
      int rows = Math.max(1, (int) Math.floor((area.getHeight() - gap) / lineHeight));
      Rectangle2D box = null;
      for (int row = 0; row < rows && box == null; row++) {
        Rectangle2D candidate = new Rectangle2D.Double(x, area.getMinY() + gap
            + row * lineHeight, w, lineHeight);
        boolean free = true;
        for (Rectangle2D p : placed) {
          free &= !new Rectangle2D.Double(p.getX() - gap, p.getY(), p.getWidth() + 2 * gap,
              p.getHeight()).intersects(candidate);
        }
        if (free) {
          box = candidate;
        }
      }
      if (box == null) {
        box = new Rectangle2D.Double(x, area.getMinY() + gap, w, lineHeight);
      }
      boxes[i] = box;
      placed.add(box);
    }
    return boxes;
  }

  @Override
  public void draw(Graphics2D g, XYPlot plot, Rectangle2D area, ValueAxis domain,
      ValueAxis range, int rendererIndex, PlotRenderingInfo info) {
    Font font = look.font(Font.PLAIN, look.fontSize() * 0.85);
    FontMetrics m = g.getFontMetrics(font);
    double[] xs = new double[guides.size()];
    double[] ws = new double[guides.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = domain.valueToJava2D(guides.get(i).value(), area, plot.getDomainAxisEdge());
      ws[i] = m.stringWidth(guides.get(i).label());
    }
    Rectangle2D[] boxes = place(xs, ws, m.getHeight(), area, 3 * look.scale());
    Color back = new Color(look.plotBackground(), true);
    g.setFont(font);
    for (int i = 0; i < boxes.length; i++) {
      Rectangle2D b = boxes[i];
      if (xs[i] < area.getMinX() - 0.5 || xs[i] > area.getMaxX() + 0.5) {
        continue; // the guide's step is off the axis
      }
      g.setPaint(new Color(back.getRed(), back.getGreen(), back.getBlue(), 210));
      g.fill(new Rectangle2D.Double(b.getX() - 1, b.getY(), b.getWidth() + 2, b.getHeight()));
      g.setPaint(new Color(look.foreground(), true));
      g.drawString(guides.get(i).label(), (float) b.getX(), (float) (b.getY() + m.getAscent()));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GuideLabels l && l.guides.equals(guides) && l.look.equals(look);
  }

  @Override
  public int hashCode() {
    return guides.hashCode();
  }
}
