package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.descent.app.model.History;
import org.descent.app.model.OptimizerEntry;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/** A lecturer takes back what a demo's settings went through, and resets the demo. */
class UndoTest extends AppTest {

  private double lr(OptimizerEntry e) {
    return fx(() -> e.spec().get(Param.LR));
  }

  private void settle() {
    sleep((long) History.SETTLE.toMillis() + 150, TimeUnit.MILLISECONDS);
  }

  private void shortcut(KeyCode key, boolean shift) {
    press(KeyCode.CONTROL);
    if (shift) {
      press(KeyCode.SHIFT);
    }
    type(key);
    if (shift) {
      release(KeyCode.SHIFT);
    }
    release(KeyCode.CONTROL);
  }

  @Test
  void undoTakesBackATypedLearningRateAndRedoBringsItBack() {
    fxRun(() -> window.show(scenario()));
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    double before = lr(sgd);
    TextField field = (TextField) inCard(sgd, "#param-lr .param-value");
    clickOn(field);
    fxRun(field::selectAll);
    write("0.0004");
    type(KeyCode.ENTER);
    settle();
    assertEquals(0.0004, lr(sgd), 0);
    shortcut(KeyCode.Z, false);
    OptimizerEntry restored = entry(OptimizerType.SGD);
    assertEquals(before, lr(restored), 0);
    shortcut(KeyCode.Z, true);
    assertEquals(0.0004, lr(entry(OptimizerType.SGD)), 0);
  }

  @Test
  void aSliderDragIsOneStepToUndo() {
    fxRun(() -> window.show(scenario()));
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    double before = lr(sgd);
    Node thumb = inCard(sgd, "#param-lr .thumb");
    drag(thumb).moveBy(-20, 0).moveBy(-20, 0).moveBy(-20, 0).drop();
    settle();
    assertNotEquals(before, lr(sgd));
    clickOn("#contour-view");
    shortcut(KeyCode.Z, false);
    assertEquals(before, lr(entry(OptimizerType.SGD)), 0);
  }

  @Test
  void resetDemoGoesBackToTheOpenedScenarioAndCanBeUndone() {
    fxRun(() -> window.show(scenario()));
    Vec2 start = fx(() -> model.startProperty().get());
    fxRun(() -> {
      model.startProperty().set(new Vec2(0.5, 2));
      model.noiseProperty().set(3);
    });
    settle();
    clickOn("#contour-view");
    shortcut(KeyCode.R, false);
    assertEquals(start, fx(() -> model.startProperty().get()));
    assertEquals(0, fx(() -> model.noiseProperty().get()), 0);
    shortcut(KeyCode.Z, false);
    assertEquals(new Vec2(0.5, 2), fx(() -> model.startProperty().get()));
    assertEquals(3, fx(() -> model.noiseProperty().get()), 0);
  }

  @Test
  void undoKeepsTheViewTheLecturerZoomedTo() {
    fxRun(() -> window.show(scenario()));
    fxRun(() -> model.noiseProperty().set(1));
    settle();
    var zoomed = fx(() -> model.viewProperty().get().scaled(0.5, 0, 0));
    fxRun(() -> model.viewProperty().set(zoomed));
    clickOn("#contour-view");
    shortcut(KeyCode.Z, false);
    assertEquals(0, fx(() -> model.noiseProperty().get()), 0);
    assertEquals(zoomed, fx(() -> model.viewProperty().get()));
    assertTrue(fx(() -> !window.history().canUndo()));
  }
}
