package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One race chart (the loss, or the distance to the nearest minimum) as a JFreeChart: the
 * curves of a {@link RaceChartData.Panel} in their runs' colours, decimated to the chart's
 * width with every spike kept, a step axis of whole numbers from 0 to the last step, a y axis
 * over the panel's range with a bounded number of ticks, and a marker where a curve leaves the
 * plot or its run diverged. The app and export both draw it into images.
 */
public final class RaceChart {

  private final XYSeriesCollection data = new XYSeriesCollection();
  private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
  private final NumberAxis stepAxis = new NumberAxis("step");
  private final LogAxis logStepAxis = new ReadableLogAxis();
  private final LogAxis logAxis = new ReadableLogAxis();
  private final NumberAxis linearAxis = new NumberAxis();
  private final XYPlot plot;
  private final JFreeChart chart;
  private final TextTitle title = new TextTitle();
  private ValueMarker cursor;
  private Look look = Look.LIGHT;
  private RaceChartData.Panel shown;

  /** A chart that shows its panel's title on top (the legend is shared: {@link RaceLegend}). */
  public RaceChart() {
    Fonts.registerWithJava2d();
    // Whole steps, written without grouping ("1000", not "1,000", which reads as two numbers).
    stepAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(java.util.Locale.ROOT));
    stepAxis.setNumberFormatOverride(new java.text.DecimalFormat("0"));
    stepAxis.setAutoRange(false);
    stepAxis.setLowerMargin(0);
    stepAxis.setUpperMargin(0);
    TickUnits decades = new TickUnits();
    for (double u : new double[] {1, 2, 3, 5, 10, 20, 25, 50, 100}) {
      decades.add(new NumberTickUnit(u));
    }
    logAxis.setStandardTickUnits(decades);
    logStepAxis.setStandardTickUnits(decades);
    logStepAxis.setSmallestValue(1);
    logStepAxis.setAutoRange(false);
    logStepAxis.setLowerMargin(0);
    logStepAxis.setUpperMargin(0);
    logAxis.setSmallestValue(RaceChartData.FLOOR);
    logAxis.setAutoRange(false);
    linearAxis.setAutoRange(false);
    linearAxis.setAutoRangeIncludesZero(false);
    // One path per series: a run's dash pattern runs on along its curve instead of starting
    // again at every point.
    renderer.setDrawSeriesLineAsPath(true);
    plot = new XYPlot(data, stepAxis, logAxis, renderer);
    plot.setDomainPannable(false);
    plot.setRangePannable(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(4, 4, 2, 8));
    title.setHorizontalAlignment(HorizontalAlignment.LEFT);
    title.setPosition(RectangleEdge.TOP);
    title.setPadding(new RectangleInsets(0, 2, 4, 2));
    chart.addSubtitle(title);
    style(Look.LIGHT);
  }

  public JFreeChart chart() {
    return chart;
  }

  public XYPlot plot() {
    return plot;
  }

  /** The panel last shown, or null. */
  public RaceChartData.Panel panel() {
    return shown;
  }

  /**
   * Shows a panel: one redraw at the end however many curves it has.
   *
   * @param steps the x axis runs from 0 to this step
   * @param pixels about how many pixels wide the plot is: curves keep two points per pixel
   */
  public void show(RaceChartData.Panel panel, int steps, int pixels) {
    shown = panel;
    chart.setNotify(false);
    try {
      data.setNotify(false);
      data.removeAllSeries();
      plot.clearAnnotations();
      ValueAxis range = panel.scale() == RaceChartData.Scale.LOG ? logAxis : linearAxis;
      if (plot.getRangeAxis() != range) {
        plot.setRangeAxis(0, range, false);
      }
      range.setLabel(panel.yLabel());
      range.setRange(new org.jfree.data.Range(panel.yMin(), panel.yMax()), false, false);
      ValueAxis domain = panel.logX() ? logStepAxis : stepAxis;
      if (plot.getDomainAxis() != domain) {
        plot.setDomainAxis(0, domain, false);
      }
      domain.setRange(new org.jfree.data.Range(panel.logX() ? 1 : 0, Math.max(2, steps)),
          false, false);
      title.setText(panel.title());
      domain.setLabel(panel.xLabel());
      plot.clearRangeMarkers();
      plot.clearDomainMarkers();
      if (cursor != null) {
        plot.addDomainMarker(cursor);
      }
      for (RaceChartData.Guide guide : panel.guides()) {
        ValueMarker m = new ValueMarker(guide.value(), new Color(look.foreground(), true),
            new BasicStroke((float) (1.4 * look.scale()), BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1, new float[] {3, 3}, 0));
        if (guide.vertical()) {
          plot.addDomainMarker(m); // labelled by GuideLabels, which sees the others
        } else {
          m.setLabel(guide.label());
          m.setLabelFont(look.font(Font.PLAIN, look.fontSize() * 0.85));
          m.setLabelPaint(new Color(look.foreground(), true));
          m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
          m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
          plot.addRangeMarker(m);
        }
      }
      List<RaceChartData.Guide> vertical = panel.guides().stream()
          .filter(RaceChartData.Guide::vertical).toList();
      if (!vertical.isEmpty()) {
        plot.addAnnotation(new GuideLabels(vertical, look), false);
      }
      int index = 0;
      for (RaceChartData.Curve c : panel.curves()) {
        data.addSeries(series(index, c, panel, Math.max(50, pixels)));
        Color colour = new Color(c.argb(), false);
        double s = look.scale();
        if (c.faint()) {
          renderer.setSeriesPaint(index, new Color(colour.getRed(), colour.getGreen(),
              colour.getBlue(), 90), false);
          renderer.setSeriesStroke(index, new BasicStroke((float) (1.2 * s)), false);
        } else if (c.dashed()) {
          renderer.setSeriesPaint(index, colour, false);
          renderer.setSeriesStroke(index, new BasicStroke((float) (2.2 * s),
              BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1,
              new float[] {(float) (7 * s), (float) (4 * s)}, 0), false);
        } else {
          renderer.setSeriesPaint(index, colour, false);
          renderer.setSeriesStroke(index, stroke(c.style(), 2.2 * s), false);
        }
        plot.addAnnotation(new EdgeMarker(c, panel, look), false);
        if (c.run() < 0 && c.length() > 0) {
          // A reference curve (a rate guide, the accelerated method) is named at its end.
          int last = c.length() - 1;
          double v = c.value(last);
          if (Double.isFinite(v) && v >= panel.yMin() && v <= panel.yMax()) {
            org.jfree.chart.annotations.XYTextAnnotation a =
                new org.jfree.chart.annotations.XYTextAnnotation(c.label(), c.x(last), v);
            a.setFont(look.font(Font.PLAIN, look.fontSize() * 0.85));
            a.setPaint(new Color(look.foreground(), true));
            a.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addAnnotation(a, false);
          }
        }
        index++;
      }
      data.setNotify(true);
    } finally {
      chart.setNotify(true);
    }
  }

  /**
   * A series decimated to about two points per pixel: per bucket of steps, the smallest and
   * the largest value in step order, so a one-step spike survives. NaN becomes a gap; values
   * far beyond the range are pulled in (they still leave the plot) so that Java2D never sees
   * coordinates of 1e300 pixels.
   */
  static XYSeries series(int key, RaceChartData.Curve c, RaceChartData.Panel panel,
      int pixels) {
    XYSeries s = new XYSeries(key, false, true);
    int n = c.length();
    // On a log step axis the first steps take most of the width: no decimation there.
    int bucket = panel.logX() && n <= 20_000 ? 1
        : Math.max(1, (int) Math.ceil(n / (double) pixels));
    for (int start = 0; start < n; start += bucket) {
      int end = Math.min(n, start + bucket);
      int lo = -1;
      int hi = -1;
      boolean gap = false;
      for (int k = start; k < end; k++) {
        double v = c.value(k);
        if (Double.isNaN(v)) {
          gap = true;
          continue;
        }
        if (lo < 0 || v < c.value(lo)) {
          lo = k;
        }
        if (hi < 0 || v > c.value(hi)) {
          hi = k;
        }
      }
      if (lo < 0) {
        if (gap) {
          s.add(c.x(start), null, false);
        }
        continue;
      }
      if (panel.logX() && c.x(Math.min(lo, hi)) <= 0) {
        continue; // step 0 has no place on a log axis
      }
      int first = Math.min(lo, hi);
      int second = Math.max(lo, hi);
      s.add(c.x(first), bounded(c.value(first), panel), false);
      if (second != first) {
        s.add(c.x(second), bounded(c.value(second), panel), false);
      }
    }
    return s;
  }

  private static double bounded(double v, RaceChartData.Panel panel) {
    if (panel.scale() == RaceChartData.Scale.LOG) {
      double lo = panel.yMin() / 1e3;
      double hi = panel.yMax() * 1e3;
      return Math.max(lo, Math.min(hi, v > 0 ? v : lo));
    }
    double h = panel.yMax() - panel.yMin();
    return Math.max(panel.yMin() - 10 * h, Math.min(panel.yMax() + 10 * h, v));
  }

  /** A dashed line at a step (for exported pictures; the app draws its own cursor). */
  public void setCursor(int step) {
    if (cursor != null) {
      plot.removeDomainMarker(cursor);
    }
    cursor = new ValueMarker(step, new Color(look.foreground(), true), new BasicStroke(
        (float) (1.5 * look.scale()), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1,
        new float[] {6, 4}, 0));
    plot.addDomainMarker(cursor);
  }

  /** Applies a look: colours, fonts, line widths. */
  public void style(Look newLook) {
    look = newLook;
    chart.setNotify(false);
    try {
      Color bg = new Color(look.background(), true);
      Color fg = new Color(look.foreground(), true);
      Color axis = new Color(look.axis(), true);
      Color grid = new Color(axis.getRed(), axis.getGreen(), axis.getBlue(), 80);
      chart.setBackgroundPaint(bg);
      plot.setBackgroundPaint(new Color(look.plotBackground(), true));
      plot.setDomainGridlinePaint(grid);
      plot.setRangeGridlinePaint(grid);
      plot.setOutlinePaint(grid);
      Font label = look.font(Font.PLAIN, look.fontSize());
      Font tick = look.font(Font.PLAIN, look.fontSize() * 0.9);
      for (ValueAxis a : List.of(stepAxis, logStepAxis, logAxis, linearAxis)) {
        a.setLabelPaint(fg);
        a.setTickLabelPaint(fg);
        a.setAxisLinePaint(axis);
        a.setTickMarkPaint(axis);
        a.setLabelFont(label);
        a.setTickLabelFont(tick);
      }
      title.setFont(look.font(Font.BOLD, look.fontSize()));
      // room on the right for the last step's number, which is centred on the plot's edge
      chart.setPadding(new RectangleInsets(4, 4, 2, 4 + 1.6 * look.fontSize()));
      title.setPaint(fg);
    } finally {
      chart.setNotify(true);
    }
    if (shown != null) {
      show(shown, (int) plot.getDomainAxis().getUpperBound(), data.getSeriesCount() == 0 ? 600
          : Math.max(50, data.getSeries(0).getItemCount() / 2));
    }
  }

  /**
   * Marks where a curve leaves the plot (a triangle on the edge, pointing the way it went)
   * and where its run diverged (a cross on the edge, or at the last value inside). Drawn in
   * pixels, so the marks keep their size on every axis.
   */
  private static final class EdgeMarker extends AbstractXYAnnotation {
    private final RaceChartData.Curve curve;
    private final RaceChartData.Panel panel;
    private final Look look;

    EdgeMarker(RaceChartData.Curve curve, RaceChartData.Panel panel, Look look) {
      this.curve = curve;
      this.panel = panel;
      this.look = look;
    }

    @Override
    public void draw(Graphics2D g, XYPlot plot, Rectangle2D area, ValueAxis domain,
        ValueAxis range, int rendererIndex, PlotRenderingInfo info) {
      RectangleEdge xEdge = plot.getDomainAxisEdge();
      RectangleEdge yEdge = plot.getRangeAxisEdge();
      double s = look.scale();
      Color colour = new Color(curve.argb(), false);
      int exit = -1;
      boolean up = true;
      for (int k = 0; k < curve.length(); k++) {
        double v = curve.value(k);
        if (v > panel.yMax() || v < panel.yMin()) {
          exit = k;
          up = v > panel.yMax();
          break;
        }
      }
      if (exit >= 0 && !curve.faint()) {
        double x = domain.valueToJava2D(curve.x(exit), area, xEdge);
        double y = up ? area.getMinY() : area.getMaxY();
        double r = 6 * s;
        double dir = up ? 1 : -1;
        java.awt.geom.Path2D.Double tri = new java.awt.geom.Path2D.Double();
        tri.moveTo(x, y - dir * 0.2 * r);
        tri.lineTo(x - r, y + dir * 1.3 * r);
        tri.lineTo(x + r, y + dir * 1.3 * r);
        tri.closePath();
        g.setPaint(colour);
        g.fill(tri);
        g.setPaint(new Color(0, 0, 0, 160));
        g.setStroke(new BasicStroke((float) s));
        g.draw(tri);
      }
      if (curve.divergedAt().isPresent() && !curve.averaged()) {
        int k = curve.divergedAt().getAsInt();
        int last = curve.lastBefore(k);
        double v = curve.length() == 0 ? Double.NaN : curve.value(last);
        double x = domain.valueToJava2D(k, area, xEdge);
        double y = Double.isFinite(v) && v <= panel.yMax() && v >= panel.yMin()
            ? range.valueToJava2D(v, area, yEdge) : area.getMinY() + 7 * s;
        x = Math.max(area.getMinX() + 6 * s, Math.min(area.getMaxX() - 6 * s, x));
        double r = 5 * s;
        g.setStroke(new BasicStroke((float) (4.5 * s)));
        g.setPaint(new Color(0, 0, 0, 200));
        g.draw(new java.awt.geom.Line2D.Double(x - r, y - r, x + r, y + r));
        g.draw(new java.awt.geom.Line2D.Double(x - r, y + r, x + r, y - r));
        g.setStroke(new BasicStroke((float) (2.2 * s)));
        g.setPaint(new Color(0xFF3B30));
        g.draw(new java.awt.geom.Line2D.Double(x - r, y - r, x + r, y + r));
        g.draw(new java.awt.geom.Line2D.Double(x - r, y + r, x + r, y - r));
      }
    }
  }

  /**
   * A log axis that still names its values when the range spans little more than a decade
   * (a loss stuck at ln 2, learning rates between 0.005 and 0.05): plain numbers at 1, 2 and
   * 5 times the powers of ten (every digit below ⅔ of a decade), where the standard axis would
   * show one power of ten or none.
   */
  static final class ReadableLogAxis extends LogAxis {

    @Override
    protected List refreshTicksVertical(Graphics2D g, Rectangle2D area, RectangleEdge edge) {
      double lo = getLowerBound();
      double hi = getUpperBound();
      double decades = Math.log10(hi) - Math.log10(lo);
      if (!(decades < 1.5) || !(lo > 0)) {
        return super.refreshTicksVertical(g, area, edge);
      }
      int[] mantissas = decades < 0.67 ? new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}
          : new int[] {1, 2, 5};
      List<org.jfree.chart.axis.NumberTick> ticks = new java.util.ArrayList<>();
      for (int e = (int) Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)); e++) {
        for (int m : mantissas) {
          double v = m * Math.pow(10, e);
          if (v >= lo && v <= hi) {
            ticks.add(new org.jfree.chart.axis.NumberTick(org.jfree.chart.axis.TickType.MAJOR,
                v, Numbers.format(v), org.jfree.chart.ui.TextAnchor.CENTER_RIGHT,
                org.jfree.chart.ui.TextAnchor.CENTER, 0));
          }
        }
      }
      return ticks.size() >= 2 ? ticks : super.refreshTicksVertical(g, area, edge);
    }
  }

  /** A run's curve: round ends, in its dash pattern. */
  static BasicStroke stroke(LineStyle style, double width) {
    float[] dashes = style.dashes(width, true);
    return dashes == null
        ? new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
        : new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10,
            dashes, 0);
  }
}
