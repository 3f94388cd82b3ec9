package org.descent.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.function.Formula;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/** A run as seen at a step (reveal mode): its steps up to there, no divergence before it. */
class TraceUpToTest {

  @Test
  void aRunSeenAtAStepEndsThereAndKeepsItsNumbers() throws Exception {
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.1),
        Formula.parse("x^2 + y^2").objective(), new double[] {1, 1}, 50, 0, 0);
    Trace seen = t.upTo(7);
    assertEquals(8, seen.length());
    assertEquals(7, seen.lastStep());
    assertEquals(t.loss(7), seen.finalLoss());
    assertEquals(t.x(7), seen.x(7));
    assertSame(t, t.upTo(50));
    assertSame(t, t.upTo(80));
    assertEquals(1, t.upTo(0).length());
  }

  @Test
  void aDivergenceIsSeenOnlyOnceThePlaybackHasReachedIt() throws Exception {
    // √(1 − x) stepped from 0 to x = 2 has no finite loss at step 1.
    Trace t = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 4.0),
        Formula.parse("sqrt(1 - x) + y^2").objective(), new double[] {0, 0}, 20, 0, 0);
    assertTrue(t.diverged());
    assertEquals(0, t.lastStep());
    assertTrue(t.upTo(0).diverged(), "at its last step the run has stopped: it shows");
    Trace longer = TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 1.2),
        Formula.parse("x^4 + y^4").objective(), new double[] {1, 1}, 20, 0, 0);
    assertTrue(longer.diverged());
    int last = longer.lastStep();
    assertFalse(longer.upTo(last - 1).diverged());
    assertTrue(longer.upTo(last).diverged());
  }
}
