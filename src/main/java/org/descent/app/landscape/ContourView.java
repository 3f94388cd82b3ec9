package org.descent.app.landscape;

import org.descent.app.model.LandscapeOptions;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Subscription;
import org.descent.app.Appearance;
import org.descent.app.Theme;
import org.descent.app.model.Background;
import org.descent.app.model.LabModel;
import org.descent.app.model.LatestOnly;
import org.descent.app.model.RaceResult;
import org.descent.function.FormulaObjective;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.picture.ChartInput;
import org.descent.picture.MapField;
import org.descent.picture.MapGeometry;
import org.descent.picture.MapScene;

/**
 * The contour map on a canvas: the picture is painted by {@link org.descent.picture.MapPainter}
 * (the same code that exports it) with Java2D on a worker ({@link MapFrameRenderer}) and shown
 * as one image, only when something changed;
 * the filled contours are computed in the background for the current view and size. Drag the
 * start marker to move the start, drag elsewhere to pan, scroll to zoom, double-click to start
 * there; hover for the readout.
 */
public final class ContourView extends CanvasView {

  private final LabModel model;
  private final Appearance appearance;
  private final LandscapeOptions options;
  private final LatestOnly<MapField> fields;
  // Frames are painted on a worker (MapFrameRenderer); a change asks for one as soon as the
  // JavaFX thread is done with the event that made it, not at the next pulse.
  private final MapFrameRenderer renderer = new MapFrameRenderer();
  private final LatestOnly<Painted> frames;
  private boolean frameAsked;
  private boolean disposed;
  // Two images in turn: the canvas may not have rendered the last one yet.
  private final WritableImage[] shown = new WritableImage[2];
  private int shownIndex;
  private List<String> marks = List.of();
  private MapField field;
  private MapGeometry geometry;
  private boolean fieldRequested;
  private double hoverX = Double.NaN;
  private double hoverY = Double.NaN;
  private DragMode drag = DragMode.NONE;
  private double dragX;
  private double dragY;
  private ViewBox dragView;
  private RaceResult drawnRace = RaceResult.EMPTY;
  private long lastDrawEnd;
  private long lastDrawNanos;
  private final org.descent.app.model.MapOverlays overlays;
  private MapScene drawnScene;
  private javafx.scene.Node progress;
  private final Subscription subscriptions;

  private enum DragMode {
    NONE, START, PAN
  }

