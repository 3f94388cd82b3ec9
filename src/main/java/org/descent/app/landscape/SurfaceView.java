package org.descent.app.landscape;

import org.descent.app.model.LandscapeOptions;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Subscription;
import org.descent.app.Appearance;
import org.descent.app.Images;
import org.descent.app.Theme;
import org.descent.app.model.Background;
import org.descent.app.model.FrameThrottle;
import org.descent.app.model.LabModel;
import org.descent.app.model.LatestOnly;
import org.descent.app.model.OptimizerEntry;
import org.descent.app.model.RaceResult;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.render.Camera;
import org.descent.render.ColorMap;
import org.descent.render.ContourLevels;
import org.descent.render.ScalarGrid;
import org.descent.render.SurfaceMarker;
import org.descent.render.SurfaceMesh;
import org.descent.render.SurfacePath;
import org.descent.render.SurfaceRenderer;
import org.descent.trace.Trace;

/**
 * The landscape as a 3-D surface with the paths draped on it, rotated by dragging and zoomed by
 * scrolling. It is rendered in software (the pure {@code render} package) on a worker thread,
 * so it looks the same on every machine, headless export included, and the JavaFX thread only
 * copies finished frames. Head markers and the start are part of the frame, hidden where a hill
 * stands in front of them like the paths. The camera is the model's (a scenario may name one,
 * a ravine gets one that looks along it). A new function shows "computing…" until its own
 * surface is ready, never the previous function's.
 */
public final class SurfaceView extends CanvasView {

  static final int MESH = 100;
  // At most 20 frames a second: a surface frame costs a core for 10 to 20 ms, and on a
  // two-core laptop that core is what the map needs to follow a slider within a frame.
  private static final long MIN_FRAME_NANOS = 50_000_000;

  private final LabModel model;
  private final Appearance appearance;
  private final LandscapeOptions options;
  private final LatestOnly<Sampled> meshes;
  private final LatestOnly<Frame> frames;
  private final SurfaceRenderer renderer = new SurfaceRenderer();
  private SurfaceMesh mesh;
  private Frame frame;
  private WritableImage image;
  // Created before anything can mark them (the first mesh may arrive within the constructor).
  private final FrameThrottle frameRequests = new FrameThrottle(MIN_FRAME_NANOS,
      this::requestFrame);
  private final FrameThrottle overlay = new FrameThrottle(0, this::drawOverlay);
  private double dragX;
  private double dragY;
  private int framesShown;
  private boolean hint = true;
  private final Subscription subscriptions;

  /** A rendered image with the camera and size it was made for. */
  private record Frame(int[] argb, int width, int height, Camera camera, SurfaceMesh mesh,
      int step) {}

  public SurfaceView(LabModel model, Appearance appearance, LandscapeOptions options,
      Background background) {
    this.options = options;
    this.model = model;
    this.appearance = appearance;
    getStyleClass().add("landscape-view");
    setId("surface-view");
    setMinSize(200, 200);
    setPrefSize(600, 700);
    meshes = new LatestOnly<>(background, m -> {
      if (m.landscape() == model.landscape()) {
        mesh = m.mesh();
        frameRequests.mark();
      }
    }, e -> { });
    frames = new LatestOnly<>(background, this::show, e -> { });
    // Subscriptions, released by dispose(): the model and the options outlive a projector's
    // surface.
    subscriptions = Subscription.combine(model.landscapeProperty().subscribe(() -> {
      // Nothing of the previous function stays on screen.
      mesh = null;
      frame = null;
      overlay.mark();
      requestMesh();
    }), model.cameraProperty().subscribe(frameRequests::mark),
        options.trailProperty().subscribe(frameRequests::mark),
        model.trailProperty().subscribe(frameRequests::mark),
        model.viewProperty().subscribe(this::requestMesh),
        appearance.themeProperty().subscribe(frameRequests::mark),
        appearance.presentationProperty().subscribe(frameRequests::mark),
        model.startProperty().subscribe(overlay::mark),
        onPathsChanged(model, frameRequests::mark));
    canvas.setOnMousePressed(this::press);
    canvas.setOnMouseDragged(this::rotate);
    canvas.setOnScroll(this::zoom);
    canvas.setCursor(javafx.scene.Cursor.OPEN_HAND);
    canvas.setOnMouseReleased(e -> canvas.setCursor(javafx.scene.Cursor.OPEN_HAND));
    requestMesh();
  }

  /**
   * Whether the surface says how to turn it ("drag to rotate"): not on a projector, where the
   * students read it and the lecturer turns it on the laptop.
   */
  public void showHint(boolean on) {
    hint = on;
    overlay.mark();
  }

  /** Stops its frame timers and lets go of the model: the window is closed. */
  public void dispose() {
    frameRequests.stop();
    overlay.stop();
    subscriptions.unsubscribe();
  }

  @Override
  protected void resized() {
    frameRequests.mark();
  }

  public Camera camera() {
    return model.cameraProperty().get();
  }

  /** How many rendered frames have been shown (for tests). */
  public int framesShown() {
    return framesShown;
  }

