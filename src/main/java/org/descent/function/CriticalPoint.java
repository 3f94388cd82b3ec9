package org.descent.function;

/** A point where ∇f = 0, with its kind and value. */
public record CriticalPoint(double x, double y, Kind kind, double value) {

  /** What the curvature makes of a critical point. */
  public enum Kind {
    MINIMUM, SADDLE, MAXIMUM;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
