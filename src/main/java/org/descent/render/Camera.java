package org.descent.render;

/**
 * Where the surface is seen from: the camera circles the landscape at {@code azimuth} (radians,
 * counter-clockwise from the +x axis, seen from above) and looks down at {@code elevation}
 * (radians above the horizon). {@code zoom} 1 fits the whole box in the image; 2 shows it twice
 * as large.
 *
 * <p>Elevation is kept in [5°, 89°]: below 5° the surface is seen edge-on, and at 90° the
 * azimuth would stop meaning anything. Zoom is kept in [0.2, 10], azimuth in [−π, π), so a
 * camera built from mouse drags is always usable.
 */
public record Camera(double azimuth, double elevation, double zoom) {

  public static final double MIN_ELEVATION = Math.toRadians(5);
  public static final double MAX_ELEVATION = Math.toRadians(89);
  public static final double MIN_ZOOM = 0.2;
  public static final double MAX_ZOOM = 10;

  /** From the front right and above (azimuth −60°, elevation 30°), like matplotlib's 3-D. */
  public static final Camera DEFAULT = new Camera(Math.toRadians(-60), Math.toRadians(30), 1);

  public Camera {
    if (!Double.isFinite(azimuth) || !Double.isFinite(elevation) || !(zoom > 0)
        || !Double.isFinite(zoom)) {
      throw new IllegalArgumentException("a camera needs a finite azimuth and elevation and a "
          + "positive zoom, got " + azimuth + ", " + elevation + ", " + zoom);
    }
    azimuth -= 2 * Math.PI * Math.floor((azimuth + Math.PI) / (2 * Math.PI));
    elevation = Math.max(MIN_ELEVATION, Math.min(MAX_ELEVATION, elevation));
    zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
  }

  /** Turned by dAzimuth around the vertical and tilted by dElevation (radians). */
  public Camera rotated(double dAzimuth, double dElevation) {
    return new Camera(azimuth + dAzimuth, elevation + dElevation, zoom);
  }

  /** Zoomed by a factor (greater than 1 comes closer). */
  public Camera zoomed(double factor) {
    if (!(factor > 0) || !Double.isFinite(factor)) {
      throw new IllegalArgumentException("zoom factor must be positive, got " + factor);
    }
    return new Camera(azimuth, elevation, zoom * factor);
  }
}
