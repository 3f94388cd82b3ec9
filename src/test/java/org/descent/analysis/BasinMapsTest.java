package org.descent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.descent.function.Catalogue;
import org.descent.function.CriticalPoint;
import org.descent.function.Formula;
import org.descent.function.FormulaException;
import org.descent.function.FormulaObjective;
import org.descent.function.Landscape;
import org.descent.function.ViewBox;
import org.descent.optim.Averaging;
import org.descent.optim.LearningRateSchedule;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;
import org.junit.jupiter.api.Test;

/** Basin maps end where the optimizers themselves end, and label and order cells as documented. */
class BasinMapsTest {

  static Landscape landscape(String name) {
    return Catalogue.find(name).orElseThrow().instantiate();
  }

  /** The end point of the plain optimizer from one start, as a race would step it. */
  static double[] reference(OptimizerSpec spec, FormulaObjective f, double x, double y,
      int steps) {
    Optimizer o = spec.create();
    double[] theta = {x, y};
    for (int k = 0; k < steps; k++) {
      o.step(theta, f);
    }
    return theta;
  }

  static void assertSameEnds(BasinMap map, Landscape l, OptimizerSpec spec, int steps) {
    FormulaObjective f = l.formula().objective();
    for (int iy = 0; iy < map.y().count(); iy++) {
      for (int ix = 0; ix < map.x().count(); ix++) {
        double[] end = reference(spec, f, map.startX(ix), map.startY(iy), steps);
        String at = spec.type().key() + " from (" + map.startX(ix) + ", " + map.startY(iy) + ")";
        assertEquals(Double.doubleToLongBits(end[0]), Double.doubleToLongBits(map.finalX(ix, iy)),
            at);
        assertEquals(Double.doubleToLongBits(end[1]), Double.doubleToLongBits(map.finalY(ix, iy)),
            at);
      }
    }
  }

