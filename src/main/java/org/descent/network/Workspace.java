package org.descent.network;

/**
 * Every array a forward, backward and R-operator pass needs for up to {@code capacity}
 * samples, allocated once, so that a training step allocates nothing. Layers are held
 * unit-major (one row per unit, one column per sample; see {@link Dense}). Where a layer is not
 * batch-normalized, its activation input u is its affine output z (the same rows), and
 * likewise du is dz. The R-operator's arrays are allocated on the first Hessian-vector
 * product.
 */
final class Workspace {

  final int capacity;
  final Architecture architecture;
  /** in[l]: the input rows of dense layer l; in[0] is the gathered batch, in[l + 1] = h_l. */
  final double[][][] in;
  final double[][][] z;
  final double[][][] xhat;
  final double[][][] u;
  /**
   * act[l]: the activation's output f(u_l) of hidden layer l; the same rows as in[l + 1]
   * unless layer l skips, where in[l + 1] = in[l] + act[l].
   */
  final double[][][] act;
  /** Batch statistics of each normalized unit: mean, 1/σ, biased variance. */
  final double[][][] stats;
  final double[][] probs;
  final int[] labels;
  final double[][][] dz;
  final double[][][] du;
  /** dh[l]: the gradient with respect to h_l, for hidden layers. */
  final double[][][] dh;
  final double[] scratch;
  final double[] max;
  final double[] sum;

  double[][][] rIn;
  double[][][] rZ;
  double[][][] rXhat;
  double[][][] rU;
  double[][][] rAct;
  double[][] rSigma;
  double[][][] rDz;
  double[][][] rDu;
  double[][][] rDh;

  /** A token that never matches: gather again. */
  static final long NO_CACHE = Long.MIN_VALUE;

  /** Which batch in[0] holds (see {@link NetworkObjective}), and from which sample. */
  long gatheredToken = NO_CACHE;
  int gatheredFrom = -1;
  int gatheredLength = -1;

  Workspace(Architecture a, int capacity) {
    this.capacity = capacity;
    this.architecture = a;
    int layers = a.layers();
    int hidden = a.hidden().size();
    in = new double[layers][][];
    z = new double[layers][][];
    xhat = new double[layers][][];
    u = new double[layers][][];
    stats = new double[layers][][];
    dz = new double[layers][][];
    du = new double[layers][][];
    dh = new double[hidden][][];
    act = new double[hidden][][];
    in[0] = new double[a.inputs()][capacity];
    for (int l = 0; l < layers; l++) {
      int units = a.unitsOf(l);
      z[l] = new double[units][capacity];
      dz[l] = new double[units][capacity];
      if (a.normalized(l)) {
        xhat[l] = new double[units][capacity];
        u[l] = new double[units][capacity];
        du[l] = new double[units][capacity];
        stats[l] = new double[units][3];
      } else {
        u[l] = z[l];
        du[l] = dz[l];
      }
      if (l < hidden) {
        in[l + 1] = new double[units][capacity];
        act[l] = a.skips(l) ? new double[units][capacity] : in[l + 1];
        dh[l] = new double[units][capacity];
      }
    }
    probs = new double[a.classes()][capacity];
    labels = new int[capacity];
    scratch = new double[capacity];
    max = new double[capacity];
    sum = new double[capacity];
  }

  /** Allocates the R-operator's arrays, once. */
  void ensureCurvature() {
    if (rZ != null) {
      return;
    }
    Architecture a = architecture;
    int layers = a.layers();
    int hidden = a.hidden().size();
    rIn = new double[layers][][];
    rZ = new double[layers][][];
    rXhat = new double[layers][][];
    rU = new double[layers][][];
    rAct = new double[hidden][][];
    rSigma = new double[layers][];
    rDz = new double[layers][][];
    rDu = new double[layers][][];
    rDh = new double[hidden][][];
    for (int l = 0; l < layers; l++) {
      int units = a.unitsOf(l);
      rZ[l] = new double[units][capacity];
      rDz[l] = new double[units][capacity];
      if (a.normalized(l)) {
        rXhat[l] = new double[units][capacity];
        rU[l] = new double[units][capacity];
        rDu[l] = new double[units][capacity];
        rSigma[l] = new double[units];
      } else {
        rU[l] = rZ[l];
        rDu[l] = rDz[l];
      }
      if (l < hidden) {
        rIn[l + 1] = new double[units][capacity];
        rAct[l] = a.skips(l) ? new double[units][capacity] : rIn[l + 1];
        rDh[l] = new double[units][capacity];
      }
    }
  }

  /**
   * Copies samples indices[from .. from + m) of the data set into in[0] (unit-major) and their
   * labels, unless they are there already.
   *
   * @param token identifies the batch held in {@code indices} (equal tokens: equal batches)
   */
  void gather(Dataset data, int[] indices, int from, int m, long token) {
    if (token != NO_CACHE && token == gatheredToken && from == gatheredFrom
        && m == gatheredLength) {
      return;
    }
    double[] x = data.rawFeatures();
    int[] y = data.rawLabels();
    int d = data.features();
    double[][] rows = in[0];
    for (int i = 0; i < m; i++) {
      int s = indices[from + i];
      int base = s * d;
      for (int k = 0; k < d; k++) {
        rows[k][i] = x[base + k];
      }
      labels[i] = y[s];
    }
    gatheredToken = token;
    gatheredFrom = from;
    gatheredLength = m;
  }

  /** Copies m points (row-major, d features each) into in[0]; labels are set to 0. */
  void load(double[] points, int from, int m) {
    int d = architecture.inputs();
    double[][] rows = in[0];
    for (int i = 0; i < m; i++) {
      int base = (from + i) * d;
      for (int k = 0; k < d; k++) {
        rows[k][i] = points[base + k];
      }
      labels[i] = 0;
    }
    gatheredToken = NO_CACHE;
  }
}
