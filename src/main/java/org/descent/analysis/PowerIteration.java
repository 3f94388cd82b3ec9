package org.descent.analysis;

import org.descent.function.Matrix2;

/**
 * The power method behind long-term dependencies (Goodfellow et al. section 8.2.5): a deep
 * linear path multiplies by the same matrix W at every step, x_t = W^t x0. Written in W's
 * eigenvectors, x_t = Σ_i c_i λ_i^t v_i: the component along an eigenvalue |λ| > 1 explodes,
 * the one along |λ| < 1 vanishes, and x_t turns towards the leading eigenvector. The
 * iterates are computed by repeated multiplication, as a recurrent net computes them; the
 * components by solving V c = x_t, so that a test can hold both against the closed form
 * W^t = V Λ^t V⁻¹.
 */
public final class PowerIteration {

  /** The most steps. */
  public static final int MAX_STEPS = 1000;

  private PowerIteration() {}

  /**
   * A 2×2 matrix W = V Λ V⁻¹ given by its real eigenvalues and the directions of its unit
   * eigenvectors, a start and a number of steps (a scenario's {@code power:} section).
   *
   * @param angle1 the direction of v1, in degrees from the x axis
   * @param angle2 the direction of v2, in degrees; must differ from angle1 (mod 180)
   */
  public record Setup(double lambda1, double lambda2, double angle1, double angle2, double x0,
      double y0, int steps) {

    public Setup {
      for (double v : new double[] {lambda1, lambda2, angle1, angle2, x0, y0}) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("the eigenvalues, angles and start must be "
              + "finite numbers");
        }
      }
      if (Math.abs(Math.sin(Math.toRadians(angle2 - angle1))) < 1e-3) {
        throw new IllegalArgumentException("the eigenvectors must point in different "
            + "directions; angle1 and angle2 differ by a multiple of 180 degrees");
      }
      if (steps < 1 || steps > MAX_STEPS) {
        throw new IllegalArgumentException("steps must be between 1 and " + MAX_STEPS
            + ", got " + steps);
      }
    }

    /** Eigenvector i (0 or 1), a unit vector {x, y}. */
    public double[] eigenvector(int i) {
      double a = Math.toRadians(i == 0 ? angle1 : angle2);
      return new double[] {Math.cos(a), Math.sin(a)};
    }

    /** W, row-major {w11, w12, w21, w22}. */
    public double[] matrix() {
      double[] v1 = eigenvector(0);
      double[] v2 = eigenvector(1);
      // W = V Λ V⁻¹, V's columns the eigenvectors (independent, as the constructor checks)
      double[] inv = Matrix2.inverse(new double[] {v1[0], v2[0], v1[1], v2[1]});
      double a = lambda1;
      double b = lambda2;
      return new double[] {
          v1[0] * a * inv[0] + v2[0] * b * inv[2], v1[0] * a * inv[1] + v2[0] * b * inv[3],
          v1[1] * a * inv[0] + v2[1] * b * inv[2], v1[1] * a * inv[1] + v2[1] * b * inv[3]};
    }

    /** The iterates. */
    public Iterates compute() {
      return PowerIteration.compute(this);
    }
  }

  /**
   * x_t for t = 0..steps and the components c1, c2 with x_t = c1 v1 + c2 v2. Values beyond the
   * double range are ∞ or 0, as a network's would be.
   */
  public static final class Iterates {
    private final double[] x;
    private final double[] y;
    private final double[] c1;
    private final double[] c2;

    private Iterates(double[] x, double[] y, double[] c1, double[] c2) {
      this.x = x;
      this.y = y;
      this.c1 = c1;
      this.c2 = c2;
    }

    /** Steps + 1 (t = 0 is x0). */
    public int length() {
      return x.length;
    }

    public double x(int t) {
      return x[t];
    }

    public double y(int t) {
      return y[t];
    }

    /** ‖x_t‖. */
    public double norm(int t) {
      return Math.hypot(x[t], y[t]);
    }

    /** The component of x_t along v1: c1(0) λ1^t. */
    public double component1(int t) {
      return c1[t];
    }

    /** The component of x_t along v2: c2(0) λ2^t. */
    public double component2(int t) {
      return c2[t];
    }
  }

  static Iterates compute(Setup s) {
    int n = s.steps() + 1;
    double[] w = s.matrix();
    double[] v1 = s.eigenvector(0);
    double[] v2 = s.eigenvector(1);
    double det = v1[0] * v2[1] - v2[0] * v1[1];
    double[] x = new double[n];
    double[] y = new double[n];
    double[] c1 = new double[n];
    double[] c2 = new double[n];
    x[0] = s.x0();
    y[0] = s.y0();
    for (int t = 0; t < n; t++) {
      if (t > 0) {
        x[t] = w[0] * x[t - 1] + w[1] * y[t - 1];
        y[t] = w[2] * x[t - 1] + w[3] * y[t - 1];
      }
      c1[t] = (v2[1] * x[t] - v2[0] * y[t]) / det;
      c2[t] = (-v1[1] * x[t] + v1[0] * y[t]) / det;
    }
    return new Iterates(x, y, c1, c2);
  }
}
