package org.descent.scenario;

/**
 * Where a scenario's surface view looks from, in degrees: the azimuth counter-clockwise from
 * the +x axis seen from above, the elevation above the horizon (5 to 89), and the zoom (0.2 to
 * 10, 1 fits the whole box).
 */
public record CameraSetting(double azimuth, double elevation, double zoom) {

  public CameraSetting {
    if (!Double.isFinite(azimuth)) {
      throw new IllegalArgumentException("azimuth must be a finite angle in degrees, got "
          + azimuth);
    }
    if (!(elevation >= 5 && elevation <= 89)) {
      throw new IllegalArgumentException("elevation must be between 5 and 89 degrees, got "
          + elevation);
    }
    if (!(zoom >= 0.2 && zoom <= 10)) {
      throw new IllegalArgumentException("zoom must be between 0.2 and 10, got " + zoom);
    }
  }
}
