package org.descent.render;

import static org.descent.render.ScalarGridTest.formula;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.descent.function.ViewBox;
import org.junit.jupiter.api.Test;

class SurfaceRendererTest {

  private static final int W = 300;
  private static final int H = 240;
  private static final int WHITE = 0xFFFFFFFF;
  private static final int RED = 0xFFFF0000;
  private static final ViewBox SQUARE = new ViewBox(-1, 1, -1, 1);
  private static final ColorMap MAP = ColorMap.viridis();
  // One level at 0.5 on a linear scale over [0, 1]: a value is its own height.
  private static final ContourLevels UNIT = new ContourLevels(new double[] {0.5}, false, 0, 1);

  private final SurfaceRenderer renderer = new SurfaceRenderer();

  /** A mesh whose heights are h(x, y) on a 61 × 61 grid over the square. */
  private static SurfaceMesh mesh(DoubleBinaryOperator h) {
    int n = 61;
    double[] values = new double[n * n];
    ScalarGrid nodes = ScalarGrid.of(SQUARE, n, n, values);
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        values[j * n + i] = h.applyAsDouble(nodes.x(i), nodes.y(j));
      }
    }
    return SurfaceMesh.of(ScalarGrid.of(SQUARE, n, n, values), UNIT, MAP);
  }

  private static Camera camera(double azimuthDegrees, double elevationDegrees) {
    return new Camera(Math.toRadians(azimuthDegrees), Math.toRadians(elevationDegrees), 1);
  }

  private static int pixel(int[] image, double[] screen) {
    return image[(int) screen[1] * W + (int) screen[0]];
  }

  private static boolean isRed(int argb) {
    return ((argb >> 16) & 255) > 200 && ((argb >> 8) & 255) < 60 && (argb & 255) < 60;
  }

  // Shading scales a colour: the pixel has the palette colour's proportions.
  private static boolean isShadeOf(int colour, int pixel) {
    double g = (colour >> 8) & 255;
    double pg = (pixel >> 8) & 255;
    return pg > 0 && Math.abs(((colour >> 16) & 255) / g - ((pixel >> 16) & 255) / pg) < 0.1
        && Math.abs((colour & 255) / g - (pixel & 255) / pg) < 0.1;
  }

  @Test
  void theViewCentreAtHalfHeightLandsAtTheImageCentreFromAnyAngle() {
    for (ViewBox view : new ViewBox[] {new ViewBox(-2, 2, -1, 3), new ViewBox(0, 10, 5, 7)}) {
      SurfaceMesh m = SurfaceMesh.of(ScalarGrid.sample(formula("x*y"), view, 20, 30),
          ContourLevels.choose(-1, 1, 5), MAP);
      for (int az = -180; az < 180; az += 15) {
        for (int el = 5; el <= 89; el += 21) {
          double[] s = renderer.project(m, new Camera(Math.toRadians(az), Math.toRadians(el),
              1.7), 900, 700, (view.xMin() + view.xMax()) / 2,
              (view.yMin() + view.yMax()) / 2, 0.5);
          assertEquals(450, s[0], 1e-9, "azimuth " + az + ", elevation " + el);
          assertEquals(350, s[1], 1e-9, "azimuth " + az + ", elevation " + el);
        }
      }
    }
  }

  @Test
  void turningTheCameraHalfWayRoundSwapsLeftAndRight() {
    SurfaceMesh m = mesh((x, y) -> 0.5);
    for (int az = -180; az < 180; az += 20) {
      Camera c = camera(az, 35);
      Camera opposite = c.rotated(Math.PI, 0);
      for (double[] p : new double[][] {{1, 0, 0.5}, {0.3, -0.8, 0.9}, {-1, 1, 0}}) {
        double sx = renderer.project(m, c, W, H, p[0], p[1], p[2])[0];
        double ox = renderer.project(m, opposite, W, H, p[0], p[1], p[2])[0];
        assertEquals(W / 2.0 - sx, ox - W / 2.0, 1e-9, "azimuth " + az);
      }
    }
  }

  @Test
  void projectionIsOrthographicWithTheElevationAsTilt() {
    // Seen from the front (camera on the −y side), at elevation e: a step along x moves
    // right by s, the same step along y moves up by s·sin e, and a height step up by s·cos e.
    SurfaceMesh m = mesh((x, y) -> 0.5);
    for (double e : new double[] {10, 30, 60, 85}) {
      Camera c = camera(-90, e);
      double[] right = renderer.project(m, c, W, H, 1, 0, 0.5);
      double[] far = renderer.project(m, c, W, H, 0, 1, 0.5);
      double[] up = renderer.project(m, c, W, H, 0, 0, 1);
      double s = right[0] - W / 2.0;
      assertTrue(s > 0);
      assertEquals(H / 2.0, right[1], 1e-9);
      assertEquals(W / 2.0, far[0], 1e-9);
      assertEquals(s * Math.sin(Math.toRadians(e)), H / 2.0 - far[1], 1e-9);
      assertEquals(0.5 * s * Math.cos(Math.toRadians(e)), H / 2.0 - up[1], 1e-9);
      double[] zoomed = renderer.project(m, c.zoomed(2), W, H, 1, 0, 0.5);
      assertEquals(2 * s, zoomed[0] - W / 2.0, 1e-9);
    }
  }

  @Test
  void projectUsesTheSurfaceHeightAndGivesNaNWhereThereIsNone() {
    SurfaceMesh m = mesh((x, y) -> x > 0.5 ? Double.NaN : 0.25 + 0.5 * (y + 1) / 2);
    Camera c = camera(-50, 40);
    assertArrayEquals(renderer.project(m, c, W, H, 0.1, 0.2, m.height(0.1, 0.2)),
        renderer.project(m, c, W, H, 0.1, 0.2), 1e-12);
    double[] none = renderer.project(m, c, W, H, 0.9, 0);
    assertTrue(Double.isNaN(none[0]) && Double.isNaN(none[1]));
  }

  @Test
  void aHigherSurfaceInFrontHidesALowerOneBehindIt() {
    // A plateau of height 1 over y < 0, ground at 0 behind it, seen from the front.
    Camera c = camera(-90, 60);
    SurfaceMesh step = mesh((x, y) -> y < 0 ? 1 : 0);
    SurfaceMesh ground = mesh((x, y) -> 0);
    double[] behind = renderer.project(ground, c, W, H, 0, 0.15, 0);
    int high = MAP.argb(UNIT.bandFraction(1));
    int low = MAP.argb(UNIT.bandFraction(0));
    int open = pixel(renderer.render(ground, c, W, H, WHITE, List.of()), behind);
    assertTrue(isShadeOf(low, open), String.format("ground %08X", open));
    int hidden = pixel(renderer.render(step, c, W, H, WHITE, List.of()), behind);
    assertTrue(isShadeOf(high, hidden), String.format("plateau %08X", hidden));
  }

  @Test
  void aPathBehindAHillIsHiddenWhereTheHillIsInFront() {
    DoubleBinaryOperator hill = (x, y) -> Math.exp(-(x * x + y * y) / 0.0625);
    Camera c = camera(-90, 15);
    SurfacePath behind = new SurfacePath(new double[] {-0.15, 0.5, 0.15, 0.5}, RED, 3);
    SurfacePath before = new SurfacePath(new double[] {-0.15, -0.5, 0.15, -0.5}, RED, 3);
    SurfaceMesh hilly = mesh(hill);
    SurfaceMesh flat = mesh((x, y) -> 0);
    int[] withHill = renderer.render(hilly, c, W, H, WHITE, List.of(behind, before));
    int[] withoutHill = renderer.render(flat, c, W, H, WHITE, List.of(behind, before));
    for (double x = -0.1; x <= 0.1; x += 0.05) {
      assertTrue(isRed(pixel(withoutHill, renderer.project(flat, c, W, H, x, 0.5))),
          "visible without the hill at x = " + x);
      assertFalse(isRed(pixel(withHill, renderer.project(hilly, c, W, H, x, 0.5))),
          "hidden by the hill at x = " + x);
      assertTrue(isRed(pixel(withHill, renderer.project(hilly, c, W, H, x, -0.5))),
          "the path in front of the hill is visible at x = " + x);
    }
  }

  @Test
  void aMarkerBehindAHillIsHiddenAndOneInFrontIsDrawnWhole() {
    DoubleBinaryOperator hill = (x, y) -> Math.exp(-(x * x + y * y) / 0.0625);
    Camera c = camera(-90, 15);
    SurfaceMesh hilly = mesh(hill);
    SurfaceMarker behind = new SurfaceMarker(0, 0.5, RED, 6);
    SurfaceMarker before = new SurfaceMarker(0, -0.5, RED, 6);
    int[] image = renderer.render(hilly, c, W, H, WHITE, List.of(), List.of(behind, before));
    double[] b = renderer.project(hilly, c, W, H, 0, 0.5);
    double[] f = renderer.project(hilly, c, W, H, 0, -0.5);
    assertFalse(isRed(pixel(image, b)), "the marker behind the hill is hidden");
    assertTrue(isRed(pixel(image, f)), "the marker in front is drawn");
    // whole: 3 pixels off its centre, still inside its fill (radius 6, rim 1.2)
    assertTrue(isRed(pixel(image, new double[] {f[0] + 3, f[1]})));
    assertTrue(isRed(pixel(image, new double[] {f[0], f[1] - 3})));
  }

  @Test
  void runsEndingOnTheSamePointShareOneSplitDiscNotRings() {
    int blue = 0xFF0000FF;
    SurfaceMesh flat = mesh((x, y) -> 0.3);
    Camera c = camera(-90, 60);
    // The start under the two heads, as in a run that never moved.
    List<SurfaceMarker> markers = List.of(new SurfaceMarker(0, 0, RED, 7),
        new SurfaceMarker(0, 0, blue, 7), new SurfaceMarker(0, 0, WHITE, 6));
    int[] image = renderer.render(flat, c, W, H, WHITE, List.of(), markers);
    double[] at = renderer.project(flat, c, W, H, 0, 0);
    // The first run's slice from the top clockwise (the right half), the second's the left.
    assertTrue(isRed(pixel(image, new double[] {at[0] + 3, at[1]})), "red on the right");
    int left = pixel(image, new double[] {at[0] - 3, at[1]});
    assertTrue((left & 0xFFFFFF) == 0x0000FF, String.format("blue on the left: %08X", left));
    // One disc a little larger than a head (7 × 1.15 and its edge), no ring around it.
    for (int d = 10; d <= 16; d++) {
      for (double[] p : List.of(new double[] {at[0] + d, at[1]},
          new double[] {at[0] - d, at[1]}, new double[] {at[0], at[1] + d})) {
        int q = pixel(image, p);
        assertFalse(isRed(q) || (q & 0xFFFFFF) == 0x0000FF || (q & 0xFFFFFF) == 0,
            String.format("a ring %d px from the centre: %08X", d, q));
      }
    }
  }

  @Test
  void aLookAlongAValleyShowsAMarkerOnItsFloor() {
    // A ravine with condition number 100 on a log scale, as in the momentum demo.
    ViewBox view = new ViewBox(-3, 3, -1.5, 1.5);
    ScalarGrid g = ScalarGrid.sample(formula("0.5*(x^2 + 100*y^2)"), view, 100, 100);
    ContourLevels levels = ContourLevels.choose(g, 18);
    SurfaceMesh ravine = SurfaceMesh.sample(formula("0.5*(x^2 + 100*y^2)"), view, 100, 100,
        levels, MAP);
    Camera side = camera(-90, 30);
    Camera along = Camera.alongValley(1, 0, 100, -2.8, 1);
    SurfaceMarker atMinimum = new SurfaceMarker(0, 0, RED, 7);
    int[] fromSide = renderer.render(ravine, side, W, H, WHITE, List.of(), List.of(atMinimum));
    int[] fromEnd = renderer.render(ravine, along, W, H, WHITE, List.of(), List.of(atMinimum));
    assertFalse(isRed(pixel(fromSide, renderer.project(ravine, side, W, H, 0, 0))),
        "from the side, the wall hides the floor");
    assertTrue(isRed(pixel(fromEnd, renderer.project(ravine, along, W, H, 0, 0))),
        "looking along the ravine, the floor is in sight");
  }

  @Test
  void alongValleyLooksAlongTheLeastCurvedAxisFromTheEndAwayFromTheStart() {
    Camera c = Camera.alongValley(1, 0, 100, -2.8, 1);
    // the long axis is x; the start is at negative x, so the camera stands at +x, 20° aside
    assertEquals(Math.toRadians(-20), c.azimuth(), 1e-12);
    Camera rotated = Camera.alongValley(50.5, 49.5, 50.5, 1, 1); // long axis along (1, -1)
    assertEquals(Math.toRadians(-45 - 20), rotated.azimuth(), 1e-9);
    assertEquals(Camera.DEFAULT, Camera.alongValley(1, 0, 2, 1, 1), "a round bowl");
    assertEquals(Camera.DEFAULT, Camera.alongValley(1, 0, -1, 1, 1), "a saddle");
  }

  @Test
  void aPathFollowsTheSurfaceBetweenItsPoints() {
    // Two points on either side of a ridge: the line between them is draped over the ridge,
    // so it shows at the ridge's top, not at a straight chord through it.
    SurfaceMesh ridge = mesh((x, y) -> Math.exp(-x * x / 0.02));
    Camera c = camera(-90, 30);
    SurfacePath across = new SurfacePath(new double[] {-0.8, 0, 0.8, 0}, RED, 3);
    int[] image = renderer.render(ridge, c, W, H, WHITE, List.of(across));
    assertTrue(isRed(pixel(image, renderer.project(ridge, c, W, H, 0, 0))), "on the ridge");
  }

  @Test
  void missingHeightsAndPathsThroughThemDoNotBreakTheFrame() {
    SurfaceMesh holes = SurfaceMesh.sample(formula("sqrt(x) + log(y + 0.5)"), SQUARE, 40, 40,
        ContourLevels.choose(-1, 2, 8), MAP);
    SurfacePath path = new SurfacePath(new double[] {-0.9, -0.9, 0.9, 0.9, Double.NaN, 0, 5, 5,
        0.5, 0.5}, RED, 2);
    int[] image = renderer.render(holes, Camera.DEFAULT, W, H, WHITE, List.of(path));
    assertEquals(W * H, image.length);
    int background = 0;
    for (int p : image) {
      background += p == WHITE ? 1 : 0;
    }
    assertTrue(background > 0 && background < W * H, "part surface, part background");
    SurfaceMesh nothing = mesh((x, y) -> Double.NaN);
    int[] empty = renderer.render(nothing, Camera.DEFAULT, W, H, WHITE, List.of(path));
    assertEquals(WHITE, empty[H / 2 * W + W / 2]);
  }

  @Test
  void framesDoNotDependOnWhatWasRenderedBefore() {
    SurfaceMesh hill = mesh((x, y) -> Math.exp(-(x * x + y * y) / 0.1));
    List<SurfacePath> paths = List.of(new SurfacePath(new double[] {-1, -1, 1, 1}, RED, 2));
    int[] first = renderer.render(hill, Camera.DEFAULT, W, H, WHITE, paths);
    renderer.render(mesh((x, y) -> 1 - x * x), camera(10, 70), 2 * W, H, 0xFF000000,
        List.of());
    int[] again = new int[W * H];
    renderer.renderInto(again, hill, Camera.DEFAULT, W, H, WHITE, paths);
    assertArrayEquals(first, again);
    assertArrayEquals(first, new SurfaceRenderer().render(hill, Camera.DEFAULT, W, H, WHITE,
        paths));
  }

  @Test
  void theImageCornersShowTheBackground() {
    int[] image = renderer.render(mesh((x, y) -> 0.5), Camera.DEFAULT, W, H, 0xFF123456,
        List.of());
    assertEquals(0xFF123456, image[0]);
    assertEquals(0xFF123456, image[W * H - 1]);
  }
}
