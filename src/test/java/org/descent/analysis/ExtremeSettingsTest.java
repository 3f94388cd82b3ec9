package org.descent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.descent.function.Catalogue;
import org.descent.function.Landscape;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Settings at the edges give sensible results or clear refusals, never a hang (the timeouts
 * only guard against one) or an out-of-memory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExtremeSettingsTest {

  static final Landscape HIMMELBLAU = Catalogue.find("himmelblau").orElseThrow().instantiate();
  static final Landscape QUADRATIC = Catalogue.find("quadratic").orElseThrow().instantiate();

  @Test
  void learningRateTenDivergesEverywhereAndSaysSo() {
    BasinMap map = BasinMaps.compute(BasinRequest.of(HIMMELBLAU, 32, OptimizerSpec.of(
        OptimizerType.SGD, Param.LR, 10), 1000));
    assertEquals(32 * 32, map.count(BasinMap.Status.DIVERGED));
    assertEquals(32 * 32, map.labelCounts()[0]);
    assertEquals(List.of("diverged"), map.legend().stream().filter(e -> e.cells() > 0)
        .map(BasinMap.LegendEntry::text).toList());
    Sweep s = Sweeps.compute(new SweepRequest(QUADRATIC.formula().objective(),
        new double[] {1, 1}, List.of(OptimizerSpec.of(OptimizerType.SGD)), Param.LR,
        Axis.log("lr", 1, 10, 3), 100_000, 0, 0, 0, 1e-6, null));
    for (RunOutcome o : s.curves().get(0).outcomes()) {
      assertTrue(o.diverged());
      assertTrue(o.divergedAt() > 0 && o.divergedAt() < 2000, "stops where it overflows");
    }
  }

  @Test
  void momentumNearOneAndATinyDeltaStayFinite() {
    BasinMap map = BasinMaps.compute(BasinRequest.of(QUADRATIC, 16, OptimizerSpec.of(
        OptimizerType.MOMENTUM, Param.LR, 0.01, Param.MOMENTUM, 0.9999), 20_000));
    assertEquals(0, map.count(BasinMap.Status.DIVERGED));
    OptimizerSpec adam = OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.1, Param.DELTA,
        Double.MIN_VALUE);
    BasinMap adamMap = BasinMaps.compute(BasinRequest.of(QUADRATIC, 16, adam, 2000));
    assertEquals(0, adamMap.count(BasinMap.Status.DIVERGED));
    RunOutcome o = RunOutcome.run(OptimizerSpec.of(OptimizerType.ADAGRAD, Param.DELTA, 1e-300),
        QUADRATIC.formula().objective(), new double[] {0, 0}, 100, 0, 0, 0, 1e-6,
        new Cancellation());
    assertEquals(0, o.finalLoss()); // starting at the minimum, g = 0: 0/(δ + 0) stays 0
  }

  @Test
  void hugeNoiseGivesNumbersNotExceptions() {
    BasinMap map = BasinMaps.compute(BasinRequest.of(QUADRATIC, 8, OptimizerSpec.of(
        OptimizerType.SGD, Param.LR, 0.01), 500).withNoise(1e12, 3));
    assertEquals(64, map.cells());
    for (double x : map.finalX()) {
      assertTrue(Double.isFinite(x) || Double.isNaN(x) || Double.isInfinite(x));
    }
    assertEquals(64, map.count(BasinMap.Status.NOT_CONVERGED)
        + map.count(BasinMap.Status.DIVERGED) + map.count(BasinMap.Status.CONVERGED));
  }

  @Test
  void aMillionStartsAreComputedAndTheBudgetRefusesMore() {
    BasinMap map = BasinMaps.compute(BasinRequest.of(HIMMELBLAU, 1000, OptimizerSpec.of(
        OptimizerType.MOMENTUM, Param.LR, 0.01, Param.MOMENTUM, 0.9), 50));
    assertEquals(1_000_000, map.cells());
    assertEquals(1_000_000, java.util.Arrays.stream(map.labelCounts()).sum());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BasinRequest.of(HIMMELBLAU, 1000, OptimizerSpec.of(OptimizerType.SGD), 100_000));
    assertTrue(e.getMessage().startsWith("too much work: 1000 x 1000 starts x 100000 steps"));
    assertThrows(IllegalArgumentException.class, () -> new Axis("lr", 1, 2, 0,
        Axis.Scale.LOG));
    assertThrows(IllegalArgumentException.class, () -> Axis.log("lr", 0, 1, 3));
    assertThrows(IllegalArgumentException.class, () -> new Axis("m", 0, 1, 3,
        Axis.Scale.LOG_ONE_MINUS));
    assertThrows(IllegalArgumentException.class, () -> new Workers(0));
  }
}
