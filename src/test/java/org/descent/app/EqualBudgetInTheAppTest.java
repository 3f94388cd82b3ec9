package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import org.descent.app.charts.RaceCharts;
import org.descent.optim.OptimizerType;
import org.descent.picture.RaceChartData;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.descent.scenario.ScenarioWriter;
import org.descent.trace.Trace;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A fair race on Rosenbrock: with "equal budget of evaluations" on, every optimizer stops when
 * it has spent the same number of function and gradient evaluations; a line-search method then
 * takes fewer steps than the moment method, the charts count evaluations, and Save keeps it.
 */
class EqualBudgetInTheAppTest extends AppTest {

  @Override
  protected Scenario scenario() {
    return demo("second-order-rosenbrock.yaml");
  }

  @Test
  void everyRunStopsAtTheSameCost() throws Exception {
    clickOn("#budget-enabled");
    assertTrue(fx(() -> ((CheckBox) lookup("#budget-enabled").query()).isSelected()));
    long budget = fx(() -> model.budgetProperty().get());
    assertTrue(budget > 0);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.race().traces()
        .stream().allMatch(t -> t != null && t.budget() == budget)));
    Trace bfgs = traceOf(entry(OptimizerType.BFGS));
    Trace momentum = traceOf(entry(OptimizerType.MOMENTUM));
    for (Trace t : new Trace[] {bfgs, momentum}) {
      assertTrue(t.evaluations(t.lastStep()) <= budget, t.label() + " kept to the budget");
    }
    assertTrue(bfgs.lastStep() < momentum.lastStep(),
        "a line search spends more per step: " + bfgs.lastStep() + " vs " + momentum.lastStep());
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
      RaceChartData d = fx(() -> ((RaceCharts) lookup(".race-charts").query()).shownData());
      return d != null && d.loss().xLabel().equals(RaceChartData.EVALUATIONS);
    });
    Scenario saved = ScenarioReader.read(ScenarioWriter.write(fx(() -> model.toScenario())),
        "saved.yaml");
    assertEquals(budget, saved.budget());
    clickOn("#budget-enabled");
    assertEquals(0, fx(() -> model.budgetProperty().get()), "off again: equal steps");
  }
}
