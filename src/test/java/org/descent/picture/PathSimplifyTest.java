package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The paths' simplification drops only what cannot be seen: every original point lies within
 * a quarter pixel of the simplified polyline, the ends stay, and a smooth path loses most of
 * its points while a zigzag keeps every corner.
 */
class PathSimplifyTest {

  @Test
  void everyDroppedPointLiesWithinAQuarterPixelOfWhatIsDrawn() {
    SplittableRandom r = new SplittableRandom(3);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + r.nextInt(400);
      double[] pts = new double[2 * n];
      double x = 100;
      double y = 100;
      double heading = r.nextDouble(0, 2 * Math.PI);
      for (int i = 0; i < n; i++) {
        // A wandering path: smooth stretches, sharp turns, tiny steps and long jumps.
        heading += r.nextInt(10) == 0 ? r.nextDouble(-3, 3) : r.nextDouble(-0.05, 0.05);
        double step = r.nextInt(20) == 0 ? r.nextDouble(20, 80) : r.nextDouble(0, 2);
        x += step * Math.cos(heading);
        y += step * Math.sin(heading);
        pts[2 * i] = x;
        pts[2 * i + 1] = y;
      }
      double[] kept = MapPainter.simplify(pts, n);
      assertEquals(pts[0], kept[0]);
      assertEquals(pts[1], kept[1]);
      assertEquals(pts[2 * n - 2], kept[kept.length - 2]);
      assertEquals(pts[2 * n - 1], kept[kept.length - 1]);
      // Each original point, in order, lies near the segment between the kept points around
      // it (the kept points are a subsequence of the original ones).
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (k + 1 < kept.length / 2 && kept[2 * k + 2] == pts[2 * i]
            && kept[2 * k + 3] == pts[2 * i + 1]) {
          k++;
        }
        double d = k + 1 < kept.length / 2 ? distanceToSegment(pts[2 * i], pts[2 * i + 1],
            kept, k) : Math.hypot(pts[2 * i] - kept[2 * k], pts[2 * i + 1] - kept[2 * k + 1]);
        assertTrue(d <= MapPainter.SIMPLIFY + 1e-9, "point " + i + " is " + d + " px away");
      }
    }
  }

  @Test
  void aSmoothArcLosesMostPointsAndAZigzagKeepsItsCorners() {
    int n = 1000;
    double[] arc = new double[2 * n];
    double[] zigzag = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double t = i / (double) (n - 1) * Math.PI;
      arc[2 * i] = 300 + 200 * Math.cos(t);
      arc[2 * i + 1] = 300 - 200 * Math.sin(t);
      zigzag[2 * i] = i * 0.5;
      zigzag[2 * i + 1] = i % 2 == 0 ? 100 : 140;
    }
    assertTrue(MapPainter.simplify(arc, n).length / 2 < 60,
        "an arc of 628 pixels needs few segments at a quarter pixel");
    assertEquals(n, MapPainter.simplify(zigzag, n).length / 2);
  }

  private static double distanceToSegment(double px, double py, double[] kept, int seg) {
    if (kept.length < 4) {
      return Math.hypot(px - kept[0], py - kept[1]);
    }
    double ax = kept[2 * seg];
    double ay = kept[2 * seg + 1];
    double dx = kept[2 * seg + 2] - ax;
    double dy = kept[2 * seg + 3] - ay;
    double len2 = dx * dx + dy * dy;
    double u = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    return Math.hypot(px - ax - u * dx, py - ay - u * dy);
  }
}
