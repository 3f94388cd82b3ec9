package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.descent.function.Vec2;
import org.descent.scenario.BuiltInScenarios;
import org.descent.scenario.Scenario;
import org.descent.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * The demos' lessons as a student sees them: each demo drawn headless by the app's own
 * painters on its default view (900 × 600, the size of the map on a lecture screen) and
 * measured in pixels: distances on screen, and whether each run's colour can still be seen.
 */
class DemoPicturesTest {

  private static final int W = 900;
  private static final int H = 600;

  private record Shown(RaceScene scene, BufferedImage image, MapGeometry map) {
    ChartInput run(String label) {
      return scene.runs().stream().filter(r -> r.label().equals(label)).findFirst()
          .orElseThrow(() -> new AssertionError("no run " + label));
    }

    double[] screen(double x, double y) {
      return new double[] {map.toScreenX(x), map.toScreenY(y)};
    }

    double[] head(String label) {
      Trace t = run(label).trace();
      return screen(t.x(t.lastStep()), t.y(t.lastStep()));
    }

    /** Pixels of the picture within a few levels of a run's colour. */
    int pixelsOf(String label) {
      int c = run(label).argb();
      int n = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int p = image.getRGB(x, y);
          if (Math.abs(((p >> 16) & 255) - ((c >> 16) & 255)) <= 10
              && Math.abs(((p >> 8) & 255) - ((c >> 8) & 255)) <= 10
              && Math.abs((p & 255) - (c & 255)) <= 10) {
            n++;
          }
        }
      }
      return n;
    }
  }

  private static Shown contour(String file) throws Exception {
    RaceScene scene = RaceScene.of(BuiltInScenarios.read(file));
    BufferedImage img = new Pictures().draw(Pictures.View.CONTOUR, scene, scene.steps(), W, H,
        Look.LIGHT);
    return new Shown(scene, img, Pictures.contourGeometry(scene, W, H, Look.LIGHT));
  }

  private static double distance(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }

  /** The largest distance on screen between the last n iterates and their mean. */
  private static double spread(Shown s, String label, int n) {
    Trace t = s.run(label).trace();
    double mx = 0;
    double my = 0;
    for (int k = t.lastStep() - n + 1; k <= t.lastStep(); k++) {
      mx += t.x(k) / n;
      my += t.y(k) / n;
    }
    double[] centre = s.screen(mx, my);
    double worst = 0;
    for (int k = t.lastStep() - n + 1; k <= t.lastStep(); k++) {
      worst = Math.max(worst, distance(centre, s.screen(t.x(k), t.y(k))));
    }
    return worst;
  }

  @Test
  void momentumRavineGradientDescentIsVisiblyShortAndMomentumIsThere() throws Exception {
    Shown s = contour("momentum-ravine.yaml");
    double[] minimum = s.screen(0, 0);
    double gd = distance(s.head("gradient descent, lr 0.019"), minimum);
    double momentum = distance(s.head("momentum 0.7, lr 0.019"), minimum);
    assertTrue(gd >= 30, "gradient descent ends " + gd + " px from the minimum");
    assertTrue(momentum <= 2, "momentum ends " + momentum + " px from the minimum");
  }

  @Test
  void iterateAveragingTheAveragesAreSeenAndEndNearerThanTheIterate() throws Exception {
    Shown s = contour("iterate-averaging.yaml");
    String polyak = "sgd lr 0.1 + Polyak average from step 100";
    Trace t = s.run(polyak).trace();
    int last = t.lastStep();
    double[] minimum = s.screen(0, 0);
    double averaged = distance(s.screen(t.averagedCoordinate(last, 0),
        t.averagedCoordinate(last, 1)), minimum);
    double raw = spread(s, polyak, 300);
    assertTrue(averaged <= 5, "the Polyak average ends " + averaged + " px from the minimum");
    assertTrue(raw >= 5 * averaged, "the raw cloud spreads " + raw + " px");
    assertTrue(s.pixelsOf(polyak) >= 150, "Polyak path pixels: " + s.pixelsOf(polyak));
    assertTrue(s.pixelsOf("sgd lr 0.1 + EMA (tau 50)") >= 150, "EMA path pixels");
  }

  @Test
  void noiseAndDecayTheDecayedPathShrinksToAPoint() throws Exception {
    Shown s = contour("noise-lr-decay.yaml");
    double constant = spread(s, "constant lr 0.1", 60);
    double decayed = spread(s, "lr 0.1, decayed from step 100 (tau 150)", 60);
    assertTrue(decayed <= 6, "the decayed run's last 60 steps spread " + decayed + " px");
    assertTrue(constant >= 5 * decayed, "the constant run keeps wandering: " + constant
        + " px against " + decayed);
    // and the picture shows it: bold is only the recent path, a dot for the decayed run and a
    // scribble for the constant one
    int dot = s.pixelsOf("lr 0.1, decayed from step 100 (tau 150)");
    int scribble = s.pixelsOf("constant lr 0.1");
    assertTrue(scribble >= 8 * dot, "bold pixels: constant " + scribble + ", decayed " + dot);
  }

  @Test
  void lrInstabilityTheExplodingRunDoesNotCoverTheBouncingOne() throws Exception {
    Shown s = contour("lr-instability.yaml");
    int bouncing = s.pixelsOf("lr 0.20 = 1.0 × 2/λmax");
    int exploding = s.pixelsOf("lr 0.22 = 1.1 × 2/λmax");
    assertTrue(bouncing >= 400, "the bouncing run shows " + bouncing + " px");
    // the exploding run is drawn until it leaves, not as a band across the map
    assertTrue(exploding < 0.02 * W * H, "the exploding run covers " + exploding + " px");
  }

  @Test
  void cliffTheCatapultAndTheClippedWalkAreBothSeen() throws Exception {
    Shown s = contour("cliff-clipping.yaml");
    assertTrue(s.pixelsOf("gradient descent, lr 1, clip 1") >= 400, "clipped path pixels");
    // the catapult: the unclipped run's colour far right of the wall, at the height it hit it
    Trace raw = s.run("gradient descent, lr 1").trace();
    int jump = 0;
    for (int k = 1; k < raw.length(); k++) {
      if (Math.abs(raw.x(k) - raw.x(k - 1)) > Math.abs(raw.x(jump + 1) - raw.x(jump))) {
        jump = k - 1;
      }
    }
    double[] at = s.screen(6, raw.y(jump));
    int red = 0;
    for (int dy = -3; dy <= 3; dy++) {
      int p = s.image().getRGB((int) at[0], (int) at[1] + dy) & 0xFFFFFF;
      red += p == (s.run("gradient descent, lr 1").argb() & 0xFFFFFF) ? 1 : 0;
    }
    assertTrue(red >= 1, "the catapult line crosses x = 6 at y = " + raw.y(jump));
    assertTrue(Math.abs(raw.y(jump)) > 0.3, "the catapult is clear of the clipped path: y = "
        + raw.y(jump));
  }

  @Test
  void newtonSaddleEveryHeadIsSeenOnTheMapAndTheSurface() throws Exception {
    Shown s = contour("newton-saddle.yaml");
    for (String label : List.of("Newton", "saddle-free Newton", "gradient descent, lr 0.1")) {
      double[] h = s.head(label);
      int c = s.run(label).argb() & 0xFFFFFF;
      boolean seen = false;
      for (int dx = -14; dx <= 14 && !seen; dx++) {
        for (int dy = -14; dy <= 14 && !seen; dy++) {
          seen = (s.image().getRGB((int) h[0] + dx, (int) h[1] + dy) & 0xFFFFFF) == c;
        }
      }
      assertTrue(seen, label + "'s head is hidden on the map");
    }
    RaceScene scene = s.scene();
    BufferedImage surface = new Pictures().draw(Pictures.View.SURFACE, scene, scene.steps(), W,
        H, Look.LIGHT);
    for (String label : List.of("saddle-free Newton", "gradient descent, lr 0.1")) {
      int c = s.run(label).argb() & 0xFFFFFF;
      int n = 0;
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          n += (surface.getRGB(x, y) & 0xFFFFFF) == c ? 1 : 0;
        }
      }
      assertTrue(n >= 20, label + " shows " + n + " px on the surface");
    }
    Vec2 start = scene.start();
    assertTrue(start != null);
  }

  // The map as a lecture hall sees it on a laptop: the contour view of the app in a 1366 × 768
  // window in presentation mode is 506 × 411 px. Measured, not computed: the bounds of the
  // #contour-view node in MainWindow at 1366 × 768 after turning presentation mode on (as
  // LayoutTest sets it up), drawn with the app's presentation look (lines × 2, 18 px font).
  private static final int HALL_W = 506;
  private static final int HALL_H = 411;
  private static final Look HALL = Look.LIGHT.scaled(2, 18);
  // How much of its own colour a run must show: a path of 30 px at presentation width, or its
  // end marker with a bit of path.
  private static final int OWN_PIXELS = 150;
  // The end of a run is its marker (or its arrow at the edge) and the last stretch of its
  // path before it, this long on screen.
  private static final double END_STRETCH = 40;

  @Test
  void everyDemoShowsEveryRunAndKeepsItsLabelsInsideAndOffTheEnds() throws Exception {
    List<String> problems = new ArrayList<>();
    List<String> names = BuiltInScenarios.names();
    assertTrue(names.size() >= 41, "demos found: " + names);
    for (String name : names) {
      Scenario scenario = BuiltInScenarios.read(name);
      RaceScene scene = RaceScene.of(scenario);
      Pictures pictures = new Pictures();
      BufferedImage img = pictures.draw(Pictures.View.CONTOUR, scene, scene.steps(), HALL_W,
          HALL_H, HALL);
      List<Rectangle2D> labels = pictures.lastLabels();
      MapGeometry map = Pictures.contourGeometry(scene, HALL_W, HALL_H, HALL);
      Rectangle2D plot = new Rectangle2D.Double(map.left(), map.top(), map.width(),
          map.height());
      Pictures without = new Pictures();
      // The start and every run's end: markers whose pixels are not a path's.
      List<double[]> ends = new ArrayList<>();
      if (scene.start() != null) {
        ends.add(new double[] {map.toScreenX(scene.start().x()),
            map.toScreenY(scene.start().y())});
      }
      for (ChartInput run : scene.runs()) {
        Trace t = run.trace();
        int k = Math.min(scene.steps(), t.lastStep());
        if (k >= 0) {
          ends.add(new double[] {map.toScreenX(t.x(k)), map.toScreenY(t.y(k))});
        }
      }
      double clear = 20 * HALL.scale();
      for (ChartInput run : scene.runs()) {
        if (!visible(map, run.trace(), scene.steps())) {
          continue;
        }
        List<ChartInput> others = new ArrayList<>(scene.runs());
        others.remove(run);
        RaceScene rest = new RaceScene(scene.title(), scene.landscape(), scene.view(), others,
            scene.start(), scene.steps(), scene.trail(), scene.camera());
        BufferedImage reference = without.draw(Pictures.View.CONTOUR, rest, scene.steps(),
            HALL_W, HALL_H, HALL);
        // A dashed or dotted path shows its colour over part of its length only (the dark edge
        // between its dashes is still its line).
        double need = OWN_PIXELS * run.style().ink();
        int own = ownPixels(img, reference, run.argb(), ends, -1);
        if (own < need) {
          problems.add(name + ": " + run.label() + " shows " + own + " px of its colour");
        }
        // Its path, away from every marker, where it is long enough to show one.
        double length = lengthAwayFrom(map, run.trace(), scene.steps(), ends, clear,
            scene.trail());
        int path = ownPixels(img, reference, run.argb(), ends, clear);
        if (length >= OWN_PIXELS / 2.0 && path < need) {
          problems.add(name + ": " + run.label() + "'s path (" + Math.round(length)
              + " px long away from the markers) shows " + path + " px of its colour");
        }
      }
      for (Rectangle2D r : labels) {
        if (r.getMinX() < plot.getMinX() - 0.5 || r.getMaxX() > plot.getMaxX() + 0.5
            || r.getMinY() < plot.getMinY() - 0.5 || r.getMaxY() > plot.getMaxY() + 0.5) {
          problems.add(name + ": a label " + r + " is cut at the plot's edge " + plot);
        }
        for (ChartInput run : scene.runs()) {
          if (coversEnd(r, map, run.trace(), scene.steps(), HALL.scale())) {
            problems.add(name + ": a label covers the end of " + run.label());
          }
        }
      }
    }
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n"
        + String.join("\n", problems));
  }

  // Farther than this (× scale) from every centre line of a run's path, its colour is no
  // longer its line (1.25 × scale each side) or the dots on it (2.2 × scale) but a rim. At the
  // hall's size the exploding run of lr-instability used to be widened by two rims along its
  // whole path: 1375 of its 8205 px lay farther than 6 px from it, 20 farther than 10 px.
  private static final double LINE = 3;

  @Test
  void lrInstabilityTheExplodingRunIsALineNotABand() throws Exception {
    RaceScene scene = RaceScene.of(BuiltInScenarios.read("lr-instability.yaml"));
    String exploding = "lr 0.22 = 1.1 × 2/λmax";
    ChartInput run = scene.runs().stream().filter(r -> r.label().equals(exploding))
        .findFirst().orElseThrow();
    Pictures pictures = new Pictures();
    BufferedImage img = pictures.draw(Pictures.View.CONTOUR, scene, scene.steps(), HALL_W,
        HALL_H, HALL);
    List<Rectangle2D> labels = pictures.lastLabels();
    List<ChartInput> others = new ArrayList<>(scene.runs());
    others.remove(run);
    RaceScene rest = new RaceScene(scene.title(), scene.landscape(), scene.view(), others,
        scene.start(), scene.steps(), scene.trail(), scene.camera());
    BufferedImage reference = new Pictures().draw(Pictures.View.CONTOUR, rest, scene.steps(),
        HALL_W, HALL_H, HALL);
    MapGeometry map = Pictures.contourGeometry(scene, HALL_W, HALL_H, HALL);
    Trace t = run.trace();
    int k = Math.min(scene.steps(), t.lastStep());
    // Its label's box has a rim in its colour and its arrow at the edge is a marker, not path.
    double[] exit = MapPainter.exit(map, t, k);
    int own = 0;
    int far = 0;
    for (int y = 0; y < HALL_H; y++) {
      for (int x = 0; x < HALL_W; x++) {
        if (!near(img.getRGB(x, y), run.argb()) || near(reference.getRGB(x, y), run.argb())
            || Math.hypot(x + 0.5 - exit[0], y + 0.5 - exit[1]) < 12 * HALL.scale()) {
          continue;
        }
        boolean inLabel = false;
        for (Rectangle2D r : labels) {
          inLabel |= r.getMinX() - 3 <= x && x <= r.getMaxX() + 3 && r.getMinY() - 3 <= y
              && y <= r.getMaxY() + 3;
        }
        if (inLabel) {
          continue;
        }
        own++;
        if (distanceToPath(map, t, k, x + 0.5, y + 0.5) > LINE * HALL.scale()) {
          far++;
        }
      }
    }
    assertTrue(own >= OWN_PIXELS, "the exploding run shows " + own + " px");
    // It shows on its own along most of its path (its bounces and its escape): it needs no
    // rim, and a rim where nothing covers it would be a band across the map.
    assertTrue(far <= 0.01 * own, far + " of its " + own + " px lie farther than "
        + LINE * HALL.scale() + " px from its path: a band, not a line");
  }

  /** The distance on screen from (x, y) to the nearest segment of the run's path to step k. */
  private static double distanceToPath(MapGeometry map, Trace t, int k, double x, double y) {
    double best = Double.MAX_VALUE;
    for (int n = 1; n <= k; n++) {
      double x0 = map.toScreenX(t.x(n - 1));
      double y0 = map.toScreenY(t.y(n - 1));
      double dx = map.toScreenX(t.x(n)) - x0;
      double dy = map.toScreenY(t.y(n)) - y0;
      double d2 = dx * dx + dy * dy;
      if (!Double.isFinite(d2)) {
        continue;
      }
      double f = d2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / d2));
      best = Math.min(best, Math.hypot(x - x0 - f * dx, y - y0 - f * dy));
    }
    return best;
  }

  /** Whether some iterate up to step k lies inside the plot. */
  private static boolean visible(MapGeometry map, Trace t, int step) {
    int k = Math.min(step, t.lastStep());
    for (int n = 0; n <= k; n++) {
      if (map.containsScreen(map.toScreenX(t.x(n)), map.toScreenY(t.y(n)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Pixels of the colour (within a few levels) that the picture without the run lacks, farther
   * than {@code clear} from every point of {@code ends} (a negative clear: all of them).
   */
  private static int ownPixels(BufferedImage with, BufferedImage without, int argb,
      List<double[]> ends, double clear) {
    int n = 0;
    for (int y = 0; y < with.getHeight(); y++) {
      for (int x = 0; x < with.getWidth(); x++) {
        if (near(with.getRGB(x, y), argb) && !near(without.getRGB(x, y), argb)
            && away(x + 0.5, y + 0.5, ends, clear)) {
          n++;
        }
      }
    }
    return n;
  }

  private static boolean near(int p, int c) {
    return Math.abs(((p >> 16) & 255) - ((c >> 16) & 255)) <= 10
        && Math.abs(((p >> 8) & 255) - ((c >> 8) & 255)) <= 10
        && Math.abs((p & 255) - (c & 255)) <= 10;
  }

  /**
   * Whether the box covers the run's end: its end marker (a disc of the marker's radius where
   * the run ends inside the plot; where it left, the point where its path crosses the edge)
   * or the last {@link #END_STRETCH} px of its path inside the plot before that.
   */
  private static boolean coversEnd(Rectangle2D r, MapGeometry map, Trace t, int step,
      double scale) {
    int k = Math.min(step, t.lastStep());
    if (k < 0) {
      return false;
    }
    double hx = map.toScreenX(t.x(k));
    double hy = map.toScreenY(t.y(k));
    int last = k;
    double ex = hx;
    double ey = hy;
    double marker = 7 * scale;
    if (!map.containsScreen(hx, hy)) {
      // The last iterate inside, and where the step after it crosses the edge.
      last = -1;
      for (int n = k - 1; n >= 0 && last < 0; n--) {
        if (map.containsScreen(map.toScreenX(t.x(n)), map.toScreenY(t.y(n)))) {
          last = n;
        }
      }
      if (last < 0) {
        return false;
      }
      double x0 = map.toScreenX(t.x(last));
      double y0 = map.toScreenY(t.y(last));
      double x1 = map.toScreenX(t.x(last + 1));
      double y1 = map.toScreenY(t.y(last + 1));
      double f = 1;
      for (int i = 0; i <= 1000; i++) {
        double q = i / 1000.0;
        if (!map.containsScreen(x0 + q * (x1 - x0), y0 + q * (y1 - y0))) {
          f = Math.max(0, (i - 1) / 1000.0);
          break;
        }
      }
      ex = x0 + f * (x1 - x0);
      ey = y0 + f * (y1 - y0);
      marker = 8 * scale; // the arrow's size at the edge
    }
    double nx = Math.max(r.getMinX(), Math.min(r.getMaxX(), ex));
    double ny = Math.max(r.getMinY(), Math.min(r.getMaxY(), ey));
    if (Math.hypot(nx - ex, ny - ey) < marker) {
      return true;
    }
    // Back along the path from its end, a point every pixel.
    double left = END_STRETCH;
    double px = ex;
    double py = ey;
    for (int n = last; n >= 0 && left > 0; n--) {
      double qx = map.toScreenX(t.x(n));
      double qy = map.toScreenY(t.y(n));
      double d = Math.hypot(qx - px, qy - py);
      int samples = (int) Math.ceil(Math.min(d, left));
      for (int i = 0; i <= samples; i++) {
        double f = d == 0 ? 0 : i / d;
        double sx = px + f * (qx - px);
        double sy = py + f * (qy - py);
        if (r.contains(sx, sy)) {
          return true;
        }
      }
      left -= d;
      px = qx;
      py = qy;
    }
    return false;
  }

  private static boolean away(double x, double y, List<double[]> ends, double clear) {
    for (double[] e : ends) {
      if (Math.hypot(x - e[0], y - e[1]) <= clear) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many pixels the run's bold path passes through inside the plot, farther than clear
   * from ends: its length where it does not retrace itself. The bold path is the recent trail
   * of a noisy run and the averaged iterate of an averaged one, as drawn.
   */
  private static double lengthAwayFrom(MapGeometry map, Trace t, int step, List<double[]> ends,
      double clear, int trail) {
    int k = Math.min(step, t.lastStep());
    boolean averaged = t.hasAverage();
    int from = averaged ? MapPainter.averageStart(t) : trail > 0 ? Math.max(0, k - trail) : 0;
    java.util.Set<Long> cells = new java.util.HashSet<>();
    for (int n = from + 1; n <= k; n++) {
      double x0 = map.toScreenX(averaged ? t.averagedCoordinate(n - 1, 0) : t.x(n - 1));
      double y0 = map.toScreenY(averaged ? t.averagedCoordinate(n - 1, 1) : t.y(n - 1));
      double x1 = map.toScreenX(averaged ? t.averagedCoordinate(n, 0) : t.x(n));
      double y1 = map.toScreenY(averaged ? t.averagedCoordinate(n, 1) : t.y(n));
      double d = Math.hypot(x1 - x0, y1 - y0);
      int samples = (int) Math.min(2000, Math.ceil(d));
      for (int i = 0; i < samples; i++) {
        double x = x0 + (x1 - x0) * i / samples;
        double y = y0 + (y1 - y0) * i / samples;
        if (map.containsScreen(x, y) && away(x, y, ends, clear)) {
          cells.add((long) Math.floor(x) << 32 | (long) Math.floor(y) & 0xFFFFFFFFL);
        }
      }
    }
    return cells.size();
  }
}
