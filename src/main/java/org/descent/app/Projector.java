package org.descent.app;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Subscription;
import org.descent.app.charts.RaceCharts;
import org.descent.app.landscape.BesideView;
import org.descent.app.landscape.ContourView;
import org.descent.app.landscape.SurfaceView;
import org.descent.app.model.AppThreads;
import org.descent.app.model.LabModel;
import org.descent.app.model.LandscapeOptions;
import org.descent.app.model.MapOverlays;

/**
 * The presenter view's projector window: what the students see, and nothing else — the demo's
 * title and the step, the contour map, the surface (or the function beside) and the charts, in
 * presentation fonts, with no panel, no menus and no notes. Its views are a second set over
 * the main window's model (never a copy), so every control on the laptop changes it at once;
 * its keys go to the main window's (Space, the arrows, Page Down and Up, B), and Escape, or
 * closing it, ends the presenter view. {@link #close} releases everything it holds on the
 * model, which outlives it.
 */
final class Projector {

  private final Stage stage = new Stage();
  private final Appearance appearance = new Appearance();
  private final ContourView contour;
  private final SurfaceView surface;
  private final BesideView beside;
  private final RaceCharts charts;
  private final MapOverlays overlays = new MapOverlays();
  private final Blackout blackout = new Blackout();
  private final Blackout laptopBlackout;
  private final Appearance laptop;
  private final Picture screen;
  private final Subscription subscriptions;
  private boolean closed;

