package org.descent.app.export;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.descent.export.PngFrames;
import org.descent.picture.Look;
import org.descent.picture.Pictures;
import org.descent.scenario.Scenario;

/**
 * File → Export…: an animation (PNG frames, a GIF, an MP4 video), a still (PNG or PDF) or the
 * trajectories (CSV) of the race as the window shows it, at a chosen size, range and speed.
 * The export runs in the background with a progress bar and Cancel; the window stays usable.
 * An existing file is replaced only after asking.
 */
public final class ExportDialog extends Dialog<Void> {

  private static final String[] KINDS = {"Animation: PNG frames", "Animation: GIF",
      "Animation: MP4 video", "Still picture (PNG, or PDF for vectors)", "Trajectories (CSV)",
      "The network's curves (CSV)"};
  private static final String[] VIEWS = {"Slide: title, map, surface (or network) and charts",
      "Contour map", "Surface", "Charts", "Network: loss and regions",
      "Step inspector: the first card's steps"};
  private static final String[] SIZES = {"1280 × 720", "1920 × 1080", "Custom"};

  private final ChoiceBox<String> kind = new ChoiceBox<>();
  private final ChoiceBox<String> view = new ChoiceBox<>();
  private final ChoiceBox<String> size = new ChoiceBox<>();
  private final TextField width = number("1280");
  private final TextField height = number("720");
  private final TextField from = number("0");
  private final TextField to = number("0");
  private final TextField every = number("1");
  private final TextField speed = number("30");
  private final TextField step = number("0");
  private final CheckBox turn = new CheckBox("turn the surface slowly");
  private final CheckBox large = new CheckBox("presentation sizes (large text, thick lines)");
  private final TextField target = new TextField();
  private final ProgressBar progress = new ProgressBar(0);
  private final Label status = new Label();
  private final Supplier<Scenario> scenario;
  private final Look look;
  private ExportJob job;

  private final org.descent.app.model.AppThreads threads;

