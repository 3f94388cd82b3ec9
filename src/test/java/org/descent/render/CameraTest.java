package org.descent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CameraTest {

  @Test
  void elevationAndZoomAreKeptUsable() {
    assertEquals(Math.toRadians(5), new Camera(0, -1, 1).elevation(), 1e-15);
    assertEquals(Math.toRadians(89), new Camera(0, 3, 1).elevation(), 1e-15);
    assertEquals(Camera.MIN_ZOOM, new Camera(0, 0.5, 1e-6).zoom(), 0);
    assertEquals(Camera.MAX_ZOOM, new Camera(0, 0.5, 1e6).zoom(), 0);
  }

  @Test
  void azimuthWrapsAround() {
    assertEquals(-Math.PI / 2, new Camera(3 * Math.PI / 2, 0.5, 1).azimuth(), 1e-12);
    assertEquals(Math.PI / 4, new Camera(Math.PI / 4 + 4 * Math.PI, 0.5, 1).azimuth(), 1e-12);
  }

  @Test
  void rotatedAndZoomedComposeWithTheCurrentView() {
    Camera c = Camera.DEFAULT.rotated(0.25, 0.125).zoomed(2).zoomed(1.5);
    assertEquals(Camera.DEFAULT.azimuth() + 0.25, c.azimuth(), 1e-15);
    assertEquals(Camera.DEFAULT.elevation() + 0.125, c.elevation(), 1e-15);
    assertEquals(3, c.zoom(), 1e-15);
  }

  @Test
  void defaultLooksFromTheFrontRightAndAbove() {
    assertEquals(Math.toRadians(-60), Camera.DEFAULT.azimuth(), 1e-15);
    assertEquals(Math.toRadians(30), Camera.DEFAULT.elevation(), 1e-15);
    assertEquals(1, Camera.DEFAULT.zoom(), 0);
  }

  @Test
  void badNumbersAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Camera(Double.NaN, 0.5, 1));
    assertThrows(IllegalArgumentException.class, () -> new Camera(0, 0.5, 0));
    assertThrows(IllegalArgumentException.class, () -> Camera.DEFAULT.zoomed(-1));
  }
}