  public ContourView(LabModel model, Appearance appearance, LandscapeOptions options,
      org.descent.app.model.MapOverlays overlays, Background background,
      Background frameBackground) {
    this.model = model;
    this.overlays = overlays;
    this.appearance = appearance;
    this.options = options;
    getStyleClass().add("landscape-view");
    setId("contour-view");
    setMinSize(200, 200);
    setPrefSize(800, 700);
    fields = new LatestOnly<>(background, this::showField, e -> { });
    frames = new LatestOnly<>(frameBackground, this::showFrame, e -> { });

    // Subscriptions, released by dispose(): the model and the options outlive a projector's map.
    List<Subscription> watched = new java.util.ArrayList<>();
    for (javafx.beans.Observable p : List.of(model.landscapeProperty(), model.viewProperty(),
        appearance.themeProperty(), appearance.presentationProperty(),
        appearance.presentationFontProperty(), options.convexityProperty(),
        overlays.basinsProperty())) {
      watched.add(p.subscribe(this::requestField));
    }
    for (javafx.beans.Observable p : List.of(model.startProperty(),
        options.gradientFieldProperty(), options.gradientArrowProperty(),
        options.curvatureAxesProperty(), options.symbolLegendProperty(),
        options.trailProperty(), model.trailProperty(), options.localModelProperty(),
        model.chosenProperty(), overlays.stepProperty(), model.revealProperty())) {
      watched.add(p.subscribe(this::markChanged));
    }
    watched.add(onPathsChanged(model, this::markChanged));
    // New paths (a slider's new race) are painted at once, not after the JavaFX thread's
    // queue: the race arrives on an event of its own, with the step already set.
    watched.add(model.raceProperty().subscribe(() -> {
      changes++;
      if (!disposed) {
        draw();
      }
    }));
    subscriptions = Subscription.combine(watched.toArray(Subscription[]::new));

    canvas.setOnMouseMoved(this::hover);
    canvas.setOnMouseExited(e -> {
      hoverX = Double.NaN;
      markChanged();
    });
    canvas.setOnMousePressed(this::press);
    canvas.setOnMouseDragged(this::dragged);
    canvas.setOnMouseReleased(e -> {
      drag = DragMode.NONE;
      canvas.setCursor(javafx.scene.Cursor.DEFAULT);
    });
    canvas.setOnScroll(this::zoom);
    canvas.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2 && e.getButton() == MouseButton.PRIMARY) {
        MapGeometry a = area();
        if (a != null && a.containsScreen(e.getX(), e.getY())
            && !options.startLockedProperty().get()) {
          model.startProperty().set(new Vec2(a.toWorldX(e.getX()), a.toWorldY(e.getY())));
        }
      }
    });

  }

  /** The scene last drawn, or null (for tests: what the map showed of each run). */
  public MapScene drawnScene() {
    return drawnScene;
  }

  /**
   * Stops redrawing and watching (the window is closing: a running timer, or a listener on the
   * model, would keep the view alive).
   */
  public void dispose() {
    disposed = true;
    subscriptions.unsubscribe();
  }

  /**
   * Something the map shows has changed: one frame is asked for once the JavaFX thread has
   * handled the event (a slider change sets the race, the step and the start together), however
   * many changes came in it.
   */
  private void markChanged() {
    changes++;
    if (!frameAsked && !disposed) {
      frameAsked = true;
      javafx.application.Platform.runLater(() -> {
        frameAsked = false;
        // Nothing to do when a frame was asked for since (a new field or race, drawn at once).
        if (!disposed && changes != drawnChanges) {
          draw();
        }
      });
    }
  }

  // Changes seen, and those the last frame asked for included.
  private long changes;
  private long drawnChanges;

  /**
   * Shows the progress of the basins' computation (and its Cancel) in the map's upper right
   * corner; the map itself comes through {@link org.descent.app.model.MapOverlays}.
   */
  public void showProgress(javafx.scene.Node progressNode) {
    progress = progressNode;
    getChildren().add(progressNode);
  }

  private void publishShownView() {
    ViewBox v = area() == null ? null : area().view();
    if (!java.util.Objects.equals(v, overlays.shownViewProperty().get())) {
      overlays.shownViewProperty().set(v);
    }
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    if (progress != null && progress.isManaged()) {
      double w = Math.min(progress.prefWidth(-1), getWidth() - 12);
      double h = progress.prefHeight(w);
      MapGeometry a = area();
      double top = a == null ? 6 : a.top() + 6;
      double right = a == null ? getWidth() - 6 : a.right() - 6;
      progress.resizeRelocate(Math.max(6, right - w), top, w, h);
    }
  }

  @Override
  protected void resized() {
    requestField();
  }

  // ---- geometry

  /** The plot's geometry as last drawn (or as it would be drawn now), or null before layout. */
  MapGeometry area() {
    if (geometry != null) {
      return geometry;
    }
    return MapGeometry.layout(model.viewProperty().get(), canvas.getWidth(), canvas.getHeight(),
        appearance.look());
  }

  /** What the map's divergence and edge marks say ("… left the view at step 11"), for tests. */
  public List<String> markTexts() {
    return marks;
  }

  /**
   * The hover readout as the frames draw it, measured with Java2D as they are (for tests), or
   * null when the mouse is not over the plot.
   */
  public org.descent.picture.ProbeReadout readout() {
    if (Double.isNaN(hoverX)) {
      return null;
    }
    java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1,
        java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE).createGraphics();
    try {
      return org.descent.picture.ProbeReadout.at(g, area(), appearance.look(),
          model.landscape(), hoverX, hoverY);
    } finally {
      g.dispose();
    }
  }

  /** The plot's bounds in the canvas's pixels {left, top, width, height}, for tests. */
  public double[] plotBounds() {
    MapGeometry a = area();
    return a == null ? null : new double[] {a.left(), a.top(), a.width(), a.height()};
  }

  /** The part of the plane the map shows: the model's view widened to the plot's shape. */
  public ViewBox shownView() {
    MapGeometry a = area();
    return a == null ? model.viewProperty().get() : a.view();
  }

  /** Screen position of a world point, for tests: {x, y}, or null before layout. */
  public double[] toScreen(double x, double y) {
    MapGeometry a = area();
    return a == null ? null : new double[] {a.toScreenX(x), a.toScreenY(y)};
  }


  // ---- background field

  private void requestField() {
    markChanged();
    geometry = null; // the plot may have moved: mouse mapping follows the next drawing
    Landscape l = model.landscape();
    MapGeometry a = MapGeometry.layout(model.viewProperty().get(), canvas.getWidth(),
        canvas.getHeight(), appearance.look());
    if (a == null || l == null) {
      return;
    }
    ViewBox view = a.view();
    int w = (int) Math.round(a.width());
    int h = (int) Math.round(a.height());
    float line = (float) (appearance.presentation() ? 1.8 : 1.0);
    boolean darkLines = appearance.theme() == Theme.HIGH_CONTRAST;
    boolean convexity = options.convexityProperty().get();
    org.descent.analysis.BasinMap basinMap = overlays.basinsProperty().get();
    fieldRequested = true;
    if (field == null || field.landscape() != l) {
      // A new function: a coarse map in a blink, refined right after.
      int cw = Math.max(2, w / 4);
      int ch = Math.max(2, h / 4);
      fields.request(() -> {
        FormulaObjective f = l.formula().objective();
        return MapField.compute(f, view, cw, ch, line, darkLines,
            MapField.logarithmicFor(f, l.view()), l);
      });
    }
    fields.request(() -> {
      FormulaObjective f = l.formula().objective();
      // The landscape's own kind of levels (logarithmic for Rosenbrock), kept on zoom.
      boolean log = MapField.logarithmicFor(f, l.view());
      return MapField.compute(f, view, w, h, line, darkLines, log, l, convexity, basinMap);
    });
  }

  private void showField(MapField f) {
    field = f;
    // Painted now, not after the JavaFX thread's queue: a new field arrives on its own event,
    // and behind the cards a demo is building that queue can hold it for a quarter second.
    if (!disposed) {
      draw();
    }
  }

  /** The basin map the field on screen shows, or null (for tests). */
  public org.descent.analysis.BasinMap shownBasins() {
    return field == null ? null : field.basins();
  }

  /** Whether the frame on the canvas shows the current landscape's field (start-up timing). */
  public boolean showsField() {
    return drawnScene != null && drawnScene.field() != null
        && drawnScene.field().landscape() == model.landscape();
  }

  /** Whether a background field for the current landscape has been drawn (for tests). */
  public boolean hasField() {
    return field != null && field.landscape() == model.landscape();
  }

  // ---- interaction

  private void hover(MouseEvent e) {
    hoverX = e.getX();
    hoverY = e.getY();
    Vec2 s = model.startProperty().get();
    MapGeometry a = area();
    if (a != null && s != null && near(a, s, e.getX(), e.getY())) {
      canvas.setCursor(javafx.scene.Cursor.OPEN_HAND);
    } else {
      canvas.setCursor(javafx.scene.Cursor.CROSSHAIR);
    }
    markChanged();
  }

  private boolean near(MapGeometry a, Vec2 p, double sx, double sy) {
    return Math.hypot(a.toScreenX(p.x()) - sx, a.toScreenY(p.y()) - sy)
        <= 14 * appearance.scale();
  }

  private void press(MouseEvent e) {
    MapGeometry a = area();
    if (a == null || e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    Vec2 s = model.startProperty().get();
    if (s != null && near(a, s, e.getX(), e.getY()) && !options.startLockedProperty().get()) {
      drag = DragMode.START;
      model.playingProperty().set(false);
      canvas.setCursor(javafx.scene.Cursor.CLOSED_HAND);
    } else if (!options.viewLockedProperty().get()) {
      drag = DragMode.PAN;
      dragX = e.getX();
      dragY = e.getY();
      dragView = model.viewProperty().get();
      canvas.setCursor(javafx.scene.Cursor.MOVE);
    }
  }

  private void dragged(MouseEvent e) {
    MapGeometry a = area();
    if (a == null) {
      return;
    }
    hoverX = e.getX();
    hoverY = e.getY();
    if (drag == DragMode.START) {
      double sx = Math.max(a.left(), Math.min(a.right(), e.getX()));
      double sy = Math.max(a.top(), Math.min(a.bottom(), e.getY()));
      model.startProperty().set(new Vec2(a.toWorldX(sx), a.toWorldY(sy)));
    } else if (drag == DragMode.PAN && dragView != null) {
      double dx = (e.getX() - dragX) * a.xPerPixel();
      double dy = (e.getY() - dragY) * a.yPerPixel();
      model.viewProperty().set(dragView.shifted(-dx, dy));
    }
    markChanged();
  }

  private void zoom(ScrollEvent e) {
    MapGeometry a = area();
    ViewBox v = model.viewProperty().get();
    if (a == null || v == null || e.getDeltaY() == 0 || options.viewLockedProperty().get()) {
      return;
    }
    double factor = Math.pow(1.0015, -e.getDeltaY());
    double cx = a.toWorldX(e.getX());
    double cy = a.toWorldY(e.getY());
    ViewBox next = v.scaled(factor, cx, cy);
    if (next.width() > 1e-9 && next.width() < 1e9 && next.height() > 1e-9
        && next.height() < 1e9) {
      model.viewProperty().set(next);
    }
  }

  // ---- drawing

  private void draw() {
    drawnChanges = changes;
    long t0 = System.nanoTime();
    RaceResult race = model.race();
    // In reveal mode each path ends at the playback's step: nothing of the future is drawn.
    List<ChartInput> runs = model.shownTraces().stream().map(s -> new ChartInput(
        s.entry().spec().label(), Theme.argb(s.entry().color()), model.revealed(s.trace()),
        s.entry().lineStyle())).toList();
    boolean hovering = !Double.isNaN(hoverX);
    MapScene scene = new MapScene(model.landscape(), model.viewProperty().get(), field, runs,
        model.currentStepProperty().get(),
        options.trailProperty().get() ? Math.max(0, model.trailProperty().get()) : 0,
        model.startProperty().get(),
        options.gradientFieldProperty().get(), options.symbolLegendProperty().get(),
        hovering ? new MapScene.Probe(hoverX, hoverY, options.gradientArrowProperty().get(),
            options.curvatureAxesProperty().get()) : null,
        inspection(runs.size()));
    org.descent.picture.Look look = appearance.look();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    double scale = outputScale();
    frames.request(() -> new Painted(renderer.paint(scene, look, w, h, scale), race, t0));
    if (!fieldRequested && field == null) {
      requestField();
    }
  }

  /** A frame with the race it shows and when it was asked for. */
  private record Painted(MapFrameRenderer.Frame frame, RaceResult race, long asked) {}

  /** The screen's pixels per unit where the map is shown (2 on a high-density display). */
  private double outputScale() {
    var window = getScene() == null ? null : getScene().getWindow();
    double s = window == null ? 1 : window.getOutputScaleX();
    return s > 0 && s <= 4 ? s : 1;
  }

  /** A painted frame onto the canvas, if it still fits it. */
  private void showFrame(Painted painted) {
    MapFrameRenderer.Frame f = painted.frame();
    if (disposed || f.width() != canvas.getWidth() || f.height() != canvas.getHeight()) {
      return;
    }
    shownIndex = 1 - shownIndex;
    shown[shownIndex] = org.descent.app.Images.intoPremultiplied(shown[shownIndex], f.argb(),
        f.pixelWidth(), f.pixelHeight());
    GraphicsContext gc = canvas.getGraphicsContext2D();
    gc.clearRect(0, 0, f.width(), f.height());
    gc.setImageSmoothing(f.pixelWidth() != (int) f.width());
    gc.drawImage(shown[shownIndex], 0, 0, f.width(), f.height());
    drawnScene = f.scene();
    geometry = f.geometry();
    marks = f.marks();
    // What was drawn is what the basins must cover: the map's size as well as the view.
    publishShownView();
    drawnRace = painted.race();
    lastDrawEnd = System.nanoTime();
    lastDrawNanos = lastDrawEnd - painted.asked();
  }

  /** What the map draws at the chosen card's iterate: the local model, the opened step. */
  private MapScene.Inspection inspection(int runs) {
    boolean local = options.localModelProperty().get() && runs > 0;
    MapScene.Inspection step = overlays.stepProperty().get();
    boolean stepHere = step != null && step.step() != null && step.run() == model.inspectedIndex()
        && step.step().step() == model.currentStepProperty().get();
    if (stepHere) {
      return new MapScene.Inspection(step.run(), local, step.step(), step.inverseHessian());
    }
    return local ? new MapScene.Inspection(model.inspectedIndex(), true) : null;
  }

  /** The race the last frame showed (for measurements and tests). */
  public RaceResult drawnRace() {
    return drawnRace;
  }

  /**
   * System.nanoTime() when the last frame was put on the canvas, and how long it took from
   * asking for it (painting on the worker included).
   */
  public long[] lastDraw() {
    return new long[] {lastDrawEnd, lastDrawNanos};
  }
}
