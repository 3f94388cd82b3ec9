package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.descent.app.charts.RaceCharts;
import org.descent.app.model.OptimizerEntry;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.scenario.BuiltInScenarios;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.descent.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The app driven as a student drives it, headless (Monocle). */
class MainWindowTest extends AppTest {

  @TempDir
  Path dir;

  @Test
  void opensOnTheDefaultRaceOfThreeOptimizers() {
    List<OptimizerType> types = fx(() -> model.optimizers().stream()
        .map(e -> e.spec().type()).toList());
    assertEquals(List.of(OptimizerType.SGD, OptimizerType.MOMENTUM, OptimizerType.ADAM), types);
    assertEquals("rosenbrock", fx(() -> model.landscape().name()));
    assertEquals(3, fx(() -> model.race().traces().size()));
    assertTrue(fx(() -> window.contour().hasField()));
  }

  @Test
  void draggingTheLearningRateSliderChangesTheTrajectory() {
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    double lrBefore = fx(() -> sgd.spec().get(Param.LR));
    double x50Before = traceOf(sgd).x(50);
    Node thumb = inCard(sgd, "#param-lr .thumb");
    drag(thumb).moveBy(-40, 0).drop();
    WaitForAsyncUtils.waitForFxEvents();
    double lrAfter = fx(() -> sgd.spec().get(Param.LR));
    assertTrue(lrAfter < lrBefore, lrAfter + " should be below " + lrBefore);
    assertNotEquals(x50Before, traceOf(sgd).x(50));
    TextField field = (TextField) inCard(sgd, "#param-lr .param-value");
    assertEquals(org.descent.optim.Param.formatNumber(lrAfter), fx(field::getText));
  }

  @Test
  void draggingTheStartPointMovesEveryPath() {
    Vec2 before = fx(() -> model.startProperty().get());
    double[] screen = fx(() -> window.contour().toScreen(before.x(), before.y()));
    javafx.geometry.Point2D origin = fx(() -> window.contour().localToScreen(screen[0],
        screen[1]));
    drag(origin, javafx.scene.input.MouseButton.PRIMARY).moveBy(60, 50).drop();
    WaitForAsyncUtils.waitForFxEvents();
    Vec2 after = fx(() -> model.startProperty().get());
    assertTrue(after.x() > before.x() && after.y() < before.y(), before + " -> " + after);
    for (OptimizerEntry e : fx(() -> List.copyOf(model.optimizers()))) {
      Trace t = traceOf(e);
      assertEquals(after.x(), t.x(0), 0);
      assertEquals(after.y(), t.y(0), 0);
    }
  }

  @Test
  void keysStepPlayAndReset() {
    clickOn("#contour-view");
    fx(() -> {
      model.playingProperty().set(false);
      model.currentStepProperty().set(0);
      return null;
    });
    type(KeyCode.RIGHT);
    assertEquals(1, fx(() -> model.currentStepProperty().get()));
    press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
    assertEquals(11, fx(() -> model.currentStepProperty().get()));
    type(KeyCode.LEFT);
    assertEquals(10, fx(() -> model.currentStepProperty().get()));
    type(KeyCode.SPACE);
    assertTrue(fx(() -> model.playingProperty().get()));
    sleep(300, TimeUnit.MILLISECONDS);
    type(KeyCode.SPACE);
    assertFalse(fx(() -> model.playingProperty().get()));
    assertTrue(fx(() -> model.currentStepProperty().get()) > 10, "playback advanced");
    type(KeyCode.HOME);
    assertEquals(0, fx(() -> model.currentStepProperty().get()));
    String label = fx(() -> ((Label) lookup("#step-label").query()).getText());
    assertEquals("step 0 / " + fx(() -> model.stepsProperty().get()), label);
  }

  @Test
  void helpOverlayListsTheShortcuts() {
    clickOn("#contour-view");
    type(KeyCode.F1);
    assertTrue(fx(() -> lookup("#help-overlay").query().isVisible()));
    type(KeyCode.ESCAPE);
    assertFalse(fx(() -> lookup("#help-overlay").query().isVisible()));
  }

  @Test
  void aBadFormulaShowsItsPositionAndKeepsTheView() {
    var viewBefore = fx(() -> model.viewProperty().get());
    TextField formula = lookup("#formula").query();
    clickOn(formula);
    fx(() -> {
      formula.selectAll();
      return null;
    });
    write("x^2 + * y");
    type(KeyCode.ENTER);
    Label error = lookup("#formula-error").query();
    assertTrue(fx(error::isVisible));
    assertEquals("column 7: unexpected '*'; expected a number, x, y, a function or '('",
        fx(error::getText));
    assertEquals(6, fx(formula::getCaretPosition));
    assertEquals("rosenbrock", fx(() -> model.landscape().name()));
    assertEquals(viewBefore, fx(() -> model.viewProperty().get()));
    assertEquals(3, fx(() -> model.race().traces().size()));
  }

