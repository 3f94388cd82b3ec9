package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.input.KeyCode;
import org.descent.app.model.OptimizerEntry;
import org.descent.app.race.OptimizerCard;
import org.descent.picture.Numbers;
import org.descent.scenario.BuiltInScenarios;
import org.descent.trace.Trace;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lecture of 60 demos in a row, opened through the demo browser by keyboard and by mouse,
 * each played and stepped: every number on screen follows the model after any number of
 * switches, and what an earlier demo made (cards, entries, threads) does not stay behind.
 */
class DemoSoakTest extends AppTest {

  private static final int DEMOS = 60;

  @Override
  protected double[] size() {
    return new double[] {1366, 768};
  }

  @Test
  void sixtyDemosInARowLeaveOnlyTheOpenOneAlive() {
    List<BuiltInScenarios.Demo> demos = BuiltInScenarios.inLectureOrder();
    List<WeakReference<Object>> earlier = new ArrayList<>();
    List<Object> open = List.of();
    Set<String> threadsAfterFirstPass = null;
    for (int i = 0; i < DEMOS; i++) {
      BuiltInScenarios.Demo d = demos.get(i % demos.size());
      openThroughTheBrowser(d, i % 2 == 0);
      assertEquals(d.title(), fx(() -> model.titleProperty().get()), "demo " + i);
      // A demo's questions hold the playback at their steps (PredictThenRevealTest): reveal
      // mode off, so that End goes to the end here.
      fxRun(() -> model.revealProperty().set(false));
      playThenStep();
      everyNumberFollowsTheModel(d.file());
      for (Object o : open) {
        earlier.add(new WeakReference<>(o));
      }
      open = fx(this::cardsAndEntries);
      if (i == demos.size() - 1) {
        threadsAfterFirstPass = descentThreads();
      }
    }
    for (int attempt = 0; attempt < 20 && earlier.stream().anyMatch(r -> r.get() != null);
        attempt++) {
      System.gc();
      WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
    List<String> alive = earlier.stream().map(WeakReference::get)
        .filter(java.util.Objects::nonNull).map(o -> o.getClass().getSimpleName()).toList();
    assertTrue(alive.isEmpty(), alive.size() + " cards and entries of earlier demos are still "
        + "reachable: " + alive);
    Set<String> now = descentThreads();
    now.removeAll(threadsAfterFirstPass);
    assertTrue(now.isEmpty(), "threads started after the first pass and still alive: " + now);
  }

  private void openThroughTheBrowser(BuiltInScenarios.Demo d, boolean byKeyboard) {
    push(KeyCode.SHORTCUT, KeyCode.L);
    WaitForAsyncUtils.waitForFxEvents();
    // The headless toolkit gives a new window the keyboard only once it is clicked (the real
    // one does at once: ../shared/tools/rehearse types straight into it).
    clickOn("#demo-filter");
    String name = d.file().replace(".yaml", "");
    // The file name is searched too, and picks exactly one demo.
    write(d.file());
    WaitForAsyncUtils.waitForFxEvents();
    // Enter opens the first demo shown; a name inside another's (coordinate-descent in
    // coordinate-descent-coupled's text) is picked by mouse.
    boolean first = fx(() -> window.lastDemoBrowser().visibleFiles()).get(0).equals(d.file());
    if (byKeyboard && first) {
      type(KeyCode.ENTER);
    } else {
      clickOn("#demo-tile-" + name);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void playThenStep() {
    type(KeyCode.SPACE);
    WaitForAsyncUtils.sleep(150, java.util.concurrent.TimeUnit.MILLISECONDS);
    type(KeyCode.END);
    type(KeyCode.LEFT);
    type(KeyCode.LEFT);
    settle();
  }

  private void settle() {
    for (int i = 0; i < 3; i++) {
      WaitForAsyncUtils.sleep(40, java.util.concurrent.TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
  }

  private void everyNumberFollowsTheModel(String demo) {
    fxRun(() -> {
      int k = model.currentStepProperty().get();
      assertEquals(Math.max(0, model.stepsProperty().get() - 2), k, demo + ": End, then ← ←");
      List<OptimizerCard> cards = lookup(".optimizer-card").queryAll().stream()
          .filter(OptimizerCard.class::isInstance).map(OptimizerCard.class::cast).toList();
      assertEquals(model.optimizers().size(), cards.size(), demo + ": a card per optimizer");
      for (OptimizerCard c : cards) {
        OptimizerEntry e = c.entry();
        assertTrue(model.optimizers().contains(e), demo + ": a card of the open demo");
        assertEquals(e.spec().label(), c.labelText(), demo + ": the card's label");
        Trace t = model.race().traceOf(e);
        String status = c.statusText();
        if (t.diverged()) {
          assertTrue(status.startsWith("diverged at step " + t.divergedAt().getAsInt()),
              demo + ": " + status);
        } else {
          int shown = Math.min(k, t.lastStep());
          // The card writes no-break spaces inside each quantity.
          assertTrue(status.replace('\u00a0', ' ').startsWith("step " + shown + ":  f = "
              + Numbers.format(t.loss(shown))), demo + ": status '" + status + "' at step "
              + shown);
        }
      }
      List<String> legend = window.charts().lossSeriesNames();
      for (var s : model.shownTraces()) {
        assertTrue(legend.stream().anyMatch(l -> l.startsWith(s.entry().spec().label())),
            demo + ": the legend " + legend + " names " + s.entry().spec().label());
      }
      double cursor = window.charts().cursorStep();
      assertTrue(cursor < 0 || cursor == k, demo + ": the charts' cursor at " + cursor
          + ", the playback at " + k);
    });
  }

  private List<Object> cardsAndEntries() {
    List<Object> all = new ArrayList<>(lookup(".optimizer-card").queryAll().stream()
        .filter(OptimizerCard.class::isInstance).toList());
    all.addAll(model.optimizers());
    return all;
  }

  /** The names of the app's live threads, numbers of pool threads kept. */
  private static Set<String> descentThreads() {
    Set<String> names = new TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("descent")) {
        names.add(t.getName());
      }
    }
    return names;
  }
}
