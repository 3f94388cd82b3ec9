package org.descent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.descent.cli.Cli;
import org.descent.scenario.PlaylistReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the launcher reads its arguments, decided without starting anything. */
class LauncherTest {

  @TempDir
  Path dir;

  private String[] route(String... args) {
    return Launcher.commandLine(args, Cli::isCommand,
        a -> Files.isRegularFile(dir.resolve(a)),
        a -> PlaylistReader.isLecture(dir.resolve(a)));
  }

  @Test
  void noArgumentsOpenTheApp() {
    assertArrayEquals(new String[0], route());
  }

  @Test
  void anExistingFileFirstOpensTheAppOnIt() throws Exception {
    Files.copy(Path.of("scenarios", "plateau.yaml"), dir.resolve("plateau.yaml"));
    assertArrayEquals(new String[] {"open", "plateau.yaml"}, route("plateau.yaml"));
    assertArrayEquals(new String[] {"open", "plateau.yaml", "--theme", "dark"},
        route("plateau.yaml", "--theme", "dark"));
  }

  @Test
  void aLectureFileOpensAsALecture() throws Exception {
    Files.copy(Path.of("scenarios", "lectures", "grosse-lecture-8.yaml"),
        dir.resolve("l.yaml"));
    assertArrayEquals(new String[] {"open", "--lecture", "l.yaml"}, route("l.yaml"));
  }

  @Test
  void aCommandWinsOverAFileOfItsName() throws Exception {
    Files.writeString(dir.resolve("trace"), "not a scenario");
    assertArrayEquals(new String[] {"trace", "x.yaml"}, route("trace", "x.yaml"));
  }

  @Test
  void aMissingFileOrAnUnknownWordStaysWithTheCommandLine() {
    assertArrayEquals(new String[] {"missing.yaml"}, route("missing.yaml"));
    assertArrayEquals(new String[] {"nonsense"}, route("nonsense"));
    assertArrayEquals(new String[] {"--help"}, route("--help"));
  }

  @Test
  void aFolderIsNotAFile() throws Exception {
    Files.createDirectory(dir.resolve("scenarios"));
    assertArrayEquals(new String[] {"scenarios"}, route("scenarios"));
  }
}
