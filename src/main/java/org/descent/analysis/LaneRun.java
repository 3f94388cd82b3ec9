package org.descent.analysis;

import java.util.Map;
import java.util.Set;
import org.descent.function.FormulaLanes;
import org.descent.optim.LearningRateSchedule;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;

/**
 * The first-order optimizers of {@code optim} run on many 2-D starts at once, in
 * structure-of-arrays form: lane j holds one start's θ = (x[j], y[j]) and its state. Each
 * update is the optimizer's own, written lane-wise with the same operations in the same order
 * (see Momentum, Nesterov, Adam ... in optim), so every lane ends where
 * {@code spec.create().step(...)} repeated from its start ends, bit for bit
 * ({@code LaneRunTest} checks every supported type, with clipping and schedules).
 *
 * <p>A lane stops early only at an exact fixed point: when one step left θ and every state
 * variable unchanged, bit for bit, with a constant learning rate, every later step would do the
 * same, so the end point is already known. (Adam is never at such a point: its bias corrections
 * change with t.) Fixed points are looked for every {@link #CHECK_EVERY} steps.
 */
final class LaneRun {

  /** One step of every lane: a kernel per optimizer the fast path knows. */
  private interface Kernel {
    void step(LaneRun run, int n, double lr, int t);
  }

  /**
   * The optimizers with a lane-wise kernel. A table, not a switch over every type: a new
   * optimizer needs no entry here (it runs start by start, through its own class).
   */
  private static final Map<OptimizerType, Kernel> KERNELS = Map.of(
      OptimizerType.SGD, (r, n, lr, t) -> r.sgd(n, lr),
      OptimizerType.MOMENTUM, (r, n, lr, t) -> r.momentum(n, lr),
      OptimizerType.NESTEROV, (r, n, lr, t) -> r.nesterov(n, lr),
      OptimizerType.ADAGRAD, (r, n, lr, t) -> r.adagrad(n, lr),
      OptimizerType.RMSPROP, (r, n, lr, t) -> r.rmsprop(n, lr),
      OptimizerType.RMSPROP_NESTEROV, (r, n, lr, t) -> r.rmspropNesterov(n, lr),
      OptimizerType.ADAM, (r, n, lr, t) -> r.adam(n, lr, t));

  static final Set<OptimizerType> SUPPORTED = KERNELS.keySet();

  /** Steps between looks for fixed points. */
  static final int CHECK_EVERY = 16;

  /** Whether the fast path computes exactly what this configuration computes. */
  static boolean supports(OptimizerSpec spec, double noise) {
    return noise == 0 && SUPPORTED.contains(spec.type());
  }

  /** Receives a finished lane: the cell it started from and where it ended. */
  interface Sink {
    void accept(int cell, double x, double y);
  }

  private final OptimizerSpec spec;
  private final OptimizerType type;
  private final FormulaLanes f;
  private final int width;
  private final double lr0;
  private final double clip;
  private final LearningRateSchedule schedule;
  private final boolean canFreeze;
  private final double alpha;
  private final double rho;
  private final double delta;
  private final double beta1;
  private final double beta2;

  private final int[] cell;
  private final double[] x;
  private final double[] y;
  private final double[] gx;
  private final double[] gy;
  private final double[] ax;
  private final double[] ay;
  /** v (momentum methods), r (AdaGrad, RMSProp) or s (Adam). */
  private final double[] px;
  private final double[] py;
  /** r (RMSProp with Nesterov, Adam). */
  private final double[] qx;
  private final double[] qy;
  private final double[][] state;
  private final double[][] before;

  LaneRun(OptimizerSpec spec, FormulaLanes f) {
    if (!SUPPORTED.contains(spec.type())) {
      throw new IllegalArgumentException("no lane-wise form of " + spec.type().key());
    }
    this.spec = spec;
    this.type = spec.type();
    this.f = f;
    this.width = f.width();
    this.lr0 = spec.get(Param.LR);
    this.clip = spec.clip();
    this.schedule = spec.schedule();
    this.canFreeze = type != OptimizerType.ADAM
        && schedule instanceof LearningRateSchedule.Constant;
    this.alpha = type.params().contains(Param.MOMENTUM) ? spec.get(Param.MOMENTUM) : 0;
    this.rho = type.params().contains(Param.RHO) ? spec.get(Param.RHO) : 0;
    this.delta = type.params().contains(Param.DELTA) ? spec.get(Param.DELTA) : 0;
    this.beta1 = type == OptimizerType.ADAM ? spec.get(Param.BETA1) : 0;
    this.beta2 = type == OptimizerType.ADAM ? spec.get(Param.BETA2) : 0;
    cell = new int[width];
    x = new double[width];
    y = new double[width];
    gx = new double[width];
    gy = new double[width];
    ax = new double[width];
    ay = new double[width];
    px = new double[width];
    py = new double[width];
    qx = new double[width];
    qy = new double[width];
    state = new double[][] {x, y, px, py, qx, qy};
    before = new double[state.length][width];
  }

  int width() {
    return width;
  }

  /**
   * Runs {@code steps} steps from the n starts (sx[j], sy[j]) of cells {@code cells[j]} and hands
   * each end point to {@code sink} (in no particular order). Reads the arrays, never modifies
   * them.
   */
  void run(int[] cells, double[] sx, double[] sy, int n, int steps, Cancellation cancel,
      Sink sink) {
    System.arraycopy(cells, 0, cell, 0, n);
    System.arraycopy(sx, 0, x, 0, n);
    System.arraycopy(sy, 0, y, 0, n);
    for (int k = 2; k < state.length; k++) {
      java.util.Arrays.fill(state[k], 0, n, 0);
    }
    int active = n;
    for (int t = 0; t < steps && active > 0; t++) {
      boolean check = canFreeze && t % CHECK_EVERY == CHECK_EVERY - 1;
      if (check) {
        for (int k = 0; k < state.length; k++) {
          System.arraycopy(state[k], 0, before[k], 0, active);
        }
      }
      step(active, t);
      if (check) {
        active = retireFixedPoints(active, sink);
      }
      if (t % CHECK_EVERY == CHECK_EVERY - 1 && cancel.isCancelled()) {
        throw new java.util.concurrent.CancellationException("cancelled");
      }
    }
    for (int j = 0; j < active; j++) {
      sink.accept(cell[j], x[j], y[j]);
    }
  }

