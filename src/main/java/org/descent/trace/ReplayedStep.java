package org.descent.trace;

import org.descent.optim.StepDetail;

/**
 * One step of a trace run again with its internals recorded: θ_k, θ_{k+1} and what made the
 * update between them.
 *
 * @param step k: the update from iterate k to iterate k + 1
 * @param before θ_k, equal bit for bit to the trace's iterate k
 * @param after θ_{k+1}
 */
public record ReplayedStep(int step, double[] before, double[] after, StepDetail detail) {

  public ReplayedStep {
    before = before.clone();
    after = after.clone();
  }

  @Override
  public double[] before() {
    return before.clone();
  }

  @Override
  public double[] after() {
    return after.clone();
  }
}
