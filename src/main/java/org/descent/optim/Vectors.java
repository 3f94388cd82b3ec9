package org.descent.optim;

/** The few vector operations the algorithms share, on plain arrays, allocating nothing. */
public final class Vectors {

  private Vectors() {}

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Euclidean norm, without overflow for large entries. */
  public static double norm(double[] a) {
    if (a.length == 2) {
      return Math.hypot(a[0], a[1]);
    }
    double scale = 0;
    for (double v : a) {
      scale = Math.max(scale, Math.abs(v));
    }
    if (scale == 0 || !Double.isFinite(scale)) {
      return scale == 0 ? 0 : (Double.isNaN(scale) ? Double.NaN : Double.POSITIVE_INFINITY);
    }
    double s = 0;
    for (double v : a) {
      double r = v / scale;
      s += r * r;
    }
    return scale * Math.sqrt(s);
  }

  /** out = x + α d. */
  public static void axpy(double[] x, double alpha, double[] d, double[] out) {
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] + alpha * d[i];
    }
  }

  public static boolean allFinite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  public static boolean isZero(double[] a) {
    for (double v : a) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }
}
