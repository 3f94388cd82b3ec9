package org.descent.optim;

/**
 * The configuration every run holds: the spec in use, swappable between steps for another spec
 * of the same type (a slider, a schedule), after which the subclass reads its hyperparameters
 * again.
 */
abstract class ConfiguredOptimizer implements Optimizer {

  private OptimizerSpec spec;
  /** The detail of the step being taken, or null when not recording. */
  private StepDetail.Builder detail;
  private boolean recording;
  private StepDetail last;

  ConfiguredOptimizer(OptimizerSpec spec) {
    reconfigure(spec);
  }

  @Override
  public final void reconfigure(OptimizerSpec newSpec) {
    if (spec != null) {
      spec.requireSameType(newSpec);
    }
    this.spec = newSpec;
    configure(newSpec);
  }

  @Override
  public final OptimizerSpec spec() {
    return spec;
  }

  @Override
  public final void recordDetails(boolean on) {
    recording = on;
  }

  @Override
  public final StepDetail lastDetail() {
    return last;
  }

  /**
   * Starts recording a step when recording is on: the step methods of the base classes call it
   * first, then {@link #endDetail} with θ before and after.
   */
  protected final void beginDetail(int step) {
    detail = recording ? new StepDetail.Builder(step) : null;
  }

  /** The detail being recorded, or null when not recording (test it before computing). */
  protected final StepDetail.Builder detail() {
    return detail;
  }

  protected final void endDetail(double[] before, double[] after) {
    if (detail != null) {
      last = detail.build(before, after);
      detail = null;
    }
  }

  /** Whether this step is recorded. */
  protected final boolean recording() {
    return detail != null;
  }

  /**
   * Reads the hyperparameters of the type. Called from the constructor (before the subclass's
   * own field initializers have run) and on every reconfigure.
   */
  protected abstract void configure(OptimizerSpec spec);
}
