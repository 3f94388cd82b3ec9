package org.descent.app;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.descent.app.model.AppThreads;
import org.descent.app.model.LabModel;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.scenario.BuiltInScenarios;
import org.descent.scenario.FunctionChoice;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;

/**
 * The desktop app. It opens on the default lecture demo (or a scenario, or a lecture's first
 * demo), paused at step 0.
 */
public final class DescentApp extends Application {

  private AppThreads threads;
  private MainWindow window;

  public static void main(String[] args) {
    repaintWholeScenes(System.getProperties());
    warmUp();
    launch(DescentApp.class, args);
  }

  /**
   * Turns off JavaFX's dirty-region repaint unless the user chose otherwise. On the real GTK
   * toolkit with the software pipeline, JavaFX 21 sometimes leaves a card's status line painted
   * at "step 0: f = 51.96" while the label holds "step 200: …" and the playback bar reads
   * 200 / 200: the scene graph is right, the region is never repainted. In 12 keyboard demo
   * switches under Xvfb it happened 4 times with the optimization on and never with it off,
   * and playing noise-lr-decay at 1920 × 1080 for 30 s cost the same CPU either way (30.3 s
   * against 29.6 s): the views that move repaint most of the window anyway.
   */
  static void repaintWholeScenes(java.util.Properties system) {
    system.putIfAbsent("prism.dirtyopts", "false");
  }

  /**
   * Loads, while JavaFX starts, what the first picture needs and would otherwise load on the
   * JavaFX thread: the fonts for Java2D, the chart library, the typesetter, the formulas.
   */
  private static void warmUp() {
    AppThreads.warmUp(() -> {
      try {
        org.descent.picture.Fonts.registerWithJava2d();
        new org.descent.picture.RaceChart();
        new org.scilab.forge.jlatexmath.TeXFormula("\\theta \\leftarrow \\theta - \\epsilon g")
            .createBufferedImage(org.scilab.forge.jlatexmath.TeXConstants.STYLE_DISPLAY, 20,
                java.awt.Color.BLACK, null);
        org.descent.function.Catalogue.all();
        BuiltInScenarios.read(BuiltInScenarios.DEFAULT).landscape();
      } catch (Exception | LinkageError | java.awt.AWTError e) {
        // only a head start (without a display, Java2D's fonts cannot load either); everything loads again where it is needed
      }
    });
  }

