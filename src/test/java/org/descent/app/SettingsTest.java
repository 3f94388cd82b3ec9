package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import java.util.stream.IntStream;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** What Descent remembers, read back as written; damaged values skipped one by one. */
class SettingsTest {

  private final Preferences node = new MemoryPreferences();
  private final Settings settings = Settings.of(node);

  @Test
  void anEmptyStoreRemembersNothing() {
    assertEquals(Optional.empty(), settings.theme());
    assertEquals(Optional.empty(), settings.presentation());
    assertEquals(Optional.empty(), settings.place("1920x1080@0,0"));
    assertEquals(Optional.empty(), settings.last());
    assertEquals(List.of(), settings.recent());
  }

  @Test
  void themeAndPresentationRoundTrip() {
    settings.theme(Theme.HIGH_CONTRAST);
    settings.presentation(true);
    Settings again = Settings.of(node);
    assertEquals(Optional.of(Theme.HIGH_CONTRAST), again.theme());
    assertEquals(Optional.of(true), again.presentation());
    settings.presentation(false);
    assertEquals(Optional.of(false), again.presentation());
  }

  @Test
  void theWindowsPlaceIsKeptPerArrangementOfScreens() {
    String laptop = "1366x768@0,0";
    String withProjector = "1366x768@0,0+1920x1080@1366,0";
    settings.place(laptop, new Settings.Place(10, 20, 1200, 700, false));
    settings.place(withProjector, new Settings.Place(1400, 0, 1900, 1000, true));
    assertEquals(Optional.of(new Settings.Place(10, 20, 1200, 700, false)),
        settings.place(laptop));
    assertEquals(Optional.of(new Settings.Place(1400, 0, 1900, 1000, true)),
        settings.place(withProjector));
    assertEquals(Optional.empty(), settings.place("1920x1080@0,0"));
  }

  @Test
  void anArrangementLongerThanAKeyIsKeptToo() {
    String many = IntStream.range(0, 6).mapToObj(i -> "1920x1080@" + (1920 * i) + ",0")
        .reduce((a, b) -> a + "+" + b).orElseThrow();
    assertTrue(many.length() > Preferences.MAX_KEY_LENGTH);
    settings.place(many, new Settings.Place(0, 0, 800, 600, false));
    assertEquals(Optional.of(new Settings.Place(0, 0, 800, 600, false)), settings.place(many));
  }

  @Test
  void whatWasOpenLastRoundTripsForEachKind(@org.junit.jupiter.api.io.TempDir Path dir) {
    for (Settings.Last l : List.of(new Settings.Last.Demo("momentum-ravine"),
        new Settings.Last.File(dir.resolve("a.yaml")),
        new Settings.Last.Lecture(dir.resolve("lecture.yaml")),
        new Settings.Last.ShippedLecture("grosse-lecture-8.yaml"))) {
      settings.last(l);
      assertEquals(Optional.of(l), Settings.of(node).last());
    }
  }

