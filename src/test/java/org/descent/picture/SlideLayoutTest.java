package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

/** A slide gives up its parts in order as it shrinks: charts, then what is beside, then title. */
class SlideLayoutTest {

  @Test
  void aFullSlideHasEveryPartWithoutOverlap() {
    SlideLayout s = SlideLayout.of(1920, 1080, 27, 50, false);
    assertEquals(50, s.titleHeight());
    assertNotNull(s.beside());
    assertNotNull(s.charts());
    assertFalse(s.map().intersects(s.beside()));
    assertFalse(s.map().intersects(s.charts()));
    assertEquals(1080, s.map().height + s.charts().height + 50);
    assertEquals(1920, s.map().width + s.beside().width);
  }

  @Test
  void theChartsGoFirst() {
    // 12 px text: charts need 144 px and the map 4 × 12 + 60 = 108 px below a 25 px title
    SlideLayout s = SlideLayout.of(640, 25 + 144 + 107, 12, 25, false);
    assertNull(s.charts());
    assertNotNull(s.beside());
    assertEquals(25, s.titleHeight());
    assertEquals(new Rectangle(0, 25, 358, 251), s.map());
    assertNotNull(SlideLayout.of(640, 25 + 144 + 108, 12, 25, false).charts());
  }

  @Test
  void thenWhatStandsBeside() {
    SlideLayout s = SlideLayout.of(200, 400, 12, 25, false);
    assertNull(s.beside(), "the map would be 112 px wide, less than its 10 × 12 + 60 = 180");
    assertEquals(200, s.map().width);
    assertNotNull(s.charts());
    SlideLayout n = SlideLayout.of(300, 400, 12, 25, true);
    assertNull(n.beside(), "the network's column would be 120 px, less than 12 font heights");
    assertEquals(300, n.map().width);
  }

  @Test
  void thenTheTitleAndTheMapIsAll() {
    SlideLayout s = SlideLayout.of(160, 120, 12, 25, false);
    assertEquals(0, s.titleHeight());
    assertNull(s.beside());
    assertNull(s.charts());
    assertEquals(new Rectangle(0, 0, 160, 120), s.map());
  }

  @Test
  void aNetworkColumnTakesTheWholeHeightBesideMapAndCharts() {
    SlideLayout s = SlideLayout.of(1920, 1080, 27, 50, true);
    assertEquals(new Rectangle(1152, 50, 768, 1030), s.beside());
    assertEquals(1152, s.charts().width);
    assertTrue(s.map().height >= 27 * SlideLayout.MAP_MARGINS_DOWN + SlideLayout.PLOT_MIN);
  }

  private static void assertFalse(boolean b) {
    org.junit.jupiter.api.Assertions.assertFalse(b);
  }
}
