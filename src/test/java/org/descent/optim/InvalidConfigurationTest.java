package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One table of invalid configurations, each with the message a user reads. */
class InvalidConfigurationTest {

  record Bad(String message, Supplier<Object> build) {
    @Override
    public String toString() {
      return message;
    }
  }

  static List<Bad> table() {
    return List.of(
        new Bad("learning rate must be positive, got -1",
            () -> OptimizerSpec.of(OptimizerType.SGD, Param.LR, -1)),
        new Bad("learning rate must be positive, got 0",
            () -> OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0)),
        new Bad("learning rate must be a finite number, got NaN",
            () -> OptimizerSpec.of(OptimizerType.SGD, Param.LR, Double.NaN)),
        new Bad("momentum must be in [0, 1), got 1",
            () -> OptimizerSpec.of(OptimizerType.MOMENTUM, Param.MOMENTUM, 1)),
        new Bad("momentum must be in [0, 1), got -0.5",
            () -> OptimizerSpec.of(OptimizerType.NESTEROV, Param.MOMENTUM, -0.5)),
        new Bad("rho must be in [0, 1), got 1.5",
            () -> OptimizerSpec.of(OptimizerType.RMSPROP, Param.RHO, 1.5)),
        new Bad("beta1 must be in [0, 1), got 1",
            () -> OptimizerSpec.of(OptimizerType.ADAM, Param.BETA1, 1)),
        new Bad("beta2 must be in [0, 1), got -0.1",
            () -> OptimizerSpec.of(OptimizerType.ADAM, Param.BETA2, -0.1)),
        new Bad("delta must be positive, got 0",
            () -> OptimizerSpec.of(OptimizerType.ADAGRAD, Param.DELTA, 0)),
        new Bad("damping must be zero or positive, got -2",
            () -> OptimizerSpec.of(OptimizerType.NEWTON, Param.DAMPING, -2)),
        new Bad("memory must be a whole number from 1 to 1000, got 0",
            () -> OptimizerSpec.of(OptimizerType.LBFGS, Param.MEMORY, 0)),
        new Bad("memory must be a whole number from 1 to 1000, got 2.5",
            () -> OptimizerSpec.of(OptimizerType.LBFGS, Param.MEMORY, 2.5)),
        new Bad("memory must be a whole number from 1 to 1000, got 10000000000",
            () -> OptimizerSpec.of(OptimizerType.LBFGS, Param.MEMORY, 1e10)),
        new Bad("restart must be a whole number from 0 to 1000000, got -1",
            () -> OptimizerSpec.of(OptimizerType.CG, Param.RESTART, -1)),
        new Bad("sgd has no hyperparameter momentum; it takes lr",
            () -> OptimizerSpec.of(OptimizerType.SGD, Param.MOMENTUM, 0.9)),
        new Bad("bfgs has no hyperparameter lr; it takes c1, c2",
            () -> OptimizerSpec.of(OptimizerType.BFGS, Param.LR, 0.1)),
        new Bad("the Wolfe constants need c1 < c2, got c1 = 0.2, c2 = 0.1",
            () -> OptimizerSpec.of(OptimizerType.CG, Param.C1, 0.2)),
        new Bad("c1 must be in (0, 1), got 0",
            () -> OptimizerSpec.of(OptimizerType.BFGS, Param.C1, 0)),
        new Bad("kappa must be positive, got -0.1",
            () -> OptimizerSpec.of(OptimizerType.DELTA_BAR_DELTA, Param.KAPPA, -0.1)),
        new Bad("phi must be in (0, 1), got 1",
            () -> OptimizerSpec.of(OptimizerType.DELTA_BAR_DELTA, Param.PHI, 1)),
        new Bad("theta must be in [0, 1), got 1",
            () -> OptimizerSpec.of(OptimizerType.DELTA_BAR_DELTA, Param.THETA, 1)),
        new Bad("clip must be a positive gradient norm, got 0",
            () -> OptimizerSpec.of(OptimizerType.SGD).withClip(0)),
        new Bad("clip applies to first-order methods only, not to newton",
            () -> OptimizerSpec.of(OptimizerType.NEWTON).withClip(1)),
        new Bad("schedule applies to first-order methods only, not to bfgs",
            () -> OptimizerSpec.of(OptimizerType.BFGS)
                .withSchedule(new LearningRateSchedule.Step(10, 0.5))),
        new Bad("tau must be positive, got 0",
            () -> new LearningRateSchedule.Exponential(0, 0)),
        new Bad("start must be zero or more, got -3",
            () -> new LearningRateSchedule.Exponential(10, -3)),
        new Bad("end must be a positive learning rate, got 0",
            () -> new LearningRateSchedule.Linear(0, 100)),
        new Bad("steps must be at least 1, got 0",
            () -> new LearningRateSchedule.Linear(0.001, 0)),
        new Bad("every must be at least 1, got 0",
            () -> new LearningRateSchedule.Step(0, 0.5)),
        new Bad("factor must be in (0, 1], got 2",
            () -> new LearningRateSchedule.Step(10, 2)),
        new Bad("weight decay must be zero or positive, got -0.01",
            () -> OptimizerSpec.of(OptimizerType.ADAMW, Param.WEIGHT_DECAY, -0.01)),
        new Bad("radius must be positive, got 0",
            () -> OptimizerSpec.of(OptimizerType.SAM, Param.RADIUS, 0)),
        new Bad("sam has no hyperparameter rho; it takes lr, radius",
            () -> OptimizerSpec.of(OptimizerType.SAM, Param.RHO, 0.05)),
        new Bad("steps must be at least 1, got 0",
            () -> new LearningRateSchedule.Warmup(0)),
        new Bad("period must be at least 1, got 0",
            () -> new LearningRateSchedule.CosineRestarts(0, 1, 0)),
        new Bad("mult must be at least 1, got 0",
            () -> new LearningRateSchedule.CosineRestarts(10, 0, 0)),
        new Bad("min must be a learning rate of zero or more, got -1",
            () -> new LearningRateSchedule.CosineRestarts(10, 1, -1)),
        new Bad("steps must be at least 2, got 1",
            () -> new LearningRateSchedule.OneCycle(1, 0.3, 25, 1e4)),
        new Bad("pct_start must be in (0, 1), got 0",
            () -> new LearningRateSchedule.OneCycle(100, 0, 25, 1e4)),
        new Bad("div_factor must be at least 1, got 0.5",
            () -> new LearningRateSchedule.OneCycle(100, 0.3, 0.5, 1e4)),
        new Bad("final_div_factor must be at least 1, got 0",
            () -> new LearningRateSchedule.OneCycle(100, 0.3, 25, 0)),
        new Bad("pct_start must leave at least one step to rise and one to fall: the peak is at "
            + "step pct_start · steps − 1 = -0.7 of 0 to 9",
            () -> new LearningRateSchedule.OneCycle(10, 0.03, 25, 1e4)),
        new Bad("tau must be at least 1, got 0.5",
            () -> new Averaging.Ema(0.5)),
        new Bad("start must be zero or more, got -1",
            () -> new Averaging.Polyak(-1)));
  }

  @ParameterizedTest
  @MethodSource("table")
  void isRejectedWithAPlainMessage(Bad bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> bad.build().get());
    assertEquals(bad.message(), e.getMessage());
  }
}
