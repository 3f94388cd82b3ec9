package org.descent;

import org.descent.cli.Cli;

/**
 * The jar's entry point. Without arguments it opens the desktop app; with a command it runs
 * headless and never needs a display. It does not extend javafx Application, so a fat jar with
 * JavaFX on the class path starts.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      openApp(args);
      return;
    }
    if (args[0].equals("open")) {
      Natives.prepare(); // open starts JavaFX too, so the release jar's natives must be ready
    }
    System.exit(Cli.runOnConsole(args));
  }

  private static void openApp(String[] args) {
    Natives.prepare();
    org.descent.app.DescentApp.main(args);
  }
}
