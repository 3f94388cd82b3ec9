package org.descent.app.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.Subscription;
import org.descent.app.Appearance;
import org.descent.app.Images;
import org.descent.app.Theme;
import org.descent.app.model.Background;
import org.descent.app.model.LabModel;
import org.descent.app.model.LatestOnly;
import org.descent.app.model.RaceResult;
import org.descent.function.Landscape;
import org.descent.function.ViewBox;
import org.descent.picture.ChartInput;
import org.descent.picture.Look;
import org.descent.picture.RaceChart;
import org.descent.picture.RaceChartData;
import org.descent.picture.RaceLegend;
import org.jfree.chart.ChartRenderingInfo;

/**
 * The loss and the distance to the nearest minimum against the step, for every shown run in
 * its colour, with a cursor at the current step. The charts are drawn on a worker thread into
 * images (by the same code that exports them), so a slider drag costs the JavaFX thread only
 * the copy of two images, at most once per frame; the cursor is a line over the image and
 * moves without a redraw.
 */
public final class RaceCharts extends VBox {

  private final LabModel model;
  private final Appearance appearance;
  private final ChartPane loss = new ChartPane("loss-chart");
  private final ChartPane distance = new ChartPane("distance-chart");
  private final LatestOnly<Rendered> renders;
  // Touched only by the render task (one at a time): JFreeChart objects are not thread-safe.
  // Made by the first render task, not here: JFreeChart's first use costs the window a while.
  private RaceChart lossChart;
  private RaceChart distanceChart;
  // The legend is drawn at the charts' width: its image must never hold that width up (a
  // narrower window would otherwise be stuck at the width the legend was drawn for).
  private final org.descent.app.ImagePane legendBox =
      org.descent.app.ImagePane.asTallAsItsImage();
  private final ImageView legend = legendBox.view();
  private final HBox row = new HBox(8);
  /** The two charts one above the other, for a narrow column (presentation mode). */
  private final VBox column = new VBox(4);
  private Rendered shown;
  private final Subscription subscriptions;
  // At most 30 chart frames a second: they follow a drag smoothly and leave the map its core.
  private static final long MIN_FRAME_NANOS = 33_000_000;
  // One request per interval at most, however many changes came in between.
  private final org.descent.app.model.FrameThrottle throttle =
      new org.descent.app.model.FrameThrottle(MIN_FRAME_NANOS, this::request);

  /**
   * Two chart images, what they show (cut at the step in reveal mode), the whole run's data
   * they were cut from and what that was computed from, and where their plots lie.
   */
  private record Rendered(Image legend, Image loss, Image distance, List<String> labels,
      int steps, RaceChartData data, RaceChartData whole, Inputs inputs) {}

  /**
   * What the whole run's chart data is computed from: in reveal mode every step of the
   * playback draws the charts again, cut at the step, from the data already computed.
   */
  private record Inputs(Landscape landscape, ViewBox view, List<ChartInput> runs, int steps,
      Object chart) {}

  /** One chart as pixels, with its plot rectangle (in image pixels). */
  private record Image(int[] argb, int width, int height, Rectangle2D area) {}

  public RaceCharts(LabModel model, Appearance appearance, Background background) {
    super(2);
    this.model = model;
    this.appearance = appearance;
    getStyleClass().add("race-charts");
    legend.setId("chart-legend");
    for (ChartPane c : List.of(loss, distance)) {
      HBox.setHgrow(c, Priority.ALWAYS);
      c.setMinSize(160, 90);
      c.setPrefSize(500, 200);
      row.getChildren().add(c);
    }
    VBox.setVgrow(row, Priority.ALWAYS);
    VBox.setVgrow(column, Priority.ALWAYS);
    getChildren().addAll(legendBox, row);
    widthProperty().addListener(o -> throttle.mark());
    renders = new LatestOnly<>(background, this::show, e -> { });
    Runnable changed = throttle::mark;
    // Subscriptions, released by dispose(): the model outlives a projector's charts.
    Subscription[] cards = {watchCards(changed)};
    subscriptions = Subscription.combine(model.raceProperty().subscribe(changed),
        model.viewProperty().subscribe(changed), model.optimizers().subscribe(() -> {
          cards[0].unsubscribe();
          cards[0] = watchCards(changed);
          changed.run();
        }), () -> cards[0].unsubscribe(),
        appearance.themeProperty().subscribe(changed),
        appearance.presentationProperty().subscribe(changed),
        appearance.presentationFontProperty().subscribe(changed),
        model.currentStepProperty().subscribe(() -> {
          moveCursors();
          if (model.revealProperty().get()) {
            throttle.mark(); // the curves grow with the playback
          }
        }),
        model.revealProperty().subscribe(changed));
  }

