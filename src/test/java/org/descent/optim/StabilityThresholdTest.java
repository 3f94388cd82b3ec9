package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.function.Objective;
import org.junit.jupiter.api.Test;

/**
 * Each threshold is where the optimizer itself stops converging on f = ½ λ x²: 2% below it
 * the run shrinks, 2% above it blows up.
 */
class StabilityThresholdTest {

  /** ½ λ x², one coordinate. */
  private record Quadratic(double lambda) implements Objective {
    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public double value(double[] x) {
      return 0.5 * lambda * x[0] * x[0];
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
      g[0] = lambda * x[0];
      return value(x);
    }

    @Override
    public double valueGradientHessian(double[] x, double[] g, double[] h) {
      h[0] = lambda;
      return valueAndGradient(x, g);
    }

    @Override
    public Objective copy() {
      return this;
    }
  }

  private static double run(OptimizerSpec spec, double lambda) {
    Optimizer o = spec.create();
    double[] x = {1};
    Objective f = new Quadratic(lambda);
    for (int k = 0; k < 3000 && Math.abs(x[0]) < 1e6; k++) {
      o.step(x, f);
    }
    return Math.abs(x[0]);
  }

  @Test
  void belowTheThresholdARunShrinksAboveItItBlowsUp() {
    for (OptimizerSpec spec : List.of(
        OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.1),
        OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.05, Param.MOMENTUM, 0.9),
        OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.3, Param.MOMENTUM, 0.5),
        OptimizerSpec.of(OptimizerType.NESTEROV, Param.LR, 0.05, Param.MOMENTUM, 0.9))) {
      StabilityThreshold t = StabilityThreshold.of(spec, spec.get(Param.LR));
      assertTrue(!t.preconditioned() && Double.isFinite(t.value()), spec.label());
      assertTrue(run(spec, 0.98 * t.value()) < 1e-3, spec.label() + " below " + t.formula());
      assertTrue(run(spec, 1.02 * t.value()) > 1e3, spec.label() + " above " + t.formula());
    }
  }

  @Test
  void adamsIsOnThePreconditionedSharpnessAndIs38OverTheRateAtTheDefaultBeta1() {
    // Cohen et al. 2022 state the threshold as 38/η for β1 = 0.9
    StabilityThreshold t = StabilityThreshold.of(OptimizerSpec.of(OptimizerType.ADAM), 0.001);
    assertTrue(t.preconditioned());
    assertEquals(38 / 0.001, t.value(), 1e-9);
    assertTrue(Double.isNaN(StabilityThreshold.of(OptimizerSpec.of(OptimizerType.BFGS), 0.1)
        .value()));
  }
}
