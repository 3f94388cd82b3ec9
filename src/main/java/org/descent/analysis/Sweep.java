package org.descent.analysis;

import java.util.List;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;

/**
 * The result of a sweep: one curve per optimizer over the axis's values (the U-curve of final
 * loss against learning rate), and the 2/λmax stability bound of gradient descent where it
 * applies.
 *
 * @param skipped the labels of the optimizers without the parameter
 * @param limitAtStart 2/λmax of the Hessian at the start (the local model); NaN when unknown
 * @param limitAtMinimum 2/λmax at the request's minimum; NaN when none was given
 */
public record Sweep(Param param, Axis axis, List<Curve> curves, List<String> skipped,
    double limitAtStart, double limitAtMinimum) {

  public Sweep {
    curves = List.copyOf(curves);
    skipped = List.copyOf(skipped);
  }

  /**
   * One optimizer's runs: {@code outcomes[i]} at {@code axis.value(i)}; {@code specs[i]} is the
   * configuration that ran (a click on point i sets it on the card).
   */
  public record Curve(OptimizerSpec optimizer, List<OptimizerSpec> specs,
      List<RunOutcome> outcomes) {
    public Curve {
      specs = List.copyOf(specs);
      outcomes = List.copyOf(outcomes);
    }

    /** The point with the lowest final loss among those that did not diverge, or −1. */
    public int best() {
      int best = -1;
      for (int i = 0; i < outcomes.size(); i++) {
        RunOutcome o = outcomes.get(i);
        if (!o.diverged() && (best < 0 || o.finalLoss() < outcomes.get(best).finalLoss())) {
          best = i;
        }
      }
      return best;
    }
  }

  /** Whether the stability line applies: the swept parameter is the learning rate. */
  public boolean showsStabilityLimit() {
    return param == Param.LR;
  }
}
