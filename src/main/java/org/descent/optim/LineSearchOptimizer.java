package org.descent.optim;

import java.util.Arrays;
import org.descent.function.Objective;

/**
 * What conjugate gradients, BFGS and L-BFGS share: the current point with its value and
 * gradient (carried over from the line search, so an iteration costs only the search's
 * evaluations), a direction, and a step along it. When not even the steepest-descent direction
 * decreases f, the run has converged to the precision of the arithmetic and later steps cost
 * nothing. If the caller moves θ between steps, the point is evaluated afresh and the
 * curvature memory is dropped.
 */
abstract class LineSearchOptimizer extends ConfiguredOptimizer {

  /** Made from the spec's c1, c2 on every configure (no field initializer: see configure). */
  private StrongWolfeLineSearch lineSearch;
  protected double[] x;
  protected double[] g;
  protected double fx;
  protected double[] d;
  protected double[] xNew;
  protected double[] gNew;
  private boolean modelRecorded;
  private boolean valid;
  /** No decrease along −g: converged to the precision of the arithmetic. */
  private boolean stalled;

  private int steps;

  LineSearchOptimizer(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  public final void step(double[] theta, Objective f) {
    int n = theta.length;
    if (x == null || x.length != n) {
      x = new double[n];
      g = new double[n];
      d = new double[n];
      xNew = new double[n];
      gNew = new double[n];
      allocate(n);
      valid = false;
    }
    if (!valid || !Arrays.equals(theta, x)) {
      System.arraycopy(theta, 0, x, 0, n);
      fx = f.valueAndGradient(x, g);
      restart();
      valid = true;
      stalled = false;
    }
    beginDetail(steps++);
    modelRecorded = false;
    double[] before = recording() ? theta.clone() : null;
    if (before != null) {
      detail().put(StepDetail.Quantity.EVALUATED_AT, x).put(StepDetail.Quantity.GRADIENT, g);
    }
    if (!(stalled || Vectors.isZero(g) || !Vectors.allFinite(g) || !Double.isFinite(fx))) {
      // (otherwise converged, or nothing sensible to do: stay put, and spend no evaluations)
      iterate(f);
      System.arraycopy(x, 0, theta, 0, n);
    }
    if (before != null) {
      if (!modelRecorded) { // a step that did not move: the model it would have used
        recordModel(detail());
      }
      endDetail(before, theta);
    }
  }

  /**
   * Called by {@link #iterate} once d is final and before the model learns from the step: the
   * inspector shows the M with d = −M g of this step, not the M the update leaves for the next.
   */
  protected final void directionChosen() {
    StepDetail.Builder detail = detail();
    if (detail != null) {
      recordModel(detail);
      modelRecorded = true;
    }
  }

  /** Adds the method's own model (M) to the detail of the step being taken. */
  protected void recordModel(StepDetail.Builder detail) {}

  /**
   * Searches along {@link #d} from x with first trial α0; on success x, g, fx move to the new
   * point and the previous ones are left in xNew, gNew (for s = x − xNew, y = g − gNew).
   *
   * @return the step α, 0 when the search found no decrease (nothing moved)
   */
  protected final double searchAlongDirection(Objective f, double alpha0) {
    StepDetail.Builder detail = detail();
    lineSearch.record(detail != null);
    double alpha = lineSearch.search(f, x, fx, g, d, alpha0, xNew, gNew);
    if (detail != null) {
      detail.put(StepDetail.Quantity.DIRECTION, d).put(StepDetail.Scalar.STEP_LENGTH, alpha)
          .lineSearch(lineSearch.lastRecord());
    }
    if (alpha == 0) {
      stalled = isSteepestDescent();
      return 0;
    }
    double[] t = x;
    x = xNew;
    xNew = t;
    t = g;
    g = gNew;
    gNew = t;
    fx = lineSearch.value();
    return alpha;
  }

  /** Whether the direction is a descent direction (gᵀd &lt; 0). */
  protected final boolean descending() {
    return Vectors.dot(g, d) < 0;
  }

  private boolean isSteepestDescent() {
    for (int i = 0; i < d.length; i++) {
      if (d[i] != -g[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * sᵀy of the last step (s = the step, y = the change of gradient), or NaN when the pair fails
   * the curvature test and must not update the quasi-Newton model: a converged run then never
   * divides 0 by 0.
   */
  protected final double curvature() {
    double sy = 0;
    double ss = 0;
    double yy = 0;
    for (int i = 0; i < x.length; i++) {
      double s = x[i] - xNew[i];
      double y = g[i] - gNew[i];
      sy += s * y;
      ss += s * s;
      yy += y * y;
    }
    return sy > 1e-12 * Math.sqrt(ss * yy) && Double.isFinite(sy) ? sy : Double.NaN;
  }

  /** d = −g. */
  protected final void steepestDescentDirection() {
    for (int i = 0; i < d.length; i++) {
      d[i] = -g[i];
    }
  }

  /** The first trial step for a new start: a step of unit length along −g (as SciPy does). */
  protected final double unitLengthStep() {
    return Math.min(1.0, 1.0 / Vectors.norm(g));
  }

  /**
   * Makes the line search from the Wolfe constants c1, c2 of the spec (or the exact search), then
   * reads the method's own hyperparameters.
   */
  @Override
  protected final void configure(OptimizerSpec spec) {
    lineSearch = lineSearchFor(spec);
    configureMethod(spec);
  }

  /** The strong Wolfe search with the spec's c1 and c2. */
  protected StrongWolfeLineSearch lineSearchFor(OptimizerSpec spec) {
    return new StrongWolfeLineSearch(spec.get(Param.C1), spec.get(Param.C2), 40);
  }

  /** Reads the method's own hyperparameters (called from the constructor and on reconfigure). */
  protected void configureMethod(OptimizerSpec spec) {}

  /** Allocates the method's own state for n parameters. */
  protected abstract void allocate(int n);

  /** Forgets the curvature memory (new start, or the caller moved θ). */
  protected abstract void restart();

  /** One iteration from (x, fx, g). */
  protected abstract void iterate(Objective f);
}