  @Test
  void aGoodFormulaReplacesTheLandscape() {
    TextField formula = lookup("#formula").query();
    clickOn(formula);
    fx(() -> {
      formula.selectAll();
      return null;
    });
    write("x^2 + 10*y^2");
    type(KeyCode.ENTER);
    assertEquals("formula", fx(() -> model.landscape().name()));
    assertFalse(fx(() -> lookup("#formula-error").query().isVisible()));
    assertEquals(1, fx(() -> model.landscape().minima().size()));
  }

  @Test
  void aFormulaThatIsUndefinedAtTheStartIsShownAsDiverged() {
    TextField formula = lookup("#formula").query();
    clickOn(formula);
    fx(() -> {
      formula.selectAll();
      return null;
    });
    write("log(-x) + y^2");
    type(KeyCode.ENTER);
    sleep(300, TimeUnit.MILLISECONDS); // several frames of both views
    for (OptimizerEntry e : fx(() -> List.copyOf(model.optimizers()))) {
      Trace t = traceOf(e);
      assertEquals(0, t.divergedAt().getAsInt(), e.spec().label());
      Label status = (Label) inCard(e, ".optimizer-status");
      assertEquals("diverged at step 0", fx(status::getText));
    }
  }

  @Test
  void pushingGradientDescentToDivergenceShowsDiverged() {
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    TextField lr = (TextField) inCard(sgd, "#param-lr .param-value");
    clickOn(lr);
    fx(() -> {
      lr.selectAll();
      return null;
    });
    write("0.05");
    type(KeyCode.ENTER);
    Trace t = traceOf(sgd);
    assertTrue(t.diverged());
    Label status = (Label) inCard(sgd, ".optimizer-status");
    assertEquals("diverged at step " + t.divergedAt().getAsInt(), fx(status::getText));
    RaceCharts charts = lookup(".race-charts").query();
    String label = fx(() -> sgd.spec().label());
    assertTrue(fx(charts::lossSeriesNames).contains(label + " — diverged at step "
        + t.divergedAt().getAsInt()), fx(charts::lossSeriesNames).toString());
    clickOn("#contour-view");
    type(KeyCode.END); // the view draws the marker at the last finite step; nothing throws
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void anInvalidTypedValueIsRefusedWithItsReason() {
    OptimizerEntry momentum = entry(OptimizerType.MOMENTUM);
    TextField field = (TextField) inCard(momentum, "#param-momentum .param-value");
    double before = fx(() -> momentum.spec().get(Param.MOMENTUM));
    clickOn(field);
    fx(() -> {
      field.selectAll();
      return null;
    });
    write("1.5");
    type(KeyCode.ENTER);
    assertEquals(before, fx(() -> momentum.spec().get(Param.MOMENTUM)));
    assertTrue(fx(() -> field.getStyleClass().contains("invalid")));
    assertEquals("momentum must be in [0, 1), got 1.5", fx(() -> field.getTooltip().getText()));
  }

  @Test
  void addingDuplicatingAndRemovingOptimizers() {
    clickOn("#add-optimizer");
    clickOn("#add-bfgs");
    assertEquals(4, fx(() -> model.optimizers().size()));
    assertEquals(4, fx(() -> model.race().traces().size()));
    OptimizerEntry bfgs = entry(OptimizerType.BFGS);
    assertTrue(fx(() -> model.race().traceOf(bfgs).functionEvaluations(10)) > 0);
    fx(() -> {
      model.duplicate(bfgs);
      return null;
    });
    assertEquals(5, fx(() -> model.optimizers().size()));
    // The card may be scrolled out of view: press its remove button directly.
    javafx.scene.control.Button remove = (javafx.scene.control.Button) inCard(bfgs,
        "#remove-optimizer");
    fx(() -> {
      remove.fire();
      return null;
    });
    assertEquals(4, fx(() -> model.optimizers().size()));
    assertNull(fx(() -> model.race().traceOf(bfgs)));
  }

  @Test
  void savingAndReopeningReproducesTheView() throws Exception {
    OptimizerEntry adam = entry(OptimizerType.ADAM);
    fx(() -> {
      adam.setSpec(adam.spec().with(Param.LR, 0.02).withClip(3));
      model.startProperty().set(new Vec2(-1.1, 2.2));
      model.noiseProperty().set(0.5);
      model.viewProperty().set(model.viewProperty().get().scaled(0.8, 0, 1));
      return null;
    });
    Scenario saved = fx(model::toScenario);
    List<Trace> tracesBefore = fx(() -> model.race().traces());
    Path file = dir.resolve("saved.yaml");
    assertTrue(fx(() -> window.save(file)));
    assertEquals(saved, ScenarioReader.read(file));

    fx(() -> {
      model.load(BuiltInScenarios.read(BuiltInScenarios.DEFAULT));
      return null;
    });
    assertNotEquals(saved, fx(model::toScenario));
    assertTrue(fx(() -> window.open(file)));
    assertEquals(saved, fx(model::toScenario));
    List<Trace> tracesAfter = fx(() -> model.race().traces());
    for (int i = 0; i < tracesBefore.size(); i++) {
      Trace a = tracesBefore.get(i);
      Trace b = tracesAfter.get(i);
      assertEquals(a.length(), b.length());
      assertEquals(a.x(a.lastStep()), b.x(b.lastStep()), 0);
      assertEquals(a.y(a.lastStep()), b.y(b.lastStep()), 0);
    }
  }

  @Test
  void aBrokenScenarioFileIsReportedAndChangesNothing() throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "function: rosenbrock\noptimizers:\n  - type: sgd\n    lr: -1\n");
    Scenario before = fx(model::toScenario);
    assertFalse(fx(() -> window.open(file)));
    assertEquals(before, fx(model::toScenario));
    assertTrue(fx(window::statusText).endsWith(
        "broken.yaml:4: optimizers[0].lr: learning rate must be positive, got -1"),
        fx(window::statusText));
  }

  @Test
  void anUnwritableSaveIsReportedAndLosesNothing() throws Exception {
    Path folder = dir.resolve("not-a-folder");
    Files.writeString(folder, "x");
    assertFalse(fx(() -> window.save(folder.resolve("s.yaml"))));
    assertTrue(fx(window::statusText).contains("s.yaml"));
    assertEquals(3, fx(() -> model.optimizers().size()));
  }

  @Test
  void theSurfaceRendersAndRotatesByDragging() {
    WaitForAsyncUtils.waitForFxEvents();
    sleep(200, TimeUnit.MILLISECONDS);
    assertTrue(fx(() -> window.surface().framesShown()) > 0, "no surface frame was shown");
    var before = fx(() -> window.surface().camera());
    drag("#surface-view").moveBy(80, 20).drop();
    var after = fx(() -> window.surface().camera());
    assertNotEquals(before.azimuth(), after.azimuth());
  }

  @Test
  void themesAndPresentationModeChangeTheLook() {
    clickOn("#contour-view");
    String light = fx(() -> window.scene().getStylesheets().get(1));
    press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
    String dark = fx(() -> window.scene().getStylesheets().get(1));
    assertTrue(light.endsWith("light.css") && dark.endsWith("dark.css"), light + " " + dark);
    press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
    assertTrue(fx(() -> window.scene().getRoot().getStyleClass().contains("presentation")));
  }

  @Test
  void theTimelineScrubsTheCurrentStep() {
    Slider timeline = lookup("#timeline").query();
    fx(() -> {
      model.playingProperty().set(false);
      timeline.setValue(123);
      return null;
    });
    assertEquals(123, fx(() -> model.currentStepProperty().get()));
    assertEquals(123.0, fx(() -> ((RaceCharts) lookup(".race-charts").query()).cursorStep()),
        0);
  }

  @Test
  void theSaveDialogProposesAFileNameFromTheTitle() {
    assertEquals("momentum-in-a-ravine.yaml", ScenarioFiles.fileNameFor("Momentum in a ravine"));
    assertEquals("centred-inputs-a-round-bowl.yaml",
        ScenarioFiles.fileNameFor("Centred inputs: a round bowl"));
    assertEquals("newton-s-method-jumps-to-the-saddle-saddle-free-newton-does.yaml",
        ScenarioFiles.fileNameFor("Newton's method jumps to the saddle; saddle-free Newton does "
            + "not"));
    assertEquals("scenario.yaml", ScenarioFiles.fileNameFor(""));
    assertEquals("scenario.yaml", ScenarioFiles.fileNameFor("∇∇∇"));
    assertEquals("descente-a-pas-fixe.yaml", ScenarioFiles.fileNameFor("Descente à pas fixe"));
  }
}
