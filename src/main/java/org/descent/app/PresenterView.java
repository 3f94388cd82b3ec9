package org.descent.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.descent.app.model.AppThreads;
import org.descent.app.model.LabModel;
import org.descent.app.model.LandscapeOptions;
import org.descent.app.model.LecturePosition;
import org.descent.app.model.MapOverlays;
import org.descent.scenario.Playlist;

/**
 * The presenter view, as slide programs have it: the students see only the landscape on the
 * projector ({@link Projector}), while the laptop keeps the main window — the notes, the
 * controls, the playback's step — and, in a strip above the notes, a clock (time since the
 * presenter view started, and the time of day) and the lecture's next demo. View → Presenter
 * view (or {@code descent open --presenter}) starts it; with one screen the projector opens as
 * a preview window. Use on the JavaFX thread.
 */
final class PresenterView {

  private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm");

  private final Stage laptop;
  private final LabModel model;
  private final Appearance appearance;
  private final LandscapeOptions options;
  private final MapOverlays overlays;
  private final AppThreads threads;
  private final LecturePosition lecture;
  private final Blackout blackout;
  private final Consumer<KeyEvent> keys;
  private Function<Rectangle2D, ProjectorPlacement> placement;
  private final Clock clock;
  private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
  private final VBox bar = new VBox(2);
  private final Label elapsed = new Label();
  private final Label timeOfDay = new Label();
  private final Label next = new Label();
  private final Timeline ticks = new Timeline();
  private Projector projector;
  private Instant started;
  // Each lecture move asks for the next demo's title; only the newest answer is shown.
  private int asked;

  /**
   * @param keys where the projector's keys go (the main window's key router)
   * @param placement where the projector goes, given the main window's bounds (tests pass
   *     one; the app's reads the screens)
   */
  PresenterView(Stage laptop, LabModel model, Appearance appearance, LandscapeOptions options,
      MapOverlays overlays, AppThreads threads, LecturePosition lecture, Blackout blackout,
      Consumer<KeyEvent> keys, Function<Rectangle2D, ProjectorPlacement> placement,
      Clock clock) {
    this.laptop = laptop;
    this.model = model;
    this.appearance = appearance;
    this.options = options;
    this.overlays = overlays;
    this.threads = threads;
    this.lecture = lecture;
    this.blackout = blackout;
    this.keys = keys;
    this.placement = placement;
    this.clock = clock;
    buildBar();
    active.addListener((o, was, now) -> {
      if (now) {
        open();
      } else {
        end();
      }
    });
    lecture.atProperty().addListener(o -> showNext());
    ticks.getKeyFrames().setAll(new KeyFrame(javafx.util.Duration.seconds(1),
        e -> showClock()));
    ticks.setCycleCount(Timeline.INDEFINITE);
  }

  /** Where the projector goes with the screens as the toolkit reports them. */
  static ProjectorPlacement onTheScreens(Rectangle2D mainWindow) {
    List<ProjectorPlacement.Area> areas = Screen.getScreens().stream()
        .map(s -> new ProjectorPlacement.Area(s.getBounds(), s.getVisualBounds())).toList();
    return ProjectorPlacement.choose(areas, mainWindow);
  }

  /** Places the projector by another rule (tests: two screens where the toolkit has one). */
  void placeWith(Function<Rectangle2D, ProjectorPlacement> rule) {
    placement = rule;
  }

  /** Whether the presenter view is on; setting it starts or ends it (View → Presenter view). */
  BooleanProperty activeProperty() {
    return active;
  }

  /** The laptop's strip: the clock and the next demo, shown while the presenter view is on. */
  Region bar() {
    return bar;
  }

  /** The projector window while the presenter view is on, else null. */
  Projector projector() {
    return projector;
  }

  private void open() {
    if (projector != null) {
      return;
    }
    Rectangle2D window = new Rectangle2D(laptop.getX(), laptop.getY(),
        Math.max(1, laptop.getWidth()), Math.max(1, laptop.getHeight()));
    projector = new Projector(laptop, model, appearance, options, overlays, threads, blackout,
        keys, () -> {
          projector = null;
          active.set(false);
        });
    projector.show(placement.apply(window));
    // The keyboard stays with the laptop, whose fields the lecturer types in; the projector's
    // keys are routed here anyway.
    laptop.requestFocus();
    started = clock.instant();
    showClock();
    showNext();
    ticks.playFromStart();
    bar.setVisible(true);
    bar.setManaged(true);
  }

  private void end() {
    ticks.stop();
    bar.setVisible(false);
    bar.setManaged(false);
    if (projector != null) {
      Projector p = projector;
      projector = null;
      p.close();
    }
    // The keys go back to the laptop's window.
    if (laptop.isShowing()) {
      laptop.requestFocus();
    }
  }

  private void buildBar() {
    bar.setId("presenter-bar");
    bar.getStyleClass().add("presenter-bar");
    bar.setPadding(new Insets(6, 8, 6, 8));
    Label title = new Label("Presenter view");
    title.getStyleClass().add("notes-title");
    elapsed.setId("presenter-elapsed");
    elapsed.getStyleClass().add("presenter-clock");
    elapsed.setTooltip(new Tooltip("time since the presenter view started"));
    timeOfDay.setId("presenter-time");
    timeOfDay.getStyleClass().add("presenter-time");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button stop = new Button("End");
    stop.setId("presenter-end");
    stop.setFocusTraversable(false);
    stop.setTooltip(new Tooltip("close the projector window (Esc there)"));
    stop.setOnAction(e -> active.set(false));
    HBox line = new HBox(10, title, elapsed, timeOfDay, gap, stop);
    line.setAlignment(Pos.CENTER_LEFT);
    next.setId("presenter-next");
    next.getStyleClass().add("presenter-next");
    next.setWrapText(true);
    next.setMinHeight(Region.USE_PREF_SIZE);
    next.managedProperty().bind(next.textProperty().isNotEmpty());
    next.visibleProperty().bind(next.textProperty().isNotEmpty());
    bar.getChildren().addAll(line, next);
    bar.setVisible(false);
    bar.setManaged(false);
  }

  private void showClock() {
    Instant now = clock.instant();
    long s = started == null ? 0 : Math.max(0, Duration.between(started, now).getSeconds());
    elapsed.setText(s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%02d:%02d", s / 60, s % 60));
    timeOfDay.setText(LocalTime.ofInstant(now, clock.getZone()).format(TIME_OF_DAY));
  }

  /** The lecture's next demo, by title (read in the background), or that this is the last. */
  private void showNext() {
    LecturePosition.At at = lecture.at();
    int ask = ++asked;
    if (at == null || projector == null) { // nothing to read while the strip is hidden
      next.setText("");
      return;
    }
    if (at.isLast()) {
      next.setText("Next: nothing, the last demo of the lecture");
      return;
    }
    Playlist.Entry entry = at.playlist().entries().get(at.index() + 1);
    String where = at.playlist().position(at.index() + 1);
    next.setText("Next: " + entry.demo().name() + " (" + where + ")");
    threads.render().submit(() -> entry.demo().read().title(), title -> {
      if (ask == asked && !title.isEmpty()) {
        next.setText("Next: " + title + " (" + where + ")");
      }
    }, e -> { });
  }

  /** The clock's texts (for tests): elapsed, then the time of day. */
  String clockText() {
    return elapsed.getText() + " " + timeOfDay.getText();
  }

  /** What the strip says of the next demo (for tests). */
  String nextText() {
    return next.getText();
  }
}
