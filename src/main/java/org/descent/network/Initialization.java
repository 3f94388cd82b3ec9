package org.descent.network;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The initial θ of a network: each weight matrix by the initializer (drawn layer by layer,
 * row by row, from one generator seeded by the setup's seed), each hidden layer's bias — or,
 * with batch normalization, its shift β — at the bias constant (0.1 keeps ReLUs alive at the
 * start, as in the lectures; a large negative constant kills them), the output bias at 0 and
 * batch-normalization scales γ at 1. A weights file gives every parameter instead.
 */
public final class Initialization {

  private Initialization() {}

  /**
   * @param folder where a relative weights path is read from (null: the working folder)
   * @param seed the setup's seed (the weights use their own derived seed)
   */
  public static double[] initialize(Architecture a, Initializer init, double bias, long seed,
      Path folder) throws NetworkInputException {
    if (init instanceof Initializer.FromFile f) {
      return WeightsFile.read(DataSource.resolve(folder, f.path()), f.contents(), a);
    }
    ParameterLayout p = a.layout();
    double[] theta = new double[p.parameterCount()];
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, Seeds.INIT));
    for (int l = 0; l < a.layers(); l++) {
      int rows = a.unitsOf(l);
      int cols = a.inputsOf(l);
      weights(theta, p.weight(l), rows, cols, init, r);
      boolean output = l == a.layers() - 1;
      if (p.bias(l) >= 0) {
        java.util.Arrays.fill(theta, p.bias(l), p.bias(l) + rows, output ? 0 : bias);
      }
      if (p.scale(l) >= 0) {
        java.util.Arrays.fill(theta, p.scale(l), p.scale(l) + rows, 1);
        java.util.Arrays.fill(theta, p.shift(l), p.shift(l) + rows, bias);
      }
    }
    return theta;
  }

  private static void weights(double[] theta, int off, int rows, int cols, Initializer init,
      SplittableRandom r) {
    int count = rows * cols;
    if (init instanceof Initializer.Zero) {
      return;
    }
    if (init instanceof Initializer.Orthogonal o) {
      orthogonal(theta, off, rows, cols, o.gain(), r);
      return;
    }
    if (init instanceof Initializer.Glorot) {
      double limit = Math.sqrt(6.0 / (rows + cols));
      for (int i = 0; i < count; i++) {
        theta[off + i] = limit * (2 * r.nextDouble() - 1);
      }
      return;
    }
    double std;
    if (init instanceof Initializer.Small) {
      std = Initializer.Small.STD;
    } else if (init instanceof Initializer.He) {
      std = Math.sqrt(2.0 / cols);
    } else {
      std = ((Initializer.Scaled) init).scale();
    }
    for (int i = 0; i < count; i++) {
      theta[off + i] = std * r.nextGaussian();
    }
  }

  /** rows × cols with orthonormal rows (wide) or columns (tall), times the gain. */
  private static void orthogonal(double[] theta, int off, int rows, int cols, double gain,
      SplittableRandom r) {
    boolean wide = rows < cols;
    int tall = wide ? cols : rows;
    int narrow = wide ? rows : cols;
    Array2DRowRealMatrix g = new Array2DRowRealMatrix(tall, narrow);
    for (int i = 0; i < tall; i++) {
      for (int j = 0; j < narrow; j++) {
        g.setEntry(i, j, r.nextGaussian());
      }
    }
    QRDecomposition qr = new QRDecomposition(g);
    RealMatrix q = qr.getQ();
    RealMatrix rr = qr.getR();
    for (int j = 0; j < narrow; j++) {
      double sign = rr.getEntry(j, j) < 0 ? -1 : 1;
      for (int i = 0; i < tall; i++) {
        double v = gain * sign * q.getEntry(i, j);
        if (wide) {
          theta[off + j * cols + i] = v;
        } else {
          theta[off + i * cols + j] = v;
        }
      }
    }
  }
}
