package org.descent.scenario;

import java.util.ArrayList;
import java.util.List;
import org.descent.function.FormulaException;
import org.descent.function.Landscape;
import org.descent.function.Objective;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;
import org.descent.trace.AcceleratedRunner;
import org.descent.trace.ContinuationRunner;
import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;

/**
 * The runs a scenario's lecture extras add to the plain race, computed as the tests check
 * them, so that the app, the command line and the tests draw the same numbers: the card
 * under continuation, the accelerated reference run of a rate chart, and the race on the
 * function beside. Each call runs on the calling thread.
 */
public final class ScenarioTraces {

  private ScenarioTraces() {}

  /**
   * One trace per card, as {@code Race} runs them (at the scenario's evaluation budget, if it
   * has one), except the card named by the scenario's continuation, which runs under its
   * schedule.
   */
  public static List<Trace> race(Scenario s) throws FormulaException {
    Landscape l = s.landscape();
    Objective f = l.formula().objective();
    double[] start = start(s, l);
    List<Trace> out = new ArrayList<>();
    for (OptimizerSpec spec : s.optimizers()) {
      if (s.continuation() != null && spec.label().equals(s.continuation().optimizer())) {
        out.add(ContinuationRunner.run(spec, l, s.continuation(), start, s.steps(), s.noise(),
            s.seed()).trace());
      } else {
        out.add(TraceRunner.run(spec, f, start, s.steps(), s.noise(), s.seed(), s.budget()));
      }
    }
    return out;
  }

  /** The stages of the continuation card's run, or an empty list without continuation. */
  public static List<ContinuationRunner.Stage> continuationStages(Scenario s)
      throws FormulaException {
    if (s.continuation() == null) {
      return List.of();
    }
    Landscape l = s.landscape();
    OptimizerSpec spec = s.optimizers().stream()
        .filter(o -> o.label().equals(s.continuation().optimizer())).findFirst().orElseThrow();
    return ContinuationRunner.run(spec, l, s.continuation(), start(s, l), s.steps(), s.noise(),
        s.seed()).stages();
  }

  /**
   * Nesterov's accelerated method at the first card's learning rate, labelled
   * "accelerated (Nesterov 1983)", when the chart asks for it; null otherwise.
   */
  public static Trace accelerated(Scenario s) throws FormulaException {
    if (s.chart() == null || !s.chart().accelerated()) {
      return null;
    }
    Landscape l = s.landscape();
    return AcceleratedRunner.run("accelerated (Nesterov 1983)", l.formula().objective(),
        start(s, l), s.optimizers().get(0).get(Param.LR), s.steps());
  }

  /** The plain race on the function beside, from the same start; empty without one. */
  public static List<Trace> beside(Scenario s) throws FormulaException {
    Landscape beside = s.besideLandscape();
    if (beside == null) {
      return List.of();
    }
    double[] start = start(s, s.landscape());
    Objective f = beside.formula().objective();
    List<Trace> out = new ArrayList<>();
    for (OptimizerSpec spec : s.optimizers()) {
      out.add(TraceRunner.run(spec, f, start, s.steps(), s.noise(), s.seed()));
    }
    return out;
  }

  /** The gap f* a rate chart measures from: its fstar, or the landscape's best minimum. */
  public static double fstar(Scenario s) throws FormulaException {
    if (s.chart() != null && !Double.isNaN(s.chart().fstar())) {
      return s.chart().fstar();
    }
    return s.landscape().bestMinimumValue();
  }

  private static double[] start(Scenario s, Landscape l) {
    Vec2 v = s.startOn(l);
    return new double[] {v.x(), v.y()};
  }
}