  /**
   * @param laptopOverlays what the main window's map draws over the paths (the basins, the
   *     opened step), drawn here too
   * @param keys where a key pressed here goes (the main window's key router)
   * @param ended called once when the window is closed, by Escape, by its close button or by
   *     {@link #close}
   */
  Projector(Window owner, LabModel model, Appearance laptop, LandscapeOptions options,
      MapOverlays laptopOverlays, AppThreads threads, Blackout laptopBlackout,
      Consumer<KeyEvent> keys, Runnable ended) {
    this.laptop = laptop;
    this.laptopBlackout = laptopBlackout;
    // Large fonts and thick lines whatever the laptop shows; the laptop's theme.
    appearance.presentationProperty().set(true);
    appearance.themeProperty().bind(laptop.themeProperty());
    overlays.basinsProperty().bind(laptopOverlays.basinsProperty());
    overlays.stepProperty().bind(laptopOverlays.stepProperty());
    contour = new ContourView(model, appearance, options, overlays, threads.render(),
        threads.map());
    surface = new SurfaceView(model, appearance, options, threads.render());
    org.descent.app.landscape.SpokenLandscape.describe(contour, "Contour map", model);
    org.descent.app.landscape.SpokenLandscape.describe(surface, "Surface", model);
    surface.showHint(false);
    beside = new BesideView(model, appearance, threads);
    charts = new RaceCharts(model, appearance, threads.render());
    charts.setStacked(false);
    Label title = new Label();
    title.setId("projector-title");
    title.getStyleClass().add("projector-title");
    title.setMinWidth(0);
    Label step = new Label();
    step.setId("projector-step");
    step.getStyleClass().add("projector-step");
    step.setMinWidth(Region.USE_PREF_SIZE);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox top = new HBox(16, title, gap, step);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(6, 16, 4, 16));
    screen = new Picture(top, contour, surface, charts);
    screen.getStyleClass().add("descent-root");
    screen.setId("projector");
    // A second blackout, shown and ended with the laptop's: B blacks out what students see.
    blackout.visibleProperty().bindBidirectional(laptopBlackout.visibleProperty());
    laptopBlackout.setPresenter(true);
    StackPane layers = new StackPane(screen, blackout);
    Scene scene = new Scene(layers, 960, 540);
    stage.setScene(scene);
    stage.initOwner(owner);
    stage.setTitle("Descent — projector");
    subscriptions = Subscription.combine(
        model.titleProperty().subscribe(t -> title.setText(t)),
        model.currentStepProperty().subscribe(k -> showStep(step, model)),
        model.stepsProperty().subscribe(n -> showStep(step, model)),
        model.extrasProperty().subscribe(x -> screen.setSecond(beside.wanted() ? beside
            : surface)),
        appearance.themeProperty().subscribe(t -> style(scene)),
        scene.heightProperty().subscribe(h -> fitFont(scene)));
    scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      // Escape ends the presenter view, except on the black screen, where any key only
      // brings the picture back (as in the main window).
      if (e.getCode() == KeyCode.ESCAPE && !blackout.isVisible()) {
        e.consume();
        close();
        return;
      }
      keys.accept(e);
    });
    stage.setOnHidden(e -> {
      dispose();
      ended.run();
    });
  }

  private static void showStep(Label step, LabModel model) {
    step.setText("step " + model.currentStepProperty().get() + " / "
        + model.stepsProperty().get());
  }

  /**
   * Shows the window where {@code p} says: on a screen of its own, undecorated and sized to
   * the whole screen; or as a preview. Not JavaFX's full screen: JavaFX 21 keeps the last
   * window that was full screen in a static field (GlassStage.activeFSWindow, found in a heap
   * dump), so every projector closed would stay reachable with its views until the next one;
   * a window without decorations that covers the screen looks the same to the students.
   */
  void show(ProjectorPlacement p) {
    var b = p.bounds();
    if (p.fullScreen()) {
      stage.initStyle(StageStyle.UNDECORATED);
    }
    stage.setX(b.getMinX());
    stage.setY(b.getMinY());
    stage.setWidth(b.getWidth());
    stage.setHeight(b.getHeight());
    stage.show();
  }

  /** Closes the window; the presenter view ends. */
  void close() {
    if (stage.isShowing()) {
      stage.close(); // onHidden disposes
    } else {
      dispose();
    }
  }

  private void dispose() {
    if (closed) {
      return;
    }
    closed = true;
    subscriptions.unsubscribe();
    contour.dispose();
    surface.dispose();
    beside.dispose();
    charts.dispose();
    appearance.themeProperty().unbind();
    overlays.basinsProperty().unbind();
    overlays.stepProperty().unbind();
    blackout.visibleProperty().unbindBidirectional(laptopBlackout.visibleProperty());
    laptopBlackout.setPresenter(false);
    // A black screen ends with the projector: the laptop never stays black.
    laptopBlackout.setVisible(false);
  }

  Stage stage() {
    return stage;
  }

  ContourView contour() {
    return contour;
  }

  RaceCharts charts() {
    return charts;
  }

  SurfaceView surface() {
    return surface;
  }

  /** The stylesheets of the main window, always in presentation mode. */
  private void style(Scene scene) {
    scene.getStylesheets().setAll(Theme.LIGHT.stylesheetUrl().replace("light.css", "base.css"),
        appearance.theme().stylesheetUrl());
    Node root = scene.getRoot();
    if (!root.getStyleClass().contains("presentation")) {
      root.getStyleClass().add("presentation");
    }
    root.setStyle("-fx-font-size: " + appearance.fontSize() + "px;");
  }

  /** 21 px on a projector's 1080 lines, 18 below, as the main window's presentation mode. */
  private void fitFont(Scene scene) {
    double size = scene.getHeight() >= 1000 ? 21 : 18;
    if (appearance.presentationFontProperty().get() != size) {
      appearance.presentationFontProperty().set(size);
    }
    style(scene);
  }

  /**
   * The projector's layout: the title and the step on one line; under it the contour map on
   * the left, taking the larger share, and the surface (or the function beside) above the
   * charts on the right.
   */
  static final class Picture extends Region {

    /** The map's share of the width. */
    static final double MAP_SHARE = 0.58;
    private final Region top;
    private final Region contour;
    private Region second;
    private final Region charts;

    Picture(Region top, Region contour, Region second, Region charts) {
      this.top = top;
      this.contour = contour;
      this.second = second;
      this.charts = charts;
      getChildren().addAll(top, contour, second, charts);
    }

    void setSecond(Region n) {
      if (n != second) {
        getChildren().set(getChildren().indexOf(second), n);
        second = n;
      }
    }

    @Override
    protected void layoutChildren() {
      double w = getWidth();
      double h = getHeight();
      double t = Math.min(h / 4, top.prefHeight(w));
      top.resizeRelocate(0, 0, w, t);
      double body = Math.max(0, h - t);
      double mapWidth = Math.floor(w * MAP_SHARE);
      contour.resizeRelocate(0, t, mapWidth, body);
      double right = w - mapWidth;
      double surfaceHeight = Math.floor(body * 0.55);
      second.resizeRelocate(mapWidth, t, right, surfaceHeight);
      charts.resizeRelocate(mapWidth, t + surfaceHeight, right, body - surfaceHeight);
    }
  }
}
