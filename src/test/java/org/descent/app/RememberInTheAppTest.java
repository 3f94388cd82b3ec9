package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.util.Pair;
import org.descent.app.model.LabModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window remembers what the user changes and opens (in a store held in memory, never the
 * user's), lists the recent files under File → Open recent, and opens a file dropped on it.
 */
class RememberInTheAppTest extends AppTest {

  @TempDir
  Path dir;

  private Settings settings;

  @Override
  public void start(Stage stage) throws Exception {
    System.setProperty("descent.noDialogs", "true");
    this.stage = stage;
    settings = Settings.inMemory();
    model = new LabModel(new InlineBackground());
    appearance = new Appearance();
    window = new MainWindow(stage, model, appearance,
        new org.descent.app.model.AppThreads(new InlineBackground(), new InlineBackground()),
        settings);
    model.load(scenario());
    stage.setWidth(1400);
    stage.setHeight(900);
    stage.show();
  }

  private Path copy(String file) throws Exception {
    return Files.copy(Path.of("scenarios", file), dir.resolve(file));
  }

  private static String title(String file) {
    return demo(file).title();
  }

  @Test
  void themeAndPresentationChangedInTheAppAreRemembered() {
    assertEquals(Optional.empty(), settings.theme());
    fxRun(() -> appearance.themeProperty().set(Theme.DARK));
    fxRun(() -> appearance.presentationProperty().set(true));
    assertEquals(Optional.of(Theme.DARK), settings.theme());
    assertEquals(Optional.of(true), settings.presentation());
  }

  @Test
  void openingAFileMakesItTheLastAndTheNewestRecent() throws Exception {
    Path a = copy("plateau.yaml");
    Path b = copy("beale.yaml");
    assertTrue(fx(() -> window.open(a)));
    assertTrue(fx(() -> window.open(b)));
    assertTrue(fx(() -> window.open(a)));
    assertEquals(List.of(a, b), settings.recent());
    assertEquals(Optional.of(new Settings.Last.File(a)), settings.last());
    fxRun(() -> window.openDemo("momentum-ravine.yaml"));
    assertEquals(Optional.of(new Settings.Last.Demo("momentum-ravine")), settings.last());
    assertEquals(List.of(a, b), settings.recent(), "a built-in demo is not a recent file");
  }

  @Test
  void aFileThatCannotBeOpenedIsNotRemembered() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "title: [unclosed");
    assertFalse(fx(() -> window.open(bad)));
    assertEquals(List.of(), settings.recent());
    assertEquals(Optional.empty(), settings.last());
  }

  @Test
  void openRecentListsTheFilesNewestFirstAndOpensThem() throws Exception {
    Path a = copy("plateau.yaml");
    Path b = copy("beale.yaml");
    Path gone = copy("himmelblau-basins.yaml");
    for (Path p : List.of(gone, a, b)) {
      assertTrue(fx(() -> window.open(p)));
    }
    Files.delete(gone);
    MenuBar bar = lookup("#menu-bar").query();
    Menu file = fx(() -> bar.getMenus().get(0));
    assertEquals("Open recent", fx(() -> file.getItems().get(1).getText()),
        "right after Open scenario…");
    Menu recent = fx(() -> window.recentMenu());
    fxRun(() -> recent.getOnShowing().handle(new Event(Menu.ON_SHOWING)));
    List<MenuItem> items = fx(() -> List.copyOf(recent.getItems()));
    assertEquals(RecentMenu.label(b), items.get(0).getText());
    assertEquals(RecentMenu.label(a), items.get(1).getText());
    assertEquals(RecentMenu.label(gone), items.get(2).getText());
    assertFalse(items.get(0).isDisable());
    assertTrue(items.get(2).isDisable(), "a file since deleted is shown disabled");
    assertTrue(items.get(3) instanceof SeparatorMenuItem);
    assertEquals("Clear", items.get(4).getText());

    fxRun(() -> items.get(1).fire()); // plateau, the second newest
    assertEquals(title("plateau.yaml"), fx(() -> model.titleProperty().get()));
    assertEquals(a, settings.recent().get(0), "opened again: the newest");
    assertEquals(RecentMenu.label(a), fx(() -> recent.getItems().get(0).getText()));

    fxRun(() -> recent.getItems().get(recent.getItems().size() - 1).fire()); // Clear
    assertEquals(List.of(), settings.recent());
    assertEquals(List.of("Clear"), fx(() -> recent.getItems().stream().map(MenuItem::getText)
        .toList()));
    assertTrue(fx(() -> recent.getItems().get(0).isDisable()));
  }

  @Test
  void aRecentLectureFileOpensAsALecture() throws Exception {
    Path lecture = Files.copy(Path.of("scenarios", "lectures", "grosse-lecture-8.yaml"),
        dir.resolve("lecture.yaml"));
    assertTrue(fx(() -> window.openFile(lecture)));
    assertNotNull(fx(() -> window.lecture().at()));
    assertEquals(Optional.of(new Settings.Last.Lecture(lecture)), settings.last());
    assertEquals(List.of(lecture), settings.recent());
  }

  // ---- dropping files

  /**
   * A dragboard holding files, as another program's drag would bring: JavaFX makes one only
   * for a real drag, so this one is made over a clipboard of the test's own, through the
   * toolkit's DragboardHelper (the class path's JavaFX is not a module, so it is reachable).
   */
  private static Dragboard board(List<File> files) {
    Map<DataFormat, Object> content = new HashMap<>();
    content.put(DataFormat.FILES, files);
    TKClipboard clipboard = new TKClipboard() {
      @Override
      public void setSecurityContext(java.security.AccessControlContext c) {}

      @Override
      public Set<DataFormat> getContentTypes() {
        return content.keySet();
      }

      @Override
      @SafeVarargs
      public final boolean putContent(Pair<DataFormat, Object>... pairs) {
        for (Pair<DataFormat, Object> p : pairs) {
          content.put(p.getKey(), p.getValue());
        }
        return true;
      }

      @Override
      public Object getContent(DataFormat f) {
        return content.get(f);
      }

      @Override
      public boolean hasContent(DataFormat f) {
        return content.containsKey(f);
      }

      @Override
      public Set<TransferMode> getTransferModes() {
        return EnumSet.allOf(TransferMode.class);
      }

      @Override
      public void setDragView(javafx.scene.image.Image image) {}

      @Override
      public void setDragViewOffsetX(double x) {}

      @Override
      public void setDragViewOffsetY(double y) {}

      @Override
      public javafx.scene.image.Image getDragView() {
        return null;
      }

      @Override
      public double getDragViewOffsetX() {
        return 0;
      }

      @Override
      public double getDragViewOffsetY() {
        return 0;
      }
    };
    return DragboardHelper.createDragboard(clipboard);
  }

  /** Fires a drag event of another program's drag at the middle of the contour map. */
  private DragEvent drag(javafx.event.EventType<DragEvent> type, List<File> files) {
    DragEvent e = fx(() -> new DragEvent(type, board(files), 300, 300, 300, 300,
        TransferMode.COPY, null, null, null)); // a dragboard is made on the JavaFX thread
    fxRun(() -> Event.fireEvent(window.contour(), e));
    return e;
  }

  @Test
  void dragOverAcceptsOneScenarioFileOnly() throws Exception {
    File yaml = copy("plateau.yaml").toFile();
    File yml = Files.writeString(dir.resolve("x.YML"), "").toFile();
    File text = Files.writeString(dir.resolve("notes.txt"), "").toFile();
    DragEvent one = drag(DragEvent.DRAG_OVER, List.of(yaml));
    assertTrue(one.isAccepted());
    assertEquals(TransferMode.COPY, one.getAcceptedTransferMode());
    assertTrue(drag(DragEvent.DRAG_OVER, List.of(yml)).isAccepted());
    assertFalse(drag(DragEvent.DRAG_OVER, List.of(text)).isAccepted());
    assertFalse(drag(DragEvent.DRAG_OVER, List.of(yaml, yml)).isAccepted(), "two files");
  }

  @Test
  void aDroppedScenarioFileOpensAndIsRemembered() throws Exception {
    Path a = copy("beale.yaml");
    DragEvent drop = drag(DragEvent.DRAG_DROPPED, List.of(a.toFile()));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(drop.isDropCompleted());
    assertEquals(title("beale.yaml"), fx(() -> model.titleProperty().get()));
    assertEquals(List.of(a), settings.recent());
  }

  @Test
  void aDroppedLectureOpensOnItsFirstDemo() throws Exception {
    Path lecture = Files.copy(Path.of("scenarios", "lectures", "grosse-lecture-8.yaml"),
        dir.resolve("grosse.yaml"));
    drag(DragEvent.DRAG_DROPPED, List.of(lecture.toFile()));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(0, fx(() -> window.lecture().at().index()));
  }

  @Test
  void aBadDroppedFileSaysWhatFileOpenSays() throws Exception {
    Path dropped = Files.writeString(dir.resolve("dropped.yaml"), "title: x\nsteps: many\n");
    Path opened = Files.writeString(dir.resolve("opened.yaml"), "title: x\nsteps: many\n");
    String before = fx(() -> model.titleProperty().get());
    drag(DragEvent.DRAG_DROPPED, List.of(dropped.toFile()));
    WaitForAsyncUtils.waitForFxEvents();
    String viaDrop = fx(window::statusText);
    assertEquals(before, fx(() -> model.titleProperty().get()), "the demo shown stays");
    assertFalse(fx(() -> window.open(opened)));
    String viaOpen = fx(window::statusText);
    assertTrue(viaOpen.contains("opened.yaml"), viaOpen);
    assertEquals(viaOpen.replace("opened.yaml", "dropped.yaml"), viaDrop);
    assertEquals(List.of(), settings.recent());
  }
}