  static List<OptimizerSpec> fastSpecs() {
    List<OptimizerSpec> specs = new ArrayList<>();
    specs.add(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.01));
    specs.add(OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.01, Param.MOMENTUM, 0.9));
    specs.add(OptimizerSpec.of(OptimizerType.NESTEROV, Param.LR, 0.01, Param.MOMENTUM, 0.8));
    specs.add(OptimizerSpec.of(OptimizerType.ADAGRAD, Param.LR, 0.5));
    specs.add(OptimizerSpec.of(OptimizerType.RMSPROP, Param.LR, 0.05));
    specs.add(OptimizerSpec.of(OptimizerType.RMSPROP_NESTEROV, Param.LR, 0.01));
    specs.add(OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.1));
    // The first-order options: clipping, schedules (and averaging, which does not move θ).
    specs.add(OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.02).withClip(5));
    specs.add(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.02)
        .withSchedule(new LearningRateSchedule.Exponential(20, 5)));
    specs.add(OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.2).withClip(1)
        .withSchedule(new LearningRateSchedule.Linear(0.01, 30))
        .withAveraging(new Averaging.Polyak(0)));
    return specs;
  }

  @Test
  void theFastPathEndsWhereEachOptimizerEndsBitForBit() {
    for (String name : List.of("himmelblau", "rastrigin", "rosenbrock", "six-hump-camel")) {
      Landscape l = landscape(name);
      for (OptimizerSpec spec : fastSpecs()) {
        BasinRequest r = BasinRequest.of(l, 17, spec, 60).withCoarseToFine(false);
        assertTrue(r.fastPath());
        assertSameEnds(BasinMaps.compute(r), l, spec, 60);
      }
    }
  }

  @Test
  void aFormulaWithEveryKindOfOperationAgreesToo() throws FormulaException {
    Formula f = Formula.parse("min(x^2, 2*abs(y)) + max(-x, y)*tanh(y) + sqrt(x*x + 1)"
        + " + exp(-y*y) - log(2 + sin(x))");
    Landscape l = Landscape.ofFormula(f, new ViewBox(-2, 2, -2, 2));
    for (OptimizerSpec spec : fastSpecs()) {
      assertSameEnds(BasinMaps.compute(BasinRequest.of(l, 9, spec, 40)), l, spec, 40);
    }
  }

  @Test
  void otherOptimizersRunStartByStartAndAgreeAsWell() {
    Landscape l = landscape("himmelblau");
    for (OptimizerType t : List.of(OptimizerType.NEWTON, OptimizerType.BFGS,
        OptimizerType.LBFGS, OptimizerType.CG, OptimizerType.COORDINATE,
        OptimizerType.SADDLE_FREE_NEWTON)) {
      OptimizerSpec spec = OptimizerSpec.of(t);
      BasinRequest r = BasinRequest.of(l, 6, spec, 15);
      assertTrue(!r.fastPath());
      assertSameEnds(BasinMaps.compute(r), l, spec, 15);
    }
  }

  @Test
  void withNoiseEveryStartReplaysTheSeedAsATraceDoes() {
    Landscape l = landscape("quadratic");
    OptimizerSpec spec = OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.05);
    BasinRequest r = BasinRequest.of(l, 5, spec, 30).withNoise(0.5, 42);
    assertTrue(!r.fastPath());
    BasinMap map = BasinMaps.compute(r);
    FormulaObjective f = l.formula().objective();
    for (int iy = 0; iy < 5; iy++) {
      for (int ix = 0; ix < 5; ix++) {
        Trace t = TraceRunner.run(spec, f, new double[] {map.startX(ix), map.startY(iy)}, 30,
            0.5, 42);
        assertEquals(t.x(30), map.finalX(ix, iy));
        assertEquals(t.y(30), map.finalY(ix, iy));
      }
    }
  }

  @Test
  void theGridIncludesBothEndsAndCellsAreNumberedYMajor() {
    Landscape l = landscape("himmelblau");
    BasinMap map = BasinMaps.compute(BasinRequest.of(l, 11, OptimizerSpec.of(OptimizerType.SGD),
        0).withView(new ViewBox(-5, 5, -1, 3)));
    assertEquals(-5, map.startX(0));
    assertEquals(5, map.startX(10));
    assertEquals(-1, map.startY(0));
    assertEquals(3, map.startY(10));
    assertEquals(0.0, map.startX(5)); // linspace's i·step + start
    assertEquals(13, map.cell(2, 1));
    // With no step, every cell ends at its own start.
    double[] fx = map.finalX();
    double[] fy = map.finalY();
    assertEquals(map.startX(2), fx[13]);
    assertEquals(map.startY(1), fy[13]);
  }

  @Test
  void labelsNameTheNearestMinimumInListOrderAndMinusOneForDivergence() {
    Landscape l = landscape("himmelblau");
    List<CriticalPoint> minima = l.minima();
    assertEquals(4, minima.size());
    OptimizerSpec spec = OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.01,
        Param.MOMENTUM, 0.9);
    BasinMap map = BasinMaps.compute(BasinRequest.of(l, 33, spec, 500));
    int[] counts = map.labelCounts();
    for (int iy = 0; iy < 33; iy++) {
      for (int ix = 0; ix < 33; ix++) {
        int label = map.label(ix, iy);
        double ex = map.finalX(ix, iy);
        double ey = map.finalY(ix, iy);
        if (!Double.isFinite(ex) || !Double.isFinite(ey)) {
          assertEquals(-1, label);
          assertEquals(BasinMap.Status.DIVERGED, map.status(ix, iy));
          continue;
        }
        int nearest = 0;
        for (int m = 1; m < 4; m++) {
          if (Math.hypot(ex - minima.get(m).x(), ey - minima.get(m).y())
              < Math.hypot(ex - minima.get(nearest).x(), ey - minima.get(nearest).y())) {
            nearest = m;
          }
        }
        assertEquals(nearest, label);
      }
    }
    // Every minimum has a basin.
    for (int m = 0; m < 4; m++) {
      assertTrue(counts[m + 1] > 100, "basin of minimum " + m);
    }
    assertEquals(0, map.label(map.x().nearestIndex(3), map.y().nearestIndex(2)));
    assertEquals(counts[0], map.count(BasinMap.Status.DIVERGED));
  }

  @Test
  void aStartFarFromEveryMinimumAtTheEndIsNotConvergedButKeepsItsNearestLabel() {
    Landscape l = landscape("himmelblau");
    // Five tiny steps: nobody gets anywhere.
    BasinMap map = BasinMaps.compute(BasinRequest.of(l, 9, OptimizerSpec.of(OptimizerType.SGD,
        Param.LR, 1e-5), 5));
    assertEquals(81, map.count(BasinMap.Status.NOT_CONVERGED));
    assertEquals(2, map.label(0, 0)); // (-5, -5) is nearest to (-3.78, -3.28)
    List<BasinMap.LegendEntry> legend = map.legend();
    assertEquals(5, legend.size());
    assertEquals("not converged", legend.get(4).text());
    assertEquals(81, legend.get(4).cells());
  }

  @Test
  void aFunctionWithoutMinimaLabelsEveryFiniteEndMinusOne() {
    Landscape saddle = landscape("saddle");
    assertTrue(saddle.minima().isEmpty());
    BasinMap map = BasinMaps.compute(BasinRequest.of(saddle, 4, OptimizerSpec.of(
        OptimizerType.SGD, Param.LR, 0.1), 10));
    for (int l : map.labels()) {
      assertEquals(-1, l);
    }
    assertEquals(16, map.count(BasinMap.Status.NOT_CONVERGED));
  }

  @Test
  void convergedStartsStopAtTheirFixedPointWithTheSameEnd() {
    // 100,000 steps: most lanes reach a bit-exact fixed point within a few hundred.
    Landscape l = landscape("quadratic");
    for (OptimizerSpec spec : List.of(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.1),
        OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.05, Param.MOMENTUM, 0.5))) {
      BasinMap map = BasinMaps.compute(BasinRequest.of(l, 6, spec, 100_000));
      assertSameEnds(map, l, spec, 100_000);
      assertEquals(36, map.count(BasinMap.Status.CONVERGED));
    }
  }

  @Test
  void theCoarsePassComesFirstAndProgressReachesOne() {
    Landscape l = landscape("himmelblau");
    BasinRequest r = BasinRequest.of(l, 64, OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.01),
        50);
    assertEquals(List.of(8, 64), r.passes());
    List<Integer> sizes = new ArrayList<>();
    List<Double> progress = new ArrayList<>();
    try (Workers w = new Workers(2)) {
      BasinMap map = BasinMaps.compute(r, w, new Cancellation(), new AnalysisListener<>() {
        @Override
        public void progress(double fraction) {
          progress.add(fraction);
        }

        @Override
        public void pass(BasinMap m) {
          sizes.add(m.x().count());
        }
      });
      assertEquals(64, map.x().count());
    }
    assertEquals(List.of(8, 64), sizes);
    assertEquals(1.0, progress.get(progress.size() - 1));
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i) >= progress.get(i - 1));
    }
  }

  @Test
  void aCancelledMapStopsWithACancellationException() {
    Landscape l = landscape("himmelblau");
    BasinRequest r = BasinRequest.of(l, 512, OptimizerSpec.of(OptimizerType.BFGS), 200);
    Cancellation cancel = new Cancellation();
    try (Workers w = new Workers(2)) {
      assertThrows(CancellationException.class, () -> BasinMaps.compute(r, w, cancel,
          new AnalysisListener<>() {
            @Override
            public void progress(double fraction) {
              cancel.cancel();
            }
          }));
    }
  }

  @Test
  void tooMuchWorkIsRefusedWithAMessage() {
    Landscape l = landscape("himmelblau");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BasinRequest.of(l, 1000, OptimizerSpec.of(OptimizerType.MOMENTUM), 100_000));
    assertEquals("too much work: 1000 x 1000 starts x 100000 steps = 1.00e+11 optimizer steps; "
        + "at most 4.00e+09 (use a smaller grid or fewer steps)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> BasinRequest.of(l, 1000, OptimizerSpec.of(OptimizerType.BFGS), 1000));
    assertTrue(e.getMessage().contains("for bfgs"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BasinRequest.of(l, 1, OptimizerSpec.of(OptimizerType.SGD), 10));
    assertThrows(IllegalArgumentException.class,
        () -> BasinRequest.of(l, 5000, OptimizerSpec.of(OptimizerType.SGD), 1));
    // A large grid within the budget is fine.
    BasinRequest.of(l, 1000, OptimizerSpec.of(OptimizerType.MOMENTUM), 4000);
  }
}
