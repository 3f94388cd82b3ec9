package org.descent.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.regex.Pattern;

/**
 * What Descent remembers between runs: the theme, presentation mode, where the window was on
 * each arrangement of screens, what was open last and the files opened recently. Kept in
 * {@link Preferences} (on Linux under ~/.java/.userPrefs/org/descent).
 *
 * <p>Nothing read here can stop the app from starting: a store that cannot be read, or a value
 * that is not what was written (a width of "abc"), is skipped, each value on its own, and the
 * app's default is used instead. Writing only changes the store's copy in memory; the store
 * writes it to disk by itself, in the background, and {@link #flush} at exit.
 */
public final class Settings {

  /** How many recent files File → Open recent lists. */
  public static final int RECENT = 10;

  /** Where the window was, in screen coordinates, and whether it was maximized. */
  public record Place(double x, double y, double width, double height, boolean maximized) {}

  /** What was open last, opened again at the next start. */
  public sealed interface Last {
    /** A built-in demo, by name ("momentum-ravine"). */
    record Demo(String name) implements Last {}

    /** A scenario file. */
    record File(Path path) implements Last {}

    /** A lecture file. */
    record Lecture(Path path) implements Last {}

    /** A lecture shipped with Descent, by file name ("grosse-lecture-8.yaml"). */
    record ShippedLecture(String name) implements Last {}
  }

  // The most a window may measure or lie away from the origin: more is not a window of a
  // real screen but a damaged value (1e9).
  private static final double MIN_SIZE = 200;
  private static final double MAX_SIZE = 50_000;
  private static final double MAX_OFFSET = 100_000;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private static final String NODE = "org/descent";

  private final Preferences node;

  private Settings(Preferences node) {
    this.node = node;
  }

  /**
   * Reads the user's store ahead, off the JavaFX thread, while JavaFX starts: the first read
   * parses its file (0.2 to 0.5 s on a busy machine), and the store then keeps it in memory
   * for {@link #user}.
   */
  static void preload() {
    try {
      Preferences.userRoot().node(NODE).get("theme", null);
    } catch (RuntimeException | InternalError e) {
      // user() says so when the window opens
    }
  }

  /**
   * The user's settings; for this run only (in memory) when the user's store cannot be
   * opened at all.
   */
  public static Settings user() {
    try {
      return new Settings(Preferences.userRoot().node(NODE));
    } catch (RuntimeException | InternalError e) {
      // InternalError: a preferences factory named by a system property that cannot be made
      System.err.println("Descent: settings are not remembered in this run ("
          + e.getMessage() + ")");
      return inMemory();
    }
  }

  /** Settings kept in memory only: what a window made by a test remembers. */
  public static Settings inMemory() {
    return new Settings(new MemoryPreferences());
  }

  /** Settings kept in a node of one's choice (tests pass a store that fails). */
  static Settings of(Preferences node) {
    return new Settings(node);
  }

  // ---- theme and presentation

