package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.StageStyle;
import org.descent.app.controls.NumberSlider;
import org.descent.app.model.RaceResult;
import org.descent.optim.OptimizerType;
import org.descent.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The presenter view: the projector window shows the landscape alone, large, from the same
 * model as the laptop's window (a slider on the laptop changes it at once); its keys act as the
 * main window's; Escape or closing it ends the presenter view and leaves nothing of it behind.
 * The headless toolkit has one screen: the two-screen case places the projector as
 * {@link ProjectorPlacement} would on a second screen (see ProjectorPlacementTest), here over
 * the one screen there is.
 */
class PresenterViewTest extends AppTest {

  @TempDir
  Path dir;

  @Override
  protected Scenario scenario() {
    return demo("saddle-escape.yaml");
  }

  @Override
  protected double[] size() {
    return new double[] {1366, 768};
  }

  private Projector projector() {
    return fx(() -> window.presenterView().projector());
  }

  /** Starts the presenter view as if a second screen of 1920 × 1080 held the projector. */
  private Projector startOnASecondScreen() {
    fxRun(() -> {
      window.presenterView().placeWith(w -> new ProjectorPlacement(true,
          new Rectangle2D(0, 0, 1920, 1080)));
      window.startPresenterView();
    });
    settle();
    return projector();
  }

