package org.descent.app.analysis;

import java.util.ArrayList;
import java.util.List;
import org.descent.analysis.AnalysisListener;
import org.descent.analysis.Axis;
import org.descent.analysis.SweepRequest;
import org.descent.analysis.Sweeps;
import org.descent.app.analysis.AnalysisView.SweepResult;
import org.descent.app.model.OptimizerEntry;
import org.descent.network.NetworkInputException;
import org.descent.network.NetworkObjective;
import org.descent.network.NetworkSetup;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;

/**
 * The U-curve on the real network: each card's optimizer trained full batch from the same
 * initial weights at 21 learning rates; the final training loss. A click sets the card's
 * network rate.
 */
final class NetworkSweepAnalysis extends SweepAnalysis {

  /** Steps of each run: enough for the U-curve, a few seconds in all. */
  static final int STEPS = 300;

  NetworkSweepAnalysis(AnalysisContext context) {
    super(context);
  }

  @Override
  public Plan<SweepResult> plan(AnalysisInput in) {
    NetworkSetup setup = in.network();
    if (setup == null) {
      return Plan.refused("no network in this demo: turn it on with N (or View > Train a real "
          + "network beside the map)");
    }
    List<OptimizerEntry> entries = new ArrayList<>();
    List<OptimizerSpec> specs = new ArrayList<>();
    List<Integer> colours = new ArrayList<>();
    for (AnalysisInput.Card c : in.visibleCards()) {
      if (c.spec().type().params().contains(Param.LR)) {
        entries.add(c.entry());
        specs.add(c.spec());
        colours.add(c.argb());
      }
    }
    if (specs.isEmpty()) {
      return Plan.refused("no card has a learning rate to sweep");
    }
    String key = in.key() + "|" + setup + "|" + specs.stream()
        .map(x -> SpecValues.without(x, Param.LR)).toList();
    int steps = Math.min(STEPS, setup.steps());
    return Plan.work(key, "final training loss of the network after " + steps + " full-batch "
        + "steps from the same initial weights. Click a point to set the card's network rate.",
        "learning-rate sweep on the network", (w, c, listener) -> {
          NetworkSetup.Prepared p;
          try {
            p = setup.prepare();
          } catch (NetworkInputException e) {
            throw new IllegalArgumentException(e.getMessage());
          }
          var f = new NetworkObjective(p.architecture(), p.data().train());
          SweepRequest r = new SweepRequest(f, p.start(), specs, Param.LR,
              Axis.log("lr", 1e-4, 10, 21), steps, 0, 0, Double.NaN, SpecValues.TOLERANCE,
              null);
          Sweeps.compute(r, w, c, AnalysisListener.passing(listener,
              sweep -> new SweepResult(sweep, colours, Double.NaN, steps, entries, true)));
        });
  }
}
