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

  /**
   * Turns the recording of each step's internals on or off. Off by default, and then it costs
   * one flag test per step; recording never changes the path.
   */
  void recordDetails(boolean on);

  /**
   * What made the last step while recording was on (see {@link StepDetail}): at least θ, g and
   * Δθ, and what the method's listing names (v, s, r, ŝ, r̂, the per-coordinate rate, the line
   * search's trial points, M ...). Null when no step was recorded yet.
   */
  StepDetail lastDetail();
}
