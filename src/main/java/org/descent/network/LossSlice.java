package org.descent.network;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The network's own loss landscape, after Li et al. (2018), "Visualizing the loss landscape of
 * neural nets": the loss on a plane θ(α, β) = c + α d₁ + β d₂ through weights c, sampled on a
 * grid, with the optimizers' weight trajectories projected onto the plane. The directions are
 * either two filter-normalized random directions (each unit's incoming weights get a random
 * Gaussian direction rescaled to the norm of that unit's weights in c, so that the picture
 * does not depend on the scale of each layer; biases and batch-normalization parameters get
 * no component, as Li et al.'s "ignore biases and BN"), or the first two principal components
 * of the trajectories relative to c (usually the final weights): the plane in which the
 * training moved most, where a random plane would show almost none of the path.
 *
 * <p>The loss is the mean cross-entropy over the whole training set in training mode (with
 * batch normalization: the statistics of the whole set), a function of θ alone.
 */
public final class LossSlice {

  private LossSlice() {}

  /** Asked between grid rows; false stops the computation. */
  @FunctionalInterface
  public interface Progress {
    boolean proceed(int done, int total);
  }

  /**
   * A plane through c along d₁ and d₂. For principal components, the directions are
   * orthonormal and {@code explained} holds the shares of the trajectories' variance they
   * explain; for random directions it is NaN.
   */
  public static final class Plane {
    private final double[] center;
    private final double[] d1;
    private final double[] d2;
    private final double explained1;
    private final double explained2;

    Plane(double[] center, double[] d1, double[] d2, double explained1, double explained2) {
      this.center = center.clone();
      this.d1 = d1;
      this.d2 = d2;
      this.explained1 = explained1;
      this.explained2 = explained2;
    }

    public double[] first() {
      return d1.clone();
    }

    public double[] second() {
      return d2.clone();
    }

    /** The share of the trajectories' variance along d₁ (NaN for random directions). */
    public double explainedFirst() {
      return explained1;
    }

    public double explainedSecond() {
      return explained2;
    }

    /** θ(α, β) = c + α d₁ + β d₂ into {@code out}. */
    public void point(double alpha, double beta, double[] out) {
      for (int i = 0; i < center.length; i++) {
        out[i] = center[i] + alpha * d1[i] + beta * d2[i];
      }
    }

    /**
     * The (α, β) of each iterate: the least-squares coordinates of θ − c in the plane (exact
     * when θ lies in it).
     */
    public double[][] project(List<double[]> trajectory) {
      double a11 = dot(d1, d1);
      double a12 = dot(d1, d2);
      double a22 = dot(d2, d2);
      double det = a11 * a22 - a12 * a12;
      double[][] out = new double[trajectory.size()][2];
      for (int k = 0; k < out.length; k++) {
        double[] t = trajectory.get(k);
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < center.length; i++) {
          double dev = t[i] - center[i];
          b1 += d1[i] * dev;
          b2 += d2[i] * dev;
        }
        out[k][0] = (a22 * b1 - a12 * b2) / det;
        out[k][1] = (a11 * b2 - a12 * b1) / det;
      }
      return out;
    }
  }

  /** Two filter-normalized Gaussian directions through c. */
  public static Plane filterNormalized(Architecture a, double[] center, long seed) {
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, Seeds.DIRECTIONS));
    double[] d1 = filterNormalizedDirection(a, center, r);
    double[] d2 = filterNormalizedDirection(a, center, r);
    return new Plane(center, d1, d2, Double.NaN, Double.NaN);
  }

  private static double[] filterNormalizedDirection(Architecture a, double[] center,
      SplittableRandom r) {
    ParameterLayout p = a.layout();
    double[] d = new double[center.length];
    for (int l = 0; l < a.layers(); l++) {
      int in = a.inputsOf(l);
      for (int j = 0; j < a.unitsOf(l); j++) {
        int off = p.weight(l) + j * in;
        double dn = 0;
        double wn = 0;
        for (int k = 0; k < in; k++) {
          d[off + k] = r.nextGaussian();
          dn += d[off + k] * d[off + k];
          wn += center[off + k] * center[off + k];
        }
        double s = dn > 0 ? Math.sqrt(wn / dn) : 0;
        for (int k = 0; k < in; k++) {
          d[off + k] *= s;
        }
      }
    }
    return d;
  }

  /**
   * The first two principal components of the iterates relative to c (not centred on their
   * mean, as Li et al.): from the eigenvectors of the Gram matrix of the deviations, so the
   * cost grows with the number of iterates, not with the parameters squared. When the
   * iterates span a single direction, the second is a random direction orthogonal to it.
   *
   * @param trajectories iterates of one or more runs; read
   */
  public static Plane principal(double[] center, List<double[]> trajectories, long seed) {
    int rows = trajectories.size();
    int n = center.length;
    double[][] dev = new double[rows][n];
    for (int k = 0; k < rows; k++) {
      for (int i = 0; i < n; i++) {
        dev[k][i] = trajectories.get(k)[i] - center[i];
      }
    }
    double[] d1 = new double[n];
    double[] d2 = new double[n];
    double e1 = 0;
    double e2 = 0;
    if (rows > 0) {
      Array2DRowRealMatrix gram = new Array2DRowRealMatrix(rows, rows);
      double trace = 0;
      for (int a = 0; a < rows; a++) {
        for (int b = a; b < rows; b++) {
          double g = dot(dev[a], dev[b]);
          gram.setEntry(a, b, g);
          gram.setEntry(b, a, g);
        }
        trace += gram.getEntry(a, a);
      }
      if (trace > 0) {
        EigenDecomposition eig = new EigenDecomposition(gram);
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[rows];
        for (int i = 0; i < rows; i++) {
          order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        for (int c = 0; c < Math.min(2, rows); c++) {
          double lambda = values[order[c]];
          if (!(lambda > 1e-12 * trace)) {
            break;
          }
          double[] u = eig.getEigenvector(order[c]).toArray();
          double[] d = c == 0 ? d1 : d2;
          for (int k = 0; k < rows; k++) {
            for (int i = 0; i < n; i++) {
              d[i] += u[k] * dev[k][i];
            }
          }
          scale(d, 1 / Math.sqrt(dot(d, d)));
          if (c == 0) {
            e1 = lambda / trace;
          } else {
            e2 = lambda / trace;
          }
        }
      }
    }
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, Seeds.DIRECTIONS));
    if (dot(d1, d1) == 0) {
      randomUnit(d1, r);
    }
    if (dot(d2, d2) == 0) {
      randomUnit(d2, r);
      double c = dot(d1, d2);
      for (int i = 0; i < n; i++) {
        d2[i] -= c * d1[i];
      }
      scale(d2, 1 / Math.sqrt(dot(d2, d2)));
    }
    return new Plane(center, d1, d2, e1, e2);
  }

  /**
   * The loss at size × size points of the plane, α from aMin to aMax across the columns and
   * β from bMin to bMax up the rows (row-major, row 0 at bMin), both ends included; a point
   * whose loss is not finite is NaN. Null when the progress hook stopped it.
   *
   * @param f the network's loss; a full-batch copy of it is used, f itself is left alone
   */
  public static double[] values(NetworkObjective f, Plane plane, double aMin, double aMax,
      double bMin, double bMax, int size, Progress progress) {
    if (size < 2 || size > 256) {
      throw new IllegalArgumentException("the slice has 2 to 256 points a side, got " + size);
    }
    NetworkObjective full = f.copy();
    full.setFullBatch();
    double[] theta = new double[plane.center.length];
    double[] out = new double[size * size];
    for (int row = 0; row < size; row++) {
      if (progress != null && !progress.proceed(row, size)) {
        return null;
      }
      double beta = bMin + (bMax - bMin) * row / (size - 1);
      for (int col = 0; col < size; col++) {
        double alpha = aMin + (aMax - aMin) * col / (size - 1);
        plane.point(alpha, beta, theta);
        double v = full.value(theta);
        out[row * size + col] = Double.isFinite(v) ? v : Double.NaN;
      }
    }
    if (progress != null) {
      progress.proceed(size, size);
    }
    return out;
  }

  private static void randomUnit(double[] d, SplittableRandom r) {
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextGaussian();
    }
    scale(d, 1 / Math.sqrt(dot(d, d)));
  }

  private static void scale(double[] d, double s) {
    for (int i = 0; i < d.length; i++) {
      d[i] *= s;
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
