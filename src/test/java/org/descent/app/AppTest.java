package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.descent.app.model.LabModel;
import org.descent.app.model.OptimizerEntry;
import org.descent.app.race.OptimizerCard;
import org.descent.optim.OptimizerType;
import org.descent.scenario.Scenario;
import org.descent.trace.Trace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app in a window of its own, headless (Monocle), with background work run inline so that
 * every test is deterministic; fails a test on any exception thrown on any thread.
 */
abstract class AppTest extends ApplicationTest {

  protected LabModel model;
  protected MainWindow window;
  protected Appearance appearance;
  protected Stage stage;
  private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
  private Thread.UncaughtExceptionHandler previous;

  /** The scenario the window opens on. */
  protected Scenario scenario() {
    return DescentApp.defaultScenario();
  }

  /** A scenario of the scenarios folder, by file name. */
  protected static Scenario demo(String file) {
    try {
      return org.descent.scenario.ScenarioReader.read(java.nio.file.Path.of("scenarios", file));
    } catch (org.descent.scenario.ScenarioException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The window's size. */
  protected double[] size() {
    return new double[] {1400, 900};
  }

  @Override
  public void start(Stage stage) throws Exception {
    System.setProperty("descent.noDialogs", "true");
    this.stage = stage;
    model = new LabModel(new InlineBackground());
    appearance = new Appearance();
    window = new MainWindow(stage, model, appearance, new InlineBackground());
    model.load(scenario());
    stage.setWidth(size()[0]);
    stage.setHeight(size()[1]);
    stage.show();
  }

  @Override
  public void stop() {
    if (window != null) {
      window.dispose();
    }
  }

  @BeforeEach
  void watchForExceptions() {
    previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void noExceptionWasThrown() {
    WaitForAsyncUtils.waitForFxEvents();
    Thread.setDefaultUncaughtExceptionHandler(previous);
    assertTrue(uncaught.isEmpty(), "uncaught: " + uncaught);
  }

  /** Runs on the JavaFX thread and returns the result (slow machines: up to 30 s). */
  protected <T> T fx(Callable<T> c) {
    try {
      return WaitForAsyncUtils.waitForAsyncFx(30_000, c);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Waits (up to 30 s) until the dialog's export job has ended, however it ended. */
  protected void waitFor(org.descent.app.export.ExportDialog d) {
    for (int i = 0; i < 600; i++) {
      javafx.concurrent.Worker.State s = fx(() -> d.job() == null ? null
          : d.job().getState());
      if (s == javafx.concurrent.Worker.State.SUCCEEDED
          || s == javafx.concurrent.Worker.State.FAILED
          || s == javafx.concurrent.Worker.State.CANCELLED) {
        return;
      }
      sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("the export did not finish");
  }

  /** Runs on the JavaFX thread. */
  protected void fxRun(Runnable r) {
    fx(() -> {
      r.run();
      return null;
    });
  }

  protected OptimizerEntry entry(OptimizerType type) {
    return fx(() -> model.optimizers().stream().filter(e -> e.spec().type() == type)
        .findFirst().orElseThrow());
  }

  protected Node inCard(OptimizerEntry e, String selector) {
    Node n = fx(() -> ((javafx.scene.Parent) lookup(".optimizer-card").queryAll().stream()
        .filter(c -> ((OptimizerCard) c).entry() == e).findFirst().orElseThrow())
        .lookup(selector));
    fxRun(() -> scrollIntoView(n));
    WaitForAsyncUtils.waitForFxEvents();
    return n;
  }

  /** Scrolls the panel so that a node of a card is on screen, as a user would. */
  private static void scrollIntoView(Node n) {
    for (Node p = n.getParent(); p != null; p = p.getParent()) {
      if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
        javafx.geometry.Bounds b = sp.getContent().sceneToLocal(n.localToScene(
            n.getBoundsInLocal()));
        double content = sp.getContent().getBoundsInLocal().getHeight();
        double view = sp.getViewportBounds().getHeight();
        if (content > view) {
          double top = Math.max(0, Math.min(content - view, b.getMinY() - 10));
          sp.setVvalue(sp.getVmin() + (sp.getVmax() - sp.getVmin()) * top / (content - view));
          sp.layout();
        }
        return;
      }
    }
  }

  protected Trace traceOf(OptimizerEntry e) {
    return fx(() -> model.race().traceOf(e));
  }

  protected int step() {
    return fx(() -> model.currentStepProperty().get());
  }

  protected void pause(int step) {
    fxRun(() -> {
      model.playingProperty().set(false);
      model.currentStepProperty().set(step);
    });
  }
}
