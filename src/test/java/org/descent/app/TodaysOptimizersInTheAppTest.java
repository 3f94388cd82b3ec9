package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.image.ImageView;
import org.descent.app.controls.NumberSlider;
import org.descent.app.model.OptimizerEntry;
import org.descent.optim.LearningRateSchedule;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The cards of AdamW, Lion and SAM typeset their rules and offer a slider per hyperparameter,
 * λ and ρ included; the schedule box offers warm-up, cosine with restarts and one-cycle, each
 * with its own sliders.
 */
class TodaysOptimizersInTheAppTest extends AppTest {

  @Override
  protected Scenario scenario() {
    try {
      return org.descent.scenario.ScenarioReader.read("function: rosenbrock\nsteps: 120\n"
          + "optimizers:\n  - type: adamw\n  - type: lion\n  - type: sam\n", "today.yaml");
    } catch (org.descent.scenario.ScenarioException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void eachCardTypesetsItsRuleAndHasItsSliders() {
    for (OptimizerType type : List.of(OptimizerType.ADAMW, OptimizerType.LION,
        OptimizerType.SAM)) {
      OptimizerEntry e = entry(type);
      ImageView rule = (ImageView) fx(() -> ((javafx.scene.Parent) inCard(e, ".update-rule"))
          .getChildrenUnmodifiable().get(0));
      assertNotNull(fx(rule::getImage), type + " has no typeset rule");
      for (Param p : type.params()) {
        assertTrue(inCard(e, "#param-" + p.key()) instanceof NumberSlider, type + " " + p);
      }
    }
    NumberSlider radius = (NumberSlider) inCard(entry(OptimizerType.SAM), "#param-radius");
    fxRun(() -> radius.field().setText("0.2"));
    fxRun(() -> radius.field().getOnAction().handle(null));
    assertEquals(0.2, fx(() -> entry(OptimizerType.SAM).spec().get(Param.RADIUS)));
  }

  @Test
  void theScheduleBoxOffersTheNewSchedules() {
    OptimizerEntry e = entry(OptimizerType.SAM);
    @SuppressWarnings("unchecked")
    ComboBox<String> box = (ComboBox<String>) inCard(e, "#schedule-type");
    assertTrue(fx(() -> box.getItems().containsAll(List.of("warmup", "cosine-restarts",
        "one-cycle"))));
    fxRun(() -> box.setValue("warmup"));
    assertEquals(new LearningRateSchedule.Warmup(12), fx(() -> e.spec().schedule()));
    fxRun(() -> box.setValue("cosine-restarts"));
    assertEquals(new LearningRateSchedule.CosineRestarts(30, 1, 0), fx(() -> e.spec().schedule()));
    fxRun(() -> box.setValue("one-cycle"));
    assertEquals(new LearningRateSchedule.OneCycle(120, 0.3, 25, 1e4),
        fx(() -> e.spec().schedule()));
    WaitForAsyncUtils.waitForFxEvents();
    // its four sliders, the cycle's length first
    long sliders = fx(() -> ((javafx.scene.Parent) box.getParent().getParent())
        .lookupAll(".number-slider").size());
    assertEquals(5L, sliders, "clip, and the cycle's four");
  }
}
