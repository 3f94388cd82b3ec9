package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.descent.app.model.AppThreads;
import org.descent.scenario.BuiltInScenarios;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app started as {@code descent} starts it, over a store of the test's own: what was
 * remembered comes back, the command line wins, and a broken store starts on the defaults.
 */
class StartupRemembersTest extends ApplicationTest {

  @TempDir
  Path dir;

  private final Preferences node = new MemoryPreferences();
  private DescentApp app;
  private Stage stage;

  @Override
  public void start(Stage ignored) {
    System.setProperty("descent.noDialogs", "true");
  }

  @AfterEach
  void quit() {
    if (app != null) {
      quitApp();
    }
  }

  private <T> T fx(Callable<T> c) {
    try {
      return WaitForAsyncUtils.waitForAsyncFx(30_000, c);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Starts the app as Descent does, with these command-line choices and store. */
  private MainWindow startApp(Map<String, String> named, Settings settings) {
    app = new DescentApp();
    MainWindow w = fx(() -> {
      stage = new Stage();
      app.open(stage, named, settings,
          new AppThreads(new InlineBackground(), new InlineBackground()));
      return app.window();
    });
    WaitForAsyncUtils.waitForFxEvents();
    return w;
  }

  /** Ends the app as closing its window does. */
  private void quitApp() {
    fx(() -> {
      app.stop();
      stage.hide();
      return null;
    });
    app = null;
  }

  private String title(MainWindow w) {
    return fx(() -> stage.getTitle());
  }

  private static String defaultTitle() {
    return DescentApp.defaultScenario().title();
  }

  @Test
  void whatWasChangedComesBackAtTheNextStart() throws Exception {
    MainWindow first = startApp(Map.of(), Settings.of(node));
    assertTrue(title(first).startsWith(defaultTitle()), title(first));
    fx(() -> {
      first.appearance().themeProperty().set(Theme.HIGH_CONTRAST);
      first.appearance().presentationProperty().set(true);
      first.openDemo("momentum-ravine.yaml");
      stage.setMaximized(false);
      stage.setX(120);
      stage.setY(90);
      stage.setWidth(1000);
      stage.setHeight(700);
      return null;
    });
    quitApp();

    MainWindow second = startApp(Map.of(), Settings.of(node));
    assertEquals(Theme.HIGH_CONTRAST, fx(() -> second.appearance().theme()));
    assertTrue(fx(() -> second.appearance().presentation()));
    assertTrue(title(second).startsWith(
        BuiltInScenarios.read("momentum-ravine.yaml").title()), title(second));
    assertEquals(List.of(120.0, 90.0, 1000.0, 700.0, 0.0), fx(() -> List.of(stage.getX(),
        stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized() ? 1.0 : 0.0)));
  }

  @Test
  void theCommandLineWinsAndIsNotRemembered() throws Exception {
    Settings settings = Settings.of(node);
    settings.theme(Theme.HIGH_CONTRAST);
    settings.presentation(true);
    settings.last(new Settings.Last.Demo("plateau"));
    Path beale = Files.copy(Path.of("scenarios", "beale.yaml"), dir.resolve("beale.yaml"));
    MainWindow w = startApp(Map.of("theme", "dark", "presentation", "false",
        "scenario", beale.toString()), settings);
    assertEquals(Theme.DARK, fx(() -> w.appearance().theme()));
    assertFalse(fx(() -> w.appearance().presentation()));
    assertTrue(title(w).startsWith(BuiltInScenarios.read("beale.yaml").title()));
    assertEquals(Optional.of(Theme.HIGH_CONTRAST), settings.theme(), "not overwritten");
    assertEquals(Optional.of(true), settings.presentation());
  }

  @Test
  void aLectureOpensAgainAtTheDemoItWasLeftOn() throws Exception {
    Path lecture = Files.copy(Path.of("scenarios", "lectures", "grosse-lecture-8.yaml"),
        dir.resolve("lecture.yaml"));
    MainWindow first = startApp(Map.of("lecture", lecture.toString()), Settings.of(node));
    assertEquals(0, fx(() -> first.lecture().at().index()));
    // Page Down: three demos on (a demo's questions may take a press of their own)
    for (int i = 0; i < 20 && fx(() -> first.lecture().at().index()) < 3; i++) {
      type(javafx.scene.input.KeyCode.PAGE_DOWN);
    }
    int left = fx(() -> first.lecture().at().index());
    assertEquals(3, left);
    quitApp();
    MainWindow second = startApp(Map.of(), Settings.of(node));
    assertEquals(3, fx(() -> second.lecture().at().index()));
    assertTrue(fx(() -> second.lecture().at().playlist().source()).endsWith("lecture.yaml"));
  }

  @Test
  void aShippedLectureOpensAgainAndADamagedIndexMeansItsFirstDemo() {
    Settings settings = Settings.of(node);
    settings.last(new Settings.Last.ShippedLecture("grosse-lecture-8.yaml"));
    settings.lectureDemo(2);
    MainWindow w = startApp(Map.of(), settings);
    assertEquals(2, fx(() -> w.lecture().at().index()));
    quitApp();
    node.put("lecture-demo", "9999");
    MainWindow again = startApp(Map.of(), Settings.of(node));
    assertEquals(0, fx(() -> again.lecture().at().index()));
  }

  @Test
  void aLastFileSinceDeletedOpensTheDefaultDemoSilently() throws Exception {
    Settings settings = Settings.of(node);
    settings.last(new Settings.Last.File(dir.resolve("gone.yaml")));
    MainWindow w = startApp(Map.of(), settings);
    assertTrue(title(w).startsWith(defaultTitle()), title(w));
    String status = fx(w::statusText);
    assertTrue(status == null || status.isEmpty(), "nothing reported: " + status);
  }

  @Test
  void aPlaceOffEveryScreenIsNotRestored() {
    String screens = fx(() -> WindowPlace.arrangement(Screen.getScreens().stream()
        .map(Screen::getBounds).toList()));
    Settings settings = Settings.of(node);
    settings.place(screens, new Settings.Place(40_000, 40_000, 1000, 700, false));
    startApp(Map.of(), settings);
    javafx.geometry.Rectangle2D primary = fx(() -> Screen.getPrimary().getVisualBounds());
    assertTrue(fx(() -> primary.contains(stage.getX() + stage.getWidth() / 2,
        stage.getY() + 10)), "on the primary screen");
  }

  @Test
  void garbageInTheStoreStartsOnTheDefaults() {
    String screens = fx(() -> WindowPlace.arrangement(Screen.getScreens().stream()
        .map(Screen::getBounds).toList()));
    node.put("theme", "PURPLE");
    node.put("presentation", "1e9");
    node.put("last", "demo:no-such-demo");
    node.put("recent.1", "not a path at all");
    node.node("windows").put(screens, "abc,-5,1e9,x,maximized");
    MainWindow w = startApp(Map.of(), Settings.of(node));
    assertEquals(Theme.LIGHT, fx(() -> w.appearance().theme()));
    assertFalse(fx(() -> w.appearance().presentation()));
    assertTrue(title(w).startsWith(defaultTitle()), title(w));
    assertTrue(fx(() -> stage.isShowing()));
    assertTrue(fx(() -> stage.getWidth() >= 900 && stage.getWidth() < 1e6));
    assertEquals(List.of(), fx(() -> w.recentMenu().getItems().stream()
        .filter(i -> i.getId() != null && i.getId().startsWith("recent-")
            && !i.getId().equals("recent-clear")).toList()));
  }

  @Test
  void aStoreThatCannotBeReadOrWrittenStartsOnTheDefaults() {
    MainWindow w = startApp(Map.of(), Settings.of(new FailingPreferences()));
    assertTrue(fx(() -> stage.isShowing()));
    assertEquals(Theme.LIGHT, fx(() -> w.appearance().theme()));
    assertTrue(title(w).startsWith(defaultTitle()), title(w));
    fx(() -> {
      w.appearance().themeProperty().set(Theme.DARK); // written nowhere, and no exception
      w.openDemo("plateau.yaml");
      return null;
    });
    quitApp(); // saving the place and flushing fail quietly
  }
}
