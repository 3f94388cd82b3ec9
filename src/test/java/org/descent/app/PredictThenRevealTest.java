package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.descent.lesson.AnswerStore;
import org.descent.picture.ChartInput;
import org.descent.picture.MapScene;
import org.descent.picture.RaceChartData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Predict, then reveal, in the window: a demo's question holds the playback at its step with
 * the map and the charts showing nothing past it; a pick plays on, and where the run decides,
 * the verdict comes with its reason from the run's numbers; the answer is kept in the store
 * (a temporary folder here) and ticks the demo in the browser. Page Down reveals too.
 */
class PredictThenRevealTest extends AppTest {

  @TempDir
  static Path config;

  @Override
  public void start(Stage stage) throws Exception {
    // The answers go to a temporary folder, never to the user's configuration.
    System.setProperty("descent.config", config.toString());
    super.start(stage);
    fxRun(() -> model.speedProperty().set(400));
  }

  private void open(String name) {
    fxRun(() -> window.show(demo(name + ".yaml"), name));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition)
      throws Exception {
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what + "; step " + step()
          + ", verdict '" + fx(window::questionVerdict) + "'");
    }
  }

  /** Whether the run's verdict on a question is shown. */
  private boolean checked() {
    return window.lesson().moment() instanceof org.descent.app.model.Lesson.Moment.Checked;
  }

  /** The last step of each run the map drew. */
  private List<Integer> mapEnds() {
    return fx(() -> {
      MapScene s = window.contour().drawnScene();
      return s.runs().stream().map(ChartInput::trace).map(t -> t.lastStep()).toList();
    });
  }

  /** The last step of each curve the loss chart drew. */
  private List<Integer> chartEnds() {
    return fx(() -> {
      RaceChartData d = window.charts().shownData();
      return d == null ? List.<Integer>of()
          : d.loss().curves().stream().map(c -> c.length() - 1).toList();
    });
  }

  @Test
  void aQuestionHoldsThePlaybackHidesTheFutureAndTheRunChecksThePick() throws Exception {
    open("momentum-ravine");
    assertTrue(fx(window::questionAsked), "asked at step 0");
    assertTrue(fx(() -> model.revealProperty().get()));
    // Space does not play past the question.
    type(KeyCode.SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(0, step());
    assertFalse(fx(() -> model.playingProperty().get()));
    // The future is hidden, not ghosted: the paths and the curves end at step 0.
    waitUntil("the map and the charts are drawn at step 0",
        () -> window.contour().drawnScene() != null && window.charts().shownData() != null
            && window.charts().shownData().loss().curves().size() == 2
            && window.charts().shownData().loss().curves().stream()
                .allMatch(c -> c.length() == 1)
            && window.contour().drawnScene().runs().size() == 2);
    assertEquals(List.of(0, 0), mapEnds());
    assertEquals(List.of(0, 0), chartEnds());

    type(KeyCode.DIGIT2); // momentum
    waitUntil("the verdict is shown", this::checked);
    assertFalse(fx(window::questionAsked));
    assertEquals(111, step(), "paused where the run decided");
    assertFalse(fx(() -> model.playingProperty().get()));
    assertEquals("✓ Right: momentum 0.7, lr 0.019", fx(window::questionVerdict));
    assertEquals("momentum 0.7, lr 0.019 reached f − f* < 0.001 at step 111 · gradient "
        + "descent, lr 0.019 not in 200 steps", fx(window::questionReason));
    waitUntil("the charts are drawn at step 111", () -> window.charts().shownData().loss()
        .curves().stream().allMatch(c -> c.length() == 112));
    waitUntil("the map is drawn at step 111", () -> window.contour().drawnScene().step()
        == 111);
    assertEquals(List.of(111, 111), mapEnds());
    assertEquals(List.of(111, 111), chartEnds());

    // Remembered between runs: in the store, in its file, as a tick in the demo browser.
    assertEquals(Optional.of(new AnswerStore.Score(1, 1)),
        fx(() -> window.answers().score("momentum-ravine")));
    Path file = config.resolve(AnswerStore.FILE);
    waitUntil("the answers are written", () -> Files.exists(file));
    AnswerStore read = new AnswerStore(config);
    read.load();
    assertEquals(Optional.of(new AnswerStore.Score(1, 1)), read.score("momentum-ravine"));
    var browser = fx(window::demoBrowser);
    assertEquals("✓ answered: 1 of 1 right", fx(() -> browser.tick("momentum-ravine.yaml")));
    assertEquals("", fx(() -> browser.tick("lr-too-small.yaml")));
    fxRun(() -> browser.stage().close());
  }

  @Test
  void aWrongPickIsToldSoAndANumberIsCheckedWithinItsTolerance() throws Exception {
    open("plateau");
    type(KeyCode.DIGIT1); // gradient descent: wrong, momentum gets there first
    waitUntil("the first verdict", this::checked);
    assertEquals(39, step());
    assertEquals("✗ Not this time: you said gradient descent, lr 1; the run: momentum 0.9, "
        + "lr 1", fx(window::questionVerdict));
    // Playing on stops at the second question, at step 100: a number.
    type(KeyCode.SPACE);
    waitUntil("the second question", window::questionAsked);
    assertEquals(100, step());
    clickOn("#question-number").write("240");
    type(KeyCode.ENTER);
    waitUntil("the second verdict", () -> checked() && window.questionVerdict()
        .startsWith("✓"));
    assertEquals(244, step());
    assertEquals("✓ Right: 240 (the run: step 244)", fx(window::questionVerdict));
    assertEquals(Optional.of(new AnswerStore.Score(1, 2)),
        fx(() -> window.answers().score("plateau")));
  }

  @Test
  void pageDownPassesOverTheQuestionThenRevealsTheAnswer() throws Exception {
    open("lr-oscillation");
    assertTrue(fx(window::questionAsked));
    fxRun(() -> model.speedProperty().set(1)); // slow: the next Page Down finds it playing
    type(KeyCode.PAGE_DOWN); // no pick: passed over, playing on
    assertFalse(fx(window::questionAsked));
    assertTrue(fx(() -> model.playingProperty().get()));
    assertTrue(step() < 26);
    type(KeyCode.PAGE_DOWN); // straight to where the run decides
    waitUntil("the answer", this::checked);
    assertEquals(26, step());
    assertEquals("The run's answer: lr 0.15 (1.5/λmax)", fx(window::questionVerdict));
    assertEquals(Optional.empty(), fx(() -> window.answers().score("lr-oscillation")),
        "a question passed over is not an answer");
    // Reveal mode off (View menu): the whole run is drawn again, nothing is asked.
    fxRun(() -> model.revealProperty().set(false));
    waitUntil("the charts are drawn whole", () -> window.charts().shownData().loss().curves()
        .stream().allMatch(c -> c.length() == 81));
    assertEquals("", fx(window::questionVerdict));
  }

  @Test
  void inALecturePageDownRevealsFirstThenOpensTheNextDemo() throws Exception {
    Path file = config.resolve("l.yaml");
    Files.writeString(file, """
        title: Two demos
        parts:
          - title: Inputs
            demos: [offset-inputs, iterate-averaging]
        """);
    assertTrue(fx(() -> window.openLecture(file)));
    assertEquals(demo("offset-inputs.yaml").title(), fx(() -> model.titleProperty().get()));
    assertTrue(fx(window::questionAsked));
    type(KeyCode.PAGE_DOWN); // passes over the question, plays on to where lr 1 blows up
    waitUntil("the answer", this::checked);
    assertEquals(2, step());
    assertEquals(demo("offset-inputs.yaml").title(), fx(() -> model.titleProperty().get()));
    type(KeyCode.PAGE_DOWN); // nothing left to reveal: the next demo, without questions
    assertEquals(demo("iterate-averaging.yaml").title(), fx(() -> model.titleProperty().get()));
    assertFalse(fx(() -> model.revealProperty().get()));
    assertFalse(fx(window::questionAsked));
  }

  @Test
  void aNumberQuestionPassedOverGivesTheKeysBackToPlayback() throws Exception {
    open("coordinate-coupled");
    waitUntil("the number field has the keyboard", () -> window.scene().getFocusOwner()
        instanceof javafx.scene.control.TextField t && "question-number".equals(t.getId()));
    fxRun(() -> model.speedProperty().set(1)); // End, not the playback, goes on here
    type(KeyCode.ESCAPE); // just watch
    assertFalse(fx(window::questionAsked));
    fxRun(() -> model.playingProperty().set(false));
    assertTrue(step() < 48);
    type(KeyCode.END); // to where the run decides (step 48), then on to the end
    waitUntil("the answer", this::checked);
    assertEquals(48, step());
    type(KeyCode.END);
    assertEquals(60, step());
  }
}
