package org.descent.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.descent.app.charts.RaceCharts;
import org.descent.app.landscape.ContourView;
import org.descent.app.landscape.LandscapeOptions;
import org.descent.app.landscape.SurfaceView;
import org.descent.app.model.Background;
import org.descent.app.model.History;
import org.descent.app.model.LabModel;
import org.descent.app.race.OptimizerPanel;
import org.descent.app.race.PlaybackBar;
import org.descent.export.AtomicFiles;
import org.descent.function.FormulaException;
import org.descent.scenario.BuiltInScenarios;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import org.descent.scenario.ScenarioWriter;

/**
 * The main window: function picker on top, contour and surface views side by side, the
 * optimizers on the right, playback and charts below; menus, keyboard shortcuts, themes and
 * presentation mode.
 */
public final class MainWindow {

  private final LabModel model;
  private final Appearance appearance;
  private final Background background;
  private final Stage stage;
  private final Scene scene;
  private final ContourView contour;
  private final SurfaceView surface;
  private final LandscapeOptions options = new LandscapeOptions();
  private final PlaybackBar playback;
  private final HelpOverlay help = new HelpOverlay();
  private final Label status = new Label();
  private final DescriptionBar description;
  private final Workspace workspace;
  private final History history;
  private Scenario opened;
  private CheckMenuItem panelItem;
  private java.util.List<BuiltInScenarios.Demo> demos;
  private org.descent.app.demos.DemoBrowser demoBrowser;
  private CheckMenuItem chartsItem;
  private final org.descent.app.network.NetworkTraining training;
  private org.descent.network.NetworkSetup lastNetwork;
  private final org.descent.app.network.NetworkView networkView;
  private final org.descent.analysis.Workers analysisWorkers;
  private final org.descent.app.analysis.AnalysisRunner basinRunner;
  private final org.descent.app.analysis.BasinOverlay basins;
  private final org.descent.app.analysis.AnalysisView analysisView;
  private final NotesPane notes;
  private final org.descent.app.landscape.BesideView beside;
  private StudentView studentView;
  private final CheckMenuItem notesItem = new CheckMenuItem("Lecturer's notes");
  private final CheckMenuItem studentItem =
      new CheckMenuItem("Student view: hide what the demo hides");
  private final java.util.Map<Workspace.Layout, RadioMenuItem> layoutItems =
      new java.util.EnumMap<>(Workspace.Layout.class);

