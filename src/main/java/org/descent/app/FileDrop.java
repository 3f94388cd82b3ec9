package org.descent.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * A scenario or lecture file dropped on the window opens as File → Open opens it. While a
 * file is dragged over the window, the pointer says whether it would be taken: one file
 * ending in .yaml or .yml, nothing else.
 */
final class FileDrop {

  private FileDrop() {}

  /** @param open opens a file as File → Open does (a scenario or a lecture) */
  static void install(Scene scene, Consumer<Path> open) {
    scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
      if (droppable(e.getDragboard()) != null) {
        e.acceptTransferModes(TransferMode.COPY);
        e.consume();
      }
    });
    scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
      File f = droppable(e.getDragboard());
      e.setDropCompleted(f != null);
      e.consume();
      if (f != null) {
        // after the drop has ended: the program the file came from is not kept waiting
        // while the file is read, nor while a bad file's message is shown
        javafx.application.Platform.runLater(() -> open.accept(f.toPath()));
      }
    });
  }

  /** The one scenario file a dragboard holds, or null. */
  private static File droppable(Dragboard board) {
    if (board == null || !board.hasFiles()) {
      return null;
    }
    List<File> files = board.getFiles();
    return files.size() == 1 && isScenarioName(files.get(0).getName()) ? files.get(0) : null;
  }

  /** Whether a file name is that of a scenario or lecture: .yaml or .yml, in any case. */
  static boolean isScenarioName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }
}
