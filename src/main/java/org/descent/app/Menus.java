package org.descent.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.descent.app.model.LandscapeOptions;
import org.descent.app.model.LabModel;

/**
 * The menu bar. Each item with a shortcut registers it in {@link Shortcuts}, so the key works
 * whatever has the focus and the menu shows the same key.
 */
final class Menus {

  /** What the window does for the menus. */
  record Commands(Runnable openScenario, Runnable saveScenario, Runnable showDemos,
      Runnable export, Runnable undo, Runnable redo, BooleanSupplier canUndo,
      BooleanSupplier canRedo, Runnable resetDemo, Consumer<Workspace.Layout> showLayout,
      Consumer<Boolean> setPanelShown, Consumer<Boolean> setChartsShown,
      Runnable toggleFullScreen, Runnable toggleHelp, Runnable openLecture,
      Consumer<String> openBuiltInLecture) {}

  private final LabModel model;
  private final Appearance appearance;
  private final LandscapeOptions options;
  private final Commands commands;
  private final Shortcuts shortcuts;
  private final CheckMenuItem panel = new CheckMenuItem("Optimizer panel");
  private final CheckMenuItem charts = new CheckMenuItem("Charts");
  private final CheckMenuItem notes = new CheckMenuItem("Lecturer's notes");
  private final CheckMenuItem student =
      new CheckMenuItem("Student view: hide what the demo hides");
  private final Map<Workspace.Layout, RadioMenuItem> layouts =
      new EnumMap<>(Workspace.Layout.class);
  private org.descent.network.NetworkSetup lastNetwork;
  private final Menu shippedLectures = new Menu("Lectures");
  private Menu viewMenu;
  private Menu fileMenu;
  private final MenuBar bar;

  Menus(LabModel model, Appearance appearance, LandscapeOptions options, Commands commands,
      Shortcuts shortcuts) {
    this.model = model;
    this.appearance = appearance;
    this.options = options;
    this.commands = commands;
    this.shortcuts = shortcuts;
    bar = new MenuBar(file(), edit(), view(), help());
    bar.setId("menu-bar");
  }

  MenuBar bar() {
    return bar;
  }

  CheckMenuItem notesItem() {
    return notes;
  }

  CheckMenuItem studentItem() {
    return student;
  }

  /** Ticks a layout's item (the layout itself is shown by the window). */
  void selectLayout(Workspace.Layout l) {
    RadioMenuItem item = layouts.get(l);
    if (item != null) {
      item.setSelected(true);
    }
  }

  void togglePanel() {
    panel.setSelected(!panel.isSelected());
  }

  void toggleCharts() {
    charts.setSelected(!charts.isSelected());
  }

  private MenuItem item(String text, KeyCombination keys, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setOnAction(e -> action.run());
    if (keys != null) {
      item.setAccelerator(shortcuts.add(keys, action));
    }
    return item;
  }

  /** A check item with a key that flips it, whatever has the focus (see Shortcuts). */
  private CheckMenuItem checkKey(CheckMenuItem item, KeyCode key) {
    item.setAccelerator(shortcuts.add(new KeyCodeCombination(key),
        () -> item.setSelected(!item.isSelected())));
    return item;
  }

  private static KeyCombination shortcut(KeyCode code, KeyCombination.Modifier... more) {
    KeyCombination.Modifier[] all = new KeyCombination.Modifier[more.length + 1];
    all[0] = KeyCombination.SHORTCUT_DOWN;
    System.arraycopy(more, 0, all, 1, more.length);
    return new KeyCodeCombination(code, all);
  }

  private Menu file() {
    MenuItem examples = item("Lecture demos…", shortcut(KeyCode.L), commands.showDemos());
    examples.setId("examples-menu");
    MenuItem lecture = item("Lecture…", shortcut(KeyCode.L, KeyCombination.SHIFT_DOWN),
        commands.openLecture());
    lecture.setId("lecture-menu");
    shippedLectures.setId("lectures-menu");
    shippedLectures.setDisable(true); // until the shipped lectures have been read
    Menu file = new Menu("File");
    file.getItems().addAll(
        item("Open scenario…", shortcut(KeyCode.O), commands.openScenario()),
        item("Save scenario as…", shortcut(KeyCode.S), commands.saveScenario()),
        examples, lecture, shippedLectures, new SeparatorMenuItem(),
        item("Export…", shortcut(KeyCode.E), commands.export()), new SeparatorMenuItem(),
        item("Quit", shortcut(KeyCode.Q), Platform::exit));
    fileMenu = file;
    return file;
  }

  /** File → Lectures: the lectures shipped with Descent, by title. */
  void setLectures(java.util.List<org.descent.scenario.BuiltInLectures.Listed> lectures) {
    shippedLectures.getItems().clear();
    for (var l : lectures) {
      MenuItem item = new MenuItem(l.title());
      item.setMnemonicParsing(false);
      item.setId("lecture-" + l.file().replace(".yaml", ""));
      item.setOnAction(e -> commands.openBuiltInLecture().accept(l.file()));
      shippedLectures.getItems().add(item);
    }
    shippedLectures.setDisable(lectures.isEmpty());
  }

