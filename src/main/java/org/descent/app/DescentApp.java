package org.descent.app;

import java.util.List;
import java.util.Map;
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
  private Settings settings;
  private WindowPlace place;

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
      Settings.preload();
      try {
        org.descent.picture.Fonts.registerWithJava2d();
        new org.descent.picture.RaceChart();
        new org.scilab.forge.jlatexmath.TeXFormula("\\theta \\leftarrow \\theta - \\epsilon g")
            .createBufferedImage(org.scilab.forge.jlatexmath.TeXConstants.STYLE_DISPLAY, 20,
                java.awt.Color.BLACK, null);
        org.descent.function.Catalogue.all();
        // A small picture of the default demo: the painters' code (Java2D's pipeline above
        // all, some 300 ms cold) is loaded and run once before the map's thread needs it.
        org.descent.picture.RaceScene scene = org.descent.picture.RaceScene.of(
            BuiltInScenarios.read(BuiltInScenarios.DEFAULT));
        new org.descent.picture.Pictures().draw(org.descent.picture.Pictures.View.LAYOUT,
            scene, 0, 320, 240, org.descent.picture.Look.LIGHT);
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
    settings = Settings.user();
    long t2 = System.nanoTime();
    threads = AppThreads.create();
    open(stage, getParameters().getNamed(), settings, threads);
    if (Boolean.getBoolean("descent.timing")) {
      System.err.printf("descent: fonts %d ms, settings %d ms, window %d ms%n",
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
      reportStartup(window);
    }
    if (Boolean.getBoolean("descent.exitAfterFirstPicture")) {
      exitAfterFirstPicture(window);
    }
  }

  /**
   * Opens the window as asked on the command line ({@code named}: theme, presentation,
   * scenario, lecture, play, presenter) and, for what it does not say, as remembered in
   * {@code settings}: the command line wins. With neither a scenario nor a lecture asked for,
   * what was open last opens again, or the default demo.
   */
  void open(Stage stage, Map<String, String> named, Settings settings, AppThreads threads) {
    this.settings = settings;
    this.threads = threads;
    LabModel model = new LabModel(threads.race());
    Appearance appearance = new Appearance();
    Theme theme = named.containsKey("theme") ? switch (named.get("theme")) {
      case "dark" -> Theme.DARK;
      case "high-contrast" -> Theme.HIGH_CONTRAST;
      default -> Theme.LIGHT;
    } : settings.theme().orElse(Theme.LIGHT);
    appearance.themeProperty().set(theme);
    appearance.presentationProperty().set(named.containsKey("presentation")
        ? "true".equals(named.get("presentation"))
        : settings.presentation().orElse(false));
    window = new MainWindow(stage, model, appearance, threads, settings);
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    place = WindowPlace.restore(stage, settings);
    stage.show();
    // The scenario (cards, typeset rules, traces) fills the window once it is on screen.
    Platform.runLater(() -> {
      boolean asked = named.containsKey("lecture") || named.containsKey("scenario");
      boolean opened = named.containsKey("lecture")
          ? window.openLecture(java.nio.file.Path.of(named.get("lecture")))
          : named.containsKey("scenario")
              && window.open(java.nio.file.Path.of(named.get("scenario")));
      if (!opened && !asked) {
        opened = window.reopenLast();
      }
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

  /** The window, once open (for tests). */
  MainWindow window() {
    return window;
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
        if (!map && window.contour().showsField()) {
          map = true;
          System.err.printf("descent: first contour map drawn %d ms after JVM start%n",
              System.currentTimeMillis() - jvmStart);
        }
        if (window.firstPictureDrawn()) {
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
        if (window.firstPictureDrawn()) {
          stop();
          Platform.exit();
        }
      }
    }.start();
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
    if (place != null) {
      place.save(settings);
    }
    if (settings != null) {
      // On a thread of its own: the window closes at once (a flush takes up to 0.8 s: the
      // store locks its file, retrying). Should the JVM end first, the store's own shutdown
      // hook writes it.
      Settings toSave = settings;
      if (threads != null) {
        threads.start("descent-settings-flush", toSave::flush);
      } else {
        toSave.flush();
      }
    }
    if (window != null) {
      window.dispose();
    }
    if (threads != null) {
      threads.close();
    }
  }
}
