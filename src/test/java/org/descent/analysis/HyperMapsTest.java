package org.descent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.descent.function.Catalogue;
import org.descent.function.FormulaObjective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/** (learning rate, momentum) and (β1, β2) maps: each cell is the run its values give. */
class HyperMapsTest {

  static final FormulaObjective QUADRATIC = Catalogue.find("quadratic").orElseThrow()
      .instantiate().formula().objective();
  static final double[] START = {-2.8, 1.2};

  @Test
  void everyCellIsTheRunOfItsOwnHyperparameters() {
    HyperMapRequest r = HyperMapRequest.learningRateMomentum(QUADRATIC, START,
        OptimizerSpec.of(OptimizerType.MOMENTUM), 1e-3, 0.5, 20, 300, 0, 1e-6);
    List<Integer> passes = new ArrayList<>();
    HyperMap map;
    try (Workers w = new Workers(2)) {
      map = HyperMaps.compute(r, w, new Cancellation(), new AnalysisListener<>() {
        @Override
        public void pass(HyperMap m) {
          passes.add(m.x().count());
        }
      });
    }
    assertEquals(List.of(5, 20), passes);
    for (int iy = 0; iy < 20; iy += 3) {
      for (int ix = 0; ix < 20; ix += 3) {
        OptimizerSpec spec = map.specAt(ix, iy);
        assertEquals(map.x().value(ix), spec.get(Param.LR));
        assertEquals(map.y().value(iy), spec.get(Param.MOMENTUM));
        RunOutcome expected = RunOutcome.run(spec, QUADRATIC, START, 300, 0, 0, 0, 1e-6,
            new Cancellation());
        assertEquals(expected, map.outcome(ix, iy));
      }
    }
    int[] fastest = map.fastest();
    assertNotNull(fastest);
    // The fastest cell uses momentum: the lesson of the ravine (κ = 10).
    assertTrue(map.specAt(fastest[0], fastest[1]).get(Param.MOMENTUM) > 0.1);
    // Large learning rates without momentum diverge; a click finds its cell.
    assertTrue(map.diverged(19, 0));
    int[] cell = map.cellNear(map.x().value(7), map.y().value(4));
    assertEquals(7, cell[0]);
    assertEquals(4, cell[1]);
  }

  @Test
  void momentumsPredictedBestLiesOnTheMapsFastValley() {
    // For a fixed lr, the steps to the tolerance are fewest near the closed-form best α.
    double lr = 0.05;
    HyperMapRequest r = new HyperMapRequest(QUADRATIC, START, OptimizerSpec.of(
        OptimizerType.MOMENTUM), Param.LR, Axis.linear("lr", lr, lr, 1), Param.MOMENTUM,
        Axis.linear("momentum", 0, 0.95, 96), 2000, 0, 0, 0, 1e-12, false);
    HyperMap map;
    try (Workers w = new Workers(2)) {
      map = HyperMaps.compute(r, w, new Cancellation(), AnalysisListener.none());
    }
    int[] fastest = map.fastest();
    double best = new QuadraticStability(new double[] {10, 1}).optimalMomentum(lr);
    assertEquals(best, map.y().value(fastest[1]), 0.06);
  }

  @Test
  void adamsBetasMapAndItsRefusals() {
    HyperMapRequest r = HyperMapRequest.adamBetas(QUADRATIC, START,
        OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.1), 6, 100, 0, 1e-3);
    assertEquals(0.999, r.x().max());
    assertEquals(0.99999, r.y().max());
    HyperMap map;
    try (Workers w = new Workers(1)) {
      map = HyperMaps.compute(r, w, new Cancellation(), AnalysisListener.none());
    }
    assertEquals(0.9, map.specAt(0, 0).get(Param.BETA2));
    assertThrows(IllegalArgumentException.class, () -> HyperMapRequest.adamBetas(QUADRATIC,
        START, OptimizerSpec.of(OptimizerType.SGD), 6, 100, 0, 1e-3));
    assertThrows(IllegalArgumentException.class, () -> HyperMapRequest.learningRateMomentum(
        QUADRATIC, START, OptimizerSpec.of(OptimizerType.MOMENTUM), 1e-3, 0.5, 2000, 1000, 0,
        1e-6));
  }
}
