package org.descent.app;

import java.nio.file.Path;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.descent.app.analysis.AnalysisProgress;
import org.descent.app.analysis.AnalysisRunner;
import org.descent.app.analysis.AnalysisView;
import org.descent.app.analysis.BasinOverlay;
import org.descent.app.charts.RaceCharts;
import org.descent.app.demos.DemoBrowser;
import org.descent.app.export.ExportDialog;
import org.descent.app.landscape.BesideView;
import org.descent.app.landscape.ContourView;
import org.descent.app.model.LandscapeOptions;
import org.descent.app.model.LecturePosition;
import org.descent.app.landscape.SurfaceView;
import org.descent.app.model.AppThreads;
import org.descent.app.model.History;
import org.descent.app.model.LabModel;
import org.descent.app.model.MapOverlays;
import org.descent.app.model.NetworkTraining;
import org.descent.app.network.NetworkView;
import org.descent.app.race.OptimizerPanel;
import org.descent.app.race.PlaybackBar;
import org.descent.function.FormulaException;
import org.descent.scenario.BuiltInLectures;
import org.descent.scenario.BuiltInScenarios;
import org.descent.scenario.Control;
import org.descent.scenario.Scenario;

/**
 * The main window, a composition root: it makes the views over one model and lays them out
 * (function picker on top, contour and surface side by side, the optimizers on the right,
 * playback and charts below). The menus, the keys and the scenario files have classes of
 * their own; the views share nothing but the model and {@link MapOverlays}.
 */
public final class MainWindow {

  private final LabModel model;
  private final Appearance appearance;
  private final AppThreads threads;
  private final Stage stage;
  private final javafx.event.EventHandler<javafx.stage.WindowEvent> onHidden = e -> dispose();
  private final javafx.event.EventHandler<javafx.stage.WindowEvent> onShown =
      e -> releaseKeyboard();
  private boolean disposed;
  private final Scene scene;
  private final LandscapeOptions options = new LandscapeOptions();
  private final HelpOverlay help = new HelpOverlay();
  private final Blackout blackout = new Blackout();
  private final Label status = new Label();
  private final History history;
  private final ContourView contour;
  private final SurfaceView surface;
  private final RaceCharts charts;
  private final BasinOverlay basins;
  private final AnalysisView analysisView;
  private final NetworkTraining training;
  private final NetworkView networkView;
  private final BesideView beside;
  private final NotesPane notes;
  private final Workspace workspace;
  private final Menus menus;
  private final KeyRouter keys;
  private final ScenarioFiles files;
  private final Lectures lectures;
  private final org.descent.lesson.AnswerStore answers;
  private final org.descent.app.model.Lesson lesson;
  private final QuestionOverlay questions;
  private final ViewPresets presets;
  private final PresenterView presenter;
  private final Settings settings;
  private final RecentMenu recent;
  private java.util.List<BuiltInScenarios.Demo> demos;
  private DemoBrowser demoBrowser;
  private Scenario opened;
  // The built-in demo opened ("momentum-ravine"), under which its answers are kept, or null.
  private String openedDemo;
  private boolean ownsThreads;

  /**
   * A window whose pictures are computed by {@code render} (tests pass one that computes at
   * once); its other threads are its own.
   */
  public MainWindow(Stage stage, LabModel model, Appearance appearance,
      org.descent.app.model.Background render) {
    this(stage, model, appearance, new AppThreads(render, render));
    ownsThreads = true;
  }

  /** A window that remembers nothing beyond its own life (see {@link Settings#inMemory}). */
  public MainWindow(Stage stage, LabModel model, Appearance appearance, AppThreads threads) {
    this(stage, model, appearance, threads, Settings.inMemory());
  }

