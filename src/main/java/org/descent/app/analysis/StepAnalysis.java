package org.descent.app.analysis;

import java.awt.Graphics2D;
import org.descent.app.analysis.AnalysisView.StepResult;
import org.descent.function.Landscape;
import org.descent.picture.AnalysisPlot;
import org.descent.picture.Look;
import org.descent.picture.MapScene;
import org.descent.picture.OpenedStep;
import org.descent.scenario.Scenario;
import org.descent.trace.Trace;

/**
 * Inside the chosen card's step from the current iterate: replayed on a worker from the start
 * (the same noise, so it is the trace's own step), its rule with its numbers beside, and its
 * parts drawn on the map at the iterate, with the true H⁻¹ for BFGS.
 */
final class StepAnalysis implements Analysis<StepResult> {

  @Override
  public boolean needsScenario() {
    return true;
  }

  @Override
  public boolean followsStep() {
    return true;
  }

  @Override
  public Plan<StepResult> plan(AnalysisInput in) {
    AnalysisInput.Card card = in.chosen();
    int index = in.indexOf(card.entry());
    Trace trace = card.trace();
    if (index < 0 || trace == null) {
      return Plan.waiting();
    }
    String label = card.spec().label();
    int k = Math.min(in.currentStep(), trace.lastStep() - 1);
    if (k < 0) {
      return Plan.refused(label + " takes no step here (it stopped at the start)");
    }
    Scenario now = in.scenario();
    Landscape l = in.landscape();
    int run = in.shownIndexOf(card.entry());
    return Plan.work(null, "the arrows on the map make the step: Δθ and its parts. Step with "
        + "← →; press another card to open its step.", "step " + k + " of " + label,
        (w, c, listener) -> {
          OpenedStep opened = OpenedStep.replay(now.race(l), l, index, k);
          if (opened == null) {
            throw new IllegalArgumentException(label + " records no detail of its step");
          }
          listener.pass(new StepResult(opened.picture(), opened.onMap(run)));
        });
  }

  @Override
  public AnalysisPlot[] draw(StepResult r, Marks marks, Graphics2D g, Look look, int w, int h) {
    return new AnalysisPlot[] {r.picture().draw(g, look, w, h)};
  }

  @Override
  public MapScene.Inspection onMap(StepResult r) {
    return r.onMap();
  }
}
