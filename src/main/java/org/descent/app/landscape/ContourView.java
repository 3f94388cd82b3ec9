package org.descent.app.landscape;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.descent.analysis.PointDiagnostics;
import org.descent.app.Appearance;
import org.descent.app.Theme;
import org.descent.app.model.Background;
import org.descent.app.model.LabModel;
import org.descent.app.model.LatestOnly;
import org.descent.app.model.OptimizerEntry;
import org.descent.app.model.RaceResult;
import org.descent.picture.Numbers;
import org.descent.function.CriticalPoint;
import org.descent.function.FormulaObjective;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.trace.Trace;

/**
 * The contour map: filled contours with their lines (computed in the background for the
 * current view and size), axes, critical points, the optional gradient field, every visible
 * optimizer's path up to the current step (the rest of it as a faint ghost), head markers,
 * averaged iterates, divergence markers, the draggable start point, and the hover readout with
 * the curvature axes. Drag the start marker to move the start, drag elsewhere to pan, scroll
 * to zoom.
 */
public final class ContourView extends CanvasView {

  private final LabModel model;
  private final Appearance appearance;
  private final LandscapeOptions options;
  private final LatestOnly<ContourField> fields;
  private ContourField field;
  private WritableImage fieldImage;
  private FormulaObjective evaluator;
  private boolean dirty = true;
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

  private enum DragMode {
    NONE, START, PAN
  }

  public ContourView(LabModel model, Appearance appearance, LandscapeOptions options,
      Background background) {
    this.model = model;
    this.appearance = appearance;
    this.options = options;
    getStyleClass().add("landscape-view");
    setId("contour-view");
    setMinSize(200, 200);
    setPrefSize(800, 700);
    fields = new LatestOnly<>(background, this::showField, e -> { });

    model.landscapeProperty().addListener((o, was, now) -> {
      evaluator = now == null ? null : now.formula().objective();
      requestField();
    });
    model.viewProperty().addListener((o, was, now) -> requestField());
    appearance.themeProperty().addListener((o, was, now) -> requestField());
    appearance.presentationProperty().addListener((o, was, now) -> requestField());
    for (var p : List.of(model.startProperty(), options.gradientFieldProperty(),
        options.gradientArrowProperty(), options.curvatureAxesProperty())) {
      p.addListener(o -> dirty = true);
    }
    onPathsChanged(model, () -> dirty = true);
    if (model.landscape() != null) {
      evaluator = model.landscape().formula().objective();
    }

    canvas.setOnMouseMoved(this::hover);
    canvas.setOnMouseExited(e -> {
      hoverX = Double.NaN;
      dirty = true;
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
        PlotArea area = area();
        if (area != null && area.containsScreen(e.getX(), e.getY())) {
          model.startProperty().set(new Vec2(area.toWorldX(e.getX()), area.toWorldY(e.getY())));
        }
      }
    });

