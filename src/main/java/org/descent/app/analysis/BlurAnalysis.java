package org.descent.app.analysis;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import org.descent.app.analysis.AnalysisView.BlurResult;
import org.descent.app.controls.NumberSlider;
import org.descent.function.Blur;
import org.descent.function.Formula;
import org.descent.function.FormulaException;
import org.descent.function.Landscape;
import org.descent.picture.AnalysisPlot;
import org.descent.picture.ChartInput;
import org.descent.picture.Look;
import org.descent.picture.Pictures;
import org.descent.picture.RaceScene;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioTraces;
import org.descent.trace.ContinuationRunner;

/**
 * The blurred landscape: Rastrigin's closed form (the blur damps each ripple by e^(−2π²σ²)),
 * with the continuation card's path up to the end of its stage at the slider's σ.
 */
final class BlurAnalysis implements Analysis<BlurResult> {

  private final AnalysisContext context;
  private final NumberSlider sigma;
  // Whether the slider holds the open demo's σ yet: it is the state, read where needed.
  private boolean taken;

  BlurAnalysis(AnalysisContext context) {
    this.context = context;
    sigma = new NumberSlider("σ", "the width of the Gaussian that blurs the landscape (0: the "
        + "function itself)", 0, 3, NumberSlider.Scale.LINEAR, false, 2,
        v -> v >= 0 && v <= 10 ? Optional.empty() : Optional.of("between 0 and 10"),
        v -> context.recompute());
    sigma.setId("blur-sigma");
  }

  @Override
  public boolean needsScenario() {
    return true;
  }

  @Override
  public Node controls() {
    return sigma;
  }

  @Override
  public void demoOpened() {
    taken = false;
  }

  /** Sets the blur's width as its slider does. */
  void setSigma(double v) {
    taken = true;
    sigma.setValue(v);
    context.recompute();
  }

  @Override
  public Plan<BlurResult> plan(AnalysisInput in) {
    Landscape l = in.landscape();
    if (!Blur.hasClosedForm(l)) {
      return Plan.refused("the blurred landscape is drawn for Rastrigin, whose blur has a "
          + "closed form (open the continuation demo)");
    }
    Scenario now = in.scenario();
    var schedule = now.continuation();
    if (!taken) {
      sigma.setValue(schedule != null ? schedule.sigma() : 1);
      taken = true;
    }
    double at = sigma.value();
    List<ChartInput> runs = new ArrayList<>();
    for (AnalysisInput.Card c : in.shown()) {
      runs.add(new ChartInput(c.spec().label(), c.argb(), c.trace(), c.entry().lineStyle()));
    }
    int steps = in.steps();
    String hint = schedule == null ? "Rastrigin blurred by σ: the ripples fade, the bowl stays."
        : "Rastrigin blurred by σ; the path of " + schedule.optimizer() + " to the end of its "
            + "stage at this σ. Move σ down to 0 to follow the minimum as it sharpens.";
    return Plan.work(null, hint, "blurred landscape", (w, c, listener) -> {
      Landscape blurred;
      List<ContinuationRunner.Stage> stages;
      try {
        blurred = Landscape.ofFormula(Formula.parse(Blur.RASTRIGIN, Map.of("sigma", at)),
            l.view());
        stages = schedule == null ? List.of() : ScenarioTraces.continuationStages(now);
      } catch (FormulaException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
      int step = steps;
      if (schedule != null) {
        for (var stage : stages) {
          if (stage.sigma() >= at - 1e-12) {
            step = stage.firstStep() + stage.steps();
          }
        }
      }
      var scene = new RaceScene("σ = " + at, blurred, l.view(), runs, now.startOn(l), steps, 0,
          null);
      listener.pass(new BlurResult(scene, step, at));
    });
  }

  @Override
  public AnalysisPlot[] draw(BlurResult b, Marks marks, Graphics2D g, Look look, int w, int h) {
    new Pictures().drawInto(g, Pictures.View.CONTOUR, b.scene(), b.step(), w, h, look);
    return new AnalysisPlot[0];
  }
}