  private Subscription watchCards(Runnable changed) {
    return Subscription.combine(model.optimizers().stream()
        .map(e -> Subscription.combine(e.colorProperty().subscribe(changed),
            e.visibleProperty().subscribe(changed)))
        .toArray(Subscription[]::new));
  }
  /**
   * Puts the two charts one above the other (in a narrow column beside the landscape) or side
   * by side (in a wide band under it).
   */
  public void setStacked(boolean stacked) {
    if (stacked == (column.getParent() == this)) {
      return;
    }
    HBox.setHgrow(loss, stacked ? Priority.NEVER : Priority.ALWAYS);
    HBox.setHgrow(distance, stacked ? Priority.NEVER : Priority.ALWAYS);
    for (ChartPane c : List.of(loss, distance)) {
      VBox.setVgrow(c, Priority.ALWAYS);
      c.setPrefSize(stacked ? 300 : 500, stacked ? 150 : 200);
    }
    // Stacked in the panel's column, the charts stand right above the cards, whose colour
    // swatches and names are their legend.
    legendBox.setVisible(!stacked);
    legendBox.setManaged(!stacked);
    if (stacked) {
      row.getChildren().clear();
      column.getChildren().setAll(loss, distance);
      getChildren().set(1, column);
    } else {
      column.getChildren().clear();
      row.getChildren().setAll(loss, distance);
      getChildren().set(1, row);
    }
    throttle.mark();
  }

  /** Stops its frame timer and lets go of the model: the window is closed. */
  public void dispose() {
    throttle.stop();
    subscriptions.unsubscribe();
  }


  private void request() {
    RaceResult race = model.race();
    Landscape landscape = race.landscape();
    ViewBox view = model.viewProperty().get();
    int lw = (int) Math.floor(loss.getWidth());
    int lh = (int) Math.floor(loss.getHeight());
    int dw = (int) Math.floor(distance.getWidth());
    int dh = (int) Math.floor(distance.getHeight());
    if (landscape == null || view == null || lw < 20 || lh < 20 || dw < 20 || dh < 20) {
      return;
    }
    List<ChartInput> runs = model.shownTraces().stream().map(s -> new ChartInput(
        s.entry().spec().label(), Theme.argb(s.entry().color()), s.trace(),
        s.entry().lineStyle())).toList();
    int steps = model.stepsProperty().get();
    Look look = appearance.look();
    int width = (int) Math.floor(getWidth());
    org.descent.scenario.Scenario extras = model.extras();
    org.descent.scenario.Scenario now = extras != null && extras.chart() != null
        ? model.toScenario() : null;
    Inputs inputs = new Inputs(landscape, view, runs, steps,
        extras == null ? null : extras.chart());
    RaceChartData known = shown != null && shown.inputs().equals(inputs) ? shown.whole() : null;
    // Reveal mode: the curves end at the playback's step; the future is not drawn.
    int cut = model.revealProperty().get() ? model.currentStepProperty().get() : -1;
    renders.request(() -> {
      RaceChartData whole = known;
      if (whole == null) {
        whole = RaceChartData.of(landscape, view, runs, steps);
        if (now != null) {
          // A rate demo's chart: f − f* against k on log-log axes, with its guides.
          whole = whole.withRateChart(now.chart(),
              org.descent.scenario.ScenarioTraces.fstar(now), runs,
              org.descent.scenario.ScenarioTraces.accelerated(now));
        }
      }
      RaceChartData data = cut >= 0 ? whole.upTo(cut) : whole;
      if (lossChart == null) {
        lossChart = new RaceChart();
        distanceChart = new RaceChart();
      }
      lossChart.style(look);
      distanceChart.style(look);
      RaceLegend key = new RaceLegend(data.loss(), look);
      Image l = drawLegend(key, Math.max(20, width));
      Image a = draw(lossChart, data.loss(), data.steps(), lw, lh);
      Image b = draw(distanceChart, data.distance(), data.steps(), dw, dh);
      return new Rendered(l, a, b, key.labels(), steps, data, whole, inputs);
    });
  }