  private void requestMesh() {
    Landscape l = model.landscape();
    ViewBox view = model.viewProperty().get();
    if (l == null || view == null) {
      return;
    }
    var f = l.formula().objective();
    meshes.request(() -> new Sampled(l, sample(f, l, view)));
  }

  /** A mesh and the landscape it was sampled from. */
  private record Sampled(Landscape landscape, SurfaceMesh mesh) {}

  private static SurfaceMesh sample(org.descent.function.FormulaObjective f, Landscape l,
      ViewBox view) {
    // Levels from a plain grid, heights averaged over each cell: narrow valleys stay smooth;
    // the landscape's own kind of levels, kept on zoom, as on the map.
    ScalarGrid grid = ScalarGrid.sample(f, view, MESH, MESH);
    ContourLevels levels = ContourLevels.choose(grid.min(), grid.max(),
        org.descent.picture.MapField.LEVELS,
        org.descent.picture.MapField.logarithmicFor(f, l.view()));
    return SurfaceMesh.sample(f, view, MESH, MESH, levels, ColorMap.viridis());
  }

  private void requestFrame() {
    SurfaceMesh m = mesh;
    int w = (int) canvas.getWidth();
    int h = (int) canvas.getHeight();
    if (m == null || w < 10 || h < 10) {
      return;
    }
    Camera cam = camera();
    int bg = Theme.argb(appearance.theme().plotBackground());
    List<SurfacePath> paths = paths();
    List<SurfaceMarker> markers = markers();
    int step = model.currentStepProperty().get();
    frames.request(() -> new Frame(renderer.render(m, cam, w, h, bg, paths, markers), w, h,
        cam, m, step));
  }

  /** The heads at the current step, then the start (drawn last, so always on top). */
  private List<SurfaceMarker> markers() {
    int step = model.currentStepProperty().get();
    float s = (float) appearance.scale();
    List<SurfaceMarker> out = new ArrayList<>();
    for (RaceResult.Shown shown : model.shownTraces()) {
      Trace t = shown.trace();
      int k = Math.min(step, t.lastStep());
      if (k >= 0) {
        out.add(new SurfaceMarker(t.x(k), t.y(k), Theme.argb(shown.entry().color()), 7 * s));
      }
    }
    Vec2 start = model.startProperty().get();
    if (start != null) {
      out.add(new SurfaceMarker(start.x(), start.y(), 0xFFFFFFFF, 6 * s));
    }
    return out;
  }

  private List<SurfacePath> paths() {
    int step = model.currentStepProperty().get();
    float width = (float) (2.5 * appearance.scale());
    int trail = options.trailProperty().get() ? model.trailProperty().get() : 0;
    List<SurfacePath> paths = new ArrayList<>();
    for (RaceResult.Shown shown : model.shownTraces()) {
      OptimizerEntry e = shown.entry();
      Trace t = shown.trace();
      int k = Math.min(step, t.lastStep());
      if (k < 1) {
        continue;
      }
      int from = trail > 0 ? k - trail : 0;
      org.descent.picture.SurfacePaths.addInsideRuns(paths, t, from, k,
          model.viewProperty().get(), Theme.argb(e.color()), width, e.lineStyle());
    }
    return paths;
  }

  private void show(Frame f) {
    if (f.mesh() != mesh) {
      return; // a frame of a surface that is no longer shown
    }
    frame = f;
    image = Images.into(image, f.argb(), f.width(), f.height());
    framesShown++;
    drawOverlay();
  }

  private void drawOverlay() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(appearance.theme().plotBackground());
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    if (frame == null) {
      g.setFill(appearance.theme().foreground());
      g.setFont(Font.font("DejaVu Sans", javafx.scene.text.FontPosture.ITALIC,
          appearance.look().fontSize() * 1.1));
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.CENTER);
      g.fillText("computing the surface…", canvas.getWidth() / 2, canvas.getHeight() / 2);
      return;
    }
    g.drawImage(image, 0, 0);
    if (!hint) {
      return;
    }
    double s = appearance.scale();
    g.setFill(appearance.theme().foreground().deriveColor(0, 1, 1, 0.7));
    g.setFont(Font.font("DejaVu Sans", 11 * s));
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BOTTOM);
    g.fillText("drag to rotate · scroll to zoom", 8, canvas.getHeight() - 6);
  }

  private void press(MouseEvent e) {
    dragX = e.getX();
    dragY = e.getY();
    canvas.setCursor(javafx.scene.Cursor.CLOSED_HAND);
  }

  private void rotate(MouseEvent e) {
    double dx = e.getX() - dragX;
    double dy = e.getY() - dragY;
    dragX = e.getX();
    dragY = e.getY();
    model.cameraProperty().set(camera().rotated(-dx * 0.01, dy * 0.01));
  }

  private void zoom(ScrollEvent e) {
    if (e.getDeltaY() != 0) {
      model.cameraProperty().set(camera().zoomed(Math.pow(1.0015, e.getDeltaY())));
    }
  }
}
