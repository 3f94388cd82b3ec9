package org.descent.app.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.descent.app.Appearance;
import org.descent.app.Theme;
import org.descent.app.model.LabModel;
import org.descent.app.model.OptimizerEntry;
import org.descent.app.model.RaceResult;
import org.descent.function.Landscape;
import org.descent.trace.Trace;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The loss gap f − f* (log scale) and the distance to the nearest minimum against the step, for
 * every visible optimizer in its colour, with a cursor at the current step. Datasets are
 * rebuilt only when the traces change; the cursor moves at most every 50 ms so the charts do
 * not cost the animation its frame rate.
 */
public final class RaceCharts extends HBox {

  /** Values at or below this are drawn at this floor of the log axis. */
  static final double FLOOR = 1e-16;
  /** Points per series: a chart is a few hundred pixels wide, more only costs drawing time. */
  private static final int MAX_POINTS = 400;

  private final LabModel model;
  private final Appearance appearance;
  private final Chart loss;
  private final Chart distance;
  private final PauseTransition dataThrottle = new PauseTransition(Duration.millis(120));
  private boolean dataPending;

  public RaceCharts(LabModel model, Appearance appearance) {
    super(8);
    this.model = model;
    this.appearance = appearance;
    getStyleClass().add("race-charts");
    loss = new Chart("loss gap f − f*", true);
    distance = new Chart("distance to minimum", false);
    loss.viewer.setId("loss-chart");
    distance.viewer.setId("distance-chart");
    for (Chart c : List.of(loss, distance)) {
      HBox.setHgrow(c.pane, Priority.ALWAYS);
      c.viewer.setMinSize(200, 120);
      c.viewer.setPrefSize(500, 220);
      getChildren().add(c.pane);
    }
    model.raceProperty().addListener((o, was, now) -> refreshSoon());
    model.optimizers().addListener((javafx.collections.ListChangeListener<OptimizerEntry>) c -> {
      while (c.next()) {
        if (c.wasAdded() || c.wasRemoved()) {
          refreshSoon(); // a changed hyperparameter shows up with its new race instead
          return;
        }
      }
    });
    model.currentStepProperty().addListener((o, was, now) -> moveCursor());
    appearance.themeProperty().addListener((o, was, now) -> restyle());
    appearance.presentationProperty().addListener((o, was, now) -> restyle());
    dataThrottle.setOnFinished(e -> {
      if (dataPending) {
        dataPending = false;
        refreshData();
        dataThrottle.playFromStart();
      }
    });
    restyle();
    refreshData();
  }

  /**
   * Redraws the curves now, or at the end of the current cool-down: JFreeChart draws on the
   * JavaFX thread, so while a slider is dragged the charts follow at about 8 frames per second
   * and the landscape keeps every frame.
   */
  private void refreshSoon() {
    if (dataThrottle.getStatus() == javafx.animation.Animation.Status.RUNNING) {
      dataPending = true;
      return;
    }
    refreshData();
    dataThrottle.playFromStart();
  }

  /** Series names, in order, for tests: label plus "diverged at step k" where it applies. */
  public List<String> lossSeriesNames() {
    @SuppressWarnings("unchecked")
    List<XYSeries> all = loss.data.getSeries();
    return all.stream().map(s -> s.getKey().toString()).toList();
  }

  public double cursorStep() {
    return loss.cursorStep;
  }

  private void refreshData() {
    RaceResult race = model.race();
    Landscape l = race.landscape();
    // With a known minimum: the gap f − f* on a log scale. Without one (a saddle, a user's
    // formula): f itself on a linear scale, since it may be negative.
    double best = l == null ? Double.NaN : l.bestMinimumValue();
    boolean hasGap = !Double.isNaN(best);
    boolean hasMinimum = l != null && !l.minima().isEmpty();
    // One redraw per chart at the end, not one per series, colour and label change.
    loss.chart.setNotify(false);
    distance.chart.setNotify(false);
    loss.data.setNotify(false);
    distance.data.setNotify(false);
    loss.data.removeAllSeries();
    distance.data.removeAllSeries();
    int index = 0;
    for (RaceResult.Shown shown : model.shownTraces()) {
      OptimizerEntry e = shown.entry();
      Trace t = shown.trace();
      String name = e.spec().label() + (t.diverged()
          ? " — diverged at step " + t.divergedAt().getAsInt() : "");
      XYSeries ls = new XYSeries(name, false, true);
      XYSeries ds = new XYSeries(name, false, true);
      int stride = Math.max(1, t.length() / MAX_POINTS);
      for (int k = 0; k < t.length(); k += stride) {
        ls.add(k, hasGap ? Math.max(FLOOR, t.loss(k) - best) : t.loss(k), false);
        double d = l == null ? Double.NaN : hasMinimum ? l.distanceToNearestMinimum(t.x(k),
            t.y(k)) : l.distanceToNearestCriticalPoint(t.x(k), t.y(k));
        ds.add(k, Double.isNaN(d) ? null : Math.max(FLOOR, d), false);
      }
      loss.data.addSeries(ls);
      distance.data.addSeries(ds);
      java.awt.Color awt = awt(e.color());
      for (Chart c : List.of(loss, distance)) {
        c.renderer.setSeriesPaint(index, awt, false);
        c.renderer.setSeriesStroke(index, new BasicStroke((float) (2 * appearance.scale())),
            false);
      }
      index++;
    }
    loss.useLogScale(hasGap, hasGap ? "f − f*  (f* = "
        + org.descent.app.race.Format.number(best) + ")" : "f");
    distance.useLogScale(true, hasMinimum ? "distance to minimum"
        : "distance to critical point");
    loss.data.setNotify(true);
    distance.data.setNotify(true);
    loss.chart.setNotify(true);
    distance.chart.setNotify(true);
    moveCursor();
  }

