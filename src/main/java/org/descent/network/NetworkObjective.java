package org.descent.network;

import java.util.Arrays;
import org.descent.function.Objective;

/**
 * The mean cross-entropy of a network over a batch of its training set, as a function of the
 * flat parameter vector θ (layout: {@link ParameterLayout}), so that every optimizer of
 * {@code optim} trains it unchanged. The function is the one of the <em>current batch</em>:
 * the trainer calls {@link #setBatch} (or {@link #setFullBatch}) before each optimizer step,
 * and every value, gradient and Hessian until the next call is of that batch, in training mode
 * (batch normalization with the batch's own statistics). A line search therefore sees one
 * function, as long as the batch is not changed in the middle of a step.
 *
 * <p>Running averages of batch normalization (used by {@link #evaluate}) take the statistics
 * of the first evaluation after each {@code setBatch}: for gradient descent, momentum and Adam
 * that is the gradient at θ_k, as in PyTorch; for Nesterov the look-ahead point; for a line
 * search its first trial point. Nothing else moves them.
 *
 * <p>The Hessian is exact: column i is H e_i from the R-operator (see {@link Mlp}), with batch
 * normalization differentiated through its batch statistics; the matrix is symmetrized,
 * (H + Hᵀ)/2, which changes it by rounding only. It is offered up to
 * {@link #MAX_HESSIAN_PARAMETERS} parameters, where n Hessian-vector products per Newton step
 * stay affordable. {@link #hessianVectorProduct} works at any size.
 *
 * <p>Without batch normalization a large batch is computed in chunks of {@link #CHUNK}
 * samples (the mean decomposes into a sum), so the workspace stays small whatever the data
 * set; with batch normalization the whole batch is one pass. Not thread-safe: use
 * {@link #copy()} for another thread.
 *
 * <p>Array arguments: θ and v are read, never modified; gradient, Hessian and Hv outputs are
 * overwritten.
 */
public final class NetworkObjective implements Objective {

  /** The largest network whose Hessian {@link #valueGradientHessian} builds. */
  public static final int MAX_HESSIAN_PARAMETERS = 500;
  /** Samples per pass without batch normalization. */
  static final int CHUNK = 1024;
  private static final long FULL = -1;

  private final Mlp mlp;
  private final Dataset data;
  private final RunningStatistics running;
  private final int n;
  private int[] batch;
  private int batchLength;
  private long token;
  private long nextToken = 1;
  private boolean armed;
  private final int[] all;
  private Workspace work;
  private Workspace evalWork;
  private double[] scratchGradient;
  private double[] basis;
  private double[] column;
  private int[] order;

  /** The loss of {@code architecture} on {@code training}, on the full batch to begin with. */
  public NetworkObjective(Architecture architecture, Dataset training) {
    this(new Mlp(architecture), training, new RunningStatistics(architecture));
  }