  private Menu edit() {
    MenuItem undo = item("Undo", shortcut(KeyCode.Z), commands.undo());
    MenuItem redo = item("Redo", shortcut(KeyCode.Z, KeyCombination.SHIFT_DOWN),
        commands.redo());
    MenuItem redoY = item("Redo", shortcut(KeyCode.Y), commands.redo());
    redoY.setVisible(false); // a second shortcut for Redo, as on Windows
    Menu edit = new Menu("Edit");
    edit.setOnShowing(e -> {
      undo.setDisable(!commands.canUndo().getAsBoolean());
      redo.setDisable(!commands.canRedo().getAsBoolean());
    });
    edit.getItems().addAll(undo, redo, redoY, new SeparatorMenuItem(),
        item("Reset demo", shortcut(KeyCode.R), commands.resetDemo()));
    return edit;
  }

  private Menu view() {
    Menu view = new Menu("View");
    ToggleGroup group = new ToggleGroup();
    for (Workspace.Layout l : Workspace.Layout.values()) {
      RadioMenuItem item = new RadioMenuItem(l.title);
      item.setToggleGroup(group);
      item.setSelected(l == Workspace.Layout.BOTH);
      item.setOnAction(e -> commands.showLayout().accept(l));
      layouts.put(l, item);
      view.getItems().add(item);
    }
    panel.setSelected(true);
    panel.selectedProperty().addListener((o, was, now) -> commands.setPanelShown().accept(now));
    charts.setSelected(true);
    charts.selectedProperty().addListener((o, was, now) -> commands.setChartsShown().accept(now));
    view.getItems().addAll(new SeparatorMenuItem(), checkKey(panel, KeyCode.F9),
        checkKey(charts, KeyCode.F8));
    view.getItems().addAll(new SeparatorMenuItem(),
        check("Gradient field", options.gradientFieldProperty()),
        check("Gradient arrow at the cursor", options.gradientArrowProperty()),
        check("Curvature axes at the cursor", options.curvatureAxesProperty()),
        check("Legend of the map's symbols", options.symbolLegendProperty()),
        check("Noisy demos: recent steps only", options.trailProperty()),
        revealItem(),
        check("Convexity: shade saddle-shaped and concave parts", options.convexityProperty()),
        check("Local model and Newton step at the chosen optimizer",
            options.localModelProperty()),
        check("Basins of attraction of the chosen optimizer", options.basinsProperty()),
        new SeparatorMenuItem(), network(), new SeparatorMenuItem());
    notes.setSelected(true);
    student.setSelected(true);
    MenuItem presentation = check("Presentation mode", appearance.presentationProperty());
    presentation.setAccelerator(shortcuts.add(shortcut(KeyCode.P),
        () -> appearance.presentationProperty().set(!appearance.presentation())));
    view.getItems().addAll(checkKey(notes, KeyCode.F7), student, new SeparatorMenuItem(),
        themes(), presentation,
        item("Full screen", new KeyCodeCombination(KeyCode.F11), commands.toggleFullScreen()));
    viewMenu = view;
    return view;
  }

  /**
   * Reveal mode: the paths and charts end at the playback's step, and a demo's questions are
   * asked. On when a demo with questions opens, off when one without does.
   */
  private CheckMenuItem revealItem() {
    CheckMenuItem item = check("Reveal as it plays: hide the future, ask the demo's questions",
        model.revealProperty());
    item.setId("reveal-menu");
    return item;
  }

  /** Items added to the File menu after Open by the features that own them. */
  void addToFile(MenuItem... items) {
    fileMenu.getItems().addAll(1, java.util.List.of(items));
  }

  /** Items added at the end of the View menu by the features that own them. */
  void addToView(MenuItem... items) {
    viewMenu.getItems().addAll(items);
  }

  private static CheckMenuItem check(String text, BooleanProperty property) {
    CheckMenuItem item = new CheckMenuItem(text);
    item.selectedProperty().bindBidirectional(property);
    return item;
  }

  private CheckMenuItem network() {
    CheckMenuItem network = new CheckMenuItem("Train a real network beside the map");
    network.setSelected(model.networkProperty().get() != null);
    model.networkProperty().addListener((o, was, now) -> {
      network.setSelected(now != null);
      if (was != null) {
        lastNetwork = was;
      }
    });
    network.setOnAction(e -> model.networkProperty().set(network.isSelected()
        ? (lastNetwork != null ? lastNetwork
            : org.descent.app.network.NetworkSettings.defaultSetup()) : null));
    return network;
  }

  private Menu themes() {
    Menu theme = new Menu("Theme");
    ToggleGroup themes = new ToggleGroup();
    for (Theme t : Theme.values()) {
      RadioMenuItem item = new RadioMenuItem(t.title());
      item.setToggleGroup(themes);
      item.setSelected(t == appearance.theme());
      item.setOnAction(e -> appearance.themeProperty().set(t));
      appearance.themeProperty().addListener((o, was, now) -> item.setSelected(now == t));
      theme.getItems().add(item);
    }
    // Ctrl+T steps through the themes; the menu lists them.
    shortcuts.add(shortcut(KeyCode.T), () -> {
      Theme[] all = Theme.values();
      appearance.themeProperty().set(all[(appearance.theme().ordinal() + 1) % all.length]);
    });
    return theme;
  }

  private Menu help() {
    Menu help = new Menu("Help");
    help.getItems().add(item("Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1),
        commands.toggleHelp()));
    return help;
  }
}
