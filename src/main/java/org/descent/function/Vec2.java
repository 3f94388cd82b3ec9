package org.descent.function;

/** A point of the plane. */
public record Vec2(double x, double y) {

  public double distanceTo(double px, double py) {
    return Math.hypot(x - px, y - py);
  }
}
