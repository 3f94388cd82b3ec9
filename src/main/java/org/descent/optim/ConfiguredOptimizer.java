package org.descent.optim;

/**
 * The configuration every run holds: the spec in use, swappable between steps for another spec
 * of the same type (a slider, a schedule), after which the subclass reads its hyperparameters
 * again.
 */
abstract class ConfiguredOptimizer implements Optimizer {

  private OptimizerSpec spec;

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

  /**
   * Reads the hyperparameters of the type. Called from the constructor (before the subclass's
   * own field initializers have run) and on every reconfigure.
   */
  protected abstract void configure(OptimizerSpec spec);
}
