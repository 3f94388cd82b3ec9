package org.descent;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.descent.cli.Cli;
import org.descent.scenario.PlaylistReader;

/**
 * The jar's entry point. Without arguments it opens the desktop app; with a command it runs
 * headless and never needs a display; with a file first ({@code descent FILE}, what a desktop
 * entry runs for a file opened with Descent) it opens the app on it, as {@code open FILE}
 * does. It does not extend javafx Application, so a fat jar with JavaFX on the class path
 * starts.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    String[] command = commandLine(args, Cli::isCommand, Launcher::isFile,
        f -> PlaylistReader.isLecture(Path.of(f)));
    if (command.length == 0) {
      openApp(command);
      return;
    }
    if (command[0].equals("open")) {
      Natives.prepare(); // open starts JavaFX too, so the release jar's natives must be ready
    }
    System.exit(Cli.runOnConsole(command));
  }

  /**
   * The command line to run for these arguments: none (the app on its own) for none; {@code
   * open FILE ...} for an existing file given first that is not a command's name, or {@code
   * open --lecture FILE ...} for a lecture file; otherwise the arguments as they are, so a
   * mistyped command or a missing file is refused by the command line as before.
   */
  static String[] commandLine(String[] args, Predicate<String> isCommand,
      Predicate<String> isFile, Predicate<String> isLecture) {
    if (args.length == 0) {
      return args;
    }
    String first = args[0];
    if (first.startsWith("-") || isCommand.test(first) || !isFile.test(first)) {
      return args;
    }
    List<String> open = new ArrayList<>(List.of("open"));
    if (isLecture.test(first)) {
      open.add("--lecture");
    }
    open.add(first);
    open.addAll(Arrays.asList(args).subList(1, args.length));
    return open.toArray(String[]::new);
  }

  private static boolean isFile(String arg) {
    try {
      return Files.isRegularFile(Path.of(arg));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static void openApp(String[] args) {
    Natives.prepare();
    org.descent.app.DescentApp.main(args);
  }
}
