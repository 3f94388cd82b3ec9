package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.descent.app.model.History;
import org.descent.app.model.OptimizerEntry;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every shortcut of the help overlay does what the help says with the focus on each kind of
 * control a lecturer touches: a slider just dragged, a number field after Enter, a card, the
 * map, a chart, and the window after a demo was picked in the demo browser. (Ctrl+O and Ctrl+S
 * open the system's file choosers, which a headless test cannot close; they are registered
 * and routed exactly as Ctrl+E and Ctrl+L, tested here.)
 */
class ShortcutsWhateverHasTheFocusTest extends AppTest {

  enum Focus { SLIDER, NUMBER_FIELD_AFTER_ENTER, CARD, MAP, CHART, AFTER_DEMO_BROWSER }

  private OptimizerEntry sgd() {
    return entry(OptimizerType.SGD);
  }

  private void focus(Focus f) {
    switch (f) {
      case SLIDER -> clickOn(inCard(sgd(), "#param-lr .thumb"));
      case NUMBER_FIELD_AFTER_ENTER -> {
        TextField field = (TextField) inCard(sgd(), "#param-lr .param-value");
        clickOn(field);
        fxRun(field::selectAll);
        write("0.0005");
        type(KeyCode.ENTER);
      }
      case CARD -> clickOn(inCard(sgd(), ".optimizer-type"));
      case MAP -> clickOn("#contour-view");
      case CHART -> clickOn("#loss-chart");
      case AFTER_DEMO_BROWSER -> {
        push(KeyCode.SHORTCUT, KeyCode.L);
        write("rosenbrock-race.yaml");
        type(KeyCode.ENTER);
      }
    }
    WaitForAsyncUtils.waitForFxEvents();
    // Whatever a press did to the playback (the map takes a click), the checks start paused.
    pause(10);
    sleep((long) History.SETTLE.toMillis() + 150, TimeUnit.MILLISECONDS);
  }

  /** Presses {@code keys} and asserts that {@code state} changed. */
  private <T> void changes(String what, Supplier<T> state, KeyCode... keys) {
    T before = fx(state::get);
    push(keys);
    WaitForAsyncUtils.waitForFxEvents();
    assertNotEquals(before, fx(state::get), what + " did nothing (focus on "
        + fx(() -> window.scene().getFocusOwner()) + ")");
  }

  /** Presses {@code keys} twice: the state changes, then comes back. */
  private <T> void toggles(String what, Supplier<T> state, KeyCode... keys) {
    T before = fx(state::get);
    changes(what, state, keys);
    push(keys);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(before, fx(state::get), what + " twice");
  }