  /** Hands over the lanes that one step left unchanged and moves the others down. */
  private int retireFixedPoints(int active, Sink sink) {
    int kept = 0;
    for (int j = 0; j < active; j++) {
      boolean still = true;
      for (int k = 0; k < state.length && still; k++) {
        still = Double.doubleToRawLongBits(state[k][j])
            == Double.doubleToRawLongBits(before[k][j]);
      }
      if (still) {
        sink.accept(cell[j], x[j], y[j]);
      } else {
        if (kept != j) {
          cell[kept] = cell[j];
          for (double[] s : state) {
            s[kept] = s[j];
          }
        }
        kept++;
      }
    }
    return kept;
  }

  /**
   * One step t (0-based) of every active lane: the optimizer's update, lane-wise. One small
   * method per optimizer: loops inside one large method are compiled less well.
   */
  private void step(int n, int t) {
    double lr = schedule.rate(lr0, t);
    KERNELS.get(type).step(this, n, lr, t);
  }

  private void sgd(int n, double lr) {
    gradient(x, y, n);
    for (int j = 0; j < n; j++) {
      x[j] -= lr * gx[j];
      y[j] -= lr * gy[j];
    }
  }

  private void momentum(int n, double lr) {
    gradient(x, y, n);
    for (int j = 0; j < n; j++) {
      px[j] = alpha * px[j] - lr * gx[j];
      x[j] += px[j];
      py[j] = alpha * py[j] - lr * gy[j];
      y[j] += py[j];
    }
  }

  private void nesterov(int n, double lr) {
    for (int j = 0; j < n; j++) {
      ax[j] = x[j] + alpha * px[j];
      ay[j] = y[j] + alpha * py[j];
    }
    gradient(ax, ay, n);
    for (int j = 0; j < n; j++) {
      px[j] = alpha * px[j] - lr * gx[j];
      x[j] += px[j];
      py[j] = alpha * py[j] - lr * gy[j];
      y[j] += py[j];
    }
  }

  private void adagrad(int n, double lr) {
    gradient(x, y, n);
    for (int j = 0; j < n; j++) {
      px[j] += gx[j] * gx[j];
      x[j] -= lr / (delta + Math.sqrt(px[j])) * gx[j];
      py[j] += gy[j] * gy[j];
      y[j] -= lr / (delta + Math.sqrt(py[j])) * gy[j];
    }
  }

  private void rmsprop(int n, double lr) {
    gradient(x, y, n);
    for (int j = 0; j < n; j++) {
      px[j] = rho * px[j] + (1 - rho) * gx[j] * gx[j];
      x[j] -= lr / Math.sqrt(delta + px[j]) * gx[j];
      py[j] = rho * py[j] + (1 - rho) * gy[j] * gy[j];
      y[j] -= lr / Math.sqrt(delta + py[j]) * gy[j];
    }
  }

  private void rmspropNesterov(int n, double lr) {
    // p is v, q is r.
    for (int j = 0; j < n; j++) {
      ax[j] = x[j] + alpha * px[j];
      ay[j] = y[j] + alpha * py[j];
    }
    gradient(ax, ay, n);
    for (int j = 0; j < n; j++) {
      qx[j] = rho * qx[j] + (1 - rho) * gx[j] * gx[j];
      px[j] = alpha * px[j] - lr / Math.sqrt(delta + qx[j]) * gx[j];
      x[j] += px[j];
      qy[j] = rho * qy[j] + (1 - rho) * gy[j] * gy[j];
      py[j] = alpha * py[j] - lr / Math.sqrt(delta + qy[j]) * gy[j];
      y[j] += py[j];
    }
  }

  private void adam(int n, double lr, int t) {
    gradient(x, y, n);
    int k = t + 1;
    double c1 = 1 - Math.pow(beta1, k);
    double c2 = 1 - Math.pow(beta2, k);
    for (int j = 0; j < n; j++) {
      px[j] = beta1 * px[j] + (1 - beta1) * gx[j];
      qx[j] = beta2 * qx[j] + (1 - beta2) * gx[j] * gx[j];
      x[j] -= lr * (px[j] / c1) / (Math.sqrt(qx[j] / c2) + delta);
      py[j] = beta1 * py[j] + (1 - beta1) * gy[j];
      qy[j] = beta2 * qy[j] + (1 - beta2) * gy[j] * gy[j];
      y[j] -= lr * (py[j] / c1) / (Math.sqrt(qy[j] / c2) + delta);
    }
  }

  /** The (clipped) gradient at the lanes' points, as FirstOrderOptimizer.gradient computes it. */
  private void gradient(double[] atX, double[] atY, int n) {
    f.gradient(atX, atY, n, gx, gy);
    if (clip != Double.POSITIVE_INFINITY) {
      for (int j = 0; j < n; j++) {
        double norm = Math.hypot(gx[j], gy[j]);
        if (norm > clip && Double.isFinite(norm)) {
          double scale = clip / norm;
          gx[j] *= scale;
          gy[j] *= scale;
        }
      }
    }
  }

  OptimizerSpec spec() {
    return spec;
  }
}
