package org.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorMapTest {

  private final ColorMap viridis = ColorMap.viridis();

  private static void assertCloseColour(int expected, int actual) {
    for (int shift = 0; shift <= 16; shift += 8) {
      int e = (expected >> shift) & 255;
      int a = (actual >> shift) & 255;
      assertTrue(Math.abs(e - a) <= 1,
          String.format("expected %08X, got %08X", expected, actual));
    }
    assertEquals(0xFF, actual >>> 24, "opaque");
  }

  @Test
  void viridisRunsFromDarkVioletToYellowThroughItsControlPoints() {
    assertEquals(0xFF440154, viridis.argb(0));
    assertEquals(0xFFFDE725, viridis.argb(1));
    // R's viridis(10), the 5th and 8th colours
    assertCloseColour(0xFF26828E, viridis.argb(4 / 9.0));
    assertCloseColour(0xFF6DCD59, viridis.argb(7 / 9.0));
  }

  @Test
  void valuesOutsideTheUnitIntervalAreClamped() {
    assertEquals(viridis.argb(0), viridis.argb(-3));
    assertEquals(viridis.argb(1), viridis.argb(7));
    assertEquals(viridis.argb(0), viridis.argb(Double.NEGATIVE_INFINITY));
    assertEquals(viridis.argb(1), viridis.argb(Double.POSITIVE_INFINITY));
  }

  @Test
  void nanIsAGreyThatTheMapDoesNotContain() {
    int grey = viridis.argb(Double.NaN);
    assertEquals(ColorMap.NO_DATA, grey);
    int r = (grey >> 16) & 255;
    assertEquals(r, (grey >> 8) & 255);
    assertEquals(r, grey & 255);
    for (int k = 0; k <= 1000; k++) {
      assertNotEquals(grey, viridis.argb(k / 1000.0));
    }
  }

  @Test
  void everyColourIsOpaque() {
    for (int k = 0; k <= 1000; k++) {
      assertEquals(0xFF, viridis.argb(k / 1000.0) >>> 24);
    }
  }

  @Test
  void luminanceFormulaMatchesTheSrgbDefinition() {
    assertEquals(1, ColorMap.luminance(0xFFFFFFFF), 1e-12);
    assertEquals(0, ColorMap.luminance(0xFF000000), 0);
    // sRGB 128/255 = 0.50196 decodes to 0.21586 of linear light
    assertEquals(0.21586, ColorMap.luminance(0xFF808080), 1e-5);
    // pure green carries 0.7152 of the luminance (ITU-R BT.709)
    assertEquals(0.7152, ColorMap.luminance(0xFF00FF00), 1e-12);
  }

  @Test
  void luminanceRisesSteadilyAlongTheMap() {
    double previous = -1;
    for (int k = 0; k <= 100; k++) {
      double l = ColorMap.luminance(viridis.argb(k / 100.0));
      assertTrue(l > previous, "luminance falls at t = " + k / 100.0);
      previous = l;
    }
    // at full resolution it never falls by more than 8-bit rounding can explain
    previous = -1;
    for (int k = 0; k <= 4000; k++) {
      double l = ColorMap.luminance(viridis.argb(k / 4000.0));
      assertTrue(l > previous - 1e-3, "luminance falls at t = " + k / 4000.0);
      previous = Math.max(previous, l);
    }
    // and it spans most of the range, so the map is readable in grey too
    assertTrue(ColorMap.luminance(viridis.argb(1)) - ColorMap.luminance(viridis.argb(0)) > 0.7);
  }

  @Test
  void reversedIsTheMirrorImage() {
    ColorMap r = viridis.reversed();
    for (int k = 0; k <= 20; k++) {
      double t = k / 20.0;
      // equal up to the table's resolution (a half-way t rounds to neighbouring entries)
      assertCloseColour(viridis.argb(1 - t), r.argb(t));
    }
    assertEquals(viridis.argb(1), r.argb(0));
    assertEquals(viridis.argb(0), r.argb(1));
    assertEquals(ColorMap.NO_DATA, r.argb(Double.NaN));
  }
}