  public Optional<Theme> theme() {
    String s = get("theme");
    for (Theme t : Theme.values()) {
      if (t.name().equals(s)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public void theme(Theme t) {
    put("theme", t.name());
  }

  public Optional<Boolean> presentation() {
    String s = get("presentation");
    return "true".equals(s) ? Optional.of(true)
        : "false".equals(s) ? Optional.of(false) : Optional.empty();
  }

  public void presentation(boolean on) {
    put("presentation", Boolean.toString(on));
  }

  // ---- the window's place, per arrangement of screens

  /** Where the window was on this arrangement of screens (see {@link WindowPlace}). */
  public Optional<Place> place(String arrangement) {
    String s = get(windows(), placeKey(arrangement));
    if (s == null) {
      return Optional.empty();
    }
    String[] parts = s.split(",", -1);
    if (parts.length != 5) {
      return Optional.empty();
    }
    try {
      double x = Double.parseDouble(parts[0]);
      double y = Double.parseDouble(parts[1]);
      double w = Double.parseDouble(parts[2]);
      double h = Double.parseDouble(parts[3]);
      if (!(Math.abs(x) <= MAX_OFFSET && Math.abs(y) <= MAX_OFFSET && w >= MIN_SIZE
          && w <= MAX_SIZE && h >= MIN_SIZE && h <= MAX_SIZE)) {
        return Optional.empty(); // NaN fails every comparison too
      }
      return Optional.of(new Place(x, y, w, h, "maximized".equals(parts[4])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public void place(String arrangement, Place p) {
    put(windows(), placeKey(arrangement), String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%s",
        p.x(), p.y(), p.width(), p.height(), p.maximized() ? "maximized" : "normal"));
  }

  /** A key for an arrangement: itself, or a digest when longer than a key may be. */
  private static String placeKey(String arrangement) {
    return arrangement.length() <= Preferences.MAX_KEY_LENGTH ? arrangement
        : "screens-" + Integer.toHexString(arrangement.hashCode());
  }

  private Preferences windows() {
    try {
      return node.node("windows");
    } catch (RuntimeException e) {
      return null;
    }
  }

  // ---- what was open last

  public Optional<Last> last() {
    String s = get("last");
    if (s == null || s.indexOf(':') < 0) {
      return Optional.empty();
    }
    String kind = s.substring(0, s.indexOf(':'));
    String value = s.substring(s.indexOf(':') + 1);
    return switch (kind) {
      case "demo" -> NAME.matcher(value).matches() ? Optional.of(new Last.Demo(value))
          : Optional.empty();
      case "shipped-lecture" -> value.endsWith(".yaml")
          && NAME.matcher(value.substring(0, value.length() - 5)).matches()
          ? Optional.of(new Last.ShippedLecture(value)) : Optional.empty();
      case "file" -> path(value).map(Last.File::new);
      case "lecture" -> path(value).map(Last.Lecture::new);
      default -> Optional.empty();
    };
  }

  public void last(Last l) {
    String value;
    if (l instanceof Last.Demo d) {
      value = "demo:" + d.name();
    } else if (l instanceof Last.File f) {
      value = "file:" + f.path().toAbsolutePath();
    } else if (l instanceof Last.Lecture f) {
      value = "lecture:" + f.path().toAbsolutePath();
    } else {
      value = "shipped-lecture:" + ((Last.ShippedLecture) l).name();
    }
    put("last", value);
  }

  /** The demo of the last lecture that was shown, 0-based (0 when not known). */
  public int lectureDemo() {
    try {
      int i = Integer.parseInt(String.valueOf(get("lecture-demo")));
      return Math.max(0, i);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public void lectureDemo(int index) {
    put("lecture-demo", Integer.toString(index));
  }

  // ---- recent files

  /**
   * The files opened recently, newest first, at most {@link #RECENT}; files since deleted
   * are listed too (File → Open recent shows them disabled).
   */
  public List<Path> recent() {
    List<Path> all = new ArrayList<>();
    for (int i = 1; i <= RECENT; i++) {
      path(get("recent." + i)).filter(p -> !all.contains(p)).ifPresent(all::add);
    }
    return all;
  }

  /** A file just opened: first in the list, and nowhere else in it. */
  public void addRecent(Path file) {
    Path p = file.toAbsolutePath().normalize();
    List<Path> all = new ArrayList<>(recent());
    all.remove(p);
    all.add(0, p);
    writeRecent(all.subList(0, Math.min(RECENT, all.size())));
  }

  public void clearRecent() {
    writeRecent(List.of());
  }

  private void writeRecent(List<Path> files) {
    for (int i = 1; i <= RECENT; i++) {
      if (i <= files.size()) {
        put("recent." + i, files.get(i - 1).toString());
      } else {
        remove("recent." + i);
      }
    }
  }

  /** An absolute path, or nothing for a value that is not one. */
  private static Optional<Path> path(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(s);
      return p.isAbsolute() ? Optional.of(p.normalize()) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  // ---- the store; every failure of it is a value not remembered

  /**
   * Writes what changed to the store now (while the app runs, the store writes in the
   * background by itself). A store that cannot be written is left as it was.
   */
  public void flush() {
    try {
      node.flush();
    } catch (BackingStoreException | RuntimeException e) {
      System.err.println("Descent: the settings could not be saved (" + e.getMessage() + ")");
    }
  }

  private String get(String key) {
    return get(node, key);
  }

  private static String get(Preferences in, String key) {
    try {
      return in == null ? null : in.get(key, null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void put(String key, String value) {
    put(node, key, value);
  }

  private static void put(Preferences in, String key, String value) {
    try {
      if (in != null) {
        in.put(key, value);
      }
    } catch (RuntimeException e) {
      // too long, a character the store refuses, a removed node: not remembered
    }
  }

  private void remove(String key) {
    try {
      node.remove(key);
    } catch (RuntimeException e) {
      // not remembered
    }
  }
}
