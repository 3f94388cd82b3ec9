package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A label that states a value follows it; one that states none, or another, stays. */
class LabelFollowerTest {

  private static String follow(String label, OptimizerSpec before, OptimizerSpec after) {
    return LabelFollower.follow(label, before, after);
  }

  @Test
  void theLearningRateStatedInADemosLabelFollowsTheSlider() {
    OptimizerSpec gd = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.019);
    assertEquals("gradient descent, lr 1.6",
        follow("gradient descent, lr 0.019", gd, gd.with(Param.LR, 1.6)));
    // A slider's raw value is written as a label would write it, not to 17 digits.
    assertEquals("gradient descent, lr 0.0235",
        follow("gradient descent, lr 0.019", gd, gd.with(Param.LR, 0.023456789)));
  }

  @Test
  void theNumberAfterTheHyperparametersNameIsTheOneReplacedWhenTwoAreEqual() {
    OptimizerSpec m = OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.9, Param.MOMENTUM, 0.9);
    assertEquals("momentum 0.9, lr 0.5",
        follow("momentum 0.9, lr 0.9", m, m.with(Param.LR, 0.5)));
    assertEquals("momentum 0.95, lr 0.9",
        follow("momentum 0.9, lr 0.9", m, m.with(Param.MOMENTUM, 0.95)));
  }

  @Test
  void aNoteAboutTheOldValueGoesWithIt() {
    OptimizerSpec gd = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.1);
    assertEquals("lr 0.05", follow("lr 0.1 (= 1/λmax)", gd, gd.with(Param.LR, 0.05)));
    assertEquals("lr 0.3, decayed from step 100 (tau 150)",
        follow("lr 0.1, decayed from step 100 (tau 150)", gd, gd.with(Param.LR, 0.3)));
    OptimizerSpec g2 = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.18);
    assertEquals("lr 0.2", follow("lr 0.18 = 0.9 × 2/λmax", g2, g2.with(Param.LR, 0.2)));
    OptimizerSpec g15 = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.15);
    assertEquals("lr 0.1", follow("lr 0.15 (1.5/λmax)", g15, g15.with(Param.LR, 0.1)));
  }

  @Test
  void aLabelThatStatesNoChangedValueStays() {
    OptimizerSpec gd = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.1);
    assertEquals("gradient descent", follow("gradient descent", gd, gd.with(Param.LR, 0.3)));
    // 100 is a step, not the rate: only a number equal to the old value is the value.
    assertEquals("Polyak average from step 100",
        follow("Polyak average from step 100", gd, gd.with(Param.LR, 0.3)));
    assertEquals("gradient descent, lr 0.1",
        follow("gradient descent, lr 0.1", gd, gd.withLabel("x")));
  }

  @Test
  void aDecayRateIsWrittenByItsDistanceFromOneAndFollowedOnceWritten() {
    OptimizerSpec m = OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.01,
        Param.MOMENTUM, 0.97);
    OptimizerSpec close = m.with(Param.MOMENTUM, 0.99951234);
    String once = follow("momentum 0.97, lr 0.01", m, close);
    // Three digits of 1 − 0.99951234 = 0.000488, as the slider rounds it: not "momentum 1".
    assertEquals("momentum 0.999512, lr 0.01", once);
    // The label now states 0.999512 while the value is 0.99951234: it still follows.
    assertEquals("momentum 0.9, lr 0.01", follow(once, close, m.with(Param.MOMENTUM, 0.9)));
    // The same for a rate written with fewer digits than it has.
    OptimizerSpec gd = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.01234567);
    String lr = follow("gradient descent, lr 0.01", OptimizerSpec.of(OptimizerType.SGD,
        Param.LR, 0.01), gd);
    assertEquals("gradient descent, lr 0.0123", lr);
    assertEquals("gradient descent, lr 0.2", follow(lr, gd, gd.with(Param.LR, 0.2)));
  }

  @Test
  void theClippingNormFollowsToo() {
    OptimizerSpec c = OptimizerSpec.of(OptimizerType.SGD, Param.LR, 1).withClip(1);
    assertEquals("gradient descent, lr 1, clip 5",
        follow("gradient descent, lr 1, clip 1", c, c.withClip(5)));
  }

  @Test
  void numbersInsideWordsAreNotValues() {
    OptimizerSpec a = OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 2);
    // "L2" and "x2" hold a 2 that is no learning rate.
    assertEquals("L2-regularized, lr 0.5",
        follow("L2-regularized, lr 2", a, a.with(Param.LR, 0.5)));
  }
}