  private static Image drawLegend(RaceLegend key, int w) {
    int[] argb = key.pixels(w);
    return new Image(argb, w, argb.length / w, null);
  }

  private static Image draw(RaceChart chart, RaceChartData.Panel panel, int steps, int w,
      int h) {
    chart.show(panel, steps, w);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      ChartRenderingInfo info = new ChartRenderingInfo();
      chart.chart().draw(g, new Rectangle2D.Double(0, 0, w, h), info);
      Rectangle2D area = info.getPlotInfo().getDataArea();
      int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
      return new Image(argb, w, h, (Rectangle2D) area.clone());
    } finally {
      g.dispose();
    }
  }

  private void show(Rendered r) {
    shown = r;
    Image l = r.legend();
    legend.setImage(Images.of(l.argb(), l.width(), l.height()));
    legendBox.requestLayout();
    loss.show(r.loss());
    distance.show(r.distance());
    moveCursors();
  }

  private void moveCursors() {
    if (shown == null) {
      return;
    }
    // At an equal budget the x axis counts evaluations: runs are at different places at a
    // step, so no one line marks it.
    int k = shown.data().loss().xLabel().equals("step") ? model.currentStepProperty().get() : -1;
    loss.moveCursor(k, shown.steps(), shown.data().loss().logX());
    distance.moveCursor(k, shown.steps(), shown.data().distance().logX());
  }

  /** Legend entries in order, for tests: label plus "— diverged at step k" where it applies. */
  public List<String> lossSeriesNames() {
    return shown == null ? List.of() : shown.labels();
  }

  /** The chart data last shown (for tests): ranges, curves. */
  public RaceChartData shownData() {
    return shown == null ? null : shown.data();
  }

  public double cursorStep() {
    return loss.cursorStep;
  }

  /** A chart image with the step cursor over it; redrawn when its size changes. */
  private final class ChartPane extends Region {
    private final ImageView view = new ImageView();
    private final Line cursor = new Line();
    private WritableImage image;
    private Rectangle2D area;
    private double cursorStep;

    ChartPane(String id) {
      setId(id);
      getStyleClass().add("chart-pane");
      cursor.getStrokeDashArray().setAll(6.0, 4.0);
      cursor.setManaged(false);
      cursor.setMouseTransparent(true);
      getChildren().addAll(view, cursor);
      widthProperty().addListener(o -> throttle.mark());
      heightProperty().addListener(o -> throttle.mark());
    }

    void show(Image img) {
      image = Images.into(image, img.argb(), img.width(), img.height());
      view.setImage(image);
      area = img.area();
      cursor.setStroke(appearance.theme().foreground());
      cursor.setStrokeWidth(1.5 * appearance.scale());
    }

    void moveCursor(double step, int steps, boolean logX) {
      cursorStep = step;
      if (area == null || steps <= 0 || step < 0 || logX && step < 1) {
        cursor.setVisible(false);
        return;
      }
      double fraction = logX ? Math.log(step) / Math.log(Math.max(2, steps)) : step / steps;
      double x = area.getMinX() + Math.min(1, fraction) * area.getWidth();
      cursor.setVisible(true);
      cursor.setStartX(x);
      cursor.setEndX(x);
      cursor.setStartY(area.getMinY());
      cursor.setEndY(area.getMaxY());
    }

    @Override
    protected void layoutChildren() {
      view.relocate(0, 0);
    }
  }
}
