package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lecture driven with a presentation clicker: Page Down and Page Up walk through its demos
 * and stop at either end with a hint; B or . blacks the window out until any key or click;
 * and a text field still takes B and . as letters.
 */
class LecturesInTheAppTest extends AppTest {

  @TempDir
  Path dir;

  // Demos without questions: with them, Page Down first reveals a demo's answers
  // (PredictThenRevealTest), and these tests are about moving between demos.
  private Path lecture() throws Exception {
    Path file = dir.resolve("l.yaml");
    Files.writeString(file, """
        title: A short lecture
        parts:
          - title: Learning rate
            demos: [iterate-averaging, weight-symmetry]
          - title: Momentum
            demos: [saddle-escape]
        """);
    return file;
  }

  private String title() {
    return fx(() -> model.titleProperty().get());
  }

  private String indicator() {
    return fx(() -> ((Label) window.scene().lookup("#lecture-position")).getText());
  }

  @Test
  void pageDownTwiceAndPageUpOnceShowTheSecondDemo() throws Exception {
    Path file = lecture();
    assertTrue(fx(() -> window.openLecture(file)));
    assertEquals(demo("iterate-averaging.yaml").title(), title());
    assertEquals("Learning rate · 1 / 3", indicator());
    type(KeyCode.PAGE_DOWN);
    type(KeyCode.PAGE_DOWN);
    assertEquals(demo("saddle-escape.yaml").title(), title());
    assertEquals("Momentum · 3 / 3", indicator());
    type(KeyCode.PAGE_UP);
    assertEquals(demo("weight-symmetry.yaml").title(), title());
    assertEquals(1, fx(() -> window.lecture().at().index()));
    assertEquals("Learning rate · 2 / 3", indicator());
    String windowTitle = fx(() -> stage.getTitle());
    assertTrue(windowTitle.contains("Learning rate · 2 / 3"), windowTitle);
    // A demo of a lecture opens as the demo browser opens one: paused at step 0.
    assertEquals(0, step());
    assertFalse(fx(() -> model.playingProperty().get()));
  }

  @Test
  void atEitherEndTheClickerStaysAndSaysSo() throws Exception {
    Path file = lecture();
    assertTrue(fx(() -> window.openLecture(file)));
    type(KeyCode.PAGE_UP);
    assertEquals(demo("iterate-averaging.yaml").title(), title());
    String first = fx(window::statusText);
    assertTrue(first.contains("first demo of the lecture"), first);
    type(KeyCode.PAGE_DOWN, 3);
    assertEquals(demo("saddle-escape.yaml").title(), title());
    String last = fx(window::statusText);
    assertTrue(last.contains("last demo of the lecture"), last);
    assertEquals(2, fx(() -> window.lecture().at().index()));
  }

  @Test
  void withoutALectureTheClickerKeysDoNothing() {
    String before = title();
    type(KeyCode.PAGE_DOWN);
    type(KeyCode.PAGE_UP);
    assertEquals(before, title());
    assertNull(fx(() -> window.lecture().at()));
    assertEquals("", indicator());
  }

  @Test
  void aShippedLectureOpensOnItsFirstDemo() throws Exception {
    assertTrue(fx(() -> window.openBuiltInLecture("grosse-lecture-8.yaml")));
    assertEquals(demo("himmelblau-basins.yaml").title(), title());
    assertEquals("Local optima · 1 / ", indicator().replaceAll("\\d+$", ""));
  }

  @Test
  void aBadLectureIsReportedWithItsLineAndChangesNothing() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "title: L\nparts:\n  - title: A\n    demos: [momentum-ravin]\n");
    String before = title();
    assertFalse(fx(() -> window.openLecture(file)));
    assertEquals(before, title());
    assertEquals(file + ":4: parts[0].demos[0]: no built-in demo 'momentum-ravin'; did you "
        + "mean 'momentum-ravine'?", fx(window::statusText));
    assertNull(fx(() -> window.lecture().at()));
  }

  @Test
  void bBlacksTheWindowOutAndAnyKeyBringsItBack() throws Exception {
    type(KeyCode.B);
    assertTrue(fx(window::blackedOut));
    // The key that brings the window back does nothing else: Space does not play.
    type(KeyCode.SPACE);
    assertFalse(fx(window::blackedOut));
    assertFalse(fx(() -> model.playingProperty().get()));
    type(KeyCode.PERIOD);
    assertTrue(fx(window::blackedOut));
    clickOn("#blackout");
    assertFalse(fx(window::blackedOut));
    // In a lecture, Page Down on the black screen only brings the window back.
    Path file = lecture();
    assertTrue(fx(() -> window.openLecture(file)));
    String before = title();
    type(KeyCode.B);
    type(KeyCode.PAGE_DOWN);
    assertFalse(fx(window::blackedOut));
    assertEquals(before, title());
  }

  @Test
  void aTextFieldStillTakesBAndDotAsLetters() {
    TextField formula = (TextField) window.scene().lookup("#formula");
    clickOn(formula);
    fxRun(formula::end);
    write("b.");
    WaitForAsyncUtils.waitForFxEvents();
    String text = fx(formula::getText);
    assertTrue(text.endsWith("b."), text);
    assertFalse(fx(window::blackedOut));
    type(KeyCode.ESCAPE);
  }
}
