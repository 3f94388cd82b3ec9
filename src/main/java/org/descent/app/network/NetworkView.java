package org.descent.app.network;

import org.descent.app.model.NetworkTraining;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.descent.app.Appearance;
import org.descent.app.Images;
import org.descent.app.Theme;
import org.descent.app.model.Background;
import org.descent.app.model.AppThreads;
import org.descent.app.model.LabModel;
import org.descent.app.model.LatestOnly;
import org.descent.app.model.OptimizerEntry;
import org.descent.network.PreparedData;
import org.descent.picture.Look;
import org.descent.picture.NetworkChartData;
import org.descent.picture.NetworkPictures;
import org.descent.network.NetworkPicture;
import org.descent.picture.RaceChart;
import org.descent.picture.RaceLegend;
import org.descent.picture.SlicePicture;
import org.descent.training.RunSnapshot;
import org.descent.training.TrainingSnapshot;

/**
 * The network beside the landscape: its progress and controls on top, the cards' legend, and
 * two pictures chosen by the student (the loss and the decision regions by default), drawn on
 * a worker into images by the code that exports them, at most 20 times a second. The
 * pictures of one run (regions, hidden units, loss landscape) follow the card last pressed.
 */
public final class NetworkView extends VBox {

  private static final long MIN_FRAME_NANOS = 50_000_000;
  // One request per interval at most, however many changes came in between.
  private final org.descent.app.model.FrameThrottle throttle =
      new org.descent.app.model.FrameThrottle(MIN_FRAME_NANOS, this::request);
  private static final int SLICE_SIZE = 40;

  private final LabModel model;
  private final NetworkTraining training;
  private final Appearance appearance;
  private final Slot top = new Slot("network-top", NetworkPicture.LOSS);
  private final Slot bottom = new Slot("network-bottom", NetworkPicture.REGIONS);
  private final org.descent.app.ImagePane legendBox =
      org.descent.app.ImagePane.asTallAsItsImage();
  private final ImageView legend = legendBox.view();
  private final Button playButton = new Button();
  private final ProgressBar progress = new ProgressBar(0);
  private final Label progressText = new Label();
  private final Label about = new Label();
  private final Label checkResult = new Label();
  // Counts the demos and networks shown, so that a late verdict about an earlier one is dropped.
  private long verdicts;
  private final LatestOnly<Rendered> renders;
  private final LatestOnly<SliceResult> slices;
  private final Background sliceWorker;
  // Touched only by render tasks (one at a time).
  private RaceChart topChart;
  private RaceChart bottomChart;
  private SlicePicture.Field slice;
  private String sliceKey = "";
  private String sliceWanted = "";
  private boolean sliceRunning;
  private Rendered shown;

  /** A picture drawn on the worker, already copied into a JavaFX image there. */
  private record Image(int[] argb, int width, int height, WritableImage fx) {
    Image(int[] argb, int width, int height) {
      this(argb, width, height, Images.of(argb, width, height));
    }
  }

  private record Rendered(Image legend, Image top, Image bottom, List<String> labels,
      String topCaption, String bottomCaption) {}

  private record SliceResult(String key, SlicePicture.Field field) {}

  // The card looked into, trained from a second seed, and the paths between the two minima
  // (on the slices' worker: seconds for a demo's network).
  private final RunPictureWork<org.descent.training.ModeConnectivity.Result> connects;

  // The Hessian's eigenvalues at the inspected run's latest kept weights (the slices' worker).
  private final RunPictureWork<org.descent.picture.SpectrumPicture.Field> spectra;

  /** Samples along each path between two minima, and the curve's training steps. */
  private static final int CONNECT_POINTS = 41;
  private static final int CONNECT_CURVE_STEPS = 1000;

