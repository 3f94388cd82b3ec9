package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lecture playlists: a good file gives its parts and demos in order; a mistake is reported
 * with the file, the line and the field, and every shipped lecture names only demos that
 * exist and open.
 */
class PlaylistReaderTest {

  private static final Path LECTURES =
      Path.of(System.getProperty("basedir", ".")).resolve("scenarios").resolve("lectures");

  private static Playlist read(String yaml) throws ScenarioException {
    return PlaylistReader.read(yaml, "l.yaml", null);
  }

  private static String error(String yaml) {
    return assertThrows(ScenarioException.class, () -> read(yaml)).getMessage();
  }

  @Test
  void aGoodFileGivesItsPartsAndDemosInOrder() throws ScenarioException {
    Playlist p = read("""
        title: "Lecture 8: optimization"
        parts:
          - title: Ill-conditioning
            demos: [momentum-ravine, lr-instability]
          - title: Noise
            demos:
              - noise-lr-decay
        """);
    assertEquals("Lecture 8: optimization", p.title());
    assertEquals(List.of("Ill-conditioning", "Noise"),
        p.parts().stream().map(Playlist.Part::title).toList());
    assertEquals(3, p.size());
    assertEquals(List.of("momentum-ravine", "lr-instability", "noise-lr-decay"),
        p.entries().stream().map(e -> e.demo().name()).toList());
    assertInstanceOf(Playlist.Demo.BuiltIn.class, p.entries().get(0).demo());
    assertEquals("Ill-conditioning · 2 / 3", p.position(1));
    assertEquals("Noise · 3 / 3", p.position(2));
  }

  @Test
  void anUnknownKeyIsRefusedWithItsLine() {
    assertEquals("l.yaml:4: parts[0].demo: unknown key 'demo'; a part has title and demos",
        error("""
            title: L
            parts:
              - title: A
                demo: [momentum-ravine]
            """));
    assertEquals("l.yaml:2: name: unknown key 'name'; expected one of title, parts",
        error("title: L\nname: x\nparts: []\n"));
  }

  @Test
  void anUnknownDemoIsNamedWithTheClosestBuiltInOne() {
    assertEquals("l.yaml:6: parts[0].demos[1]: no built-in demo 'momentum-ravin'; did you "
        + "mean 'momentum-ravine'?", error("""
            title: L
            parts:
              - title: A
                demos:
                  - lr-instability
                  - momentum-ravin
            """));
    String far = error("title: L\nparts:\n  - title: A\n    demos: [qwertyuiop]\n");
    assertTrue(far.startsWith("l.yaml:4: parts[0].demos[0]: no built-in demo 'qwertyuiop'; a "
        + "built-in demo is named by its file name"), far);
  }

  @Test
  void emptyPartsAndEmptyDemoListsAreRefused() {
    assertEquals("l.yaml:2: parts: the list is empty; a lecture needs at least one part",
        error("title: L\nparts: []\n"));
    assertEquals("l.yaml:4: parts[0].demos: the list is empty; a part shows at least one demo",
        error("title: L\nparts:\n  - title: A\n    demos: []\n"));
    assertEquals("l.yaml:3: parts[0]: missing 'title'",
        error("title: L\nparts:\n  - demos: [plateau]\n"));
    assertEquals("l.yaml:1: missing 'parts'", error("title: L\n"));
    assertEquals("l.yaml: the file is empty; a lecture needs a 'title' and 'parts'", error(""));
  }

  @Test
  void demosNamedByPathAreFoundBesideTheLecture(@TempDir Path dir) throws Exception {
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.copy(Path.of("scenarios", "plateau.yaml"), mine.resolve("flat.yaml"));
    Path lecture = dir.resolve("l.yaml");
    Files.writeString(lecture, "title: L\nparts:\n  - title: A\n    demos: [mine/flat.yaml, "
        + "plateau]\n");
    Playlist p = PlaylistReader.read(lecture);
    Playlist.Demo first = p.entries().get(0).demo();
    assertEquals(mine.resolve("flat.yaml").toAbsolutePath(),
        ((Playlist.Demo.File) first).path());
    assertFalse(first.read().optimizers().isEmpty());

    Files.writeString(lecture, "title: L\nparts:\n  - title: A\n    demos: [gone.yaml]\n");
    String missing = assertThrows(ScenarioException.class, () -> PlaylistReader.read(lecture))
        .getMessage();
    assertEquals(lecture + ":4: parts[0].demos[0]: no scenario file " + dir.toAbsolutePath()
        .resolve("gone.yaml"), missing);
    // A built-in demo written as a file name: the message says how to name it.
    Files.writeString(lecture, "title: L\nparts:\n  - title: A\n    demos: [plateau.yaml]\n");
    String builtIn = assertThrows(ScenarioException.class, () -> PlaylistReader.read(lecture))
        .getMessage();
    assertTrue(builtIn.endsWith("; for the built-in demo, write its id: plateau"), builtIn);
  }

  @Test
  void aLectureShippedInTheJarNamesItsDemosById() {
    assertEquals("l.yaml:4: parts[0].demos[0]: a lecture shipped with Descent names its demos "
        + "by id, not by path: 'mine/flat.yaml'",
        error("title: L\nparts:\n  - title: A\n    demos: [mine/flat.yaml]\n"));
  }

  @Test
  void theShippedLecturesAreTheOnesOnTheClassPath() throws IOException {
    assertEquals(lectureFiles(), BuiltInLectures.names());
    assertTrue(lectureFiles().size() >= 3, "scenarios/lectures holds " + lectureFiles());
    assertEquals(lectureFiles().size(), BuiltInLectures.all().size());
  }

  private static List<String> lectureFiles() throws IOException {
    try (Stream<Path> s = Files.list(LECTURES)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
          .toList();
    }
  }

  /** Every demo of every shipped lecture resolves, and its scenario reads. */
  @TestFactory
  Stream<DynamicTest> everyShippedLectureOpensEveryDemo() throws IOException {
    return lectureFiles().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
      Playlist p = PlaylistReader.read(LECTURES.resolve(name));
      Playlist shipped = BuiltInLectures.read(name);
      assertEquals(p.title(), shipped.title());
      assertEquals(p.parts(), shipped.parts());
      for (Playlist.Entry e : p.entries()) {
        assertInstanceOf(Playlist.Demo.BuiltIn.class, e.demo(), name + " names its demos by id");
        Scenario s = e.demo().read();
        assertFalse(s.optimizers().isEmpty(), e.demo().name());
      }
    }));
  }
}
