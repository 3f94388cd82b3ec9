package org.descent.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * File → Open recent: the files opened last, newest first; one since deleted or moved is
 * listed disabled, so the list does not change under the lecturer's hand, and "Clear" empties
 * it. The list itself lives in {@link Settings}.
 */
final class RecentMenu {

  private final Settings settings;
  private final Consumer<Path> open;
  private final Menu menu = new Menu("Open recent");

  /** @param open opens a file as File → Open does (a scenario or a lecture) */
  RecentMenu(Settings settings, Consumer<Path> open) {
    this.settings = settings;
    this.open = open;
    menu.setId("recent-menu");
    // A file may have gone since the list was made: whether it is there is looked up when
    // the menu opens.
    menu.setOnShowing(e -> refresh());
    refresh();
  }

  Menu menu() {
    return menu;
  }

  /** Lists the recent files as they are now. */
  void refresh() {
    List<Path> files = settings.recent();
    menu.getItems().clear();
    int n = 0;
    for (Path p : files) {
      n++;
      MenuItem item = new MenuItem(label(p));
      item.setMnemonicParsing(false);
      item.setId("recent-" + n);
      item.setDisable(!Files.isRegularFile(p));
      item.setOnAction(e -> open.accept(p));
      menu.getItems().add(item);
    }
    MenuItem clear = new MenuItem("Clear");
    clear.setId("recent-clear");
    clear.setDisable(files.isEmpty());
    clear.setOnAction(e -> {
      settings.clearRecent();
      refresh();
    });
    if (!files.isEmpty()) {
      menu.getItems().add(new SeparatorMenuItem());
    }
    menu.getItems().add(clear);
  }

  /** "momentum-ravine.yaml — /home/ana/lectures": the name first, where it is after it. */
  static String label(Path p) {
    Path name = p.getFileName();
    Path folder = p.getParent();
    return (name == null ? p.toString() : name.toString())
        + (folder == null ? "" : "  —  " + folder);
  }
}