  private NetworkObjective(Mlp mlp, Dataset data, RunningStatistics running) {
    Architecture a = mlp.architecture();
    if (data.features() != a.inputs()) {
      throw new IllegalArgumentException("the network takes " + a.inputs()
          + " inputs, the data have " + data.features() + " features");
    }
    if (data.classes() != a.classes()) {
      throw new IllegalArgumentException("the network has " + a.classes()
          + " outputs, the data have " + data.classes() + " classes");
    }
    if (data.size() < 1) {
      throw new IllegalArgumentException("the training set is empty");
    }
    this.mlp = mlp;
    this.data = data;
    this.running = running;
    this.n = a.parameterCount();
    this.all = new int[data.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    this.batch = all;
    this.batchLength = all.length;
    this.token = FULL;
  }

  public Architecture architecture() {
    return mlp.architecture();
  }

  public ParameterLayout layout() {
    return mlp.layout();
  }

  /** The training set the loss is of. */
  public Dataset data() {
    return data;
  }

  /** The running averages of batch normalization (live: they change with training steps). */
  public RunningStatistics runningStatistics() {
    return running;
  }

  /**
   * Makes the loss that of samples indices[from .. from + length) of the training set, until
   * the next call, and lets the first evaluation move the running averages.
   *
   * @param indices read (copied)
   */
  public void setBatch(int[] indices, int from, int length) {
    if (length < 1 || from < 0 || from + length > indices.length) {
      throw new IllegalArgumentException("bad batch range " + from + " + " + length);
    }
    if (batch == all || batch.length < length) {
      batch = new int[Math.max(length, batch == all ? 0 : batch.length)];
    }
    for (int i = 0; i < length; i++) {
      int s = indices[from + i];
      if (s < 0 || s >= data.size()) {
        throw new IllegalArgumentException("sample " + s + " is not in the training set");
      }
      batch[i] = s;
    }
    batchLength = length;
    token = nextToken++;
    armed = true;
  }

  /** Makes the loss that of the whole training set (and arms the running averages). */
  public void setFullBatch() {
    batch = all;
    batchLength = all.length;
    token = FULL;
    armed = true;
  }

  /** Samples in the current batch. */
  public int batchSize() {
    return batchLength;
  }

  /** The training-set indices of the current batch (a copy). */
  public int[] batchIndices() {
    return Arrays.copyOf(batch, batchLength);
  }

  @Override
  public int dimension() {
    return n;
  }

  @Override
  public double value(double[] theta) {
    return pass(theta, null, null, null);
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    return pass(theta, gradient, null, null);
  }

  @Override
  public boolean hasHessian() {
    return n <= MAX_HESSIAN_PARAMETERS;
  }

  /**
   * Writes H v of the current batch's loss into {@code out} and returns the loss; exact (the
   * R-operator), at about twice the cost of a gradient.
   *
   * @param v read; out overwritten
   */
  public double hessianVectorProduct(double[] theta, double[] v, double[] out) {
    if (scratchGradient == null) {
      scratchGradient = new double[n];
    }
    return pass(theta, scratchGradient, v, out);
  }

  @Override
  public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
    if (!hasHessian()) {
      throw new UnsupportedOperationException(String.format(java.util.Locale.ROOT,
          "the Hessian of a network is built up to %d parameters; this one has %,d",
          MAX_HESSIAN_PARAMETERS, n));
    }
    if (basis == null) {
      basis = new double[n];
      column = new double[n];
    }
    Arrays.fill(gradient, 0);
    Arrays.fill(hessian, 0, n * n, 0);
    boolean update = armed;
    armed = false;
    double loss = 0;
    double scale = 1.0 / batchLength;
    for (int from = 0; from < batchLength; from += capacity()) {
      int m = Math.min(capacity(), batchLength - from);
      Workspace w = workspace();
      w.gather(data, batch, from, m, token);
      loss += mlp.forward(theta, w, m, true, running, update);
      update = false;
      mlp.backward(theta, gradient, w, m, scale);
      w.ensureCurvature();
      for (int i = 0; i < n; i++) {
        basis[i] = 1;
        Arrays.fill(column, 0);
        mlp.rForward(theta, basis, w, m);
        mlp.rBackward(theta, basis, column, w, m, scale);
        basis[i] = 0;
        for (int r = 0; r < n; r++) {
          hessian[r * n + i] += column[r];
        }
      }
    }
    for (int r = 0; r < n; r++) {
      for (int c = r + 1; c < n; c++) {
        double s = 0.5 * (hessian[r * n + c] + hessian[c * n + r]);
        hessian[r * n + c] = s;
        hessian[c * n + r] = s;
      }
    }
    return loss / batchLength;
  }

  /**
   * The loss of the current batch, and its gradient and H v when asked for.
   *
   * @param gradient null for the value only
   * @param v null for no Hessian-vector product
   */
  private double pass(double[] theta, double[] gradient, double[] v, double[] hv) {
    if (theta.length != n) {
      throw new IllegalArgumentException("θ has " + theta.length + " entries, the network "
          + n + " parameters");
    }
    if (gradient != null) {
      Arrays.fill(gradient, 0);
    }
    if (hv != null) {
      Arrays.fill(hv, 0);
    }
    boolean update = armed;
    armed = false;
    double loss = 0;
    double scale = 1.0 / batchLength;
    for (int from = 0; from < batchLength; from += capacity()) {
      int m = Math.min(capacity(), batchLength - from);
      Workspace w = workspace();
      w.gather(data, batch, from, m, token);
      loss += mlp.forward(theta, w, m, true, running, update);
      update = false;
      if (gradient != null) {
        mlp.backward(theta, gradient, w, m, scale);
      }
      if (v != null) {
        w.ensureCurvature();
        mlp.rForward(theta, v, w, m);
        mlp.rBackward(theta, v, hv, w, m, scale);
      }
    }
    return loss / batchLength;
  }

