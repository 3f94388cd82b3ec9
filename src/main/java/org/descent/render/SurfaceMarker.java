package org.descent.render;

/**
 * A round marker on the surface, such as a run's head or the start: at world (x, y), lifted
 * onto the surface, filled with {@code argb} and rimmed in black, {@code radius} pixels wide.
 * It is hidden where a hill stands in front of it, like the paths.
 */
public record SurfaceMarker(double x, double y, int argb, float radius) {

  public SurfaceMarker {
    if (!(radius > 0)) {
      throw new IllegalArgumentException("marker radius must be positive, got " + radius);
    }
  }
}
