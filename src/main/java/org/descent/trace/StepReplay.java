package org.descent.trace;

import org.descent.function.CountingObjective;
import org.descent.function.NoisyObjective;
import org.descent.function.Objective;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Vectors;

/**
 * Reruns one optimizer of a race up to step k and records that step's internals, so a view can
 * open any step of a trace without every run paying for recording. The rerun sees the same
 * function, wrapped the same way and with the same noise stream as {@link TraceRunner}, so its
 * θ_k is the trace's iterate k bit for bit. It costs k steps: for a slider-speed view, replay
 * on demand (a click), not on every frame.
 */
public final class StepReplay {

  private StepReplay() {}

  /**
   * The update from iterate k to iterate k + 1 of optimizer {@code index} of the race.
   *
   * @param k from 0 to the trace's last step − 1
   * @throws IllegalArgumentException when the run has no step k (it has fewer steps, or
   *     diverged before)
   */
  public static ReplayedStep replay(RaceSetup setup, int index, int k) {
    if (index < 0 || index >= setup.optimizers().size()) {
      throw new IllegalArgumentException("no optimizer " + index + " in a race of "
          + setup.optimizers().size());
    }
    if (k < 0 || k >= setup.steps()) {
      throw new IllegalArgumentException("step " + k + " is outside 0 to "
          + (setup.steps() - 1));
    }
    OptimizerSpec spec = setup.optimizers().get(index);
    Objective exact = setup.objective().copy();
    // As TraceRunner wraps it: the noise stream starts afresh from the seed for every run.
    Objective seen = setup.noise() > 0 ? new NoisyObjective(exact, setup.noise(), setup.seed())
        : exact;
    CountingObjective counted = new CountingObjective(seen);
    Optimizer optimizer = spec.create();
    double[] theta = setup.start();
    double[] grad = new double[theta.length];
    for (int j = 0; j <= k; j++) {
      double loss = exact.valueAndGradient(theta, grad);
      if (!Vectors.allFinite(theta) || !Double.isFinite(loss) || !Vectors.allFinite(grad)) {
        throw new IllegalArgumentException(spec.label() + " diverged at step " + j
            + "; it has no step " + k);
      }
      if (j == k) {
        break;
      }
      optimizer.step(theta, counted);
    }
    if (setup.budget() != TraceRunner.NO_BUDGET
        && counted.functionEvaluations() + counted.gradientEvaluations() > setup.budget()) {
      throw new IllegalArgumentException(spec.label() + " ran out of its budget before step "
          + k);
    }
    double[] before = theta.clone();
    optimizer.recordDetails(true);
    optimizer.step(theta, counted);
    if (setup.budget() != TraceRunner.NO_BUDGET
        && counted.functionEvaluations() + counted.gradientEvaluations() > setup.budget()) {
      throw new IllegalArgumentException("step " + k + " of " + spec.label()
          + " does not fit its budget of " + setup.budget() + " evaluations");
    }
    return new ReplayedStep(k, before, theta, optimizer.lastDetail());
  }
}
