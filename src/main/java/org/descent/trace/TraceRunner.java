package org.descent.trace;

import java.util.Arrays;
import org.descent.function.CountingObjective;
import org.descent.function.NoisyObjective;
import org.descent.function.Objective;
import org.descent.optim.Averaging;
import org.descent.optim.IterateAverage;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Vectors;

/**
 * Runs an optimizer on a function for n steps into a {@link Trace}. The optimizer sees the
 * (optionally noisy) gradients; the trace records the exact loss and gradient norm at every
 * iterate. A run stops at the first iterate whose coordinates, loss or gradient are not all
 * finite: that is the step where it diverged, and it is not recorded (a finite loss with an
 * infinite gradient, as sqrt(x) at 0, is where the run breaks, not a step later when the
 * iterate overflows). The same inputs give the same trace, bit for bit.
 *
 * <p>With an evaluation budget B the run also stops before the first step that would take the
 * optimizer's cumulative cost, function evaluations + gradient evaluations (a value-and-gradient
 * call costs 2, a gradient alone 1, a Hessian call 2), beyond B: the trace then holds the steps
 * whose cost fits, so methods are compared at equal cost rather than at equal steps. The step
 * that would exceed B is computed and dropped, since a line search's cost is known only after
 * it ran. A run that has converged (a step that evaluates nothing and stays put) can spend no
 * more and ends there too; {@code steps} caps the steps either way.
 */
public final class TraceRunner {

  private TraceRunner() {}

  /**
   * @param exact the function; used on the calling thread only (pass a {@code copy()} when
   *     running several traces in parallel)
   * @param noise standard deviation of the Gaussian gradient noise (0 for exact gradients)
   * @param seed seed of the noise
   */
  public static Trace run(OptimizerSpec spec, Objective exact, double[] start, int steps,
      double noise, long seed) {
    return run(spec, exact, start, steps, noise, seed, NO_BUDGET);
  }

  /** No evaluation budget: the run takes all its steps. */
  public static final long NO_BUDGET = 0;

  /**
   * As {@link #run(OptimizerSpec, Objective, double[], int, double, long)}, stopping before the
   * cost (function + gradient evaluations) would exceed {@code budget}; {@code steps} is then
   * the most steps it takes.
   *
   * @param budget the most evaluations, or {@link #NO_BUDGET}
   */
  public static Trace run(OptimizerSpec spec, Objective exact, double[] start, int steps,
      double noise, long seed, long budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("the budget must be zero (none) or positive, got "
          + budget);
    }
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be zero or more, got " + steps);
    }
    if (start.length != exact.dimension()) {
      throw new IllegalArgumentException("the start has " + start.length
          + " coordinates, the function takes " + exact.dimension());
    }
    int n = start.length;
    Objective seen = noise > 0 ? new NoisyObjective(exact, noise, seed) : exact;
    CountingObjective counted = new CountingObjective(seen);
    Optimizer optimizer = spec.create();
    boolean averaging = !(spec.averaging() instanceof Averaging.None);
    IterateAverage average = averaging ? new IterateAverage(spec.averaging(), n) : null;

    double[] iterates = new double[(steps + 1) * n];
    double[] averaged = averaging ? new double[(steps + 1) * n] : null;
    double[] losses = new double[steps + 1];
    double[] gradNorms = new double[steps + 1];
    long[] fevals = new long[steps + 1];
    long[] gevals = new long[steps + 1];
    double[] theta = start.clone();
    double[] grad = new double[n];
    double[] mean = new double[n];

    int divergedAt = -1;
    Trace.NonFinite cause = null;
    int k = 0;
    while (true) {
      double loss = exact.valueAndGradient(theta, grad);
      cause = !Vectors.allFinite(theta) ? Trace.NonFinite.ITERATE
          : !Double.isFinite(loss) ? Trace.NonFinite.LOSS
          : !Vectors.allFinite(grad) ? Trace.NonFinite.GRADIENT : null;
      if (cause != null) {
        divergedAt = k;
        break;
      }
      System.arraycopy(theta, 0, iterates, k * n, n);
      losses[k] = loss;
      gradNorms[k] = Vectors.norm(grad);
      fevals[k] = counted.functionEvaluations();
      gevals[k] = counted.gradientEvaluations();
      if (averaging) {
        average.accept(k, theta);
        average.averageInto(mean);
        System.arraycopy(mean, 0, averaged, k * n, n);
      }
      if (k == steps) {
        break;
      }
      long spent = counted.functionEvaluations() + counted.gradientEvaluations();
      optimizer.step(theta, counted);
      if (budget != NO_BUDGET) {
        long now = counted.functionEvaluations() + counted.gradientEvaluations();
        if (now > budget || now == spent) {
          // This step does not fit; or it cost nothing, which is how a converged method stays
          // put: it can spend no more of its budget. The trace ends at step k.
          break;
        }
      }
      k++;
    }
    int length = divergedAt < 0 ? k + 1 : divergedAt;
    if (length < steps + 1) {
      iterates = Arrays.copyOf(iterates, length * n);
      averaged = averaging ? Arrays.copyOf(averaged, length * n) : null;
      losses = Arrays.copyOf(losses, length);
      gradNorms = Arrays.copyOf(gradNorms, length);
      fevals = Arrays.copyOf(fevals, length);
      gevals = Arrays.copyOf(gevals, length);
    }
    return new Trace(spec.label(), n, budget, iterates, averaged, losses, gradNorms,
        fevals, gevals, divergedAt, cause);
  }
}
