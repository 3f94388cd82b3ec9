package org.descent.app.analysis;

import java.util.ArrayList;
import java.util.List;
import org.descent.analysis.AnalysisListener;
import org.descent.analysis.Axis;
import org.descent.analysis.SweepRequest;
import org.descent.analysis.Sweeps;
import org.descent.app.analysis.AnalysisView.SweepResult;
import org.descent.app.model.OptimizerEntry;
import org.descent.function.FormulaObjective;
import org.descent.function.Landscape;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;

/** The U-curve of every visible card on the landscape: final loss against 61 learning rates. */
final class LandscapeSweepAnalysis extends SweepAnalysis {

  LandscapeSweepAnalysis(AnalysisContext context) {
    super(context);
  }

  @Override
  public Plan<SweepResult> plan(AnalysisInput in) {
    List<AnalysisInput.Card> visible = in.visibleCards();
    List<OptimizerSpec> swept = new ArrayList<>();
    List<OptimizerEntry> entries = new ArrayList<>();
    List<Integer> colours = new ArrayList<>();
    for (AnalysisInput.Card c : visible) {
      if (c.spec().type().params().contains(Param.LR)) {
        swept.add(c.spec());
        entries.add(c.entry());
        colours.add(c.argb());
      }
    }
    if (swept.isEmpty()) {
      return Plan.refused("no card has a learning rate to sweep (Newton, CG and BFGS choose "
          + "their own steps)");
    }
    // The rates are what is swept: a click that sets one is not a new sweep.
    String key = in.key() + "|" + visible.stream()
        .map(c -> SpecValues.without(c.spec(), Param.LR)).toList();
    Landscape l = in.landscape();
    FormulaObjective f = l.formula().objective();
    double[] s = in.startPoint();
    int steps = in.steps();
    double noise = in.noise();
    long seed = in.seed();
    double target = l.bestMinimumValue();
    double[] minimum = l.nearestMinimum(in.start().x(), in.start().y());
    return Plan.work(key, "final loss against the learning rate: too small crawls, too large "
        + "diverges (✕). Click a point to set its learning rate on the card.",
        "learning-rate sweep", (w, c, listener) -> {
          SweepRequest r = new SweepRequest(f, s, swept, Param.LR, Axis.log("lr", 1e-5, 10, 61),
              steps, noise, seed, target, SpecValues.TOLERANCE, minimum);
          Sweeps.compute(r, w, c, AnalysisListener.passing(listener,
              sweep -> new SweepResult(sweep, colours, target, steps, entries, false)));
        });
  }
}