  /**
   * @param settings where the theme, presentation mode, the last file and the recent files
   *     are remembered as they change
   */
  public MainWindow(Stage stage, LabModel model, Appearance appearance, AppThreads threads,
      Settings settings) {
    this.stage = stage;
    this.settings = settings;
    this.model = model;
    this.appearance = appearance;
    this.threads = threads;
    history = new History(model);
    files = new ScenarioFiles(stage, model, this::show, this::statusMessage);
    lectures = new Lectures(stage, files, new LecturePosition(), this::statusHint);
    // A student's answers, kept between runs; read off the JavaFX thread.
    answers = new org.descent.lesson.AnswerStore(
        org.descent.lesson.AnswerStore.defaultDirectory());
    threads.idle().submit(() -> {
      answers.load();
      return null;
    }, done -> { }, e -> { });
    lesson = new org.descent.app.model.Lesson(model, answers, threads.render());
    questions = new QuestionOverlay(lesson, model);
    // Page Down first reveals what a demo's questions hold back, then goes on.
    lectures.setReveals(new Lectures.Reveals() {
      @Override
      public boolean forward() {
        return lesson.forward();
      }

      @Override
      public boolean back() {
        return false;
      }
    });
    MapOverlays overlays = new MapOverlays();
    contour = new ContourView(model, appearance, options, overlays, threads.render(),
        threads.map());
    surface = new SurfaceView(model, appearance, options, threads.render());
    org.descent.app.landscape.SpokenLandscape.describe(contour, "Contour map", model);
    org.descent.app.landscape.SpokenLandscape.describe(surface, "Surface", model);
    PlaybackBar playback = new PlaybackBar(model);
    AnalysisRunner basinRunner = new AnalysisRunner(threads);
    basins = new BasinOverlay(model, options, basinRunner, overlays);
    contour.showProgress(new AnalysisProgress(basinRunner, "basin-progress"));
    training = new NetworkTraining(model, threads);
    networkView = new NetworkView(model, training, appearance, threads);
    analysisView = new AnalysisView(model, appearance, new AnalysisRunner(threads),
        threads.render());
    overlays.stepProperty().bind(analysisView.stepOnMap());
    beside = new BesideView(model, appearance, threads);
    OptimizerPanel panel = new OptimizerPanel(model, appearance, training,
        threads.render(), new org.descent.app.network.NetworkSettings(model));
    charts = new RaceCharts(model, appearance, threads.render());

    notes = new NotesPane(this::hideNotes);
    presenter = new PresenterView(stage, model, appearance, options, overlays, threads,
        lectures.position(), blackout, this::projectorKey, PresenterView::onTheScreens,
        java.time.Clock.systemDefaultZone());
    // The presenter view's clock and next demo sit right above the notes, on the laptop only.
    VBox side = new VBox(new VBox(presenter.bar(), notes), panel);
    side.setId("side-panel");
    VBox.setVgrow(panel, javafx.scene.layout.Priority.ALWAYS);
    workspace = new Workspace(contour, surface, networkView, analysisView, playback, charts,
        side, appearance);
    Shortcuts shortcuts = new Shortcuts();
    menus = new Menus(model, appearance, options, new Menus.Commands(
        () -> files.choose().ifPresent(this::open),
        files::chooseAndSave, this::showDemos, () -> openExport().show(), history::undo,
        history::redo, history::canUndo, history::canRedo, this::resetDemo, this::showLayout,
        workspace::setPanelShown, workspace::setChartsShown,
        () -> stage.setFullScreen(!stage.isFullScreen()), help::toggle,
        () -> lectures.choose().ifPresent(this::openLecture), this::openBuiltInLecture),
        shortcuts);
    recent = new RecentMenu(settings, this::openFile);
    menus.addToFile(recent.menu());
    // A demo with a network shows it beside the map; one without shows the surface.
    model.networkProperty().addListener((o, was, now) -> {
      if (now != null && was == null && workspace.viewLayout() == Workspace.Layout.BOTH) {
        showLayout(Workspace.Layout.NETWORK);
      } else if (now == null && workspace.viewLayout() == Workspace.Layout.NETWORK) {
        showLayout(Workspace.Layout.BOTH);
      }
    });

    questions.over(workspace.landscape());
    BorderPane root = new BorderPane(workspace);
    root.setTop(new Header(menus.bar(), lecturePosition(), new FunctionPicker(model),
        new DescriptionBar(model.descriptionProperty()), appearance));
    root.setBottom(statusLine());
    root.getStyleClass().add("descent-root");
    StackPane layers = new StackPane(root, questions, help, blackout);
    // Never centred: were the window ever smaller than the layout's minimum, the menu bar
    // stays on screen and the bottom is what gets cut.
    StackPane.setAlignment(root, javafx.geometry.Pos.TOP_LEFT);
    scene = new Scene(layers, 1440, 900);
    presets = new ViewPresets(model, help);
    CheckMenuItem presenterItem = new CheckMenuItem(
        "Presenter view: the landscape on the projector, the notes here");
    presenterItem.setId("presenter-menu");
    presenterItem.selectedProperty().bindBidirectional(presenter.activeProperty());
    menus.addToView(new SeparatorMenuItem(), presets.menu(), presenterItem);
    // A hidden main window is closed for good: the projector goes with it, and the views stop
    // (their frame timers and the model's listeners would otherwise keep the whole window
    // alive as long as the stage: in the tests, one stage serves a window per test).
    stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, onHidden);
    keys = new KeyRouter(scene, model, options, playback, help, blackout, shortcuts,
        new KeyRouter.Actions(this::toggleNetwork, this::toggleAnalysis, lectures::next,
            lectures::previous, presets::go));
    keys.setQuestion(questions::onKey);
    menus.notesItem().selectedProperty().addListener(o -> showExtras());
    menus.studentItem().selectedProperty().addListener(o -> showExtras());
    model.extrasProperty().addListener(o -> showExtras());
    showExtras();
    applyStyle();
    appearance.themeProperty().addListener((o, was, now) -> applyStyle());
    appearance.presentationProperty().addListener((o, was, now) -> applyStyle());
    // Only what the user changes here is remembered, not a --theme given for one lecture.
    appearance.themeProperty().addListener((o, was, now) -> settings.theme(now));
    appearance.presentationProperty().addListener((o, was, now) -> settings.presentation(now));
    scene.heightProperty().addListener(o -> fitPresentationFont());
    stage.setScene(scene);
    FileDrop.install(scene, this::openFile);
    // A lecture opens again at the next start where it was left.
    lectures.position().atProperty().addListener((o, was, now) -> {
      if (now != null) {
        settings.lectureDemo(now.index());
      }
    });
    // The first focusable node would be a text field (the formula), which would swallow the
    // playback keys: start with the keyboard on playback.
    stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, onShown);
    javafx.beans.binding.StringBinding where = lectures.position().text();
    stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> (model.titleProperty().get().isEmpty() ? "" : model.titleProperty().get() + " — ")
            + (where.get().isEmpty() ? "" : where.get() + " — ") + "Descent",
        model.titleProperty(), where));
    // Reading the demos takes a moment: the window does not wait for it.
    threads.idle().submit(BuiltInScenarios::inLectureOrder, d -> demos = d, e -> { });
    threads.idle().submit(BuiltInLectures::all, menus::setLectures, e -> { });
    releaseIdleAtFirstPicture();
  }

  /**
   * The menu bar, with the open lecture's position at its right end ("Ill-conditioning · 3 /
   * 12"): small, where the menu bar leaves room, and there in full screen too.
   */
  /** Where the open lecture is ("Local optima · 2 / 22"), at the right of the menus. */
  private Label lecturePosition() {
    Label where = new Label();
    where.setId("lecture-position");
    where.getStyleClass().add("lecture-position");
    where.textProperty().bind(lectures.position().text());
    where.setMouseTransparent(true);
    where.setPadding(new Insets(0, 12, 0, 12));
    where.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    where.managedProperty().bind(where.textProperty().isNotEmpty());
    where.visibleProperty().bind(where.textProperty().isNotEmpty());
    return where;
  }

  private Label statusLine() {
    status.getStyleClass().add("status");
    status.setId("status");
    status.textProperty().bind(model.problemProperty());
    status.managedProperty().bind(status.textProperty().isNotEmpty());
    status.visibleProperty().bind(status.textProperty().isNotEmpty());
    status.setPadding(new Insets(2, 10, 4, 10));
    return status;
  }

  public Scene scene() {
    return scene;
  }

  /** The theme and presentation mode the window shows. */
  public Appearance appearance() {
    return appearance;
  }

  /** What the landscape views draw besides the paths. */
  public LandscapeOptions options() {
    return options;
  }

  public ContourView contour() {
    return contour;
  }

  /** The basin map of the chosen optimizer (B). */
  public BasinOverlay basins() {
    return basins;
  }

  public SurfaceView surface() {
    return surface;
  }

  public AnalysisView analysisView() {
    return analysisView;
  }

  public NetworkView networkView() {
    return networkView;
  }

  public NetworkTraining training() {
    return training;
  }

  /** The loss and distance charts (for tests). */
  public RaceCharts charts() {
    return charts;
  }

  /** The function beside a demo's own (for tests). */
  public BesideView beside() {
    return beside;
  }

  /** Undo and redo of the settings. */
  public History history() {
    return history;
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

  /** The loaded demo's notes, the function beside it and what its student view hides. */
  private void showExtras() {
    Scenario x = model.extras();
    Set<Control> hide = x == null ? Set.of() : x.hide();
    boolean student = menus.studentItem().isSelected();
    notes.show(x == null ? "" : x.notes(), menus.notesItem().isSelected());
    workspace.setSecondView(beside.wanted() ? beside : surface);
    model.studentView().hiddenProperty().set(student ? Set.copyOf(hide) : Set.of());
    options.startLockedProperty().set(student && hide.contains(Control.START));
    options.viewLockedProperty().set(student && hide.contains(Control.VIEW));
  }

  /** The notes' own close button: the same as unticking them in the View menu (F7). */
  private void hideNotes() {
    menus.notesItem().setSelected(false);
  }

  /** The notes shown, or "" (for tests). */
  public String notesShown() {
    return notes.isVisible() ? notes.text() : "";
  }

  /** Whether the student view is on (View menu). */
  public CheckMenuItem studentViewItem() {
    return menus.studentItem();
  }

  // ---- what the menus and keys do

  /** Opens a lecture file on its first demo; a bad file is reported and nothing changes. */
  public boolean openLecture(Path file) {
    return remember(lectures.open(file), new Settings.Last.Lecture(file), file);
  }

  /** Opens a lecture shipped with Descent, by file name, on its first demo. */
  public boolean openBuiltInLecture(String name) {
    return remember(lectures.openBuiltIn(name), new Settings.Last.ShippedLecture(name), null);
  }

  /** Opens a built-in demo by file name ("momentum-ravine.yaml"), as the demo browser does. */
  boolean openDemo(String name) {
    return remember(files.openBuiltIn(name),
        new Settings.Last.Demo(name.replaceFirst("\\.yaml$", "")), null);
  }

  /**
   * Opens a file as File → Open or File → Lecture… does, whichever it holds: a dropped file,
   * a recent one.
   */
  public boolean openFile(Path file) {
    return org.descent.scenario.PlaylistReader.isLecture(file) ? openLecture(file)
        : open(file);
  }

  /**
   * Opens what was open when Descent last ended (a demo, a file, a lecture at the demo it
   * showed); false, and nothing said, when nothing was or it is gone.
   */
  public boolean reopenLast() {
    Settings.Last last = settings.last().orElse(null);
    if (last instanceof Settings.Last.Demo d) {
      return BuiltInScenarios.names().contains(d.name() + ".yaml")
          && openDemo(d.name() + ".yaml");
    } else if (last instanceof Settings.Last.File f) {
      return java.nio.file.Files.isRegularFile(f.path()) && open(f.path());
    } else if (last instanceof Settings.Last.Lecture l) {
      return java.nio.file.Files.isRegularFile(l.path()) && remember(
          lectures.open(l.path(), settings.lectureDemo()), last, l.path());
    } else if (last instanceof Settings.Last.ShippedLecture l) {
      return BuiltInLectures.names().contains(l.name())
          && remember(lectures.openBuiltIn(l.name(), settings.lectureDemo()), last, null);
    }
    return false;
  }

  /** Remembers what opened: the last thing open, and a file among the recent ones. */
  private boolean remember(boolean opened, Settings.Last what, Path file) {
    if (opened) {
      settings.last(what);
      if (file != null) {
        settings.addRecent(file);
        recent.refresh();
      }
    }
    return opened;
  }

  /** File → Open recent (for tests). */
  javafx.scene.control.Menu recentMenu() {
    return recent.menu();
  }

  /** Where the open lecture is (null inside while none is open). */
  public LecturePosition lecture() {
    return lectures.position();
  }

  /** The open demo's questions and what was picked (for tests). */
  public org.descent.app.model.Lesson lesson() {
    return lesson;
  }

  /** The answers kept between runs (for tests). */
  public org.descent.lesson.AnswerStore answers() {
    return answers;
  }

  /** The verdict shown over the landscape, or "" (for tests). */
  public String questionVerdict() {
    return questions.verdictText();
  }

  /** The reason shown under the verdict, or "" (for tests). */
  public String questionReason() {
    return questions.reasonText();
  }

  /** Whether a question is asked over the landscape now (for tests). */
  public boolean questionAsked() {
    return questions.asking();
  }

  /** The open demo's named views (keys 1 to 9), for tests. */
  public java.util.List<org.descent.scenario.ViewPreset> viewPresets() {
    return presets.views();
  }

  /** The help's line of the demo's named views, for tests. */
  public String helpViewsText() {
    return help.viewsText();
  }

  /** Whether the window is blacked out (B or .), for tests. */
  public boolean blackedOut() {
    return blackout.isVisible();
  }

  /** File → Lecture demos: the browser of every demo, by topic, with thumbnails. */
  public void showDemos() {
    demoBrowser();
  }

  /** Shows the demo browser and returns it (for tests). */
  public DemoBrowser demoBrowser() {
    if (demos == null) {
      demos = BuiltInScenarios.inLectureOrder();
    }
    if (demoBrowser == null) {
      demoBrowser = new DemoBrowser(threads.render(), appearance.theme().look(1.5, 18));
    }
    demoBrowser.show(stage, demos, scene.getStylesheets(), this::openDemo,
        id -> answers.score(id.replaceFirst("\\.yaml$", "")).map(
            sc -> sc.right() + " of " + sc.total() + " right").orElse(null));
    return demoBrowser;
  }

  /** The demo browser last shown, or null (for tests). */
  public DemoBrowser lastDemoBrowser() {
    return demoBrowser;
  }

  /** Shows a layout of the views and ticks its menu item. */
  public void showLayout(Workspace.Layout l) {
    workspace.setLayout(l);
    analysisView.setShown(l == Workspace.Layout.ANALYSIS);
    menus.selectLayout(l);
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

  /** Shows or hides the optimizer panel (F9). */
  public void togglePanel() {
    menus.togglePanel();
  }

  /** Shows or hides the charts (F8). */
  public void toggleCharts() {
    menus.toggleCharts();
  }

  /** Opens a scenario file; a bad file is reported and the current state is kept. */
  public boolean open(Path file) {
    return remember(files.open(file), new Settings.Last.File(file), file);
  }

  /** Saves the current state; a failure is reported and nothing half-written is left. */
  public boolean save(Path file) {
    return files.save(file);
  }

  /**
   * Shows a scenario paused at step 0, its whole paths ghosted, so the lecturer can speak
   * before pressing Space; it becomes the one "Reset demo" goes back to, with a new history.
   * A demo with questions opens in reveal mode instead, nothing of the run drawn yet, its first
   * question asked (see {@link org.descent.app.model.Lesson}).
   */
  public void show(Scenario s) {
    show(s, null);
  }

  /**
   * Shows a scenario (see {@link #show(Scenario)}); a built-in demo by its name, under which a
   * student's answers to its questions are kept.
   */
  void show(Scenario s, String demoId) {
    try {
      model.playingProperty().set(false);
      lesson.clear();
      model.load(s);
      opened = s;
      openedDemo = demoId;
      history.clear();
      lesson.start(s, demoId);
    } catch (FormulaException e) {
      if (opened != null) {
        lesson.start(opened, openedDemo); // the demo shown stays, and asks again
      }
      files.report("Cannot open the scenario", "function: " + e.getMessage());
    }
  }

  /** The export dialog for the race as it is now (not shown yet). */
  public ExportDialog openExport() {
    model.playingProperty().set(false);
    return new ExportDialog(stage, model::toScenario, appearance.theme().look(1, 12),
        model.stepsProperty().get(), model.currentStepProperty().get(),
        model.speedProperty().get(), model.titleProperty().get(), appearance.presentation(),
        threads);
  }

  /** Back to the demo as it was opened (undoable). */
  public void resetDemo() {
    if (opened != null) {
      model.playingProperty().set(false);
      lesson.clear();
      history.change(opened);
      if (opened.view() == null && model.landscape() != null) {
        model.viewProperty().set(model.landscape().view());
      } else if (opened.view() != null) {
        model.viewProperty().set(opened.view());
      }
      model.currentStepProperty().set(0);
      lesson.start(opened, openedDemo); // its questions asked afresh
    }
  }

  /**
   * View → Presenter view: the landscape alone on the second screen (a preview window with
   * one screen), the notes, the controls and a clock on this one.
   */
  public void startPresenterView() {
    presenter.activeProperty().set(true);
  }

  /** A key pressed in the projector window does what it does here. */
  private void projectorKey(javafx.scene.input.KeyEvent e) {
    keys.fromProjector(e);
  }

  /** Ends the presenter view: the projector window closes. */
  public void endPresenterView() {
    presenter.activeProperty().set(false);
  }

  /** Whether the presenter view is on. */
  public boolean presenterViewOn() {
    return presenter.activeProperty().get();
  }

  /** The presenter view (for tests). */
  PresenterView presenterView() {
    return presenter;
  }

  private void releaseKeyboard() {
    keys.releaseKeyboard();
  }

  /** Whether the contour map and the surface have both been on screen: the start is over. */
  public boolean firstPictureDrawn() {
    return contour.showsField() && surface.framesShown() > 0;
  }

  // Watches, frame by frame, for the first picture, then lets the idle work start.
  private final javafx.animation.AnimationTimer firstPictureWatch =
      new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
          if (firstPictureDrawn()) {
            threads.firstPictureShown();
            stop();
          }
        }
      };

  private void releaseIdleAtFirstPicture() {
    firstPictureWatch.start();
  }

  /**
   * Ends the window's own work (the network's training, the analyses), stops its views and the
   * projector, lets go of the stage, then the threads; again does nothing (the app's stop, a
   * test's, and the hidden stage may each ask).
   */
  public void dispose() {
    if (disposed) {
      return;
    }
    disposed = true;
    stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, onHidden);
    stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, onShown);
    firstPictureWatch.stop();
    presenter.activeProperty().set(false);
    basins.runner().cancel();
    analysisView.dispose();
    beside.dispose();
    training.close();
    networkView.dispose();
    contour.dispose();
    surface.dispose();
    charts.dispose();
    if (ownsThreads) {
      threads.close();
    }
  }

  /**
   * A passing remark in the status line, not a problem ("the last demo of the lecture"):
   * muted, and gone after a few seconds unless something else was said since.
   */
  private void statusHint(String message) {
    statusMessage(message);
    status.getStyleClass().add("hint");
    javafx.animation.PauseTransition later =
        new javafx.animation.PauseTransition(javafx.util.Duration.seconds(4));
    later.setOnFinished(e -> {
      if (!status.textProperty().isBound() && message.equals(status.getText())) {
        status.getStyleClass().remove("hint");
        status.textProperty().bind(model.problemProperty());
      }
    });
    later.play();
  }

  /** A message in the status line until the next computation problem replaces it. */
  private void statusMessage(String message) {
    status.getStyleClass().remove("hint");
    status.textProperty().unbind();
    status.setText(message);
    model.problemProperty().addListener(new javafx.beans.InvalidationListener() {
          public void invalidated(javafx.beans.Observable o) {
        model.problemProperty().removeListener(this);
        status.getStyleClass().remove("hint");
        status.textProperty().bind(model.problemProperty());
      }
    });
  }

  /** The message line at the bottom (errors of open, save and computation). */
  public String statusText() {
    return status.getText();
  }
}
