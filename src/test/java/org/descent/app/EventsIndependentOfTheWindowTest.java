package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.descent.scenario.Scenario;
import org.descent.trace.Trace;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Left the view at step k" and "diverged at step k" are computed in the scenario's
 * coordinates: the same at 1366×768 and 1920×1080, and with the panel (F9), the charts (F8) or
 * the analysis column (A) toggled — the step the notes and {@code descent trace} state.
 */
class EventsIndependentOfTheWindowTest extends AppTest {

  @Override
  protected Scenario scenario() {
    return demo("lr-instability.yaml");
  }

  private List<String> marksAtTheEnd() {
    fxRun(() -> model.currentStepProperty().set(model.stepsProperty().get()));
    for (int i = 0; i < 4; i++) {
      sleep(40, TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
    return fx(() -> window.contour().markTexts());
  }

  @Test
  void theStepsOnTheMapAreTheSameWhateverTheWindow() {
    // In the scenario's coordinates: the first step of the 1.1 × run outside the view.
    Trace unstable = fx(() -> model.race().traces().get(2));
    int k = fx(() -> unstable.firstStepOutside(model.viewProperty().get()).getAsInt());
    assertEquals(11, k, "the notes say step 11");
    String expected = "lr 0.22 = 1.1 × 2/λmax left the view at step 11";

    List<String> seen = new ArrayList<>();
    for (double[] size : new double[][] {{1366, 768}, {1920, 1080}}) {
      fxRun(() -> {
        stage.setWidth(size[0]);
        stage.setHeight(size[1]);
      });
      seen.add(size[0] + "x" + size[1] + ": " + marksAtTheEnd());
      for (KeyCode toggle : new KeyCode[] {KeyCode.F9, KeyCode.F8, KeyCode.A}) {
        type(toggle);
        seen.add(size[0] + "x" + size[1] + " " + toggle + ": " + marksAtTheEnd());
        type(toggle);
      }
      type(KeyCode.F9);
      type(KeyCode.F8);
      seen.add(size[0] + "x" + size[1] + " F9+F8: " + marksAtTheEnd());
      type(KeyCode.F9);
      type(KeyCode.F8);
    }
    for (String s : seen) {
      assertTrue(s.contains(expected), s);
    }
  }
}