  @Test
  void recentFilesAreNewestFirstWithoutDuplicatesAndAtMostTen(
      @org.junit.jupiter.api.io.TempDir Path dir) {
    List<Path> opened = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      opened.add(dir.resolve("s" + i + ".yaml"));
      settings.addRecent(opened.get(i));
    }
    List<Path> expected = new ArrayList<>();
    for (int i = 11; i >= 2; i--) {
      expected.add(opened.get(i));
    }
    assertEquals(expected, settings.recent());
    // opened again: to the top, once
    settings.addRecent(dir.resolve("sub/../s5.yaml"));
    List<Path> recent = Settings.of(node).recent();
    assertEquals(opened.get(5), recent.get(0));
    assertEquals(10, recent.size());
    assertEquals(1, recent.stream().filter(p -> p.equals(opened.get(5))).count());
    assertEquals(opened.get(11), recent.get(1));
    settings.clearRecent();
    assertEquals(List.of(), Settings.of(node).recent());
  }

  @Test
  void damagedValuesAreSkippedOneByOne() {
    node.put("theme", "PURPLE");
    node.put("presentation", "maybe");
    node.put("last", "demo:../../etc/passwd");
    node.put("recent.1", "/ok/one.yaml");
    node.put("recent.2", "relative/path.yaml");
    node.put("recent.4", "   ");
    node.put("recent.5", "/ok/two.yaml");
    Preferences windows = node.node("windows");
    windows.put("a", "abc,0,1200,700,normal");
    windows.put("b", "0,0,-5,700,normal");
    windows.put("c", "0,0,1e9,700,normal");
    windows.put("d", "0,0,NaN,700,normal");
    windows.put("e", "0,0,1200");
    windows.put("f", "5,6,1200,700,normal");
    assertEquals(Optional.empty(), settings.theme());
    assertEquals(Optional.empty(), settings.presentation());
    assertEquals(Optional.empty(), settings.last());
    assertEquals(List.of(Path.of("/ok/one.yaml"), Path.of("/ok/two.yaml")), settings.recent());
    for (String bad : List.of("a", "b", "c", "d", "e")) {
      assertEquals(Optional.empty(), settings.place(bad), bad);
    }
    assertEquals(Optional.of(new Settings.Place(5, 6, 1200, 700, false)), settings.place("f"));
    node.put("lecture-demo", "abc");
    assertEquals(0, settings.lectureDemo());
    node.put("lecture-demo", "-4");
    assertEquals(0, settings.lectureDemo());
    settings.lectureDemo(7);
    assertEquals(7, Settings.of(node).lectureDemo());
    node.put("last", "file:not/absolute");
    assertEquals(Optional.empty(), settings.last());
    node.put("last", "telepathy:/x");
    assertEquals(Optional.empty(), settings.last());
  }

  @Test
  void aStoreThatFailsRemembersNothingAndThrowsNothing() {
    Settings broken = Settings.of(new FailingPreferences());
    broken.theme(Theme.DARK);
    broken.presentation(true);
    broken.place("1920x1080@0,0", new Settings.Place(0, 0, 800, 600, false));
    broken.last(new Settings.Last.Demo("plateau"));
    broken.addRecent(Path.of("/x/a.yaml"));
    broken.clearRecent();
    broken.flush();
    assertEquals(Optional.empty(), broken.theme());
    assertEquals(Optional.empty(), broken.presentation());
    assertEquals(Optional.empty(), broken.place("1920x1080@0,0"));
    assertEquals(Optional.empty(), broken.last());
    assertEquals(List.of(), broken.recent());
  }

  @Test
  void theArrangementNamesTheScreensLeftToRight() {
    Rectangle2D laptop = new Rectangle2D(0, 0, 1366, 768);
    Rectangle2D projector = new Rectangle2D(1366, 0, 1920, 1080);
    assertEquals("1366x768@0,0+1920x1080@1366,0",
        WindowPlace.arrangement(List.of(projector, laptop)));
    assertEquals("1366x768@0,0", WindowPlace.arrangement(List.of(laptop)));
  }

  @Test
  void aPlaceIsRestoredOnlyWhereItsTitleBarIsOnAScreen() {
    List<Rectangle2D> laptop = List.of(new Rectangle2D(0, 0, 1366, 740));
    List<Rectangle2D> both = List.of(new Rectangle2D(0, 0, 1366, 740),
        new Rectangle2D(1366, 0, 1920, 1050));
    Settings.Place onProjector = new Settings.Place(1500, 40, 1200, 800, false);
    assertTrue(WindowPlace.onAScreen(onProjector, both));
    assertFalse(WindowPlace.onAScreen(onProjector, laptop), "the projector is gone");
    assertTrue(WindowPlace.onAScreen(new Settings.Place(100, 50, 1000, 600, false), laptop));
    assertFalse(WindowPlace.onAScreen(new Settings.Place(100, -200, 1000, 600, false),
        laptop), "title bar above the screen");
    assertFalse(WindowPlace.onAScreen(new Settings.Place(0, 0, 5000, 700, false), laptop),
        "wider than every screen together");
  }
}
