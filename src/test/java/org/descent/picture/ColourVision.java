package org.descent.picture;

/**
 * How a colour looks to a student, for the palette test: the dichromat simulations of
 * Machado, Oliveira and Fernandes (2009), "A Physiologically-based Model for Simulation of
 * Color Vision Deficiency", IEEE TVCG 15(6), at severity 1.0 (the matrices of their table,
 * applied to linear sRGB), CIELAB under D65 and the CIEDE2000 colour difference (Sharma, Wu
 * and Dalal 2005).
 */
final class ColourVision {

  /** Whose eyes. */
  enum Vision {
    NORMAL(null),
    DEUTERANOPIA(new double[][] {
        {0.367322, 0.860646, -0.227968},
        {0.280085, 0.672501, 0.047413},
        {-0.011820, 0.042940, 0.968881}}),
    PROTANOPIA(new double[][] {
        {0.152286, 1.052583, -0.204868},
        {0.114503, 0.786281, 0.099216},
        {-0.003882, -0.048116, 1.051998}});

    private final double[][] matrix;

    Vision(double[][] matrix) {
      this.matrix = matrix;
    }

    /** The linear sRGB a dichromat of this kind sees for an opaque colour, clamped to [0, 1]. */
    double[] sees(int rgb) {
      double[] lin = {linear(rgb >> 16 & 255), linear(rgb >> 8 & 255), linear(rgb & 255)};
      if (matrix == null) {
        return lin;
      }
      double[] out = new double[3];
      for (int i = 0; i < 3; i++) {
        double v = 0;
        for (int j = 0; j < 3; j++) {
          v += matrix[i][j] * lin[j];
        }
        out[i] = Math.max(0, Math.min(1, v));
      }
      return out;
    }
  }

  private ColourVision() {}

  static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** CIELAB (D65 white) of a linear sRGB colour. */
  static double[] lab(double[] lin) {
    double x = 0.4124564 * lin[0] + 0.3575761 * lin[1] + 0.1804375 * lin[2];
    double y = 0.2126729 * lin[0] + 0.7151522 * lin[1] + 0.0721750 * lin[2];
    double z = 0.0193339 * lin[0] + 0.1191920 * lin[1] + 0.9503041 * lin[2];
    double fx = f(x / 0.95047);
    double fy = f(y);
    double fz = f(z / 1.08883);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  private static double f(double t) {
    double d = 6.0 / 29;
    return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
  }

  /** ΔE2000 between two colours as a student with this vision sees them. */
  static double difference(Vision v, int rgb1, int rgb2) {
    return ciede2000(lab(v.sees(rgb1)), lab(v.sees(rgb2)));
  }

  /** CIEDE2000 with kL = kC = kH = 1. */
  static double ciede2000(double[] lab1, double[] lab2) {
    double l1 = lab1[0];
    double a1 = lab1[1];
    double b1 = lab1[2];
    double l2 = lab2[0];
    double a2 = lab2[1];
    double b2 = lab2[2];
    double cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
    double c7 = Math.pow(cBar, 7);
    double g = 0.5 * (1 - Math.sqrt(c7 / (c7 + Math.pow(25, 7))));
    double a1p = (1 + g) * a1;
    double a2p = (1 + g) * a2;
    double c1p = Math.hypot(a1p, b1);
    double c2p = Math.hypot(a2p, b2);
    double h1p = hue(b1, a1p);
    double h2p = hue(b2, a2p);
    double dLp = l2 - l1;
    double dCp = c2p - c1p;
    double dhp;
    if (c1p * c2p == 0) {
      dhp = 0;
    } else {
      dhp = h2p - h1p;
      if (dhp > 180) {
        dhp -= 360;
      } else if (dhp < -180) {
        dhp += 360;
      }
    }
    double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));
    double lBarP = (l1 + l2) / 2;
    double cBarP = (c1p + c2p) / 2;
    double hBarP;
    if (c1p * c2p == 0) {
      hBarP = h1p + h2p;
    } else if (Math.abs(h1p - h2p) <= 180) {
      hBarP = (h1p + h2p) / 2;
    } else if (h1p + h2p < 360) {
      hBarP = (h1p + h2p + 360) / 2;
    } else {
      hBarP = (h1p + h2p - 360) / 2;
    }
    double t = 1 - 0.17 * cos(hBarP - 30) + 0.24 * cos(2 * hBarP) + 0.32 * cos(3 * hBarP + 6)
        - 0.20 * cos(4 * hBarP - 63);
    double dTheta = 30 * Math.exp(-Math.pow((hBarP - 275) / 25, 2));
    double cBarP7 = Math.pow(cBarP, 7);
    double rc = 2 * Math.sqrt(cBarP7 / (cBarP7 + Math.pow(25, 7)));
    double sl = 1 + 0.015 * Math.pow(lBarP - 50, 2) / Math.sqrt(20 + Math.pow(lBarP - 50, 2));
    double sc = 1 + 0.045 * cBarP;
    double sh = 1 + 0.015 * cBarP * t;
    double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
    return Math.sqrt(Math.pow(dLp / sl, 2) + Math.pow(dCp / sc, 2) + Math.pow(dHp / sh, 2)
        + rt * (dCp / sc) * (dHp / sh));
  }

  private static double hue(double b, double ap) {
    if (b == 0 && ap == 0) {
      return 0;
    }
    double h = Math.toDegrees(Math.atan2(b, ap));
    return h < 0 ? h + 360 : h;
  }

  private static double cos(double degrees) {
    return Math.cos(Math.toRadians(degrees));
  }
}