  public MainWindow(Stage stage, LabModel model, Appearance appearance, Background background) {
    this.stage = stage;
    this.model = model;
    this.appearance = appearance;
    this.background = background;
    history = new History(model);
    contour = new ContourView(model, appearance, options, background);
    surface = new SurfaceView(model, appearance, options, background);
    playback = new PlaybackBar(model);
    analysisWorkers = new org.descent.analysis.Workers();
    basinRunner = new org.descent.app.analysis.AnalysisRunner(analysisWorkers);
    basins = new org.descent.app.analysis.BasinOverlay(model, options, basinRunner,
        contour::shownView);
    contour.widthProperty().addListener(o -> basins.resized());
    contour.heightProperty().addListener(o -> basins.resized());
    contour.showBasins(basins.mapProperty(),
        new org.descent.app.analysis.AnalysisProgress(basinRunner, "basin-progress"));

    FunctionPicker picker = new FunctionPicker(model);
    description = new DescriptionBar(model.descriptionProperty());
    VBox header = new VBox(4, picker, description);
    header.setPadding(new Insets(6, 10, 4, 10));
    header.getStyleClass().add("header");
    VBox top = new VBox(menuBar(), header);

    training = new org.descent.app.network.NetworkTraining(model);
    OptimizerPanel panel = new OptimizerPanel(model, appearance, training);
    RaceCharts charts = new RaceCharts(model, appearance, background);
    networkView = new org.descent.app.network.NetworkView(model, training, appearance,
        background);
    analysisView = new org.descent.app.analysis.AnalysisView(model, appearance,
        new org.descent.app.analysis.AnalysisRunner(analysisWorkers), background);
    contour.showSteps(analysisView.stepOnMap());
    beside = new org.descent.app.landscape.BesideView(model, appearance);
    notes = new NotesPane(() -> notesItem.setSelected(false));
    VBox side = new VBox(notes, panel);
    side.setId("side-panel");
    VBox.setVgrow(panel, javafx.scene.layout.Priority.ALWAYS);
    workspace = new Workspace(contour, surface, networkView, analysisView, playback, charts,
        side, appearance);
    // A demo with a network shows it beside the map; one without shows the surface.
    model.networkProperty().addListener((o, was, now) -> {
      if (now != null && was == null && workspace.viewLayout() == Workspace.Layout.BOTH) {
        showLayout(Workspace.Layout.NETWORK);
      } else if (now == null && workspace.viewLayout() == Workspace.Layout.NETWORK) {
        showLayout(Workspace.Layout.BOTH);
      }
    });

    status.getStyleClass().add("status");
    status.setId("status");
    status.textProperty().bind(model.problemProperty());
    status.managedProperty().bind(status.textProperty().isNotEmpty());
    status.visibleProperty().bind(status.textProperty().isNotEmpty());
    status.setPadding(new Insets(2, 10, 4, 10));

    BorderPane root = new BorderPane(workspace);
    root.setTop(top);
    root.setBottom(status);
    root.getStyleClass().add("descent-root");
    StackPane layers = new StackPane(root, help);
    // Never centred: were the window ever smaller than the layout's minimum, the menu bar
    // stays on screen and the bottom is what gets cut.
    StackPane.setAlignment(root, javafx.geometry.Pos.TOP_LEFT);
    scene = new Scene(layers, 1440, 900);
    studentView = new StudentView(root);
    notesItem.setSelected(true);
    notesItem.setAccelerator(new KeyCodeCombination(KeyCode.F7));
    notesItem.selectedProperty().addListener(o -> showExtras());
    studentItem.setSelected(true);
    studentItem.selectedProperty().addListener(o -> showExtras());
    model.loadsProperty().addListener(o -> Platform.runLater(this::showExtras));
    model.optimizers().addListener((javafx.collections.ListChangeListener<
        org.descent.app.model.OptimizerEntry>) c -> Platform.runLater(this::showExtras));
    Platform.runLater(this::showExtras);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, this::onPress);
    applyStyle();
    appearance.themeProperty().addListener((o, was, now) -> applyStyle());
    appearance.presentationProperty().addListener((o, was, now) -> applyStyle());
    scene.heightProperty().addListener(o -> fitPresentationFont());
    stage.setScene(scene);
    // The first focusable node would be a text field (the formula), which would swallow the
    // playback keys: start with the keyboard on playback.
    stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> releaseKeyboard());
    stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> model.titleProperty().get().isEmpty() ? "Descent"
            : model.titleProperty().get() + " — Descent", model.titleProperty()));
  }

  public Scene scene() {
    return scene;
  }

  /** What the landscape views draw besides the paths. */
  public LandscapeOptions options() {
    return options;
  }

  public ContourView contour() {
    return contour;
  }

  /** The basin map of the chosen optimizer (B). */
  public org.descent.app.analysis.BasinOverlay basins() {
    return basins;
  }

  public SurfaceView surface() {
    return surface;
  }

  /** Presentation fonts that grow with the screen: 18 px up to 1000 lines, 21 px above. */
  private void fitPresentationFont() {
    double size = scene.getHeight() >= 1000 ? 21 : 18;
    if (appearance.presentationFontProperty().get() != size) {
      appearance.presentationFontProperty().set(size);
      applyStyle();
    }
  }

  private void applyStyle() {
    scene.getStylesheets().setAll(Theme.LIGHT.stylesheetUrl().replace("light.css", "base.css"),
        appearance.theme().stylesheetUrl());
    scene.getRoot().getStyleClass().remove("presentation");
    scene.getRoot().setStyle("");
    if (appearance.presentation()) {
      scene.getRoot().getStyleClass().add("presentation");
      scene.getRoot().setStyle("-fx-font-size: " + appearance.fontSize() + "px;");
    }
  }

  private MenuBar menuBar() {
    Menu file = new Menu("File");
    MenuItem open = new MenuItem("Open scenario…");
    open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
    open.setOnAction(e -> openScenario());
    MenuItem save = new MenuItem("Save scenario as…");
    save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
    save.setOnAction(e -> saveScenario());
    MenuItem examples = new MenuItem("Lecture demos…");
    examples.setId("examples-menu");
    examples.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
    examples.setOnAction(e -> showDemos());
    // Reading the 24 demos takes a moment: the window does not wait for it.
    background.submit(BuiltInScenarios::inLectureOrder, d -> demos = d, e -> { });
    MenuItem export = new MenuItem("Export…");
    export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
    export.setOnAction(e -> openExport().show());
    MenuItem quit = new MenuItem("Quit");
    quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
    quit.setOnAction(e -> Platform.exit());
    file.getItems().addAll(open, save, examples, new SeparatorMenuItem(), export,
        new SeparatorMenuItem(), quit);

    Menu edit = new Menu("Edit");
    MenuItem undo = new MenuItem("Undo");
    undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
    undo.setOnAction(e -> history.undo());
    MenuItem redo = new MenuItem("Redo");
    redo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
        KeyCombination.SHIFT_DOWN));
    redo.setOnAction(e -> history.redo());
    MenuItem redoY = new MenuItem("Redo");
    redoY.setAccelerator(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN));
    redoY.setOnAction(e -> history.redo());
    redoY.setVisible(false); // a second shortcut for Redo, as on Windows
    MenuItem reset = new MenuItem("Reset demo");
    reset.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
    reset.setOnAction(e -> resetDemo());
    edit.setOnShowing(e -> {
      undo.setDisable(!history.canUndo());
      redo.setDisable(!history.canRedo());
    });
    edit.getItems().addAll(undo, redo, redoY, new SeparatorMenuItem(), reset);

    Menu view = new Menu("View");
    ToggleGroup layoutGroup = new ToggleGroup();
    for (Workspace.Layout l : Workspace.Layout.values()) {
      RadioMenuItem item = new RadioMenuItem(l.title);
      item.setToggleGroup(layoutGroup);
      item.setSelected(l == Workspace.Layout.BOTH);
      item.setOnAction(e -> showLayout(l));
      layoutItems.put(l, item);
      view.getItems().add(item);
    }
    CheckMenuItem panelItem = new CheckMenuItem("Optimizer panel");
    panelItem.setAccelerator(new KeyCodeCombination(KeyCode.F9));
    panelItem.setSelected(true);
    panelItem.selectedProperty().addListener((o, was, now) -> workspace.setPanelShown(now));
    CheckMenuItem chartsItem = new CheckMenuItem("Charts");
    chartsItem.setAccelerator(new KeyCodeCombination(KeyCode.F8));
    chartsItem.setSelected(true);
    chartsItem.selectedProperty().addListener((o, was, now) -> workspace.setChartsShown(now));
    this.panelItem = panelItem;
    this.chartsItem = chartsItem;
    view.getItems().addAll(new SeparatorMenuItem(), panelItem, chartsItem);
    CheckMenuItem field = new CheckMenuItem("Gradient field");
    field.selectedProperty().bindBidirectional(options.gradientFieldProperty());
    CheckMenuItem arrow = new CheckMenuItem("Gradient arrow at the cursor");
    arrow.selectedProperty().bindBidirectional(options.gradientArrowProperty());
    CheckMenuItem curvature = new CheckMenuItem("Curvature axes at the cursor");
    curvature.selectedProperty().bindBidirectional(options.curvatureAxesProperty());
    CheckMenuItem legend = new CheckMenuItem("Legend of the map's symbols");
    legend.selectedProperty().bindBidirectional(options.symbolLegendProperty());
    CheckMenuItem trail = new CheckMenuItem("Noisy demos: recent steps only");
    trail.selectedProperty().bindBidirectional(options.trailProperty());
    CheckMenuItem convex = new CheckMenuItem("Convexity: shade saddle-shaped and concave parts");
    convex.selectedProperty().bindBidirectional(options.convexityProperty());
    CheckMenuItem basinItem = new CheckMenuItem(
        "Basins of attraction of the chosen optimizer");
    basinItem.selectedProperty().bindBidirectional(options.basinsProperty());
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
    CheckMenuItem local = new CheckMenuItem("Local model and Newton step at the chosen optimizer");
    local.selectedProperty().bindBidirectional(options.localModelProperty());
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
    CheckMenuItem presentation = new CheckMenuItem("Presentation mode");
    presentation.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN));
    presentation.selectedProperty().bindBidirectional(appearance.presentationProperty());
    MenuItem fullScreen = new MenuItem("Full screen");
    fullScreen.setAccelerator(new KeyCodeCombination(KeyCode.F11));
    fullScreen.setOnAction(e -> stage.setFullScreen(!stage.isFullScreen()));
    view.getItems().addAll(new SeparatorMenuItem(), field, arrow, curvature, legend, trail,
        convex, local, basinItem, new SeparatorMenuItem(), network,
        new SeparatorMenuItem(), notesItem, studentItem,
        new SeparatorMenuItem(), theme, presentation, fullScreen);

    Menu helpMenu = new Menu("Help");
    MenuItem keys = new MenuItem("Keyboard shortcuts");
    keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
    keys.setOnAction(e -> help.toggle());
    helpMenu.getItems().add(keys);
    MenuBar bar = new MenuBar(file, edit, view, helpMenu);
    bar.setId("menu-bar");
    return bar;
  }

  /** File → Lecture demos: the browser of every demo, by topic, with thumbnails. */
  public org.descent.app.demos.DemoBrowser showDemos() {
    if (demos == null) {
      demos = BuiltInScenarios.inLectureOrder();
    }
    if (demoBrowser == null) {
      demoBrowser = new org.descent.app.demos.DemoBrowser(background,
          appearance.theme().look(1.5, 18));
    }
    demoBrowser.show(stage, demos, scene.getStylesheets(), this::openBuiltIn);
    return demoBrowser;
  }

  /**
   * The loaded demo's notes and student view: re-applied after a load and whenever the cards
   * are rebuilt (their controls are new nodes).
   */
  private void showExtras() {
    org.descent.scenario.Scenario x = model.extras();
    java.util.Set<org.descent.scenario.Control> hide = x == null ? java.util.Set.of()
        : x.hide();
    boolean student = studentItem.isSelected();
    notes.show(x == null ? "" : x.notes(), notesItem.isSelected());
    workspace.setSecondView(beside.wanted() ? beside : surface);
    studentView.apply(hide, student);
    options.startLockedProperty().set(student
        && hide.contains(org.descent.scenario.Control.START));
    options.viewLockedProperty().set(student
        && hide.contains(org.descent.scenario.Control.VIEW));
  }

  /** The function beside a demo's own (for tests). */
  public org.descent.app.landscape.BesideView beside() {
    return beside;
  }

  /** The notes shown, or "" (for tests). */
  public String notesShown() {
    return notes.isVisible() ? notes.text() : "";
  }

  /** Whether the student view is on (View menu). */
  public CheckMenuItem studentViewItem() {
    return studentItem;
  }

  /** Shows a layout of the views and ticks its menu item. */
  public void showLayout(Workspace.Layout l) {
    workspace.setLayout(l);
    analysisView.setShown(l == Workspace.Layout.ANALYSIS);
    RadioMenuItem item = layoutItems.get(l);
    if (item != null) {
      item.setSelected(true);
    }
  }

  /** The network beside the map, or the surface again (N). */
  public void toggleNetwork() {
    showLayout(workspace.viewLayout() == Workspace.Layout.NETWORK ? Workspace.Layout.BOTH
        : Workspace.Layout.NETWORK);
  }

  /** The analyses beside the map, or the surface again (A). */
  public void toggleAnalysis() {
    showLayout(workspace.viewLayout() == Workspace.Layout.ANALYSIS ? Workspace.Layout.BOTH
        : Workspace.Layout.ANALYSIS);
  }

  public org.descent.app.analysis.AnalysisView analysisView() {
    return analysisView;
  }

  public org.descent.app.network.NetworkView networkView() {
    return networkView;
  }

  public org.descent.app.network.NetworkTraining training() {
    return training;
  }

  /** Ends the window's own threads (the network's training, its loss landscape). */
  public void dispose() {
    basinRunner.cancel();
    analysisView.dispose();
    analysisWorkers.close();
    beside.dispose();
    training.close();
    networkView.dispose();
  }

  public void togglePanel() {
    panelItem.setSelected(!panelItem.isSelected());
  }

  /** Shows or hides the charts (F8). */
  public void toggleCharts() {
    chartsItem.setSelected(!chartsItem.isSelected());
  }

  /**
   * The playback shortcuts work whatever has the focus, except while a text field is being
   * edited: there Enter commits and Esc reverts, and both give the keys back. Keys never reach
   * a hyperparameter's slider (see NumberSlider), so a key meant for playback cannot change a
   * learning rate.
   */
  private void onKey(KeyEvent e) {
    if (help.isVisible() && (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1)) {
      help.setVisible(false);
      e.consume();
      return;
    }
    Node focused = scene.getFocusOwner();
    if (EditKeys.editing(focused)) {
      if (e.getCode() == KeyCode.ESCAPE) {
        EditKeys.revert(focused);
        releaseKeyboard();
        e.consume();
      } else if (e.getCode() == KeyCode.ENTER) {
        // The field's own action commits first; an invalid value keeps the field for
        // correction (it is marked red), a valid one gives the keys back.
        Platform.runLater(() -> {
          if (scene.getFocusOwner() == focused
              && !focused.getStyleClass().contains("invalid")) {
            releaseKeyboard();
          }
        });
      }
      return;
    }
    if (e.isShortcutDown() && e.getCode() == KeyCode.T) {
      Theme[] all = Theme.values();
      appearance.themeProperty().set(all[(appearance.theme().ordinal() + 1) % all.length]);
      e.consume();
      return;
    }
    if (e.isShortcutDown() || e.isAltDown()) {
      return;
    }
    int ten = e.isShiftDown() ? 10 : 1;
    switch (e.getCode()) {
      case SPACE -> playback.togglePlay();
      case RIGHT -> playback.step(ten);
      case LEFT -> playback.step(-ten);
      case HOME -> playback.reset();
      case END -> playback.step(model.stepsProperty().get());
      case PLUS, ADD, EQUALS -> model.speedProperty().set(Math.min(1000,
          model.speedProperty().get() * 1.5));
      case MINUS, SUBTRACT -> model.speedProperty().set(Math.max(1,
          model.speedProperty().get() / 1.5));
      case F1 -> help.toggle();
      // Here, not as the menu's accelerators: an accelerator fires a check item without
      // ticking it, and these must work while the menu is closed.
      case F8 -> toggleCharts();
      case F9 -> togglePanel();
      case F7 -> notesItem.setSelected(!notesItem.isSelected());
      case G -> options.gradientFieldProperty().set(!options.gradientFieldProperty().get());
      case C -> options.convexityProperty().set(!options.convexityProperty().get());
      case M -> options.localModelProperty().set(!options.localModelProperty().get());
      case B -> options.basinsProperty().set(!options.basinsProperty().get());
      case N -> toggleNetwork();
      case A -> toggleAnalysis();
      case DIGIT0, NUMPAD0 -> {
        if (model.landscape() != null) {
          model.viewProperty().set(model.landscape().view());
        }
      }
      case ESCAPE -> releaseKeyboard();
      // Up and down would move a focused combo box or slider: they belong to nobody here.
      case UP, DOWN, PAGE_UP, PAGE_DOWN -> { }
      default -> {
        if ("?".equals(e.getText())) {
          help.toggle();
        } else {
          return;
        }
      }
    }
    e.consume();
  }

  /**
   * A press outside the text field being edited ends the edit (the field commits as it loses
   * the focus), so a click on the map, the surface or a playback button gives the keys back
   * even where that control does not take the focus itself.
   */
  private void onPress(javafx.scene.input.MouseEvent e) {
    Node focused = scene.getFocusOwner();
    if (!EditKeys.editing(focused)) {
      return;
    }
    for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
      if (n == focused) {
        return; // placing the caret in the same field
      }
    }
    releaseKeyboard();
  }

  /** Gives the keyboard back to playback: the focus goes to the window's background. */
  private void releaseKeyboard() {
    scene.getRoot().requestFocus();
  }

  // ---- scenarios

  private void openScenario() {
    FileChooser chooser = scenarioChooser("Open a scenario");
    File f = chooser.showOpenDialog(stage);
    if (f != null) {
      open(f.toPath());
    }
  }

  /** Opens a scenario file; a bad file is reported and the current state is kept. */
  public boolean open(Path file) {
    try {
      show(ScenarioReader.read(file));
      return true;
    } catch (ScenarioException e) {
      report("Cannot open the scenario", e.getMessage());
      return false;
    }
  }

  private void openBuiltIn(String name) {
    try {
      show(BuiltInScenarios.read(name));
    } catch (ScenarioException e) {
      report("Cannot open the demo", e.getMessage());
    }
  }

  /**
   * Shows a scenario paused at step 0, its whole paths ghosted, so the lecturer can speak
   * before pressing Space; it becomes the one "Reset demo" goes back to, with a new history.
   */
  public void show(Scenario s) {
    try {
      model.playingProperty().set(false);
      model.load(s);
      opened = s;
      history.clear();
    } catch (FormulaException e) {
      report("Cannot open the scenario", "function: " + e.getMessage());
    }
  }

  /** The export dialog for the race as it is now (not shown yet). */
  public org.descent.app.export.ExportDialog openExport() {
    model.playingProperty().set(false);
    return new org.descent.app.export.ExportDialog(stage, model::toScenario,
        appearance.theme().look(1, 12), model.stepsProperty().get(),
        model.currentStepProperty().get(), model.speedProperty().get(),
        model.titleProperty().get());
  }

  /** Back to the demo as it was opened (undoable). */
  public void resetDemo() {
    if (opened != null) {
      model.playingProperty().set(false);
      history.change(opened);
      if (opened.view() == null && model.landscape() != null) {
        model.viewProperty().set(model.landscape().view());
      } else if (opened.view() != null) {
        model.viewProperty().set(opened.view());
      }
      model.currentStepProperty().set(0);
    }
  }

  /** Undo and redo of the settings. */
  public History history() {
    return history;
  }

  private void saveScenario() {
    FileChooser chooser = scenarioChooser("Save the scenario");
    chooser.setInitialFileName(fileNameFor(model.titleProperty().get()));
    File f = chooser.showSaveDialog(stage);
    if (f != null) {
      save(f.toPath());
    }
  }

  /**
   * A file name from a demo's title: "Momentum in a ravine" becomes momentum-in-a-ravine.yaml;
   * without a title, scenario.yaml.
   */
  static String fileNameFor(String title) {
    String slug = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
    }
    return (slug.isEmpty() ? "scenario" : slug) + ".yaml";
  }

  /** Saves the current state; a failure is reported and nothing half-written is left. */
  public boolean save(Path file) {
    String yaml = ScenarioWriter.write(model.toScenario());
    try {
      AtomicFiles.writeText(file, w -> w.write(yaml));
      return true;
    } catch (IOException e) {
      report("Cannot save the scenario", file + ": " + (e.getMessage() == null
          ? e.getClass().getSimpleName() : e.getMessage()));
      return false;
    }
  }

  private static FileChooser scenarioChooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios", "*.yaml",
        "*.yml"));
    return chooser;
  }

  private void report(String header, String message) {
    statusMessage(message);
    if (Boolean.getBoolean("descent.noDialogs")) {
      return;
    }
    Alert alert = new Alert(Alert.AlertType.ERROR, message);
    alert.setHeaderText(header);
    alert.initOwner(stage);
    alert.show();
  }

  private void statusMessage(String message) {
    status.textProperty().unbind();
    status.setText(message);
    model.problemProperty().addListener(new javafx.beans.InvalidationListener() {
      @Override
      public void invalidated(javafx.beans.Observable o) {
        model.problemProperty().removeListener(this);
        status.textProperty().bind(model.problemProperty());
      }
    });
  }

  /** The message line at the bottom (errors of open, save and computation). */
  public String statusText() {
    return status.getText();
  }
}
