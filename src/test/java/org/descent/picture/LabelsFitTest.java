package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.descent.analysis.HyperSearch;
import org.junit.jupiter.api.Test;

/**
 * Text in the pictures is shown whole: the early-stopping chart's "stop N" labels neither
 * cover each other nor leave the plot, a search's title drops words before it cuts its best
 * loss, and a slice whose losses differ only by rounding is called flat rather than drawn as
 * a landscape of 1e-15.
 */
class LabelsFitTest {

  private static final Rectangle2D PLOT = new Rectangle2D.Double(60, 20, 280, 180);

  private static void apartAndInside(Rectangle2D[] boxes) {
    for (int i = 0; i < boxes.length; i++) {
      Rectangle2D b = boxes[i];
      assertTrue(b.getMinX() >= PLOT.getMinX() && b.getMaxX() <= PLOT.getMaxX()
          && b.getMinY() >= PLOT.getMinY() && b.getMaxY() <= PLOT.getMaxY(),
          "label " + i + " " + b + " leaves the plot " + PLOT);
      for (int j = 0; j < i; j++) {
        assertFalse(b.intersects(boxes[j]), "labels " + j + " and " + i + " overlap: "
            + boxes[j] + ", " + b);
      }
    }
  }

  @Test
  void theEarlyStoppingLabelsStandApart() {
    // The demo's stops at steps 20 and 120 of 1,500, 280 px of plot: 22 px apart.
    double x20 = PLOT.getMinX() + 20 / 1500.0 * PLOT.getWidth();
    double x120 = PLOT.getMinX() + 120 / 1500.0 * PLOT.getWidth();
    apartAndInside(GuideLabels.place(new double[] {x120, x20}, new double[] {62, 54}, 16, PLOT,
        3));
  }

  @Test
  void aLabelAtTheRightEdgeStaysInside() {
    Rectangle2D[] boxes = GuideLabels.place(new double[] {PLOT.getMaxX() - 2,
        PLOT.getMaxX() - 10, PLOT.getMinX()}, new double[] {70, 70, 70}, 16, PLOT, 3);
    apartAndInside(boxes);
    assertTrue(boxes[0].getMaxX() <= PLOT.getMaxX() - 2, "left of its line");
  }

  @Test
  void aSearchTitleKeepsItsBestLossWhenNarrow() {
    HyperSearch.Trial best = new HyperSearch.Trial(0.01, 0.9, 0.012345);
    HyperSearch.Result r = new HyperSearch.Result("random", List.of(best,
        new HyperSearch.Trial(0.1, 0.5, 3)), best);
    String title = SearchPicture.title(r, "rate");
    BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setFont(Look.LIGHT.scaled(2, 18).font(Font.BOLD, 18));
    String full = AnalysisPlot.shortestNeeded(g, title, 2000);
    assertEquals("random search: 2 runs, 2 rates; best f " + Numbers.format(0.012345), full);
    for (int width = 400; width >= 150; width -= 10) {
      String shown = AnalysisPlot.shortestNeeded(g, title, width);
      assertTrue(g.getFontMetrics().stringWidth(shown) <= width, shown + " in " + width);
      assertTrue(shown.endsWith("best f " + Numbers.format(0.012345)),
          "at " + width + " px the title reads '" + shown + "'");
    }
    g.dispose();
  }

  @Test
  void aSliceOfRoundingNoiseIsFlat() {
    double[] noise = new double[9];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = 0.6931471805599453 + (i % 3) * 1e-16;
    }
    assertTrue(SlicePicture.flat(noise));
    double[] real = noise.clone();
    real[4] += 1e-6;
    assertFalse(SlicePicture.flat(real));
  }

  @Test
  void aFlatSliceIsDrawnAsOneColourWithoutAColourBar() {
    int n = 5;
    double[] values = new double[n * n];
    for (int i = 0; i < values.length; i++) {
      values[i] = 0.6931471805599453 + ((i * 7) % 5) * 1.1e-16;
    }
    SlicePicture.Field field = new SlicePicture.Field(-1, 1, -1, 1, n, values, "a", "b",
        List.of());
    BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    SlicePicture.draw(g, Look.LIGHT, 400, 300, field, "loss slice");
    g.dispose();
    // Down the middle of the plot, below the note: one colour, no contour band.
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 120; y < 220; y++) {
      colours.add(img.getRGB(150, y));
    }
    assertEquals(1, colours.size(), "the flat slice shows " + colours.size() + " colours");
    // No colour bar right of the plot: its column is background only.
    java.util.Set<Integer> bar = new java.util.HashSet<>();
    for (int x = 345; x < 400; x++) {
      bar.add(img.getRGB(x, 150));
    }
    assertEquals(1, bar.size(), "something is drawn right of a flat slice");
  }
}
