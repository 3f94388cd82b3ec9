package org.descent.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.descent.function.Catalogue;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.optim.StepDetail.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A replayed step starts from the trace's iterate, bit for bit, noise included. */
class StepReplayTest {

  private static Objective himmelblau() {
    return Catalogue.find("himmelblau").orElseThrow().instantiate().formula().objective();
  }

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void theReplayedStepStartsAndEndsOnTheTraceBitForBit(OptimizerType type) {
    List<OptimizerSpec> race = List.of(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.01),
        OptimizerSpec.of(type));
    RaceSetup setup = new RaceSetup(himmelblau(), race, new double[] {-0.3, -0.9}, 60, 0.5, 7);
    Trace trace = Race.run(setup).get(1);
    for (int k : new int[] {0, 1, 17, Math.min(59, trace.lastStep() - 1)}) {
      ReplayedStep r = StepReplay.replay(setup, 1, k);
      assertArrayEquals(trace.iterate(k), r.before(), type + " step " + k);
      assertArrayEquals(trace.iterate(k + 1), r.after(), type + " step " + k);
      assertArrayEquals(r.before(), r.detail().get(Quantity.POINT));
      assertEquals(k, r.detail().step());
    }
  }

  @Test
  void aStepTheRunDoesNotHaveIsRefused() {
    RaceSetup setup = new RaceSetup(himmelblau(),
        List.of(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 1)), new double[] {-0.3, -0.9},
        50, 0, 1);
    Trace t = Race.run(setup).get(0);
    int diverged = t.divergedAt().getAsInt();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StepReplay.replay(setup, 0, diverged));
    assertEquals("sgd diverged at step " + diverged + "; it has no step " + diverged,
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> StepReplay.replay(setup, 0, 50));
    assertThrows(IllegalArgumentException.class, () -> StepReplay.replay(setup, 1, 0));
  }
}
