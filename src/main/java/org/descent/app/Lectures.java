package org.descent.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.descent.app.model.LecturePosition;
import org.descent.scenario.BuiltInLectures;
import org.descent.scenario.Playlist;
import org.descent.scenario.PlaylistReader;
import org.descent.scenario.ScenarioException;

/**
 * A lecture walked through with a presentation clicker: File → Lecture… opens a playlist on
 * its first demo, Page Down and Page Up (what a clicker sends) go to the next and previous
 * demo. A demo opens exactly as the demo browser opens it ({@link ScenarioFiles}), and the
 * position moves only once it has opened, so a demo that cannot be read leaves the lecture
 * where it was.
 */
final class Lectures {

  /**
   * Steps inside one demo that the clicker shows before it moves on: the hook for demos that
   * reveal their parts one at a time (a later feature). Page Down first asks {@link #forward};
   * only when it has nothing left to reveal does the next demo open. Page Up likewise.
   */
  interface Reveals {
    /** Shows the demo's next step; false when it has none left. */
    boolean forward();

    /** Takes the demo's last shown step back; false when none is shown. */
    boolean back();

    /** A demo without steps of its own. */
    Reveals NONE = new Reveals() {
      @Override
      public boolean forward() {
        return false;
      }

      @Override
      public boolean back() {
        return false;
      }
    };
  }

  /** The shipped lectures' folder in the repository, where the file chooser starts. */
  static final Path SHIPPED = Path.of("scenarios", "lectures");

  private final Stage stage;
  private final ScenarioFiles files;
  private final LecturePosition position;
  private final Consumer<String> hint;
  private Reveals reveals = Reveals.NONE;
  private File lastFolder;

  /**
   * @param hint puts a short message in the status line (at either end of the lecture)
   */
  Lectures(Stage stage, ScenarioFiles files, LecturePosition position, Consumer<String> hint) {
    this.stage = stage;
    this.files = files;
    this.position = position;
    this.hint = hint;
  }

  LecturePosition position() {
    return position;
  }

  /**
   * The steps Page Down shows inside the open demo before the next one (see Reveals): set by
   * whatever gives a demo its steps when such a demo opens, and back to NONE for one without.
   */
  void setReveals(Reveals r) {
    reveals = r == null ? Reveals.NONE : r;
  }

  /**
   * File → Lecture…: the lecture file the user chose, opened by the caller; the chooser
   * starts in the shipped lectures.
   */
  java.util.Optional<Path> choose() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open a lecture");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lectures", "*.yaml",
        "*.yml"));
    if (lastFolder != null && lastFolder.isDirectory()) {
      chooser.setInitialDirectory(lastFolder);
    } else if (Files.isDirectory(SHIPPED)) {
      chooser.setInitialDirectory(SHIPPED.toAbsolutePath().toFile());
    }
    File f = chooser.showOpenDialog(stage);
    if (f != null) {
      lastFolder = f.getParentFile();
    }
    return java.util.Optional.ofNullable(f).map(File::toPath);
  }

  /** Opens a lecture file on its first demo; a bad file is reported and nothing changes. */
  boolean open(Path file) {
    return open(file, 0);
  }

  /**
   * Opens a lecture file on its demo {@code index} (where it was left at the last run), or on
   * its first if it has no longer that many.
   */
  boolean open(Path file, int index) {
    try {
      return start(PlaylistReader.read(file), index);
    } catch (ScenarioException e) {
      files.report("Cannot open the lecture", e.getMessage());
      return false;
    }
  }

  /** Opens a lecture shipped with Descent (File → Lectures) on its first demo. */
  boolean openBuiltIn(String name) {
    return openBuiltIn(name, 0);
  }

  /** Opens a shipped lecture on its demo {@code index}, or on its first (see open). */
  boolean openBuiltIn(String name, int index) {
    try {
      return start(BuiltInLectures.read(name), index);
    } catch (ScenarioException e) {
      files.report("Cannot open the lecture", e.getMessage());
      return false;
    }
  }

  private boolean start(Playlist p, int index) {
    return show(p, index >= 0 && index < p.size() ? index : 0);
  }

  /**
   * Page Down: the open demo's next step (a question's reveal: also without a lecture), or
   * the next demo; nothing else without a lecture.
   */
  void next() {
    LecturePosition.At at = position.at();
    if (reveals.forward() || at == null) {
      return;
    }
    if (at.isLast()) {
      hint.accept("The last demo of the lecture (Page Up goes back)");
      return;
    }
    show(at.playlist(), at.index() + 1);
  }

  /** Page Up: the open demo's step back, or the previous demo; nothing without a lecture. */
  void previous() {
    LecturePosition.At at = position.at();
    if (at == null || reveals.back()) {
      return;
    }
    if (at.isFirst()) {
      hint.accept("The first demo of the lecture (Page Down goes on)");
      return;
    }
    show(at.playlist(), at.index() - 1);
  }

  /** Opens demo {@code index} as the demo browser would, and moves there if it opened. */
  private boolean show(Playlist p, int index) {
    Playlist.Demo demo = p.entries().get(index).demo();
    boolean shown = demo instanceof Playlist.Demo.BuiltIn b ? files.openBuiltIn(b.file())
        : files.open(((Playlist.Demo.File) demo).path());
    if (shown) {
      position.moveTo(p, index);
    }
    return shown;
  }
}
