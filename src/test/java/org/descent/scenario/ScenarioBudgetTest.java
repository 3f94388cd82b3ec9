package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.trace.Race;
import org.descent.trace.Trace;
import org.junit.jupiter.api.Test;

/** The {@code budget} key: equal evaluations instead of equal steps. */
class ScenarioBudgetTest {

  private static final String RACE = "function: rosenbrock\nstart: [-1.2, 1]\nbudget: 120\n"
      + "optimizers:\n  - {type: sgd, lr: 0.0001}\n  - {type: bfgs}\n  - {type: cg}\n";

  @Test
  void aBudgetWithoutStepsLetsEveryRunSpendItAll() throws Exception {
    Scenario s = ScenarioReader.read(RACE, "budget.yaml");
    assertEquals(120, s.budget());
    assertEquals(120, s.steps(), "the budget is also enough steps");
    List<Trace> traces = Race.run(s.race(s.landscape()));
    assertEquals(120, traces.get(0).lastStep(), "gradient descent: one gradient per step");
    for (Trace t : traces) {
      assertTrue(t.evaluations(t.lastStep()) <= 120, t.label());
      assertEquals(120, t.budget());
    }
    assertTrue(traces.get(1).lastStep() < 60, "bfgs pays at least 2 per step");
  }

  @Test
  void stepsCapABudgetedRun() throws Exception {
    Scenario s = ScenarioReader.read(RACE.replace("budget: 120\n", "budget: 120\nsteps: 50\n"),
        "capped.yaml");
    assertEquals(50, s.steps());
    assertEquals(50, Race.run(s.race(s.landscape())).get(0).lastStep());
  }

  @Test
  void theBudgetIsSavedAndReadBack() throws Exception {
    Scenario s = ScenarioReader.read(RACE, "budget.yaml");
    String written = ScenarioWriter.write(s);
    assertTrue(written.contains("budget: 120"), written);
    assertEquals(s, ScenarioReader.read(written, "saved.yaml"));
    Scenario none = s.withBudget(0);
    assertTrue(!ScenarioWriter.write(none).contains("budget"));
    assertEquals(none, ScenarioReader.read(ScenarioWriter.write(none), "saved.yaml"));
  }

  @Test
  void aBadBudgetNamesTheLine() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(
        RACE.replace("budget: 120", "budget: 0"), "bad.yaml"));
    assertEquals("bad.yaml:3: budget: budget must be a whole number of evaluations from 1 to "
        + "10000000, got 0", e.getMessage());
  }
}