  /** Samples per pass for the current batch. */
  private int capacity() {
    return architecture().batchNorm() ? batchLength : Math.min(batchLength, CHUNK);
  }

  private Workspace workspace() {
    int c = capacity();
    if (work == null || work.capacity < c) {
      work = new Workspace(architecture(), c);
    }
    return work;
  }

  /**
   * The mean loss and the accuracy of θ on a data set in evaluation mode (batch normalization
   * with the running averages). Does not change the current batch or the running averages.
   */
  public Evaluation evaluate(double[] theta, Dataset set) {
    if (set.size() == 0) {
      return new Evaluation(Double.NaN, Double.NaN, 0);
    }
    double loss = 0;
    int correct = 0;
    int[] order = identity(set.size());
    Workspace w = evalWorkspace(set.size());
    for (int from = 0; from < set.size(); from += w.capacity) {
      int m = Math.min(w.capacity, set.size() - from);
      w.gather(set, order, from, m, Workspace.NO_CACHE);
      loss += mlp.forward(theta, w, m, false, running, false);
      correct += SoftmaxCrossEntropy.correct(w.probs, w.labels, architecture().classes(), m);
    }
    return new Evaluation(loss / set.size(), (double) correct / set.size(), set.size());
  }

  /**
   * The class probabilities of θ at points (evaluation mode), for decision regions.
   *
   * @param points count × inputs, row-major; read
   * @param out count × classes, row-major; overwritten
   */
  public void probabilities(double[] theta, double[] points, int count, double[] out) {
    int classes = architecture().classes();
    Workspace w = evalWorkspace(count);
    for (int from = 0; from < count; from += w.capacity) {
      int m = Math.min(w.capacity, count - from);
      w.load(points, from, m);
      mlp.forward(theta, w, m, false, running, false);
      for (int c = 0; c < classes; c++) {
        double[] pc = w.probs[c];
        for (int i = 0; i < m; i++) {
          out[(from + i) * classes + c] = pc[i];
        }
      }
    }
  }

  /**
   * Runs θ forward over samples [from, from + m) of a set in evaluation mode and hands the
   * workspace to the caller, who reads the layers' rows before the next pass.
   */
  Workspace evaluationPass(double[] theta, Dataset set, int[] order, int from, int m) {
    Workspace w = evalWorkspace(m);
    w.gather(set, order, from, m, Workspace.NO_CACHE);
    mlp.forward(theta, w, m, false, running, false);
    return w;
  }

  /** The evaluation workspace's capacity for a set of this size. */
  int evaluationChunk(int size) {
    return Math.min(size, CHUNK);
  }

  private Workspace evalWorkspace(int size) {
    int c = Math.max(1, Math.min(size, CHUNK));
    if (evalWork == null || evalWork.capacity < c) {
      evalWork = new Workspace(architecture(), c);
    }
    return evalWork;
  }

  /** 0, 1, 2, ... at least {@code size} long (kept: evaluations allocate nothing). */
  private int[] identity(int size) {
    if (size <= all.length) {
      return all;
    }
    if (order == null || order.length < size) {
      order = new int[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
    }
    return order;
  }

  /**
   * An independent instance on the same data, with a copy of the running averages and the
   * same batch, for another thread.
   */
  @Override
  public NetworkObjective copy() {
    NetworkObjective c = new NetworkObjective(new Mlp(architecture()), data, running.copy());
    if (batch != all) {
      c.setBatch(batch, 0, batchLength);
    }
    c.armed = armed;
    return c;
  }

  /** Loss and accuracy of a set. */
  public record Evaluation(double loss, double accuracy, int samples) {}
}