  public NetworkView(LabModel model, NetworkTraining training, Appearance appearance,
      AppThreads threads) {
    super(4);
    Background background = threads.render();
    sliceWorker = threads.slices();
    this.model = model;
    this.training = training;
    this.appearance = appearance;
    setId("network-view");
    getStyleClass().add("network-view");
    setMinSize(200, 200);
    setPrefSize(600, 700);

    playButton.setId("network-play");
    playButton.setOnAction(e -> training.togglePause());
    training.pausedProperty().addListener((o, was, now) -> showPlayState());
    showPlayState();
    Button restart = new Button();
    restart.setGraphic(org.descent.app.Icons.toStart());
    restart.setId("network-restart");
    restart.setTooltip(new Tooltip("train again from the initial weights"));
    restart.setOnAction(e -> training.restart());
    progress.setId("network-progress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.setMinWidth(40);
    progressText.setId("network-progress-text");
    progressText.setMinWidth(Region.USE_PREF_SIZE);
    Button check = new Button("∇✓");
    check.setMinWidth(Region.USE_PREF_SIZE);
    check.setId("network-gradcheck");
    check.setTooltip(new Tooltip("gradient check: backprop against finite differences, at the "
        + "chosen card's current weights"));
    check.setOnAction(e -> gradientCheck());
    checkResult.setId("network-gradcheck-result");
    checkResult.getStyleClass().add("network-about");
    checkResult.setWrapText(true);
    checkResult.setMinHeight(Region.USE_PREF_SIZE);
    checkResult.managedProperty().bind(checkResult.textProperty().isNotEmpty());
    checkResult.visibleProperty().bind(checkResult.textProperty().isNotEmpty());
    Button best = new Button("⤓ best");
    best.setMinWidth(Region.USE_PREF_SIZE);
    best.setId("network-save-best");
    best.setTooltip(new Tooltip("early stopping: save the chosen card's weights at its lowest "
        + "validation loss, to start a network from them (init: {weights: FILE})"));
    best.setOnAction(e -> {
      javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
      chooser.setTitle("Save the early-stopped weights");
      chooser.setInitialFileName("best-weights.json");
      chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Weights",
          "*.json"));
      java.io.File file = chooser.showSaveDialog(getScene() == null ? null
          : getScene().getWindow());
      if (file != null) {
        saveBestWeights(file.toPath());
      }
    });
    // A flow, not a row: in a narrow column (1366 px in presentation mode) the step count goes
    // to a line of its own instead of being cut to "step 1500 / 1…".
    progress.setPrefWidth(140);
    javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 4, playButton,
        restart, check, best, progress, progressText);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setMinWidth(0);
    about.setId("network-about");
    about.getStyleClass().add("network-about");
    about.setMinWidth(0);
    about.setWrapText(false);
    VBox.setVgrow(top, Priority.ALWAYS);
    VBox.setVgrow(bottom, Priority.ALWAYS);
    getChildren().addAll(bar, about, checkResult, legendBox, top, bottom);
    setPadding(new javafx.geometry.Insets(6, 8, 6, 8));

    renders = new LatestOnly<>(background, this::show, e -> e.printStackTrace());
    slices = new LatestOnly<>(sliceWorker, this::sliceDone, e -> sliceRunning = false);
    // A Hessian that is not finite (a run that blew up) has no spectrum to draw.
    spectra = new RunPictureWork<>(sliceWorker, throttle::mark, e -> { });
    // Said under the bar, where a gradient check's verdict goes (a network that starts from a
    // weights file has no second seed; a run that diverges has no minimum).
    connects = new RunPictureWork<>(sliceWorker, throttle::mark, e -> checkResult.setText(
        "Two minima: " + (e instanceof org.descent.network.NetworkInputException
            ? e.getMessage() : "the second minimum could not be found")));
    training.snapshotProperty().addListener((o, was, now) -> {
      refreshStatus(now);
      chooseDefaultPicture(now);
      throttle.mark();
    });
    model.chosenProperty().addListener(o -> throttle.mark());
    model.extrasProperty().addListener((o, was, now) -> showScenarioPictures(now));
    // A check's verdict is about the network it ran on: another demo or network clears it.
    model.extrasProperty().addListener(o -> clearVerdict());
    model.networkProperty().addListener(o -> clearVerdict());
    model.optimizers().addListener((javafx.collections.ListChangeListener<OptimizerEntry>) c -> {
      throttle.mark();
      while (c.next()) {
        for (OptimizerEntry e : c.getAddedSubList()) {
          e.colorProperty().addListener(o -> throttle.mark());
          e.visibleProperty().addListener(o -> throttle.mark());
        }
      }
    });
    appearance.themeProperty().addListener(o -> throttle.mark());
    appearance.presentationProperty().addListener(o -> throttle.mark());
    appearance.presentationFontProperty().addListener(o -> throttle.mark());
    widthProperty().addListener(o -> throttle.mark());
    refreshStatus(null);
  }

  /** What the lower picture shows. */
  public ObjectProperty<NetworkPicture> bottomKindProperty() {
    return bottom.kind;
  }

  /** The legend's entries last drawn (for tests). */
  public List<String> legendLabels() {
    return shown == null ? List.of() : shown.labels();
  }

  /** The loss landscape last computed, or null (for tests). */
  public SlicePicture.Field slice() {
    return slice;
  }

  /**
   * Below the loss: the decision regions for 2-D data, the accuracy otherwise, until the
   * student picks something else.
   */
  private void chooseDefaultPicture(TrainingSnapshot s) {
    if (s == null || s.data() == null || bottom.chosenByHand || bottom.chosenByScenario) {
      return;
    }
    NetworkPicture wanted = s.data().rawTrain().features() == 2 ? NetworkPicture.REGIONS
        : NetworkPicture.ACCURACY;
    if (bottom.kind.get() != wanted) {
      bottom.settingDefault = true;
      bottom.kind.set(wanted);
      bottom.settingDefault = false;
    }
  }

  /**
   * A demo that names its network's pictures ({@code network_pictures}) shows them, over a
   * choice made by hand for an earlier demo; one that names none leaves the pictures as they
   * are.
   */
  private void showScenarioPictures(org.descent.scenario.Scenario s) {
    List<NetworkPicture> p = s == null ? List.of() : s.networkPictures();
    top.chosenByScenario = false;
    bottom.chosenByScenario = false;
    if (p.isEmpty()) {
      return;
    }
    top.choose(p.get(0));
    if (p.size() > 1) {
      bottom.choose(p.get(1));
    }
  }

  private void showPlayState() {
    boolean paused = training.pausedProperty().get();
    playButton.setGraphic(paused ? org.descent.app.Icons.play() : org.descent.app.Icons.pause());
    playButton.setTooltip(new Tooltip(paused ? "train the network (Space plays both)"
        : "pause the network's training"));
  }

  private void refreshStatus(TrainingSnapshot s) {
    // The tooltip describes the data set just trained on: a refused or pending one has none.
    about.setTooltip(null);
    if (s == null) {
      progress.setProgress(0);
      progressText.setText("");
      about.setText(model.networkProperty().get() == null ? "no network in this demo"
          : "preparing the network…");
      return;
    }
    if (!s.problem().isEmpty()) {
      progress.setProgress(0);
      progressText.setText("");
      about.setText(s.problem());
      return;
    }
    progress.setProgress(s.progress());
    int done = 0;
    int total = 0;
    for (RunSnapshot r : s.runs()) {
      done = Math.max(done, r.step());
      total = Math.max(total, r.steps());
    }
    progressText.setText("step " + done + " / " + total + (s.finished() ? "  ✓" : ""));
    var d = s.data();
    about.setText(d.train().name() + ": " + d.train().size() + " + " + d.validation().size()
        + " val. · " + s.architecture().describe() + " · " + s.architecture().parameterCount()
        + " weights");
    about.setTooltip(new Tooltip(d.train().size() + " training and " + d.validation().size()
        + " validation samples; the network " + s.architecture().describe() + " has "
        + s.architecture().parameterCount() + " weights"));
  }

  // ---- drawing

  private NetworkPictures.Frame frame(TrainingSnapshot s) {
    List<NetworkChartData.Run> runs = new ArrayList<>();
    int inspected = -1;
    OptimizerEntry chosen = model.chosenEntry();
    if (s != null && s.problem().isEmpty()) {
      for (RunSnapshot r : s.runs()) {
        OptimizerEntry e = training.entryOf(r.index());
        if (e == null || !e.isVisible() || !model.optimizers().contains(e)) {
          continue;
        }
        if (e == chosen) {
          inspected = runs.size();
        }
        runs.add(new NetworkChartData.Run(e.networkLabel(), Theme.argb(e.color()), r));
      }
      if (inspected < 0 && !runs.isEmpty()) {
        inspected = 0;
      }
    }
    int steps = s == null || s.runs().isEmpty() ? 1 : s.runs().get(0).steps();
    PreparedData data = s == null ? null : s.data();
    // The two minima of the run looked into, of this training: not those of another card or
    // of an earlier network.
    String run = inspected < 0 ? null
        : s.generation() + "/" + runs.get(inspected).snapshot().index();
    return new NetworkPictures.Frame(runs, steps, inspected, data, slice,
        run == null ? null : connects.resultFor(run), run == null ? null : spectra.resultFor(run));
  }

  private void request() {
    TrainingSnapshot s = training.snapshotProperty().get();
    NetworkPictures.Frame f = frame(s);
    if (wants(NetworkPicture.SLICE)) {
      requestSlice(s, f);
    }
    if (wants(NetworkPicture.CONNECT)) {
      requestConnect(s, f);
    }
    if (wants(NetworkPicture.SPECTRUM)) {
      requestSpectrum(s, f);
    }
    int tw = (int) Math.floor(top.pictureWidth());
    int th = (int) Math.floor(top.pictureHeight());
    int bw = (int) Math.floor(bottom.pictureWidth());
    int bh = (int) Math.floor(bottom.pictureHeight());
    int width = (int) Math.floor(getWidth() - 16);
    if (tw < 20 || th < 20 || bw < 20 || bh < 20 || width < 20) {
      return;
    }
    Look look = appearance.look();
    NetworkPicture kt = top.kind.get();
    NetworkPicture kb = bottom.kind.get();
    renders.request(() -> {
      if (topChart == null) {
        topChart = new RaceChart();
        bottomChart = new RaceChart();
      }
      NetworkChartData data = NetworkChartData.of(f.runs(), f.steps());
      RaceLegend key = new RaceLegend(data.loss(), look.scaled(look.scale(),
          look.fontSize() * 0.85f));
      Image l = legend(key, width);
      Image a = draw(look, tw, th, kt, f, topChart);
      Image b = draw(look, bw, bh, kb, f, bottomChart);
      return new Rendered(l, a, b, key.labels(), NetworkPictures.caption(kt, f),
          NetworkPictures.caption(kb, f));
    });
  }

  private boolean wants(NetworkPicture k) {
    return top.kind.get() == k || bottom.kind.get() == k;
  }

  private static Image draw(Look look, int w, int h, NetworkPicture kind, NetworkPictures.Frame f,
      RaceChart chart) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      NetworkPictures.draw(g, look, w, h, kind, f, chart, false);
      return new Image(img.getRGB(0, 0, w, h, null, 0, w), w, h);
    } finally {
      g.dispose();
    }
  }

  private static Image legend(RaceLegend key, int w) {
    int[] argb = key.pixels(w);
    return new Image(argb, w, argb.length / w);
  }

  private void show(Rendered r) {
    shown = r;
    legend.setImage(r.legend().fx());
    legendBox.requestLayout();
    top.show(r.top().fx(), r.topCaption());
    bottom.show(r.bottom().fx(), r.bottomCaption());
  }

  // ---- the loss landscape, on its own worker (it takes up to seconds on a large network)

  private void requestSlice(TrainingSnapshot s, NetworkPictures.Frame f) {
    if (s == null || f.inspected() < 0 || s.architecture() == null) {
      return;
    }
    RunSnapshot r = f.runs().get(f.inspected()).snapshot();
    String key = s.generation() + "/" + r.index() + "/" + r.trajectory().size() + "/"
        + f.runs().size();
    sliceWanted = key;
    if (key.equals(sliceKey) || sliceRunning) {
      return;
    }
    sliceRunning = true;
    var objective = s.lossOnTrainingSet();
    var architecture = s.architecture();
    List<NetworkChartData.Run> runs = f.runs();
    int inspected = f.inspected();
    slices.request(() -> new SliceResult(key, SlicePicture.around(objective, architecture, runs,
        inspected, SLICE_SIZE, null)));
  }

  /**
   * Trains the card looked into from a second seed, once its own training has ended (the
   * first minimum is then the one on screen), and the curve between the two minima.
   */
  private void requestConnect(TrainingSnapshot s, NetworkPictures.Frame f) {
    var request = training.shownRequest();
    if (s == null || !s.finished() || f.inspected() < 0 || request == null) {
      return;
    }
    RunSnapshot r = f.runs().get(f.inspected()).snapshot();
    long seed = request.setup().seed();
    int run = r.index();
    connects.request(s.generation() + "/" + run, superseded ->
        org.descent.training.ModeConnectivity.compute(
            org.descent.training.TrainingPlan.prepare(request), run, seed, seed + 1,
            CONNECT_POINTS, CONNECT_CURVE_STEPS, superseded));
  }

  /**
   * The spectrum at the run's latest kept weights; while it trains, again whenever new weights
   * are kept and the last computation is done.
   */
  private void requestSpectrum(TrainingSnapshot s, NetworkPictures.Frame f) {
    if (s == null || f.inspected() < 0 || s.architecture() == null) {
      return;
    }
    RunSnapshot r = f.runs().get(f.inspected()).snapshot();
    var t = r.trajectory();
    if (t.size() == 0) {
      return;
    }
    int step = t.step(t.size() - 1);
    var trajectory = t;
    String label = f.runs().get(f.inspected()).label();
    // The weights are copied and the loss set up on the worker, not here (both immutable).
    spectra.request(s.generation() + "/" + r.index() + "/" + step, superseded -> {
      var objective = s.lossOnTrainingSet();
      objective.setFullBatch();
      return org.descent.picture.SpectrumPicture.of(objective,
          trajectory.iterate(trajectory.size() - 1), label, step);
    });
  }

  private void sliceDone(SliceResult r) {
    sliceRunning = false;
    sliceKey = r.key();
    if (r.field() != null) {
      slice = r.field();
    }
    throttle.mark();
    if (!sliceWanted.equals(sliceKey)) {
      // The run moved on while this one was computed: the next frame asks again.
      throttle.mark();
    }
  }

  /**
   * Checks backprop against central finite differences at the chosen run's latest weights
   * (the initial ones before the first evaluation), on the slice's worker: 4n + 1 passes over
   * up to 64 training samples, a fraction of a second for the demos' networks.
   */
  /**
   * Early stopping's restore: writes the chosen card's weights at its lowest validation loss
   * to a weights file (through a temporary file), which a scenario's network starts from with
   * {@code init: {weights: FILE}}; what happened is said under the bar.
   */
  public void saveBestWeights(java.nio.file.Path target) {
    TrainingSnapshot s = training.snapshotProperty().get();
    NetworkPictures.Frame f = frame(s);
    if (s == null || f.inspected() < 0 || s.architecture() == null) {
      checkResult.setText("early stopping: nothing trains yet");
      return;
    }
    var run = f.runs().get(f.inspected());
    var best = run.snapshot().best();
    if (best == null) {
      checkResult.setText("early stopping: " + run.label() + " has no validation loss yet "
          + "(the network needs a validation share)");
      return;
    }
    var architecture = s.architecture();
    String who = run.label();
    var say = verdict();
    sliceWorker.submit(() -> {
      org.descent.export.AtomicFiles.writeText(target, w -> org.descent.network.WeightsFile
          .write(architecture, best.weights(), w));
      return target;
    }, path -> say.accept(String.format(java.util.Locale.ROOT,
        "saved %s's weights of step %d (validation loss %.4g) to %s; start a network from "
            + "them with init: {weights: %s}", who, best.step(), best.valLoss(), path,
        path.getFileName())), e -> say.accept("could not save " + target + ": "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
  }

  private void clearVerdict() {
    verdicts++;
    checkResult.setText("");
  }

  /**
   * Where a check or a save started now reports when it is done: nowhere if another demo or
   * network came in between (its verdict would be about a network no longer shown).
   */
  private java.util.function.Consumer<String> verdict() {
    long asked = verdicts;
    return text -> {
      if (asked == verdicts) {
        checkResult.setText(text);
      }
    };
  }

  /** The line under the bar (for tests): a gradient check's or a save's result. */
  public String resultLine() {
    return checkResult.getText();
  }

  private void gradientCheck() {
    TrainingSnapshot s = training.snapshotProperty().get();
    NetworkPictures.Frame f = frame(s);
    if (s == null || f.inspected() < 0 || s.architecture() == null) {
      checkResult.setText("gradient check: nothing trains yet");
      return;
    }
    var run = f.runs().get(f.inspected());
    var t = run.snapshot().trajectory();
    if (t.size() == 0) {
      checkResult.setText("gradient check: no weights yet");
      return;
    }
    double[] theta = t.iterate(t.size() - 1);
    int step = t.step(t.size() - 1);
    var architecture = s.architecture();
    var train = s.data().train();
    String who = run.label();
    String tooMuch = org.descent.network.WorkEstimate.gradientCheckProblem(
        architecture.parameterCount(), Math.min(64, train.size()), "samples");
    if (tooMuch != null) {
      checkResult.setText("gradient check: " + tooMuch);
      return;
    }
    checkResult.setText("gradient check at " + who + "'s weights (step " + step + ")…");
    var say = verdict();
    sliceWorker.submit(() -> org.descent.network.GradientCheck.ofNetwork(architecture, train,
        theta, 64), r -> say.accept(String.format(java.util.Locale.ROOT,
            "gradient check at %s's weights (step %d), %d parameters: largest relative error "
            + "%.1e, %s", who, step, r.parameters(), r.maxRelativeError(),
            r.maxRelativeError() < 1e-5 ? "backprop agrees with finite differences"
                : "backprop and finite differences disagree")),
        e -> say.accept("gradient check failed: " + e.getMessage()));
  }

  /** The last gradient check's result, or empty (for tests). */
  public String gradientCheckText() {
    return checkResult.getText();
  }

  /** Stops the frame timer (the window is closing; the threads are the window's to end). */
  public void dispose() {
    throttle.stop();
  }

  /** One picture with its chooser and caption above it. */
  private final class Slot extends VBox {
    final ObjectProperty<NetworkPicture> kind;
    boolean chosenByHand;
    boolean settingDefault;
    boolean chosenByScenario;
    private final Label caption = new Label();
    private final org.descent.app.ImagePane holder = org.descent.app.ImagePane.filling();
    private final ImageView view = holder.view();

    Slot(String id, NetworkPicture initial) {
      super(2);
      setId(id);
      kind = new SimpleObjectProperty<>(this, "kind", initial);
      setMinSize(120, 100);
      ChoiceBox<NetworkPicture> chooser = new ChoiceBox<>();
      chooser.getItems().setAll(NetworkPicture.values());
      chooser.valueProperty().bindBidirectional(kind);
      chooser.getStyleClass().add("network-chooser");
      chooser.setAccessibleText("what this picture of the network shows");
      chooser.setMinWidth(Region.USE_PREF_SIZE);
      caption.getStyleClass().add("network-caption");
      caption.setMinWidth(0);
      kind.addListener((o, was, now) -> {
        throttle.mark();
        chosenByHand |= !settingDefault;
        training.setSharpnessWanted(wants(NetworkPicture.SHARPNESS));
        if (now == NetworkPicture.UNITS || now == NetworkPicture.REGIONS) {
          training.refreshDiagnostics();
        }
      });
      HBox head = new HBox(8, chooser, caption);
      head.setAlignment(Pos.CENTER_LEFT);
      VBox.setVgrow(holder, Priority.ALWAYS);
      getChildren().addAll(head, holder);
      holder.widthProperty().addListener(o -> throttle.mark());
      holder.heightProperty().addListener(o -> throttle.mark());
    }

    /** Shows the picture a demo asks for: not a choice by hand, and kept over the default. */
    void choose(NetworkPicture picture) {
      settingDefault = true;
      kind.set(picture);
      settingDefault = false;
      chosenByHand = false;
      chosenByScenario = true;
    }

    double pictureWidth() {
      return holder.getWidth();
    }

    double pictureHeight() {
      return holder.getHeight();
    }

    void show(WritableImage image, String text) {
      view.setImage(image);
      caption.setText(text);
    }
  }
}
