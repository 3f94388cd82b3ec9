package org.descent.optim;

import org.descent.function.Objective;

/**
 * One run of an algorithm: its mutable state (velocity, accumulators, curvature pairs) sized
 * on the first step, so the same class drives two parameters and thousands. Create one with
 * {@link OptimizerSpec#create()}.
 */
public interface Optimizer {

  /**
   * One iteration: moves {@code theta} in place. It may evaluate {@code f} as often as it needs
   * (line searches, look-ahead points). An optimizer that has converged leaves θ unchanged.
   */
  void step(double[] theta, Objective f);

  /**
   * Replaces the hyperparameters between steps, keeping the run state (as a slider or a
   * schedule would in torch.optim). The type must not change.
   */
  void reconfigure(OptimizerSpec spec);

  /** The configuration in use. */
  OptimizerSpec spec();
}