  private void settle() {
    for (int i = 0; i < 4; i++) {
      WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
  }

  private void pressInProjector(KeyCode code) {
    fxRun(() -> projector().stage().getScene().getRoot().fireEvent(new KeyEvent(
        KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void onASecondScreenTheProjectorShowsTheLandscapeAloneAndLarge() {
    Projector p = startOnASecondScreen();
    Scene scene = fx(() -> p.stage().getScene());
    assertTrue(fx(() -> p.stage().isShowing()));
    assertEquals(StageStyle.UNDECORATED, fx(() -> p.stage().getStyle()));
    assertTrue(fx(() -> scene.getRoot().lookupAll(".optimizer-card").isEmpty()),
        "no card on the projector");
    for (String panel : new String[] {"#notes-pane", "#side-panel", "#menu-bar", "#timeline",
        "#presenter-bar", "#help-overlay"}) {
      assertNull(fx(() -> scene.lookup(panel)), panel + " on the projector");
    }
    Node map = fx(() -> scene.lookup("#contour-view"));
    double[] size = fx(() -> new double[] {map.getLayoutBounds().getWidth(),
        map.getLayoutBounds().getHeight(), scene.getWidth(), scene.getHeight()});
    assertTrue(size[0] >= 0.55 * size[2] && size[1] >= 0.85 * size[3],
        "the map takes the larger part of the projector: " + java.util.Arrays.toString(size));
    assertTrue(fx(() -> p.contour().hasField()), "the map is drawn");
    assertTrue(fx(() -> scene.lookup("#surface-view") != null
        && scene.lookup("#loss-chart") != null));
    assertEquals("step 0 / 90", fx(() -> ((javafx.scene.control.Label)
        scene.lookup("#projector-step")).getText()));
    // The laptop keeps the notes, the cards and the clock.
    assertTrue(fx(() -> window.scene().lookup("#notes-pane").isVisible()));
    assertFalse(fx(() -> window.scene().getRoot().lookupAll(".optimizer-card").isEmpty()));
    assertTrue(fx(() -> window.scene().lookup("#presenter-bar").isVisible()));
    String clock = fx(() -> window.presenterView().clockText());
    assertTrue(clock.matches("00:0\\d \\d\\d:\\d\\d"), clock);
  }

  @Test
  void aSliderMovedOnTheLaptopChangesTheProjectorsRace() {
    Projector p = startOnASecondScreen();
    RaceResult before = fx(() -> p.contour().drawnRace());
    assertSame(fx(() -> model.race()), before, "the projector draws the laptop's race");
    NumberSlider lr = (NumberSlider) inCard(entry(OptimizerType.SGD), "#param-lr");
    fxRun(() -> lr.slider().setValue(lr.slider().getValue() + 0.1 * (lr.slider().getMax()
        - lr.slider().getValue())));
    settle();
    RaceResult after = fx(() -> model.race());
    assertNotSame(before, after);
    assertSame(after, fx(() -> p.contour().drawnRace()), "the projector's map follows");
    assertEquals(fx(() -> window.charts().lossSeriesNames()),
        fx(() -> p.charts().lossSeriesNames()), "and its charts");
    // Playback on the laptop moves the projector's step.
    fxRun(() -> model.currentStepProperty().set(42));
    assertEquals("step 42 / 90", fx(() -> ((javafx.scene.control.Label)
        p.stage().getScene().lookup("#projector-step")).getText()));
  }

  @Test
  void withOneScreenTheProjectorIsAPreviewWindow() {
    assertEquals(1, fx(() -> javafx.stage.Screen.getScreens().size()));
    fxRun(window::startPresenterView);
    settle();
    Projector p = projector();
    assertTrue(fx(() -> p.stage().isShowing()));
    assertEquals(StageStyle.DECORATED, fx(() -> p.stage().getStyle()));
    assertFalse(fx(() -> p.stage().isFullScreen()));
    assertTrue(fx(() -> p.stage().isResizable()));
    Rectangle2D screen = fx(() -> javafx.stage.Screen.getPrimary().getVisualBounds());
    assertTrue(fx(() -> p.stage().getWidth()) < screen.getWidth());
    assertTrue(fx(() -> p.stage().getScene().lookup("#contour-view") != null));
  }

  @Test
  void escapeInTheProjectorEndsThePresenterViewAndNothingOfItStays() {
    java.util.List<WeakReference<Object>> parts = escapeFromTheProjector();
    assertFalse(fx(window::presenterViewOn));
    assertNull(projector());
    assertFalse(fx(() -> window.scene().lookup("#presenter-bar").isVisible()));
    // The model outlives the projector: nothing it holds may keep the projector's views.
    fxRun(() -> model.currentStepProperty().set(5)); // the model still runs its listeners
    for (int i = 0; i < 20 && parts.stream().anyMatch(r -> r.get() != null); i++) {
      System.gc();
      WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
    java.util.List<String> alive = parts.stream().map(WeakReference::get)
        .filter(java.util.Objects::nonNull).map(o -> o.getClass().getSimpleName()).toList();
    assertTrue(alive.isEmpty(), "still reachable after the projector closed: " + alive);
    // And it opens again.
    assertTrue(fx(() -> startOnASecondScreen().stage().isShowing()));
  }

  /** Opens the projector, presses Escape in it; weak references to what it was made of. */
  private java.util.List<WeakReference<Object>> escapeFromTheProjector() {
    Projector p = startOnASecondScreen();
    java.util.List<WeakReference<Object>> parts = java.util.List.of(new WeakReference<>(p),
        new WeakReference<>(fx(p::contour)), new WeakReference<>(fx(p::charts)),
        new WeakReference<>(fx(p::surface)), new WeakReference<>(fx(p::stage)));
    pressInProjector(KeyCode.ESCAPE);
    settle();
    assertFalse(fx(() -> p.stage().isShowing()));
    return parts;
  }

  @Test
  void closingTheProjectorWindowEndsThePresenterViewAndTheMenuFollows() {
    Projector p = startOnASecondScreen();
    javafx.scene.control.CheckMenuItem item = fx(() -> (javafx.scene.control.CheckMenuItem)
        ((javafx.scene.control.MenuBar) window.scene().lookup("#menu-bar")).getMenus().stream()
            .filter(m -> m.getText().equals("View")).findFirst().orElseThrow().getItems()
            .stream().filter(i -> "presenter-menu".equals(i.getId())).findFirst()
            .orElseThrow());
    assertTrue(fx(item::isSelected));
    fxRun(() -> p.stage().fireEvent(new javafx.stage.WindowEvent(p.stage(),
        javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
    settle();
    assertFalse(fx(() -> p.stage().isShowing()));
    assertFalse(fx(item::isSelected));
    assertFalse(fx(window::presenterViewOn));
  }

  @Test
  void keysPressedInTheProjectorActAsInTheMainWindow() throws Exception {
    Path lecture = dir.resolve("l.yaml");
    Files.writeString(lecture, """
        title: A short lecture
        parts:
          - title: Saddles
            demos: [saddle-escape, newton-saddle]
        """);
    assertTrue(fx(() -> window.openLecture(lecture)));
    startOnASecondScreen();
    assertEquals("Next: " + demo("newton-saddle.yaml").title() + " (Saddles · 2 / 2)",
        fx(() -> window.presenterView().nextText()));
    pressInProjector(KeyCode.RIGHT);
    assertEquals(1, step());
    pressInProjector(KeyCode.SPACE);
    assertTrue(fx(() -> model.playingProperty().get()));
    pressInProjector(KeyCode.SPACE);
    assertFalse(fx(() -> model.playingProperty().get()));
    // B blacks out the projector; the laptop dims and says so, and any key brings both back.
    pressInProjector(KeyCode.B);
    assertTrue(fx(window::blackedOut));
    assertTrue(fx(() -> projector().stage().getScene().lookup("#blackout").isVisible()));
    assertTrue(fx(() -> window.scene().lookup("#blackout-note").isVisible()));
    pressInProjector(KeyCode.ESCAPE); // on the black screen: only brings the picture back
    assertFalse(fx(window::blackedOut));
    assertTrue(fx(window::presenterViewOn));
    // The named views of the demo.
    pressInProjector(KeyCode.DIGIT1);
    for (int i = 0; i < 40 && !fx(() -> model.viewProperty().get()).equals(
        model.extras().views().get(0).view()); i++) {
      WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
    }
    assertEquals(fx(() -> model.extras().views().get(0).view()),
        fx(() -> model.viewProperty().get()));
    pressInProjector(KeyCode.PAGE_DOWN);
    assertEquals(demo("newton-saddle.yaml").title(), fx(() -> model.titleProperty().get()));
    assertEquals("Next: nothing, the last demo of the lecture",
        fx(() -> window.presenterView().nextText()));
    assertEquals(demo("newton-saddle.yaml").title(), fx(() -> ((javafx.scene.control.Label)
        projector().stage().getScene().lookup("#projector-title")).getText()));
  }
}
