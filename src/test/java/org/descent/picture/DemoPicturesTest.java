package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.descent.function.Vec2;
import org.descent.scenario.BuiltInScenarios;
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
    int bouncing = s.pixelsOf("lr 0.20 = 1.0 x 2/lambda_max");
    int exploding = s.pixelsOf("lr 0.22 = 1.1 x 2/lambda_max");
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
}