  /**
   * @param scenario the race as the window shows it, read when the export starts
   * @param look the window's theme (colours); sizes follow the export's height
   * @param steps the race's last step
   * @param currentStep where playback is (the still's default step)
   * @param presentation whether the window is in presentation mode: its export then starts
   *     with presentation sizes, as the slide the lecturer sees
   */
  public ExportDialog(Window owner, Supplier<Scenario> scenario, Look look, int steps,
      int currentStep, double playbackSpeed, String title, boolean presentation,
      org.descent.app.model.AppThreads threads) {
    this.scenario = scenario;
    this.threads = threads;
    this.look = look;
    large.setSelected(presentation);
    large.setId("export-large");
    initOwner(owner);
    org.descent.app.DialogKeys.closeAfterTheKey(this);
    setTitle("Export");
    setHeaderText("Export \u201c" + (title.isEmpty() ? "the race" : title) + "\u201d");
    kind.getItems().setAll(KINDS);
    kind.getSelectionModel().select(1);
    view.getItems().setAll(VIEWS);
    view.getSelectionModel().select(0);
    size.getItems().setAll(SIZES);
    size.getSelectionModel().select(0);
    to.setText(Integer.toString(steps));
    step.setText(Integer.toString(currentStep));
    step.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    speed.setText(Integer.toString((int) Math.max(1, Math.round(playbackSpeed))));
    target.setPrefColumnCount(28);
    target.setId("export-target");
    to.setId("export-to");
    speed.setId("export-speed");
    kind.setId("export-kind");
    view.setId("export-view");
    size.setId("export-size");
    Button choose = new Button("Choose…");
    choose.setOnAction(e -> choose());
    HBox where = new HBox(6, target, choose);
    HBox.setHgrow(target, Priority.ALWAYS);
    HBox wh = new HBox(6, size, width, new Label("×"), height);
    HBox range = new HBox(6, new Label("from step"), from, new Label("to"), to,
        new Label("every"), every);
    HBox pace = new HBox(6, speed, new Label("steps per second"));
    progress.setMaxWidth(Double.MAX_VALUE);
    status.setWrapText(true);
    status.setId("export-status");
    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setPadding(new Insets(12));
    int row = 0;
    grid.addRow(row++, new Label("What"), kind);
    grid.addRow(row++, new Label("View"), view);
    grid.addRow(row++, new Label("Size"), wh);
    grid.addRow(row++, new Label("Steps"), range);
    grid.addRow(row++, new Label("Speed"), pace);
    grid.addRow(row++, new Label("Still at step"), step);
    grid.addRow(row++, new Label(""), turn);
    grid.addRow(row++, new Label(""), large);
    grid.addRow(row++, new Label("To"), where);
    grid.add(progress, 0, row, 2, 1);
    grid.add(status, 0, row + 1, 2, 1);
    getDialogPane().setContent(grid);
    ButtonType exportType = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
    getDialogPane().getButtonTypes().setAll(exportType, ButtonType.CLOSE);
    Button export = (Button) getDialogPane().lookupButton(exportType);
    export.setId("export-start");
    // Export starts the job and keeps the dialog open; Close cancels a running job.
    export.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
      e.consume();
      start();
    });
    Button close = (Button) getDialogPane().lookupButton(ButtonType.CLOSE);
    close.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
      if (job != null && job.isRunning()) {
        e.consume();
        job.cancel();
      }
    });
    Runnable update = () -> {
      boolean custom = size.getSelectionModel().getSelectedIndex() == 2;
      width.setDisable(!custom);
      height.setDisable(!custom);
      if (!custom) {
        boolean hd = size.getSelectionModel().getSelectedIndex() == 1;
        width.setText(hd ? "1920" : "1280");
        height.setText(hd ? "1080" : "720");
      }
      ExportJob.Kind k = kindOf();
      boolean csv = k == ExportJob.Kind.CSV || k == ExportJob.Kind.TRAINING_CSV;
      boolean animation = k != ExportJob.Kind.STILL && !csv;
      for (var n : new javafx.scene.Node[] {from, to, every, speed}) {
        n.setDisable(!animation);
      }
      step.setDisable(k != ExportJob.Kind.STILL);
      Pictures.View v = viewOf();
      turn.setDisable(!animation || v == Pictures.View.CONTOUR || v == Pictures.View.CHARTS);
      view.setDisable(csv);
      target.setPromptText(switch (k) {
        case PNG_FRAMES -> "a folder for frame_0001.png, frame_0002.png, …";
        case GIF -> "race.gif";
        case MP4 -> "race.mp4";
        case STILL -> "picture.png or picture.pdf";
        case CSV -> "trajectories.csv";
        case TRAINING_CSV -> "network.csv";
      });
    };
    kind.valueProperty().addListener(o -> update.run());
    // The name follows the format, or a GIF chosen first and switched to MP4 would write
    // video data under race.gif.
    kind.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
      String path = target.getText().trim();
      if (!path.isEmpty() && now.intValue() >= 0) {
        target.setText(retarget(path, kindOf()));
      }
    });
    size.valueProperty().addListener(o -> update.run());
    view.valueProperty().addListener(o -> update.run());
    update.run();
  }

  /**
   * The path with the extension of {@code kind}, in the folder and with the base name the user
   * chose: race.gif becomes race.mp4, or the folder race for PNG frames, and the folder race
   * becomes race.gif. Only the extensions of the dialog's own formats are replaced, so a name
   * with a dot of its own (lecture-3.2) keeps it; a still keeps .pdf when it had it.
   */
  static String retarget(String chosen, ExportJob.Kind kind) {
    String path = chosen;
    while (path.length() > 1 && (path.endsWith("/") || path.endsWith(File.separator))) {
      path = path.substring(0, path.length() - 1); // a folder of frames named with its slash
    }
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf(File.separatorChar));
    String name = path.substring(slash + 1);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (kind == ExportJob.Kind.STILL && lower.endsWith(".pdf")) {
      return chosen;
    }
    String base = name;
    for (String known : new String[] {".gif", ".mp4", ".png", ".pdf", ".csv"}) {
      if (lower.endsWith(known) && lower.length() > known.length()) {
        base = name.substring(0, name.length() - known.length());
        break;
      }
    }
    if (base.isEmpty()) {
      return chosen;
    }
    return path.substring(0, slash + 1) + base + kind.extension();
  }

  private static TextField number(String text) {
    TextField f = new TextField(text);
    f.setPrefColumnCount(5);
    return f;
  }

  private ExportJob.Kind kindOf() {
    return ExportJob.Kind.values()[Math.max(0, kind.getSelectionModel().getSelectedIndex())];
  }

  private Pictures.View viewOf() {
    return switch (view.getSelectionModel().getSelectedIndex()) {
      case 1 -> Pictures.View.CONTOUR;
      case 2 -> Pictures.View.SURFACE;
      case 3 -> Pictures.View.CHARTS;
      case 4 -> Pictures.View.NETWORK;
      case 5 -> Pictures.View.STEP;
      default -> Pictures.View.LAYOUT;
    };
  }

  private void choose() {
    ExportJob.Kind k = kindOf();
    File f;
    if (k == ExportJob.Kind.PNG_FRAMES) {
      DirectoryChooser c = new DirectoryChooser();
      c.setTitle("Folder for the frames");
      f = c.showDialog(getOwner());
    } else {
      FileChooser c = new FileChooser();
      c.setTitle("Export to");
      c.setInitialFileName(switch (k) {
        case GIF -> "race.gif";
        case MP4 -> "race.mp4";
        case CSV -> "trajectories.csv";
        case TRAINING_CSV -> "network.csv";
        default -> "picture.png";
      });
      f = c.showSaveDialog(getOwner());
    }
    if (f != null) {
      target.setText(f.getPath());
    }
  }

  /** The request the form describes, or an explanation of what is wrong with it. */
  ExportJob.Request request() {
    String path = target.getText().trim();
    if (path.isEmpty()) {
      throw new IllegalArgumentException("choose where to write the export");
    }
    int w = integer(width, "width", 160, 3840);
    int h = integer(height, "height", 120, 3840);
    int first = integer(from, "first step", 0, Integer.MAX_VALUE);
    int last = integer(to, "last step", first, Integer.MAX_VALUE);
    int n = integer(every, "every", 1, Integer.MAX_VALUE);
    double pace;
    try {
      pace = Double.parseDouble(speed.getText().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the speed must be a number of steps per second");
    }
    int still = integer(step, "step", 0, Integer.MAX_VALUE);
    Look l = org.descent.export.ExportLook.of(look, large.isSelected(), w, h);
    return new ExportJob.Request(kindOf(), Path.of(path), viewOf(), w, h, first, last, n, pace,
        turn.isSelected(), still, l);
  }

  private static int integer(TextField f, String name, int min, int max) {
    try {
      int v = Integer.parseInt(f.getText().trim());
      if (v < min || v > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max
            + ", got " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '"
          + f.getText().trim() + "'");
    }
  }

  private void start() {
    if (job != null && job.isRunning()) {
      return;
    }
    ExportJob.Request r;
    try {
      r = request();
    } catch (IllegalArgumentException e) {
      status.setText(e.getMessage());
      return;
    }
    if (replaces(r) && !confirm(r.target())) {
      return;
    }
    job = new ExportJob(scenario.get(), r);
    progress.progressProperty().bind(job.progressProperty());
    status.textProperty().bind(job.messageProperty());
    job.stateProperty().addListener((o, was, now) -> finished(now, r));
    threads.start("descent-export", job);
  }

  private static boolean replaces(ExportJob.Request r) {
    if (r.kind() == ExportJob.Kind.PNG_FRAMES) {
      int frames = (r.to() - r.from()) / Math.max(1, r.every()) + 1;
      return PngFrames.wouldReplace(r.target(), frames);
    }
    return Files.isRegularFile(r.target());
  }

  private boolean confirm(Path target) {
    if (Boolean.getBoolean("descent.noDialogs")) {
      return Boolean.getBoolean("descent.replaceFiles");
    }
    Alert ask = new Alert(Alert.AlertType.CONFIRMATION, target + " exists. Replace it?",
        ButtonType.YES, ButtonType.NO);
    ask.initOwner(getDialogPane().getScene().getWindow());
    ask.setHeaderText("Replace the file?");
    org.descent.app.DialogKeys.closeAfterTheKey(ask);
    return ask.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
  }

  private void finished(Worker.State state, ExportJob.Request r) {
    switch (state) {
      case SUCCEEDED -> {
        status.textProperty().unbind();
        status.setText(job.getValue());
      }
      case CANCELLED -> {
        status.textProperty().unbind();
        status.setText(r.kind() == ExportJob.Kind.PNG_FRAMES
            ? "cancelled: the whole frames written so far stay in " + r.target()
            : "cancelled: nothing was written");
      }
      case FAILED -> {
        status.textProperty().unbind();
        Throwable e = job.getException();
        status.setText("could not export: " + (e.getMessage() == null ? e.toString()
            : e.getMessage()));
      }
      default -> { }
    }
  }

  /** The status line, for tests. */
  public String statusText() {
    return status.getText();
  }

  /** The running or last job, for tests. */
  public ExportJob job() {
    return job;
  }

  /** Fills the form (for tests, which cannot drive native file choosers). */
  public void fill(int kindIndex, int viewIndex, String path, int w, int h) {
    kind.getSelectionModel().select(kindIndex);
    view.getSelectionModel().select(viewIndex);
    size.getSelectionModel().select(2);
    width.setText(Integer.toString(w));
    height.setText(Integer.toString(h));
    target.setText(path);
  }

  /** Starts the export the form describes (the Export button). */
  public void startExport() {
    start();
  }
}
