package org.descent.analysis;

import java.util.concurrent.CancellationException;
import org.descent.function.NoisyObjective;
import org.descent.function.Objective;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Vectors;

/**
 * How one run went, in the few numbers a sweep or a map shows: the final loss, the first step
 * at which the loss came within the tolerance of its target, and whether it diverged.
 *
 * <p>Reached: the first step k (0 is the start) where f(θ_k) − f* ≤ tolerance, with f* the
 * target (the lowest known minimum value); when no target is known (NaN), where ‖∇f(θ_k)‖ ≤
 * tolerance instead. Diverged: the iterate, the loss or the gradient stopped being finite (the
 * run stops there, as a trace does), or the run ended with a higher loss than it started with
 * (on a quadratic that is growth by |1 − ελ| &gt; 1, long before it overflows). The loss is the
 * exact one even when the optimizer sees noisy gradients.
 *
 * @param finalLoss f at the last iterate (at the divergence step, possibly not finite)
 * @param stepsToTolerance the first step that reached the tolerance, or −1 when none did
 * @param divergedAt the step where a value stopped being finite, or −1
 */
public record RunOutcome(double startLoss, double finalLoss, int stepsToTolerance,
    boolean diverged, int divergedAt) {

  public boolean reached() {
    return stepsToTolerance >= 0;
  }

  /**
   * Runs {@code spec} for {@code steps} steps from {@code start} (not modified).
   *
   * @param exact used on the calling thread only
   */
  public static RunOutcome run(OptimizerSpec spec, Objective exact, double[] start, int steps,
      double noise, long seed, double target, double tolerance, Cancellation cancel) {
    Objective seen = noise > 0 ? new NoisyObjective(exact, noise, seed) : exact;
    Optimizer optimizer = spec.create();
    double[] theta = start.clone();
    double[] grad = new double[theta.length];
    double startLoss = Double.NaN;
    double loss = Double.NaN;
    int reached = -1;
    for (int k = 0; ; k++) {
      loss = exact.valueAndGradient(theta, grad);
      if (k == 0) {
        startLoss = loss;
      }
      if (!Vectors.allFinite(theta) || !Double.isFinite(loss) || !Vectors.allFinite(grad)) {
        return new RunOutcome(startLoss, loss, reached, true, k);
      }
      if (reached < 0) {
        boolean close = Double.isNaN(target) ? Vectors.norm(grad) <= tolerance
            : loss - target <= tolerance;
        if (close) {
          reached = k;
        }
      }
      if (k == steps) {
        break;
      }
      optimizer.step(theta, seen);
      if ((k & 255) == 255 && cancel.isCancelled()) {
        throw new CancellationException("cancelled");
      }
    }
    return new RunOutcome(startLoss, loss, reached, loss > startLoss, -1);
  }
}
