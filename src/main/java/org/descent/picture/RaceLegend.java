package org.descent.picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.Range;

/**
 * The legend both race charts share, one entry per run: a line in its colour and line style
 * and its label, with "— diverged at step k" where it applies. Entries flow into as many lines as the width
 * needs and never overlap (JFreeChart's flow arrangement, measured with the font it draws).
 */
public final class RaceLegend {

  private final LegendTitle title;
  private final List<String> labels;

  public RaceLegend(RaceChartData.Panel panel, Look look) {
    Fonts.registerWithJava2d();
    LegendItemCollection items = new LegendItemCollection();
    List<String> names = new ArrayList<>();
    Font font = look.font(Font.PLAIN, look.fontSize());
    for (RaceChartData.Curve c : panel.curves()) {
      if (c.averaged() || c.dashed()) {
        continue;
      }
      String label = c.label() + (c.divergedAt().isPresent()
          ? " — diverged at step " + c.divergedAt().getAsInt() : "");
      names.add(label);
      // Long enough to show a whole dash-dot-dot of the run's style, as its curve has it.
      LegendItem item = new LegendItem(label, null, null, null,
          new Line2D.Double(-16 * look.scale(), 0, 16 * look.scale(), 0),
          RaceChart.stroke(c.style(), 2.6 * look.scale()), new Color(c.argb(), false));
      item.setLabelFont(font);
      item.setLabelPaint(new Color(look.foreground(), true));
      items.add(item);
    }
    labels = List.copyOf(names);
    title = new LegendTitle(() -> items);
    title.setHorizontalAlignment(HorizontalAlignment.LEFT);
    title.setFrame(BlockBorder.NONE);
    title.setBackgroundPaint(null);
    title.setItemFont(font);
    title.setItemPaint(new Color(look.foreground(), true));
    title.setItemLabelPadding(new RectangleInsets(2, 4, 2, 18 * look.scale()));
    title.setPadding(new RectangleInsets(2, 4, 2, 4));
  }

  /** The entries' labels, in order. */
  public List<String> labels() {
    return labels;
  }

  /** The height the legend needs at this width. */
  public double height(Graphics2D g, double width) {
    if (labels.isEmpty()) {
      return 0;
    }
    Size2D size = title.arrange(g, new RectangleConstraint(new Range(0, width), new Range(0,
        1e4)));
    return Math.ceil(size.getHeight());
  }

  /**
   * The legend drawn at a width, as high as it needs (at least one row of pixels), as ARGB
   * pixels row by row: its height is their number divided by the width.
   */
  public int[] pixels(int width) {
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D pg = probe.createGraphics();
    int h = (int) Math.max(1, height(pg, width));
    pg.dispose();
    BufferedImage img = new BufferedImage(width, h, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      draw(g, new Rectangle2D.Double(0, 0, width, h));
      return img.getRGB(0, 0, width, h, null, 0, width);
    } finally {
      g.dispose();
    }
  }

  /** Draws the legend into an area (as wide as given to {@link #height}). */
  public void draw(Graphics2D g, Rectangle2D area) {
    if (!labels.isEmpty()) {
      title.arrange(g, new RectangleConstraint(new Range(0, area.getWidth()), new Range(0,
          area.getHeight())));
      title.draw(g, area);
    }
  }
}