  private void moveCursor() {
    int k = model.currentStepProperty().get();
    loss.moveCursor(k);
    distance.moveCursor(k);
  }

  private void restyle() {
    Theme theme = appearance.theme();
    float base = appearance.presentation() ? 20f : 12f;
    for (Chart c : List.of(loss, distance)) {
      c.chart.setNotify(false);
      c.style(theme, base, appearance.scale());
    }
    refreshData();
  }

  static java.awt.Color awt(javafx.scene.paint.Color c) {
    return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
        (float) c.getOpacity());
  }

  /** One chart: a dataset, a log or linear range axis, and the step cursor. */
  private static final class Chart {
    final XYSeriesCollection data = new XYSeriesCollection();
    final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    final JFreeChart chart;
    final XYPlot plot;
    final ChartViewer viewer;
    final String title;
    /** The step cursor is a JavaFX line over the chart: moving it costs no chart redraw. */
    final javafx.scene.shape.Line cursor = new javafx.scene.shape.Line();
    final javafx.scene.layout.StackPane pane;
    final LogAxis range;
    final NumberAxis linear = new NumberAxis();
    double cursorStep;

    Chart(String title, boolean legend) {
      this.title = title;
      NumberAxis steps = new NumberAxis("step");
      range = new LogAxis(title);
      range.setSmallestValue(FLOOR);
      // Whole powers of ten only: students read 10^-3, not 10^-0.4.
      org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
      for (double u : new double[] {1, 2, 3, 4, 5, 10}) {
        units.add(new org.jfree.chart.axis.NumberTickUnit(u));
      }
      range.setStandardTickUnits(units);
      range.setAutoRangeMinimumSize(1e-3);
      plot = new XYPlot(data, steps, range, renderer);
      chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
      if (legend) {
        LegendTitle l = chart.getLegend();
        l.setPosition(RectangleEdge.TOP);
        l.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 4, 2, 16));
      }
      viewer = new ChartViewer(chart);
      javafx.scene.layout.Pane overlay = new javafx.scene.layout.Pane(cursor);
      overlay.setMouseTransparent(true);
      cursor.setManaged(false);
      cursor.getStrokeDashArray().setAll(6.0, 4.0);
      pane = new javafx.scene.layout.StackPane(viewer, overlay);
      // The data area is known after each chart drawing: put the cursor back in place then.
      chart.addProgressListener(e -> {
        if (e.getType() == org.jfree.chart.event.ChartProgressEvent.DRAWING_FINISHED) {
          javafx.application.Platform.runLater(() -> moveCursor(cursorStep));
        }
      });
    }

    void moveCursor(double step) {
      cursorStep = step;
      var info = viewer.getCanvas().getRenderingInfo();
      if (info == null || info.getPlotInfo() == null) {
        cursor.setVisible(false);
        return;
      }
      java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
      double x = plot.getDomainAxis().valueToJava2D(step, area, plot.getDomainAxisEdge());
      boolean inside = x >= area.getMinX() - 0.5 && x <= area.getMaxX() + 0.5;
      cursor.setVisible(inside && area.getHeight() > 0);
      cursor.setStartX(x);
      cursor.setEndX(x);
      cursor.setStartY(area.getMinY());
      cursor.setEndY(area.getMaxY());
    }

    void useLogScale(boolean log, String label) {
      var axis = log ? range : linear;
      if (plot.getRangeAxis() != axis) {
        plot.setRangeAxis(0, axis, false);
      }
      axis.setLabel(label);
    }

    void style(Theme theme, float fontSize, double scale) {
      java.awt.Color bg = awt(theme.background());
      java.awt.Color plotBg = awt(theme.plotBackground());
      java.awt.Color fg = awt(theme.foreground());
      java.awt.Color grid = awt(theme.axis().deriveColor(0, 1, 1, 0.35));
      chart.setBackgroundPaint(bg);
      plot.setBackgroundPaint(plotBg);
      plot.setDomainGridlinePaint(grid);
      plot.setRangeGridlinePaint(grid);
      plot.setOutlinePaint(grid);
      Font label = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(fontSize));
      Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(fontSize * 0.9f));
      linear.setAutoRangeIncludesZero(false);
      for (var axis : List.of(plot.getDomainAxis(), range, linear)) {
        axis.setLabelPaint(fg);
        axis.setTickLabelPaint(fg);
        axis.setAxisLinePaint(fg);
        axis.setTickMarkPaint(fg);
        axis.setLabelFont(label);
        axis.setTickLabelFont(tick);
      }
      cursor.setStroke(theme.foreground());
      cursor.setStrokeWidth(1.5 * scale);
      if (chart.getLegend() != null) {
        chart.getLegend().setBackgroundPaint(bg);
        chart.getLegend().setItemPaint(fg);
        chart.getLegend().setItemFont(label);
      }
    }
  }
}
