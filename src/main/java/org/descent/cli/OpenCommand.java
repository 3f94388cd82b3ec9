package org.descent.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.descent.scenario.Playlist;
import org.descent.scenario.PlaylistReader;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code descent open [FILE | --lecture LECTURE] [--theme dark] [--presentation] [--presenter]}:
 * the desktop app on a scenario, or on a lecture's first demo, ready for a lecture. The only
 * command that needs a display.
 */
@Command(name = "open", mixinStandardHelpOptions = true,
    description = {"Opens the desktop app on a scenario (default: the built-in race), e.g. "
        + "for a lecture: descent open scenarios/momentum-ravine.yaml --presentation --theme "
        + "high-contrast", "or on a lecture's first demo (Page Down: the next one): descent "
        + "open --lecture scenarios/lectures/grosse-lecture-8.yaml",
        "This command needs a display; the others never do."})
final class OpenCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "a scenario (YAML)")
  Path scenario;

  @Option(names = "--lecture", paramLabel = "LECTURE",
      description = "a lecture (YAML): its demos in order, Page Down and Page Up walk through "
          + "them (see docs/lectures.md)")
  Path lecture;

  @Option(names = "--theme", paramLabel = "THEME",
      description = "light, dark or high-contrast (default: light)")
  String theme;

  @Option(names = "--presentation", description = "large fonts and thick lines")
  boolean presentation;

  @Option(names = "--presenter", description = "the presenter view: the landscape alone, "
      + "full screen, on the second screen (the projector); the notes, the controls and a clock "
      + "on this one; with one screen a preview window")
  boolean presenter;

  @Option(names = "--play", description = "start playing at once (default: paused at step 0)")
  boolean play;

  @Option(names = "--paused", hidden = true,
      description = "paused at step 0 (the default; kept for older lecture notes)")
  boolean paused;

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    List<String> fx = new ArrayList<>();
    if (scenario != null && lecture != null) {
      throw new InvalidInputException("give a scenario or --lecture, not both: a lecture "
          + "opens on its own first demo");
    }
    if (lecture != null) {
      // Every demo is read here, so that a broken one is reported before any window opens,
      // not in front of the students when Page Down reaches it.
      for (Playlist.Entry e : PlaylistReader.read(lecture).entries()) {
        e.demo().read();
      }
      fx.add("--lecture=" + lecture.toAbsolutePath());
    }
    if (scenario != null) {
      ScenarioReader.read(scenario); // report a bad file here, clearly, before any window opens
      fx.add("--scenario=" + scenario.toAbsolutePath());
    }
    if (theme != null) {
      String t = theme.toLowerCase(Locale.ROOT);
      if (!List.of("light", "dark", "high-contrast").contains(t)) {
        throw new InvalidInputException("unknown theme '" + theme
            + "'; expected light, dark or high-contrast");
      }
      fx.add("--theme=" + t);
    }
    if (presentation) {
      fx.add("--presentation=true");
    }
    if (presenter) {
      fx.add("--presenter=true");
    }
    if (play && !paused) {
      fx.add("--play=true");
    }
    try {
      org.descent.app.DescentApp.main(fx.toArray(String[]::new));
    } catch (UnsupportedOperationException e) {
      // JavaFX says so when there is no display ("Unable to open DISPLAY").
      throw new InvalidInputException("cannot open a window: " + e.getMessage()
          + "; open needs a display, the other commands do not");
    }
    return Cli.OK;
  }
}
