package org.descent.render;

import static org.descent.render.ScalarGridTest.formula;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.function.ViewBox;
import org.junit.jupiter.api.Test;

class FilledContoursTest {

  private static final ColorMap MAP = ColorMap.viridis();
  // levels at quarters of [0, 1]: band middles 1/8, 3/8, 5/8, 7/8
  private static final ContourLevels QUARTERS =
      new ContourLevels(new double[] {0.25, 0.5, 0.75}, false, 0, 1);

  @Test
  void eachNodeIsPaintedTheColourOfTheMiddleOfItsBand() {
    ScalarGrid g = ScalarGrid.sample(formula("x + 0*y"), new ViewBox(0, 1, 0, 1), 11, 3);
    int[] image = FilledContours.render(g, QUARTERS, MAP);
    assertEquals(33, image.length);
    assertEquals(MAP.argb(0.125), image[0]); // x = 0
    assertEquals(MAP.argb(0.125), image[2]); // x = 0.2
    assertEquals(MAP.argb(0.375), image[3]); // x = 0.3
    assertEquals(MAP.argb(0.625), image[5]); // x = 0.5 is on a level: the band above
    assertEquals(MAP.argb(0.875), image[10]); // x = 1
    assertEquals(image[3], image[2 * 11 + 3], "every row alike");
  }

  @Test
  void rowZeroIsTheTopOfTheView() {
    ScalarGrid g = ScalarGrid.sample(formula("y + 0*x"), new ViewBox(0, 1, 0, 1), 4, 5);
    int[] image = FilledContours.render(g, QUARTERS, MAP);
    assertEquals(MAP.argb(0.875), image[0]); // row 0: y = 1
    assertEquals(MAP.argb(0.125), image[4 * 4]); // row 4: y = 0
  }

  @Test
  void missingValuesAreGreyStripesAndInfinitiesTheEndBands() {
    ScalarGrid g = ScalarGrid.of(new ViewBox(0, 1, 0, 1), 10, 2, new double[] {
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3,
        0.3});
    int[] image = FilledContours.render(g, QUARTERS, MAP);
    boolean twoGreys = false;
    for (int i = 0; i < 10; i++) {
      int c = image[i];
      assertEquals((c >> 16) & 255, c & 255, "grey");
      assertEquals((c >> 8) & 255, c & 255, "grey");
      twoGreys |= c != image[0];
    }
    assertTrue(twoGreys, "striped");
    assertEquals(MAP.argb(0.875), image[10]);
    assertEquals(MAP.argb(0.125), image[11]);
  }

  @Test
  void smoothRenderingFollowsTheValueWithinABand() {
    ScalarGrid g = ScalarGrid.sample(formula("x + 0*y"), new ViewBox(0, 1, 0, 1), 11, 2);
    int[] image = FilledContours.renderSmooth(g, QUARTERS, MAP);
    assertEquals(MAP.argb(0.3), image[3]);
    assertEquals(MAP.argb(0.4), image[4]);
    assertNotEquals(image[3], image[4]);
  }

  @Test
  void contourLinesDarkenThePixelsOnTheLevelOnly() {
    // f = x on 101 columns: the level 0.5 runs down column 50
    ScalarGrid g = ScalarGrid.sample(formula("x + 0*y"), new ViewBox(0, 1, 0, 1), 101, 21);
    ContourLevels half = new ContourLevels(new double[] {0.5}, false, 0, 1);
    int[] image = FilledContours.render(g, half, MAP);
    int[] before = image.clone();
    FilledContours.drawLines(image, g, half, 0xFF000000, 1f);
    int row = 10 * 101;
    assertTrue(ColorMap.luminance(image[row + 50]) < 0.5 * ColorMap.luminance(before[row + 50]));
    assertEquals(before[row + 20], image[row + 20]);
    assertEquals(before[row + 80], image[row + 80]);
  }
}