    new AnimationTimer() {
      @Override
      public void handle(long now) {
        if (dirty) {
          dirty = false;
          draw();
        }
      }
    }.start();
  }

  @Override
  protected void resized() {
    requestField();
  }

  // ---- geometry

  private double margin(double base) {
    return base * (appearance.presentation() ? 1.6 : 1.0);
  }

  /** The plot rectangle and its (aspect-preserving) view, or null before layout. */
  PlotArea area() {
    ViewBox requested = model.viewProperty().get();
    double left = margin(58);
    double bottom = margin(46);
    double top = 10;
    double right = margin(62);
    double w = canvas.getWidth() - left - right;
    double h = canvas.getHeight() - top - bottom;
    if (requested == null || w < 20 || h < 20) {
      return null;
    }
    return PlotArea.fit(requested, left, top, w, h);
  }

  /** Screen position of a world point, for tests: {x, y}, or null before layout. */
  public double[] toScreen(double x, double y) {
    PlotArea a = area();
    return a == null ? null : new double[] {a.toScreenX(x), a.toScreenY(y)};
  }

  /** The world point under a screen position, for tests: {x, y}, or null before layout. */
  public double[] toWorld(double sx, double sy) {
    PlotArea a = area();
    return a == null ? null : new double[] {a.toWorldX(sx), a.toWorldY(sy)};
  }

  // ---- background field

  private void requestField() {
    dirty = true;
    PlotArea a = area();
    Landscape l = model.landscape();
    if (a == null || l == null) {
      return;
    }
    FormulaObjective f = l.formula().objective();
    ViewBox view = a.view();
    int w = (int) Math.round(a.width());
    int h = (int) Math.round(a.height());
    float line = (float) (appearance.presentation() ? 1.8 : 1.0);
    boolean darkLines = appearance.theme() == Theme.HIGH_CONTRAST;
    fieldRequested = true;
    fields.request(() -> ContourField.compute(f, view, w, h, line, darkLines));
  }

  private void showField(ContourField f) {
    field = f;
    if (fieldImage == null || fieldImage.getWidth() != f.width()
        || fieldImage.getHeight() != f.height()) {
      fieldImage = new WritableImage(f.width(), f.height());
    }
    fieldImage.getPixelWriter().setPixels(0, 0, f.width(), f.height(),
        PixelFormat.getIntArgbInstance(), f.argb(), 0, f.width());
    dirty = true;
  }

  /** Whether a background field for the current view has been drawn (for tests). */
  public boolean hasField() {
    return field != null;
  }

  // ---- interaction

  private void hover(MouseEvent e) {
    hoverX = e.getX();
    hoverY = e.getY();
    Vec2 s = model.startProperty().get();
    PlotArea a = area();
    if (a != null && s != null && near(a, s, e.getX(), e.getY())) {
      canvas.setCursor(javafx.scene.Cursor.OPEN_HAND);
    } else {
      canvas.setCursor(javafx.scene.Cursor.CROSSHAIR);
    }
    dirty = true;
  }

  private boolean near(PlotArea a, Vec2 p, double sx, double sy) {
    return Math.hypot(a.toScreenX(p.x()) - sx, a.toScreenY(p.y()) - sy) <= 14 * appearance.scale();
  }

  private void press(MouseEvent e) {
    PlotArea a = area();
    if (a == null || e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    Vec2 s = model.startProperty().get();
    if (s != null && near(a, s, e.getX(), e.getY())) {
      drag = DragMode.START;
      model.playingProperty().set(false);
      canvas.setCursor(javafx.scene.Cursor.CLOSED_HAND);
    } else {
      drag = DragMode.PAN;
      dragX = e.getX();
      dragY = e.getY();
      dragView = model.viewProperty().get();
      canvas.setCursor(javafx.scene.Cursor.MOVE);
    }
  }

  private void dragged(MouseEvent e) {
    PlotArea a = area();
    if (a == null) {
      return;
    }
    hoverX = e.getX();
    hoverY = e.getY();
    if (drag == DragMode.START) {
      double sx = Math.max(a.left(), Math.min(a.left() + a.width(), e.getX()));
      double sy = Math.max(a.top(), Math.min(a.top() + a.height(), e.getY()));
      model.startProperty().set(new Vec2(a.toWorldX(sx), a.toWorldY(sy)));
    } else if (drag == DragMode.PAN && dragView != null) {
      double dx = (e.getX() - dragX) * a.xPerPixel();
      double dy = (e.getY() - dragY) * a.yPerPixel();
      model.viewProperty().set(dragView.shifted(-dx, dy));
    }
    dirty = true;
  }

  private void zoom(ScrollEvent e) {
    PlotArea a = area();
    ViewBox v = model.viewProperty().get();
    if (a == null || v == null || e.getDeltaY() == 0) {
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
    long t0 = System.nanoTime();
    paint();
    drawnRace = model.race();
    lastDrawEnd = System.nanoTime();
    lastDrawNanos = lastDrawEnd - t0;
  }

  /** The race the last frame showed (for measurements and tests). */
  public RaceResult drawnRace() {
    return drawnRace;
  }

  /** System.nanoTime() at the end of the last frame, and how long drawing it took. */
  public long[] lastDraw() {
    return new long[] {lastDrawEnd, lastDrawNanos};
  }

  private void paint() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    Theme theme = appearance.theme();
    double s = appearance.scale();
    g.setFill(theme.background());
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    PlotArea a = area();
    Landscape l = model.landscape();
    if (a == null || l == null) {
      return;
    }
    g.save();
    g.beginPath();
    g.rect(a.left(), a.top(), a.width(), a.height());
    g.clip();
    g.setFill(theme.plotBackground());
    g.fillRect(a.left(), a.top(), a.width(), a.height());
    drawField(g, a);
    if (options.gradientFieldProperty().get()) {
      drawGradientField(g, a, s);
    }
    drawCriticalPoints(g, a, l, s);
    drawPaths(g, a, s);
    drawStart(g, a, s);
    drawHover(g, a, s);
    g.restore();
    drawAxes(g, a, theme, s);
    drawColorBar(g, a, theme, s);
    if (!fieldRequested && field == null) {
      requestField();
    }
  }

  private void drawField(GraphicsContext g, PlotArea a) {
    if (field == null || fieldImage == null) {
      return;
    }
    // The image covers field.view(); place it where that view lies now (pan and zoom show the
    // previous picture moved until the new one arrives).
    ViewBox fv = field.view();
    double x0 = a.toScreenX(fv.xMin());
    double x1 = a.toScreenX(fv.xMax());
    double y0 = a.toScreenY(fv.yMax());
    double y1 = a.toScreenY(fv.yMin());
    g.setImageSmoothing(!fv.equals(a.view()));
    g.drawImage(fieldImage, x0, y0, x1 - x0, y1 - y0);
  }

  private void drawGradientField(GraphicsContext g, PlotArea a, double s) {
    if (evaluator == null) {
      return;
    }
    double spacing = 36 * s;
    double[] j = new double[6];
    g.setStroke(Color.rgb(255, 255, 255, 0.75));
    g.setFill(Color.rgb(255, 255, 255, 0.75));
    g.setLineWidth(1.2 * s);
    for (double sy = a.top() + spacing / 2; sy < a.top() + a.height(); sy += spacing) {
      for (double sx = a.left() + spacing / 2; sx < a.left() + a.width(); sx += spacing) {
        evaluator.jet(a.toWorldX(sx), a.toWorldY(sy), j);
        double dx = -j[1];
        double dy = j[2]; // screen y points down
        double n = Math.hypot(dx, dy);
        if (!(n > 0) || !Double.isFinite(n)) {
          continue;
        }
        double len = 0.38 * spacing;
        arrow(g, sx - dx / n * len, sy - dy / n * len, sx + dx / n * len, sy + dy / n * len,
            4 * s);
      }
    }
  }

  private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1,
      double head) {
    g.strokeLine(x0, y0, x1, y1);
    double angle = Math.atan2(y1 - y0, x1 - x0);
    double[] xs = {x1, x1 - head * Math.cos(angle - 0.45), x1 - head * Math.cos(angle + 0.45)};
    double[] ys = {y1, y1 - head * Math.sin(angle - 0.45), y1 - head * Math.sin(angle + 0.45)};
    g.fillPolygon(xs, ys, 3);
  }

  private void drawCriticalPoints(GraphicsContext g, PlotArea a, Landscape l, double s) {
    for (CriticalPoint p : l.criticalPoints()) {
      double x = a.toScreenX(p.x());
      double y = a.toScreenY(p.y());
      double r = 6 * s;
      g.setLineWidth(2 * s);
      switch (p.kind()) {
        case MINIMUM -> {
          g.setFill(Color.WHITE);
          g.setStroke(Color.BLACK);
          star(g, x, y, r * 1.4);
        }
        case SADDLE -> {
          g.setStroke(Color.BLACK);
          g.setLineWidth(4 * s);
          g.strokeLine(x - r, y - r, x + r, y + r);
          g.strokeLine(x - r, y + r, x + r, y - r);
          g.setStroke(Color.WHITE);
          g.setLineWidth(2 * s);
          g.strokeLine(x - r, y - r, x + r, y + r);
          g.strokeLine(x - r, y + r, x + r, y - r);
        }
        case MAXIMUM -> {
          g.setFill(Color.WHITE);
          g.setStroke(Color.BLACK);
          double[] xs = {x, x + r, x - r};
          double[] ys = {y - r, y + r * 0.8, y + r * 0.8};
          g.fillPolygon(xs, ys, 3);
          g.strokePolygon(xs, ys, 3);
        }
      }
    }
  }

  private static void star(GraphicsContext g, double x, double y, double r) {
    double[] xs = new double[10];
    double[] ys = new double[10];
    for (int i = 0; i < 10; i++) {
      double rr = i % 2 == 0 ? r : r * 0.45;
      double t = -Math.PI / 2 + i * Math.PI / 5;
      xs[i] = x + rr * Math.cos(t);
      ys[i] = y + rr * Math.sin(t);
    }
    g.fillPolygon(xs, ys, 10);
    g.strokePolygon(xs, ys, 10);
  }

  private void drawPaths(GraphicsContext g, PlotArea a, double s) {
    int step = model.currentStepProperty().get();
    g.setLineCap(StrokeLineCap.ROUND);
    g.setLineJoin(StrokeLineJoin.ROUND);
    for (RaceResult.Shown shown : model.shownTraces()) {
      OptimizerEntry e = shown.entry();
      Trace t = shown.trace();
      if (t.length() == 0) {
        continue;
      }
      Color c = e.color();
      int k = Math.min(step, t.lastStep());
      double[] xs = new double[t.length()];
      double[] ys = new double[t.length()];
      for (int n = 0; n < t.length(); n++) {
        xs[n] = clampScreen(a.toScreenX(t.x(n)));
        ys[n] = clampScreen(a.toScreenY(t.y(n)));
      }
      // The future as a ghost: dragging a slider shows the whole new path at once.
      g.setStroke(c.deriveColor(0, 1, 1, 0.35));
      g.setLineWidth(1.5 * s);
      g.strokePolyline(xs, ys, t.length());
      // The past, with a dark halo so it reads on every colour of the map.
      g.setStroke(Color.rgb(0, 0, 0, 0.55));
      g.setLineWidth(4.5 * s);
      g.strokePolyline(xs, ys, k + 1);
      g.setStroke(c);
      g.setLineWidth(2.5 * s);
      g.strokePolyline(xs, ys, k + 1);
      if (k <= 150) {
        g.setFill(c);
        for (int n = 0; n <= k; n++) {
          g.fillOval(xs[n] - 2.2 * s, ys[n] - 2.2 * s, 4.4 * s, 4.4 * s);
        }
      }
      if (t.hasAverage()) {
        drawAverage(g, a, t, k, c, s);
      }
      double hx = a.toScreenX(t.x(k));
      double hy = a.toScreenY(t.y(k));
      if (a.containsScreen(hx, hy)) {
        g.setFill(c);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2 * s);
        double r = 7 * s;
        g.fillOval(hx - r, hy - r, 2 * r, 2 * r);
        g.strokeOval(hx - r, hy - r, 2 * r, 2 * r);
      } else {
        offView(g, a, hx, hy, c, e.spec().label() + " left the view", s);
      }
      if (t.diverged() && step >= t.lastStep()) {
        diverged(g, a, t, c, e.spec().label(), s);
      }
    }
  }

  private void drawAverage(GraphicsContext g, PlotArea a, Trace t, int k, Color c, double s) {
    double[] xs = new double[k + 1];
    double[] ys = new double[k + 1];
    for (int n = 0; n <= k; n++) {
      xs[n] = clampScreen(a.toScreenX(t.averagedCoordinate(n, 0)));
      ys[n] = clampScreen(a.toScreenY(t.averagedCoordinate(n, 1)));
    }
    g.setLineDashes(6 * s, 5 * s);
    g.setStroke(Color.rgb(0, 0, 0, 0.5));
    g.setLineWidth(3.5 * s);
    g.strokePolyline(xs, ys, k + 1);
    g.setStroke(c.deriveColor(0, 0.7, 1.2, 0.95));
    g.setLineWidth(2 * s);
    g.strokePolyline(xs, ys, k + 1);
    g.setLineDashes((double[]) null);
    double r = 6 * s;
    g.setStroke(Color.BLACK);
    g.setLineWidth(3.5 * s);
    g.strokeOval(xs[k] - r, ys[k] - r, 2 * r, 2 * r);
    g.setStroke(c);
    g.setLineWidth(2 * s);
    g.strokeOval(xs[k] - r, ys[k] - r, 2 * r, 2 * r);
  }

  private static double clampScreen(double v) {
    return Double.isNaN(v) ? 0 : Math.max(-1e5, Math.min(1e5, v));
  }

  private void offView(GraphicsContext g, PlotArea a, double hx, double hy, Color c,
      String text, double s) {
    double cx = a.left() + a.width() / 2;
    double cy = a.top() + a.height() / 2;
    double dx = hx - cx;
    double dy = hy - cy;
    if (!Double.isFinite(dx) || !Double.isFinite(dy) || (dx == 0 && dy == 0)) {
      return;
    }
    double tx = dx == 0 ? Double.POSITIVE_INFINITY : (a.width() / 2 - 14 * s) / Math.abs(dx);
    double ty = dy == 0 ? Double.POSITIVE_INFINITY : (a.height() / 2 - 14 * s) / Math.abs(dy);
    double f = Math.min(tx, ty);
    double ex = cx + dx * f;
    double ey = cy + dy * f;
    double angle = Math.atan2(dy, dx);
    double r = 11 * s;
    double[] xs = {ex + r * Math.cos(angle), ex + r * Math.cos(angle + 2.5),
        ex + r * Math.cos(angle - 2.5)};
    double[] ys = {ey + r * Math.sin(angle), ey + r * Math.sin(angle + 2.5),
        ey + r * Math.sin(angle - 2.5)};
    g.setFill(c);
    g.setStroke(Color.BLACK);
    g.setLineWidth(1.5 * s);
    g.fillPolygon(xs, ys, 3);
    g.strokePolygon(xs, ys, 3);
    label(g, text, ex - Math.cos(angle) * 18 * s, ey - Math.sin(angle) * 18 * s, c, s);
  }

  private void diverged(GraphicsContext g, PlotArea a, Trace t, Color c, String label,
      double s) {
    int last = t.lastStep();
    double x = a.toScreenX(t.x(last));
    double y = a.toScreenY(t.y(last));
    if (!a.containsScreen(x, y)) {
      x = Math.max(a.left() + 20 * s, Math.min(a.left() + a.width() - 20 * s, x));
      y = Math.max(a.top() + 20 * s, Math.min(a.top() + a.height() - 20 * s, y));
    }
    double r = 9 * s;
    g.setStroke(Color.BLACK);
    g.setLineWidth(6 * s);
    g.strokeLine(x - r, y - r, x + r, y + r);
    g.strokeLine(x - r, y + r, x + r, y - r);
    g.setStroke(Color.web("#ff3b30"));
    g.setLineWidth(3 * s);
    g.strokeLine(x - r, y - r, x + r, y + r);
    g.strokeLine(x - r, y + r, x + r, y - r);
    label(g, label + " diverged at step " + t.divergedAt().getAsInt(), x + 14 * s, y, c, s);
  }

  /** Text on a dark rounded box, kept inside the plot. */
  private void label(GraphicsContext g, String text, double x, double y, Color accent,
      double s) {
    Font font = Font.font("DejaVu Sans", FontWeight.BOLD, 12 * s);
    g.setFont(font);
    javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
    probe.setFont(font);
    double w = probe.getLayoutBounds().getWidth() + 12 * s;
    double h = probe.getLayoutBounds().getHeight() + 6 * s;
    PlotArea a = area();
    if (a != null) {
      x = Math.max(a.left() + 4, Math.min(a.left() + a.width() - w - 4, x));
      y = Math.max(a.top() + h / 2 + 4, Math.min(a.top() + a.height() - h / 2 - 4, y));
    }
    g.setFill(Color.rgb(20, 20, 24, 0.85));
    g.fillRoundRect(x, y - h / 2, w, h, 8 * s, 8 * s);
    g.setStroke(accent);
    g.setLineWidth(1.5 * s);
    g.strokeRoundRect(x, y - h / 2, w, h, 8 * s, 8 * s);
    g.setFill(Color.WHITE);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(text, x + 6 * s, y);
  }

  private void drawStart(GraphicsContext g, PlotArea a, double s) {
    Vec2 p = model.startProperty().get();
    if (p == null) {
      return;
    }
    double x = a.toScreenX(p.x());
    double y = a.toScreenY(p.y());
    double r = 8 * s;
    g.setFill(Color.WHITE);
    g.setStroke(Color.BLACK);
    g.setLineWidth(2.5 * s);
    g.fillOval(x - r, y - r, 2 * r, 2 * r);
    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    g.setFill(Color.BLACK);
    g.fillOval(x - 2.5 * s, y - 2.5 * s, 5 * s, 5 * s);
  }

  private void drawHover(GraphicsContext g, PlotArea a, double s) {
    if (Double.isNaN(hoverX) || evaluator == null || !a.containsScreen(hoverX, hoverY)) {
      return;
    }
    double wx = a.toWorldX(hoverX);
    double wy = a.toWorldY(hoverY);
    PointDiagnostics d = PointDiagnostics.at(evaluator, wx, wy);
    if (options.curvatureAxesProperty().get()) {
      curvatureAxis(g, a, d.curvature().v1x(), d.curvature().v1y(), d.curvature().lambda1(),
          "λ₁", s);
      curvatureAxis(g, a, d.curvature().v2x(), d.curvature().v2y(), d.curvature().lambda2(),
          "λ₂", s);
    }
    if (options.gradientArrowProperty().get() && d.gradientNorm() > 0
        && Double.isFinite(d.gradientNorm())) {
      double dx = d.dx() / d.gradientNorm();
      double dy = -d.dy() / d.gradientNorm();
      double len = 56 * s;
      g.setStroke(Color.BLACK);
      g.setFill(Color.BLACK);
      g.setLineWidth(5 * s);
      arrow(g, hoverX, hoverY, hoverX + dx * len, hoverY + dy * len, 12 * s);
      g.setStroke(Color.web("#ff5a36"));
      g.setFill(Color.web("#ff5a36"));
      g.setLineWidth(2.5 * s);
      arrow(g, hoverX, hoverY, hoverX + dx * len, hoverY + dy * len, 10 * s);
      g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 13 * s));
      g.setFill(Color.WHITE);
      g.setTextBaseline(VPos.CENTER);
      g.fillText("∇f", hoverX + dx * (len + 14 * s) - 8 * s, hoverY + dy * (len + 14 * s));
    }
    readout(g, a, d, s);
  }

  private void curvatureAxis(GraphicsContext g, PlotArea a, double vx, double vy,
      double lambda, String name, double s) {
    if (!Double.isFinite(lambda) || !Double.isFinite(vx)) {
      return;
    }
    double len = 34 * s;
    double sx = vx;
    double sy = -vy;
    double n = Math.hypot(sx, sy);
    sx /= n;
    sy /= n;
    g.setLineWidth(5 * s);
    g.setStroke(Color.rgb(0, 0, 0, 0.6));
    g.strokeLine(hoverX - sx * len, hoverY - sy * len, hoverX + sx * len, hoverY + sy * len);
    if (lambda < 0) {
      g.setLineDashes(5 * s, 4 * s);
    }
    g.setStroke(Color.WHITE);
    g.setLineWidth(2.5 * s);
    g.strokeLine(hoverX - sx * len, hoverY - sy * len, hoverX + sx * len, hoverY + sy * len);
    g.setLineDashes((double[]) null);
    g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 12 * s));
    g.setFill(Color.WHITE);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(name, hoverX + sx * (len + 8 * s), hoverY + sy * (len + 8 * s));
  }

  private void readout(GraphicsContext g, PlotArea a, PointDiagnostics d, double s) {
    String kind = "";
    Landscape l = model.landscape();
    for (CriticalPoint p : l.criticalPoints()) {
      if (Math.hypot(a.toScreenX(p.x()) - hoverX, a.toScreenY(p.y()) - hoverY) < 10 * s) {
        kind = p.kind().label() + " at (" + Numbers.format(p.x()) + ", " + Numbers.format(p.y())
            + ")\n";
      }
    }
    String text = kind
        + "x = " + Numbers.format(d.x()) + ",  y = " + Numbers.format(d.y()) + "\n"
        + "f = " + Numbers.format(d.value()) + "\n"
        + "∇f = (" + Numbers.format(d.dx()) + ", " + Numbers.format(d.dy()) + "),  ‖∇f‖ = "
        + Numbers.format(d.gradientNorm()) + "\n"
        + "λ₁ = " + Numbers.format(d.curvature().lambda1()) + ",  λ₂ = "
        + Numbers.format(d.curvature().lambda2()) + "\n"
        + "κ = " + Numbers.format(d.conditionNumber()) + ",  2/λmax = "
        + Numbers.format(d.stableLearningRate());
    Font font = Font.font("DejaVu Sans Mono", 12 * s);
    javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
    probe.setFont(font);
    double w = probe.getLayoutBounds().getWidth() + 16 * s;
    double h = probe.getLayoutBounds().getHeight() + 12 * s;
    double x = a.left() + 8;
    double y = a.top() + 8;
    if (hoverX < x + w + 20 && hoverY < y + h + 20) {
      x = a.left() + a.width() - w - 8; // keep the box away from the cursor
    }
    g.setFill(Color.rgb(18, 18, 22, 0.82));
    g.fillRoundRect(x, y, w, h, 10, 10);
    g.setFill(Color.WHITE);
    g.setFont(font);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.fillText(text, x + 8 * s, y + 6 * s);
  }

  private void drawAxes(GraphicsContext g, PlotArea a, Theme theme, double s) {
    g.setStroke(theme.axis());
    g.setLineWidth(1.2 * s);
    g.strokeRect(a.left(), a.top(), a.width(), a.height());
    g.setFill(theme.foreground());
    g.setFont(Font.font("DejaVu Sans", 11.5 * s));
    ViewBox v = a.view();
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (double t : Ticks.between(v.xMin(), v.xMax(), (int) Math.max(3, a.width() / (90 * s)))) {
      double x = a.toScreenX(t);
      g.strokeLine(x, a.top() + a.height(), x, a.top() + a.height() + 5 * s);
      g.fillText(Ticks.label(t), x, a.top() + a.height() + 7 * s);
    }
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    for (double t : Ticks.between(v.yMin(), v.yMax(), (int) Math.max(3, a.height() / (70 * s)))) {
      double y = a.toScreenY(t);
      g.strokeLine(a.left() - 5 * s, y, a.left(), y);
      g.fillText(Ticks.label(t), a.left() - 8 * s, y);
    }
    g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 13 * s));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.BOTTOM);
    g.fillText("x", a.left() + a.width() / 2, canvas.getHeight() - 3);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.fillText("y", 5, a.top() + a.height() / 2);
  }

  private void drawColorBar(GraphicsContext g, PlotArea a, Theme theme, double s) {
    if (field == null || field.levels().size() == 0) {
      return;
    }
    double x = a.left() + a.width() + 10 * s;
    double w = 12 * s;
    double top = a.top();
    double h = a.height();
    org.descent.render.ColorMap map = org.descent.render.ColorMap.viridis();
    int n = 120;
    for (int i = 0; i < n; i++) {
      int argb = map.argb(1 - (i + 0.5) / n);
      g.setFill(Color.rgb((argb >> 16) & 255, (argb >> 8) & 255, argb & 255));
      g.fillRect(x, top + h * i / n, w, h / n + 1);
    }
    g.setStroke(theme.axis());
    g.setLineWidth(1);
    g.strokeRect(x, top, w, h);
    g.setFill(theme.foreground());
    g.setFont(Font.font("DejaVu Sans", 10 * s));
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    double[] levels = field.levels().levels();
    int every = Math.max(1, (int) Math.ceil(levels.length / Math.max(1, h / (28 * s))));
    for (int i = 0; i < levels.length; i += every) {
      double f = field.levels().fraction(levels[i]);
      double y = top + h * (1 - f);
      g.strokeLine(x + w, y, x + w + 3, y);
      g.fillText(shortNumber(levels[i]), x + w + 4, y);
    }
  }

  private static String shortNumber(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    String s;
    if (a >= 100 && a < 1e5) {
      s = Long.toString(Math.round(v));
    } else if (a >= 0.01 && a < 100) {
      s = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
          .toPlainString();
    } else {
      s = String.format(java.util.Locale.ROOT, "%.0e", v).replace("e+0", "e").replace("e-0",
          "e-").replace("e+", "e");
    }
    return s.replace("-", "−");
  }
}