  @Override
  public void start(Stage stage) {
    if (Boolean.getBoolean("descent.timing")) {
      System.err.printf("descent: JavaFX started %d ms after JVM start%n",
          System.currentTimeMillis()
              - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    }
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
      System.err.println("Descent: unexpected error on " + t.getName() + ": " + e);
      e.printStackTrace();
    });
    long t0 = System.nanoTime();
    loadFonts();
    long t1 = System.nanoTime();
    threads = AppThreads.create();
    LabModel model = new LabModel(threads.race());
    Appearance appearance = new Appearance();
    var named = getParameters().getNamed();
    switch (named.getOrDefault("theme", "light")) {
      case "dark" -> appearance.themeProperty().set(Theme.DARK);
      case "high-contrast" -> appearance.themeProperty().set(Theme.HIGH_CONTRAST);
      default -> appearance.themeProperty().set(Theme.LIGHT);
    }
    appearance.presentationProperty().set("true".equals(named.get("presentation")));
    long t2 = System.nanoTime();
    window = new MainWindow(stage, model, appearance, threads);
    long t3 = System.nanoTime();
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    fitToScreen(stage);
    stage.show();
    if (Boolean.getBoolean("descent.timing")) {
      System.err.printf("descent: fonts %d ms, model %d ms, window %d ms, show %d ms%n",
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
          (System.nanoTime() - t3) / 1_000_000);
    }
    if (Boolean.getBoolean("descent.timing")) {
      reportStartup(window);
    }
    if (Boolean.getBoolean("descent.exitAfterFirstPicture")) {
      exitAfterFirstPicture(window);
    }
    // The scenario (cards, typeset rules, traces) fills the window once it is on screen.
    Platform.runLater(() -> {
      boolean opened = named.containsKey("lecture")
          ? window.openLecture(java.nio.file.Path.of(named.get("lecture")))
          : named.containsKey("scenario")
              && window.open(java.nio.file.Path.of(named.get("scenario")));
      if (!opened) {
        window.show(defaultScenario());
      }
      // Paused at step 0 with the whole paths ghosted, unless asked to play: the lecturer
      // speaks first, then presses Space.
      model.playingProperty().set("true".equals(named.get("play")));
      if ("true".equals(named.get("presenter"))) {
        window.startPresenterView();
      }
    });
  }

  /**
   * The bundled DejaVu fonts for JavaFX too (a lecture laptop on Windows or macOS has none):
   * the stylesheets and the canvases then measure and draw the same font as the pictures.
   */
  private static void loadFonts() {
    for (String file : org.descent.picture.Fonts.FILES) {
      try (var in = DescentApp.class.getResourceAsStream(file)) {
        if (in != null) {
          javafx.scene.text.Font.loadFont(in, 12);
        }
      } catch (java.io.IOException e) {
        // the system's fallback font is used instead
      }
    }
  }

  /**
   * Prints how long after the JVM started the window was shown and the contour map first
   * drawn (-Ddescent.timing=true), to measure the start-up a lecturer waits for.
   */
  private static void reportStartup(MainWindow window) {
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    System.err.printf("descent: window shown %d ms after JVM start%n",
        System.currentTimeMillis() - jvmStart);
    new javafx.animation.AnimationTimer() {
      private boolean map;

      @Override
      public void handle(long now) {
        if (!map && window.contour().hasField()) {
          map = true;
          System.err.printf("descent: first contour map drawn %d ms after JVM start%n",
              System.currentTimeMillis() - jvmStart);
        }
        if (window.contour().hasField() && window.surface().framesShown() > 0) {
          System.err.printf("descent: contour map and surface drawn %d ms after JVM start%n",
              System.currentTimeMillis() - jvmStart);
          stop();
        }
      }
    }.start();
  }

  /**
   * Quits once the contour map and the surface have been drawn
   * (-Ddescent.exitAfterFirstPicture=true): the packaging build runs the app this way to list
   * the classes a start-up loads, for its class-data-sharing archive.
   */
  private static void exitAfterFirstPicture(MainWindow window) {
    new javafx.animation.AnimationTimer() {
      @Override
      public void handle(long now) {
        if (window.contour().hasField() && window.surface().framesShown() > 0) {
          stop();
          Platform.exit();
        }
      }
    }.start();
  }

  /**
   * Fills the screen (a laptop's 1366×768 as well as a 1920×1080 projector): every pixel goes
   * to the landscape. Maximized where a window manager honours it, sized to the screen's
   * usable area otherwise.
   */
  private static void fitToScreen(Stage stage) {
    var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
    stage.setX(bounds.getMinX());
    stage.setY(bounds.getMinY());
    stage.setWidth(Math.max(900, bounds.getWidth()));
    stage.setHeight(Math.max(600, bounds.getHeight()));
    stage.setMaximized(true);
  }

  /** The built-in default demo, or a minimal race if the resource is missing. */
  public static Scenario defaultScenario() {
    try {
      return BuiltInScenarios.read(BuiltInScenarios.DEFAULT);
    } catch (ScenarioException e) {
      System.err.println("Descent: " + e.getMessage() + "; using the minimal default");
      return new Scenario("Racing down the banana", "", new FunctionChoice.Named("rosenbrock"),
          null, null, 600, 0, 0, List.of(OptimizerSpec.of(OptimizerType.SGD),
              OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.0005),
              OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.05)), null);
    }
  }

  @Override
  public void stop() {
    if (window != null) {
      window.dispose();
    }
    if (threads != null) {
      threads.close();
    }
  }
}
