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

  /**
   * A camera that looks along a valley instead of at its wall: for a minimum whose Hessian is
   * [[hxx, hxy], [hxy, hyy]] with condition number of 4 or more, the camera stands at the end of
   * the valley's long axis (the direction of least curvature) away from the start, 20° to the
   * side, looking down at 60°, so the floor, the path along it and the walls' profile all show.
   * Round bowls, saddles and undefined curvature keep the default camera.
   *
   * @param awayX direction from the minimum towards the start (the camera goes the other way)
   */
  public static Camera alongValley(double hxx, double hxy, double hyy, double awayX,
      double awayY) {
    double mean = 0.5 * (hxx + hyy);
    double half = Math.hypot(0.5 * (hxx - hyy), hxy);
    double large = mean + half;
    double small = mean - half;
    if (!(small > 0) || !Double.isFinite(large) || large < 4 * small) {
      return DEFAULT;
    }
    // Eigenvector of the smaller eigenvalue: (hxy, small - hxx), or (small - hyy, hxy).
    double vx = hxy;
    double vy = small - hxx;
    if (Math.hypot(vx, vy) < 1e-12 * Math.max(1, Math.abs(large))) {
      vx = small - hyy;
      vy = hxy;
    }
    if (vx * awayX + vy * awayY > 0) {
      vx = -vx;
      vy = -vy;
    }
    double axis = Math.atan2(vy, vx);
    return new Camera(axis - Math.toRadians(20), Math.toRadians(60), 1);
  }

  /**
   * The camera a landscape gets unless its scenario names one: {@link #alongValley} of its
   * lowest minimum, from the end away from the start; the default without a minimum.
   */
  public static Camera forLandscape(org.descent.function.Landscape l,
      org.descent.function.Vec2 start) {
    org.descent.function.CriticalPoint best = null;
    for (org.descent.function.CriticalPoint p : l.minima()) {
      if (best == null || p.value() < best.value()) {
        best = p;
      }
    }
    if (best == null || start == null) {
      return DEFAULT;
    }
    double[] j = new double[6];
    l.formula().objective().jet(best.x(), best.y(), j);
    return alongValley(j[3], j[4], j[5], start.x() - best.x(), start.y() - best.y());
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
