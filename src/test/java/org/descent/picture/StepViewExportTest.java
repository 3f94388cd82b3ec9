package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.descent.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The step inspector exported as the app shows it: at step k the map carries the first card's
 * step drawn from its iterate (dark arrow pixels there that the plain map lacks), and the
 * right part its numbers.
 */
class StepViewExportTest {

  private static int dark(BufferedImage img, double cx, double cy, int r) {
    int n = 0;
    for (int y = (int) cy - r; y <= cy + r; y++) {
      for (int x = (int) cx - r; x <= cx + r; x++) {
        if (x < 0 || y < 0 || x >= img.getWidth() || y >= img.getHeight()) {
          continue;
        }
        int c = img.getRGB(x, y);
        if (((c >> 16) & 255) < 50 && ((c >> 8) & 255) < 50 && (c & 255) < 60) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void theStepIsDrawnAtItsIterateAndItsNumbersBesideIt() throws Exception {
    RaceScene scene = RaceScene.of(ScenarioReader.read(
        Path.of("scenarios/momentum-ravine.yaml")));
    assertEquals(0, scene.inspectedOptimizer(), "the first card's steps");
    int w = 1600;
    int h = 900;
    int k = 20;
    Pictures pictures = new Pictures();
    BufferedImage step = pictures.draw(Pictures.View.STEP, scene, k, w, h, Look.LIGHT);
    int left = (int) Math.round(w * 0.58);
    BufferedImage plain = pictures.draw(Pictures.View.CONTOUR, scene, k, left, h, Look.LIGHT);
    MapGeometry a = MapGeometry.layout(scene.view(), left, h, Look.LIGHT);
    var t = scene.runs().get(0).trace();
    double sx = a.toScreenX(t.x(k));
    double sy = a.toScreenY(t.y(k));
    int withStep = dark(step, sx, sy, 45);
    int without = dark(plain, sx, sy, 45);
    assertTrue(withStep > without + 60, "the step's arrow at the iterate: " + withStep
        + " dark pixels against " + without);
    // The numbers: text in the right part, which the map does not reach.
    int text = dark(step, left + (w - left) / 2.0, 120, 100);
    assertTrue(text > 200, "the step's table beside the map: " + text);
  }
}