  private boolean onScreen(String id) {
    Node n = window.scene().lookup(id);
    if (n == null || n.getScene() == null) {
      return false;
    }
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private long windowsShowing() {
    return Window.getWindows().stream().filter(Window::isShowing).count();
  }

  @ParameterizedTest
  @EnumSource(Focus.class)
  void everyShortcutWorks(Focus f) {
    fxRun(() -> window.show(scenario()));
    focus(f);
    String where = " with the focus after " + f;

    // playback
    toggles("Space" + where, () -> model.playingProperty().get(), KeyCode.SPACE);
    pause(10);
    type(KeyCode.RIGHT);
    assertEquals(11, step(), "→" + where);
    type(KeyCode.LEFT);
    assertEquals(10, step(), "←" + where);
    push(KeyCode.SHIFT, KeyCode.RIGHT);
    assertEquals(20, step(), "Shift+→" + where);
    push(KeyCode.SHIFT, KeyCode.LEFT);
    assertEquals(10, step(), "Shift+←" + where);
    type(KeyCode.END);
    assertEquals(fx(() -> model.stepsProperty().get()), step(), "End" + where);
    type(KeyCode.HOME);
    assertEquals(0, step(), "Home" + where);
    changes("+" + where, () -> model.speedProperty().get(), KeyCode.ADD);
    changes("−" + where, () -> model.speedProperty().get(), KeyCode.SUBTRACT);

    // undo, redo, reset: a change of the learning rate made through the model
    double lr = fx(() -> sgd().spec().get(Param.LR));
    fxRun(() -> sgd().setSpec(sgd().spec().with(Param.LR, lr * 2)));
    sleep((long) History.SETTLE.toMillis() + 150, TimeUnit.MILLISECONDS);
    push(KeyCode.SHORTCUT, KeyCode.Z);
    assertEquals(lr, fx(() -> sgd().spec().get(Param.LR)), 0, "Ctrl+Z" + where);
    push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
    assertEquals(lr * 2, fx(() -> sgd().spec().get(Param.LR)), 0, "Ctrl+Shift+Z" + where
        + " (focus on " + fx(() -> window.scene().getFocusOwner()) + ")");
    push(KeyCode.SHORTCUT, KeyCode.Z);
    push(KeyCode.SHORTCUT, KeyCode.Y);
    assertEquals(lr * 2, fx(() -> sgd().spec().get(Param.LR)), 0, "Ctrl+Y" + where);
    double opened = scenario().optimizers().stream()
        .filter(o -> o.type() == OptimizerType.SGD).findFirst().orElseThrow().get(Param.LR);
    fxRun(() -> sgd().setSpec(sgd().spec().with(Param.LR, opened * 5)));
    push(KeyCode.SHORTCUT, KeyCode.R);
    assertEquals(opened, fx(() -> sgd().spec().get(Param.LR)), 0, "Ctrl+R" + where);

    // views
    toggles("F9" + where, () -> onScreen("#side-panel"), KeyCode.F9);
    toggles("F8" + where, () -> onScreen("#loss-chart"), KeyCode.F8);
    toggles("F7" + where, () -> window.notesShown().isEmpty(), KeyCode.F7);
    toggles("Ctrl+P" + where, () -> appearance.presentation(), KeyCode.SHORTCUT, KeyCode.P);
    changes("Ctrl+T" + where, () -> appearance.theme(), KeyCode.SHORTCUT, KeyCode.T);
    toggles("G" + where, () -> window.options().gradientFieldProperty().get(), KeyCode.G);
    toggles("C" + where, () -> window.options().convexityProperty().get(), KeyCode.C);
    toggles("M" + where, () -> window.options().localModelProperty().get(), KeyCode.M);
    toggles("Shift+B" + where, () -> window.options().basinsProperty().get(), KeyCode.SHIFT,
        KeyCode.B);
    toggles("B" + where, () -> window.blackedOut(), KeyCode.B); // black screen, any key back
    toggles("." + where, () -> window.blackedOut(), KeyCode.PERIOD);
    toggles("N" + where, () -> onScreen("#network-view"), KeyCode.N);
    toggles("A" + where, () -> onScreen("#analysis-view"), KeyCode.A);
    toggles("F1" + where, () -> onScreen("#help-overlay"), KeyCode.F1);
    fxRun(() -> model.viewProperty().set(new org.descent.function.ViewBox(-9, 9, -9, 9)));
    type(KeyCode.DIGIT0);
    // The map glides back (ViewPresets.GLIDE, 400 ms).
    for (int i = 0; i < 40 && !fx(() -> model.landscape().view().equals(
        model.viewProperty().get())); i++) {
      WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    assertEquals(fx(() -> model.landscape().view()), fx(() -> model.viewProperty().get()),
        "0" + where);

    // windows of their own
    long before = windowsShowing();
    push(KeyCode.SHORTCUT, KeyCode.L);
    assertEquals(before + 1, windowsShowing(), "Ctrl+L" + where);
    type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(before, windowsShowing(), "Esc closes the demo browser");
    push(KeyCode.SHORTCUT, KeyCode.E);
    assertEquals(before + 1, windowsShowing(), "Ctrl+E" + where);
    fxRun(() -> Window.getWindows().stream().filter(w -> w != stage && w.isShowing())
        .toList().forEach(w -> ((javafx.stage.Stage) w).close()));
    assertNotNull(fx(() -> window.scene().getWindow()));
  }
}
