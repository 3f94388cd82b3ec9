package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.descent.function.Vec2;
import org.descent.scenario.Control;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.descent.scenario.ScenarioWriter;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A demo with lecturer's notes and a student view, as the lecturer opens it: the notes show
 * beside the cards and F7 hides them; the controls the demo hides are gone (and the start
 * does not move) until the lecturer turns the student view off; Save keeps both.
 */
class LectureExtrasInTheAppTest extends AppTest {

  private static final Path DEMO = Path.of("scenarios/deep-init.yaml");

  @Override
  protected Scenario scenario() {
    try {
      return ScenarioReader.read(DEMO);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean shown(String selector) {
    return fx(() -> {
      Node n = lookup(selector).tryQuery().orElse(null);
      for (Node p = n; p != null; p = p.getParent()) {
        if (!p.isVisible()) {
          return false;
        }
      }
      return n != null;
    });
  }

  @Test
  void theNotesShowAndF7HidesThem() throws Exception {
    Scenario s = scenario();
    assertFalse(s.notes().isEmpty(), "the demo has notes");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(s.notes().strip(), fx(() -> window.notesShown()));
    type(KeyCode.F7);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("", fx(() -> window.notesShown()));
    type(KeyCode.F7);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(s.notes().strip(), fx(() -> window.notesShown()));
  }

  @Test
  void theStudentViewHidesWhatTheDemoHides() throws Exception {
    Scenario s = scenario();
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(s.hides(Control.FUNCTION));
    assertFalse(shown(".function-picker"), "the function picker is hidden");
    assertEquals(s.hides(Control.NOISE), !shown("#noise"));
    assertTrue(shown("#steps"), "what the demo does not hide stays");
    if (s.hides(Control.START)) {
      Vec2 before = fx(() -> model.startProperty().get());
      double[] at = fx(() -> window.contour().toScreen(before.x(), before.y()));
      var screen = fx(() -> window.contour().localToScreen(at[0], at[1]));
      drag(screen.getX(), screen.getY()).dropBy(60, 40);
      assertEquals(before, fx(() -> model.startProperty().get()), "the start stays");
    }
    fxRun(() -> window.studentViewItem().setSelected(false));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(shown(".function-picker"), "the lecturer sees everything");
    assertTrue(shown("#noise"));
  }

  @Test
  void saveKeepsTheNotesAndTheHiddenControls() throws Exception {
    Scenario saved = ScenarioReader.read(ScenarioWriter.write(fx(() -> model.toScenario())),
        "saved.yaml");
    assertEquals(scenario().notes(), saved.notes());
    assertEquals(scenario().hide(), saved.hide());
    assertEquals(scenario().beside(), saved.beside());
  }

  @Test
  void aFunctionBesideTakesTheSurfacesPlace() throws Exception {
    Scenario surrogate = ScenarioReader.read(Path.of("scenarios/surrogate-loss.yaml"));
    fxRun(() -> window.show(surrogate));
    WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
        () -> fx(() -> window.beside().drawn()));
    assertTrue(shown("#beside-view"), "the 0-1 loss is drawn beside the cross-entropy");
    assertFalse(shown("#surface-view"), "in the surface's place");
    assertEquals("", fx(() -> window.beside().problem()));
    // Another demo brings the surface back.
    fxRun(() -> window.show(scenario()));
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
        () -> !shown("#beside-view"));
  }
}
