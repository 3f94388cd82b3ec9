package org.descent.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.function.Catalogue;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An evaluation budget stops every run at equal cost instead of equal steps. */
class BudgetTest {

  private static final long BUDGET = 400;
  private static final double[] START = {-1.2, 1};

  private static Objective rosenbrock() {
    return Catalogue.find("rosenbrock").orElseThrow().instantiate().formula().objective();
  }

  private static OptimizerSpec spec(OptimizerType type) {
    OptimizerSpec s = OptimizerSpec.of(type);
    return type.params().contains(Param.LR) ? s.with(Param.LR, 1e-4) : s;
  }

  /**
   * The budgeted trace is the prefix of the unbudgeted one whose cost fits: its last cost is at
   * most the budget, and the next step of the unbudgeted run costs more, or costs nothing (the
   * method has converged and stays put: the budgeted run ends there).
   */
  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void aRunSpendsAtMostItsBudgetAndTheNextStepWouldExceedIt(OptimizerType type) {
    Trace budgeted = TraceRunner.run(spec(type), rosenbrock(), START, 1000, 0.1, 3, BUDGET);
    Trace free = TraceRunner.run(spec(type), rosenbrock(), START, 1000, 0.1, 3);
    int last = budgeted.lastStep();
    assertEquals(BUDGET, budgeted.budget());
    assertTrue(budgeted.evaluations(last) <= BUDGET, type + " spent "
        + budgeted.evaluations(last));
    for (int k = 0; k <= last; k++) {
      assertArrayEquals(free.iterate(k), budgeted.iterate(k), type + " step " + k);
      assertEquals(free.functionEvaluations(k) + free.gradientEvaluations(k),
          budgeted.evaluations(k));
    }
    assertTrue(last < 1000, type + " ran to its step cap");
    long next = free.evaluations(last + 1);
    boolean converged = next == budgeted.evaluations(last);
    assertTrue(next > BUDGET || converged, type + ": step " + (last + 1) + " costs " + next
        + " and would have fitted");
    if (converged) {
      assertArrayEquals(free.iterate(last), free.iterate(last + 1), type + " stays put");
    }
  }

  @Test
  void gradientDescentSpendsOneEvaluationPerStep() {
    Trace t = TraceRunner.run(spec(OptimizerType.SGD), rosenbrock(), START, 1000, 0, 0, BUDGET);
    assertEquals(BUDGET, t.lastStep());
    assertEquals(BUDGET, t.evaluations(t.lastStep()));
  }

  @Test
  void aLineSearchMethodTakesFewerStepsThanGradientDescentForTheSameBudget() {
    RaceSetup setup = new RaceSetup(rosenbrock(), List.of(spec(OptimizerType.SGD),
        OptimizerSpec.of(OptimizerType.BFGS), OptimizerSpec.of(OptimizerType.CG)), START, 1000,
        0, 0, 100);
    List<Trace> traces = Race.run(setup);
    int sgd = traces.get(0).lastStep();
    for (Trace t : traces.subList(1, 3)) {
      assertTrue(t.lastStep() < sgd, t.label() + " took " + t.lastStep() + " steps, sgd "
          + sgd);
      // Each of its steps is at least one value-and-gradient evaluation (cost 2).
      assertTrue(t.evaluations(t.lastStep()) >= 2L * t.lastStep());
    }
  }

  @Test
  void aNegativeBudgetIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TraceRunner.run(spec(OptimizerType.SGD),
        rosenbrock(), START, 10, 0, 0, -1));
  }
}
