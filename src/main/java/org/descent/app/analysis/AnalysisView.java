package org.descent.app.analysis;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.descent.analysis.AnalysisListener;
import org.descent.analysis.Axis;
import org.descent.analysis.HyperMap;
import org.descent.analysis.HyperMapRequest;
import org.descent.analysis.HyperMaps;
import org.descent.analysis.HyperSearch;
import org.descent.analysis.QuadraticStability;
import org.descent.analysis.Sweep;
import org.descent.analysis.SweepRequest;
import org.descent.analysis.Sweeps;
import org.descent.app.Appearance;
import org.descent.app.Theme;
import org.descent.app.model.Background;
import org.descent.app.model.LabModel;
import org.descent.app.model.LatestOnly;
import org.descent.app.model.OptimizerEntry;
import org.descent.app.model.RaceResult;
import org.descent.function.FormulaObjective;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.picture.AnalysisPlot;
import org.descent.picture.HyperMapPicture;
import org.descent.picture.Look;
import org.descent.picture.SearchPicture;
import org.descent.picture.StabilityPicture;
import org.descent.picture.StepPicture;
import org.descent.picture.SweepPicture;
import org.descent.trace.Trace;

/**
 * The analyses beside the map, one at a time by the student's choice: the learning-rate sweep
 * of every card, the maps of (learning rate, momentum) and of Adam's (β₁, β₂) for the chosen
 * card, grid against random search, and the stability of the local quadratic model at the
 * chosen card's iterate. Each is computed on the analysis workers, coarse first, a moment
 * after what it depends on changes; a click on a map or on a curve's point sets those values
 * on the card.
 */
public final class AnalysisView extends VBox {

  /** What the column shows. */
  public enum Kind {
    SWEEP("Learning-rate sweep of every card"),
    NETWORK_SWEEP("Learning-rate sweep on the network"),
    LR_MOMENTUM("Learning rate × momentum of the chosen card"),
    ADAM_BETAS("Adam's β₁ × β₂ of the chosen card"),
    SEARCH("Grid against random search, chosen card"),
    STABILITY("Stability of the local quadratic model"),
    STEP("Inside the chosen card's step"),
    POWER("Power method x ← Wx: exploding and vanishing"),
    BLUR("Blurred landscape: continuation"),
    DEPTH("Signal through the network's depth");

    final String title;

    Kind(String title) {
      this.title = title;
    }
  }

  /** Cells per side of a map; trials of a search. */
  static final int CELLS = 40;
  static final int SEARCH_BUDGET = 16;
  static final double TOLERANCE = 1e-6;

  private final LabModel model;
  private final Appearance appearance;
  private final AnalysisRunner runner;
  // The tuner runs apart: a view's recomputation must never cancel it.
  private final AnalysisRunner tuner;
  private final ChoiceBox<Kind> chooser = new ChoiceBox<>();
  private final Label hint = new Label();
  private final org.descent.app.ImagePane stage = org.descent.app.ImagePane.filling();
  private final ImageView image = stage.view();
  private final javafx.beans.property.ObjectProperty<org.descent.picture.MapScene.Inspection>
      stepOnMap = new javafx.beans.property.SimpleObjectProperty<>(this, "stepOnMap");
  private final javafx.beans.InvalidationListener specChanged = o -> changed(300);
  private final PauseTransition settle = new PauseTransition(Duration.millis(300));
  private final LatestOnly<Drawn> drawings;
  private boolean shown;
  private Result result;
  private Drawn drawn;
  private String computedKey = "";

  /** What was computed, ready to draw. */
  public sealed interface Result permits SweepResult, MapResult, SearchResult, StabilityResult,
      StepResult, TunedRates, PowerResult, BlurResult, DepthResult {}

  /** The network's layers at the initial weights, under each initialization. */
  public record DepthResult(org.descent.picture.DepthPicture picture) implements Result {}

  /**
   * The landscape blurred by σ with the race on it, at the end of the continuation's stage
   * for that σ (or the whole race, without a continuation).
   */
  public record BlurResult(org.descent.picture.RaceScene scene, int step, double sigma)
      implements Result {}

  /** The power method's picture at the sliders' eigenvalues. */
  public record PowerResult(org.descent.picture.PowerPicture picture) implements Result {}

  /** One step opened: its numbers, and what the map draws at its iterate. */
  public record StepResult(StepPicture picture, org.descent.picture.MapScene.Inspection onMap)
      implements Result {}

  /**
   * A sweep; {@code entries.get(i)} is the card of curve i; {@code network} when it ran on the
   * network (a click then sets the card's network learning rate).
   */
  public record SweepResult(Sweep sweep, List<Integer> argb, double target, int steps,
      List<OptimizerEntry> entries, boolean network) implements Result {}

  public record MapResult(HyperMap map, int steps, OptimizerEntry entry) implements Result {}

  public record SearchResult(HyperMap map, HyperSearch.Result grid, HyperSearch.Result random,
      int steps, OptimizerEntry entry) implements Result {}

  public record StabilityResult(StabilityPicture picture) implements Result {}

  /** A drawn picture and the geometry its clicks need. */
  public record Drawn(Result result, int[] argb, int width, int height, AnalysisPlot[] plots) {}

  public AnalysisView(LabModel model, Appearance appearance, AnalysisRunner runner,
      Background background) {
    super(4);
    this.model = model;
    this.appearance = appearance;
    this.runner = runner;
    this.tuner = runner.sibling();
    setId("analysis-view");
    getStyleClass().add("analysis-view");
    setMinSize(200, 200);
    setPrefSize(600, 700);
    drawings = new LatestOnly<>(background, this::show, e -> hint.setText(
        "could not draw it: " + e));

    chooser.setId("analysis-kind");
    chooser.getItems().setAll(Kind.values());
    chooser.setValue(Kind.SWEEP);
    chooser.setConverter(new StringConverter<>() {
      @Override
      public String toString(Kind k) {
        return k == null ? "" : k.title;
      }

      @Override
      public Kind fromString(String s) {
        return null;
      }
    });
    chooser.setMaxWidth(Double.MAX_VALUE);
    chooser.setMinWidth(60);
    HBox.setHgrow(chooser, Priority.ALWAYS);
    chooser.valueProperty().addListener(o -> {
      result = null;
      computedKey = "";
      stepOnMap.set(null);
      boolean power = chooser.getValue() == Kind.POWER;
      powerSliders.setVisible(power);
      powerSliders.setManaged(power);
      boolean blur = chooser.getValue() == Kind.BLUR;
      sigmaSlider.setVisible(blur);
      sigmaSlider.setManaged(blur);
      changed(0);
    });
    AnalysisProgress progress = new AnalysisProgress(runner, "analysis-progress");
    AnalysisProgress tuning = new AnalysisProgress(tuner, "tune-progress");
    javafx.scene.control.Button tune = new javafx.scene.control.Button("Tune ε");
    tune.setId("tune-rates");
    tune.setMinWidth(Region.USE_PREF_SIZE);
    tune.setTooltip(new javafx.scene.control.Tooltip("find, for every card, the learning rate "
        + "with the lowest final loss here (a log-scale search), and set it: the race is then "
        + "tuned against tuned"));
    tune.setOnAction(e -> tuneRates());
    javafx.scene.control.Button save = new javafx.scene.control.Button("PNG…");
    save.setId("analysis-save");
    save.setMinWidth(Region.USE_PREF_SIZE);
    save.setTooltip(new javafx.scene.control.Tooltip("save this picture for a slide, at twice "
        + "the size on screen"));
    save.setOnAction(e -> {
      javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
      chooser.setTitle("Save the picture");
      chooser.setInitialFileName(chooser().getValue().name().toLowerCase(java.util.Locale.ROOT)
          + ".png");
      chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PNG",
          "*.png"));
      java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
      if (f != null) {
        savePng(f.toPath());
      }
    });
    HBox top = new HBox(6, chooser, tune, save);
    top.setAlignment(Pos.CENTER_LEFT);
    hint.setId("analysis-hint");
    hint.setWrapText(true);
    hint.getStyleClass().add("scenario-description");
    hint.setMinHeight(Region.USE_PREF_SIZE);
    VBox.setVgrow(stage, Priority.ALWAYS);
    powerSliders = powerSliders();
    getChildren().addAll(top, progress, tuning, hint, powerSliders, sigmaSlider(), stage);
    setPadding(new javafx.geometry.Insets(6, 6, 6, 6));

    settle.setOnFinished(e -> compute());
    for (Observable p : List.of(model.landscapeProperty(), model.startProperty(),
        model.stepsProperty(), model.noiseProperty(), model.seedProperty(),
        model.inspectedProperty())) {
      p.addListener(o -> changed(300));
    }
    model.raceProperty().addListener(o -> changed(300));
    model.networkProperty().addListener(o -> changed(300));
    model.loadsProperty().addListener(o -> {
      powerTaken = false; // a new demo brings its own W and blur
      sigmaTaken = false;
    });
    for (OptimizerEntry e : model.optimizers()) {
      watch(e);
    }
    model.optimizers().addListener((javafx.collections.ListChangeListener<OptimizerEntry>) c -> {
      while (c.next()) {
        c.getAddedSubList().forEach(this::watch);
      }
      changed(300);
    });
    model.currentStepProperty().addListener(o -> {
      if (chooser.getValue() == Kind.STABILITY || chooser.getValue() == Kind.STEP) {
        changed(60);
      }
    });
    appearance.themeProperty().addListener(o -> redraw());
    appearance.presentationProperty().addListener(o -> redraw());
    stage.widthProperty().addListener(o -> redraw());
    stage.heightProperty().addListener(o -> redraw());
    stage.setOnMouseClicked(e -> click(e.getX(), e.getY()));
  }

  private void watch(OptimizerEntry e) {
    e.specProperty().addListener(specChanged);
    e.visibleProperty().addListener(specChanged);
    e.colorProperty().addListener(specChanged);
  }

  /**
   * Writes the picture on screen to a PNG file at twice its size, off the JavaFX thread;
   * nothing half-written is left, and a failure is said on the hint line.
   */
  public void savePng(java.nio.file.Path target) {
    Drawn d = drawn;
    if (d == null) {
      hint.setText("nothing to save yet");
      return;
    }
    Look look = appearance.look();
    Look big = look.scaled(look.scale() * 2, look.fontSize() * 2);
    double[] card = cardValues(d.result());
    java.util.concurrent.CompletableFuture.runAsync(() -> {
      String said;
      try {
        Drawn twice = draw(d.result(), big, d.width() * 2, d.height() * 2, card);
        BufferedImage img = new BufferedImage(twice.width(), twice.height(),
            BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, twice.width(), twice.height(), twice.argb(), 0, twice.width());
        org.descent.export.AtomicFiles.write(target, p -> {
          if (!javax.imageio.ImageIO.write(img, "png", p.toFile())) {
            throw new java.io.IOException("no PNG writer");
          }
        });
        said = "saved " + target;
      } catch (java.io.IOException | RuntimeException e) {
        said = "could not save " + target + ": " + (e.getMessage() == null
            ? e.getClass().getSimpleName() : e.getMessage());
      }
      String text = said;
      javafx.application.Platform.runLater(() -> {
        hint.setText(text);
        lastSaved = text;
      });
    });
  }

  private String lastSaved = "";

  /** What the last save said (for tests). */
  public String lastSaved() {
    return lastSaved;
  }

  /** Whether the column is on screen: only then does it compute. */
  public void setShown(boolean on) {
    shown = on;
    if (on) {
      changed(0);
    } else {
      settle.stop();
      runner.cancel();
      tuner.cancel();
      stepOnMap.set(null);
    }
  }

  /** The step opened by the step inspector, for the map to draw at its iterate; or null. */
  public javafx.beans.value.ObservableValue<org.descent.picture.MapScene.Inspection>
      stepOnMap() {
    return stepOnMap;
  }

  public ChoiceBox<Kind> chooser() {
    return chooser;
  }

  /** The runner computing the analyses (for tests). */
  public AnalysisRunner runner() {
    return runner;
  }

  /** The last computed result (for tests), or null. */
  public Result result() {
    return result;
  }

  /** Whether a picture of the current result is on screen (for tests). */
  public boolean showsResult() {
    return drawn != null && drawn.result() == result && result != null;
  }

  /** The picture on screen (for tests), or null. */
  public Drawn drawn() {
    return drawn;
  }

  public String hintText() {
    return hint.getText();
  }

  private void changed(double millis) {
    if (!shown) {
      return;
    }
    settle.setDuration(Duration.millis(Math.max(1, millis)));
    settle.playFromStart();
  }


  // ---- computing

  private void compute() {
    Landscape l = model.landscape();
    Vec2 start = model.startProperty().get();
    OptimizerEntry entry = model.chosenEntry();
    if (l == null || start == null || entry == null) {
      hint.setText("add an optimizer to analyse it");
      return;
    }
    Kind kind = chooser.getValue();
    FormulaObjective f = l.formula().objective();
    double[] s = {start.x(), start.y()};
    int steps = model.stepsProperty().get();
    double noise = model.noiseProperty().get();
    long seed = model.seedProperty().get();
    double target = l.bestMinimumValue();
    String key = kind + "|" + l.formula().text() + "|" + l.parameters() + "|" + start + "|"
        + steps + "|" + noise + "|" + seed;
    switch (kind) {
      case SWEEP -> {
        List<OptimizerEntry> entries = model.optimizers().stream()
            .filter(OptimizerEntry::isVisible).toList();
        List<OptimizerSpec> specs = entries.stream().map(OptimizerEntry::spec).toList();
        key += "|" + specs.stream().map(x -> without(x, Param.LR)).toList();
        if (key.equals(computedKey)) {
          redraw();
          return;
        }
        List<Integer> colours = new ArrayList<>();
        List<OptimizerSpec> swept = new ArrayList<>();
        List<OptimizerEntry> sweptEntries = new ArrayList<>();
        for (OptimizerEntry e : entries) {
          if (e.spec().type().params().contains(Param.LR)) {
            swept.add(e.spec());
            sweptEntries.add(e);
            colours.add(Theme.argb(e.color()));
          }
        }
        if (swept.isEmpty()) {
          hint.setText("no card has a learning rate to sweep (Newton, CG and BFGS choose "
              + "their own steps)");
          result = null;
          redraw();
          return;
        }
        hint.setText("final loss against the learning rate: too small crawls, too large "
            + "diverges (✕). Click a point to set its learning rate on the card.");
        double[] minimum = l.nearestMinimum(start.x(), start.y());
        computedKey = key;
        runner.start("learning-rate sweep", (w, c, listener) -> {
          SweepRequest r = new SweepRequest(f, s, swept, Param.LR, Axis.log("lr", 1e-5, 10, 61),
              steps, noise, seed, target, TOLERANCE, minimum);
          Sweeps.compute(r, w, c, AnalysisListener.passing(listener,
              sweep -> new SweepResult(sweep, colours, target, steps, sweptEntries,
                  false)));
        }, this::computed);
      }
      case NETWORK_SWEEP -> computeNetworkSweep(key);
      case LR_MOMENTUM, ADAM_BETAS, SEARCH -> {
        OptimizerSpec base = entry.spec();
        Param second = kind == Kind.SEARCH ? secondParam(base.type())
            : kind == Kind.ADAM_BETAS ? Param.BETA2 : Param.MOMENTUM;
        String refusal = refusal(kind, base.type(), second);
        if (refusal != null) {
          hint.setText(refusal);
          result = null;
          computedKey = "";
          runner.cancel();
          redraw();
          return;
        }
        Param first = kind == Kind.ADAM_BETAS ? Param.BETA1 : Param.LR;
        key += "|" + without(base, first, second);
        if (key.equals(computedKey)) {
          redraw();
          return;
        }
        computedKey = key;
        double[] lrRange = learningRates(f, s, base);
        double tol = relativeTolerance(f, s, target);
        hint.setText(switch (kind) {
          case SEARCH -> "the same " + SEARCH_BUDGET + " runs as a grid and at random: the "
              + "grid tries only " + (int) Math.sqrt(SEARCH_BUDGET) + " learning rates, random "
              + "search " + SEARCH_BUDGET + " (the ticks along the bottom).";
          default -> "steps until f − f* is 1/1000 of the start's (bright: fast; ◯ the "
              + "fastest). Click a cell to set its values on the card (+).";
        });
        runner.start(kind == Kind.SEARCH ? "grid and random search" : "map of "
            + base.label(), (w, c, listener) -> {
              HyperMapRequest r = kind == Kind.ADAM_BETAS
                  ? HyperMapRequest.adamBetas(f, s, base, CELLS, steps, target, tol)
                  : new HyperMapRequest(f, s, base, Param.LR,
                      Axis.log("lr", lrRange[0], lrRange[1], CELLS), second,
                      axisOf(second, CELLS), steps, 0, 0, target, tol, true);
              r = r.withNoise(noise, seed);
              if (kind != Kind.SEARCH) {
                HyperMaps.compute(r, w, c, AnalysisListener.passing(listener,
                    m -> new MapResult(m, steps, entry)));
                return;
              }
              HyperMap map = HyperMaps.compute(r.withCoarseToFine(false), w, c,
                  AnalysisListener.none());
              HyperSearch.Problem p = new HyperSearch.Problem(f, s, base, Param.LR, r.x(),
                  second, r.y(), steps, noise, seed);
              HyperSearch.Result grid = HyperSearch.grid(p, SEARCH_BUDGET, w, c);
              HyperSearch.Result random = HyperSearch.random(p, SEARCH_BUDGET, seed + 1, w, c);
              listener.pass(new SearchResult(map, grid, random, steps, entry));
            }, this::computed);
      }
      case STEP -> computeStep(l, entry);
      case BLUR -> computeBlur(l);
      case DEPTH -> computeDepth();
      case POWER -> {
        computedKey = "";
        hint.setText("x ← W x: along each eigenvector the component is multiplied by its "
            + "eigenvalue at every step. Move λ₁ and λ₂ across 1.");
        result = new PowerResult(new org.descent.picture.PowerPicture(powerSetup()));
        redraw();
      }
      case STABILITY -> {
        computedKey = "";
        Trace trace = model.race().traceOf(entry);
        int k = trace == null ? 0 : Math.min(model.currentStepProperty().get(),
            trace.lastStep());
        double[] theta = trace == null ? s : trace.iterate(k);
        QuadraticStability q = QuadraticStability.at(f, theta[0], theta[1]);
        OptimizerSpec spec = entry.spec();
        double lr = spec.type().params().contains(Param.LR) ? spec.get(Param.LR) : Double.NaN;
        double alpha = spec.type().params().contains(Param.MOMENTUM) ? spec.get(Param.MOMENTUM)
            : Double.NaN;
        double observed = trace == null ? Double.NaN : observedRate(l, trace, k);
        String where = spec.label() + " at step " + k + ", θ = ("
            + org.descent.picture.Numbers.format(theta[0]) + ", "
            + org.descent.picture.Numbers.format(theta[1]) + ")";
        hint.setText(Double.isNaN(lr) ? spec.type().displayName()
            + " has no learning rate: the numbers are for gradient descent at ε = 2/(λmin + "
            + "λmax)" : "step the playback to move the point; press another card to analyse it");
        if (Double.isNaN(lr)) {
          lr = q.positiveDefinite() ? q.optimalLearningRate() : 0.01;
        }
        result = new StabilityResult(new StabilityPicture(q, where, spec.label(), lr, alpha,
            observed));
        redraw();
      }
    }
  }

  /**
   * A value as a slider would set it: three significant digits, of 1 − value for momentum and
   * decay rates (0.9995 stays 0.9995, never 1).
   */
  static double rounded(Param p, double v) {
    java.math.MathContext three = new java.math.MathContext(3);
    return switch (p) {
      case MOMENTUM, RHO, BETA1, BETA2 -> 1 - new java.math.BigDecimal(1 - v).round(three)
          .doubleValue();
      default -> new java.math.BigDecimal(v).round(three).doubleValue();
    };
  }

  /**
   * What of a configuration a computation depends on when it varies {@code varied} itself:
   * everything but the label and those values (a click on a map changes only them).
   */
  static String without(OptimizerSpec spec, Param... varied) {
    OptimizerSpec s = spec.withLabel("");
    for (Param p : varied) {
      if (s.type().params().contains(p)) {
        s = s.with(p, p == Param.LR ? 1e-3 : 0.5);
      }
    }
    return s.toString();
  }

  /** A coarse or final pass arrived. */
  private void computed(Result r) {
    if (r != null) {
      result = r;
      if (r instanceof StepResult st) {
        stepOnMap.set(st.onMap());
      }
      redraw();
    }
  }

  /**
   * Opens the step from the current iterate of the chosen card: replayed on a worker from the
   * start (the same noise, so it is the trace's own step), with the true H⁻¹ at θ for BFGS.
   */
  private void computeStep(Landscape l, OptimizerEntry entry) {
    computedKey = "";
    int index = model.optimizers().indexOf(entry);
    Trace trace = model.race().traceOf(entry);
    if (index < 0 || trace == null) {
      return;
    }
    int k = Math.min(model.currentStepProperty().get(), trace.lastStep() - 1);
    if (k < 0) {
      hint.setText(entry.spec().label() + " takes no step here (it stopped at the start)");
      result = null;
      stepOnMap.set(null);
      redraw();
      return;
    }
    org.descent.scenario.Scenario now = model.toScenario();
    String label = entry.spec().label();
    OptimizerSpec spec = entry.spec();
    int onMap = -1; // the card among the paths the map draws (a hidden card has none)
    List<RaceResult.Shown> drawn = model.shownTraces();
    for (int i = 0; i < drawn.size(); i++) {
      if (drawn.get(i).entry() == entry) {
        onMap = i;
      }
    }
    int run = onMap;
    hint.setText("the arrows on the map make the step: Δθ and its parts. Step with ← →; press "
        + "another card to open its step.");
    runner.start("step " + k + " of " + label, (w, c, listener) -> {
      var opened = org.descent.picture.OpenedStep.replay(now.race(l), l, index, k);
      if (opened == null) {
        throw new IllegalArgumentException(label + " records no detail of its step");
      }
      listener.pass(new StepResult(opened.picture(), opened.onMap(run)));
    }, this::computed);
  }

  /**
   * Tunes every visible card's learning rate on the current function and start, one card
   * after the other on the workers, and sets the rates found; the hint says what changed.
   */
  public void tuneRates() {
    Landscape l = model.landscape();
    Vec2 start = model.startProperty().get();
    if (l == null || start == null) {
      return;
    }
    List<OptimizerEntry> entries = model.optimizers().stream()
        .filter(e -> e.isVisible() && e.spec().type().params().contains(Param.LR)).toList();
    if (entries.isEmpty()) {
      hint.setText("no card has a learning rate to tune");
      return;
    }
    List<OptimizerSpec> specs = entries.stream().map(OptimizerEntry::spec).toList();
    FormulaObjective f = l.formula().objective();
    double[] s = {start.x(), start.y()};
    int steps = model.stepsProperty().get();
    double noise = model.noiseProperty().get();
    long seed = model.seedProperty().get();
    tuner.start("tuning " + entries.size() + " learning rates", (w, c, listener) -> {
      double[] rates = new double[specs.size()];
      for (int i = 0; i < specs.size(); i++) {
        int at = i;
        var r = org.descent.analysis.LearningRateTuner.Request.finalLoss(f, s, specs.get(i),
            steps, noise, seed, 1e-5, 10);
        var found = org.descent.analysis.LearningRateTuner.tune(r, w, c,
            new AnalysisListener<>() {
              @Override
              public void progress(double fraction) {
                listener.progress((at + fraction) / specs.size());
              }
            });
        rates[i] = found.bestRate();
      }
      listener.pass(new TunedRates(entries, rates));
    }, r -> {
      if (r instanceof TunedRates t) {
        applyTuned(t);
      }
    });
  }

  /** The learning rates the tuner found, one per card. */
  record TunedRates(List<OptimizerEntry> entries, double[] rates) implements Result {}

  private void applyTuned(TunedRates t) {
    StringBuilder said = new StringBuilder("tuned: ");
    for (int i = 0; i < t.entries().size(); i++) {
      OptimizerEntry e = t.entries().get(i);
      if (!model.optimizers().contains(e) || !(t.rates()[i] > 0)) {
        continue;
      }
      double was = e.spec().get(Param.LR);
      // Three digits, rounded down: the best rate of gradient descent sits just under the
      // bound where it diverges, and must not be rounded over it.
      double now = new java.math.BigDecimal(t.rates()[i]).round(new java.math.MathContext(3,
          java.math.RoundingMode.DOWN)).doubleValue();
      e.setSpec(e.spec().with(Param.LR, now));
      said.append(i == 0 ? "" : ";  ").append(e.spec().type().displayName()).append(" ε = ")
          .append(org.descent.picture.Numbers.format(now)).append(" (was ")
          .append(org.descent.picture.Numbers.format(was)).append(")");
    }
    lastTuned = said.toString();
    hint.setText(lastTuned);
  }

  private String lastTuned = "";
  private HBox powerSliders;
  // Whether the sliders of the power method and the blur hold the open demo's values yet:
  // they are the state, their values read where they are needed.
  private boolean powerTaken;
  private boolean sigmaTaken;
  private org.descent.app.race.NumberSlider lambda1Slider;
  private org.descent.app.race.NumberSlider lambda2Slider;

  /** The two eigenvalues of W, shown with the power method only. */
  private HBox powerSliders() {
    lambda1Slider = new org.descent.app.race.NumberSlider("λ₁", "the eigenvalue of W along v₁",
        0, 1.5, org.descent.app.race.NumberSlider.Scale.LINEAR, false, 1.1,
        v -> Double.isFinite(v) && Math.abs(v) <= 10 ? java.util.Optional.empty()
            : java.util.Optional.of("between -10 and 10"), v -> {
              changed(1);
            });
    lambda2Slider = new org.descent.app.race.NumberSlider("λ₂", "the eigenvalue of W along v₂",
        0, 1.5, org.descent.app.race.NumberSlider.Scale.LINEAR, false, 0.8,
        v -> Double.isFinite(v) && Math.abs(v) <= 10 ? java.util.Optional.empty()
            : java.util.Optional.of("between -10 and 10"), v -> {
              changed(1);
            });
    lambda1Slider.setId("power-lambda1");
    lambda2Slider.setId("power-lambda2");
    HBox.setHgrow(lambda1Slider, Priority.ALWAYS);
    HBox.setHgrow(lambda2Slider, Priority.ALWAYS);
    HBox box = new HBox(8, lambda1Slider, lambda2Slider);
    box.setVisible(false);
    box.setManaged(false);
    return box;
  }

  private org.descent.app.race.NumberSlider sigmaSlider;

  /** The blur's width, shown with the blurred landscape only. */
  private org.descent.app.race.NumberSlider sigmaSlider() {
    sigmaSlider = new org.descent.app.race.NumberSlider("σ", "the width of the Gaussian that "
        + "blurs the landscape (0: the function itself)", 0, 3,
        org.descent.app.race.NumberSlider.Scale.LINEAR, false, 2,
        v -> v >= 0 && v <= 10 ? java.util.Optional.empty()
            : java.util.Optional.of("between 0 and 10"), v -> {
              changed(1);
            });
    sigmaSlider.setId("blur-sigma");
    sigmaSlider.setVisible(false);
    sigmaSlider.setManaged(false);
    return sigmaSlider;
  }

  /** Sets the blur's width (as its slider does; for tests). */
  public void setSigma(double v) {
    sigmaTaken = true;
    sigmaSlider.setValue(v);
    changed(1);
  }

  /**
   * The blurred landscape: Rastrigin's closed form (the blur damps each ripple by
   * e^(−2π²σ²)), the continuation card's path up to the end of its stage at this σ.
   */
  private void computeBlur(Landscape l) {
    computedKey = "";
    if (!org.descent.function.Blur.hasClosedForm(l)) {
      hint.setText("the blurred landscape is drawn for Rastrigin, whose blur has a closed form "
          + "(open the continuation demo)");
      result = null;
      redraw();
      return;
    }
    org.descent.scenario.Scenario now = model.toScenario();
    var schedule = now.continuation();
    if (!sigmaTaken) {
      sigmaSlider.setValue(schedule != null ? schedule.sigma() : 1);
      sigmaTaken = true;
    }
    double at = sigmaSlider.value();
    List<Integer> colours = new ArrayList<>();
    List<Trace> traces = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (RaceResult.Shown sh : model.shownTraces()) {
      colours.add(Theme.argb(sh.entry().color()));
      traces.add(sh.trace());
      labels.add(sh.entry().spec().label());
    }
    int steps = model.stepsProperty().get();
    hint.setText(schedule == null ? "Rastrigin blurred by σ: the ripples fade, the bowl stays."
        : "Rastrigin blurred by σ; the path of " + schedule.optimizer() + " to the end of its "
            + "stage at this σ. Move σ down to 0 to follow the minimum as it sharpens.");
    runner.start("blurred landscape", (w, c, listener) -> {
      Landscape blurred;
      List<org.descent.trace.ContinuationRunner.Stage> stages;
      try {
        blurred = Landscape.ofFormula(org.descent.function.Formula.parse(
            org.descent.function.Blur.RASTRIGIN, java.util.Map.of("sigma", at)), l.view());
        stages = schedule == null ? List.of()
            : org.descent.scenario.ScenarioTraces.continuationStages(now);
      } catch (org.descent.function.FormulaException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
      int step = steps;
      if (schedule != null) {
        for (var stage : stages) {
          if (stage.sigma() >= at - 1e-12) {
            step = stage.firstStep() + stage.steps();
          }
        }
      }
      List<org.descent.picture.ChartInput> runs = new ArrayList<>();
      for (int i = 0; i < traces.size(); i++) {
        runs.add(new org.descent.picture.ChartInput(labels.get(i), colours.get(i),
            traces.get(i)));
      }
      var scene = new org.descent.picture.RaceScene("σ = " + at, blurred, l.view(), runs,
          now.startOn(l), steps, 0, null);
      listener.pass(new BlurResult(scene, step, at));
    }, this::computed);
  }

  /**
   * The signal through the network at its initial weights, for the demo's setup and for each
   * initialization with and without skip connections: what Tripp's ten-layer example shows.
   */
  private void computeDepth() {
    computedKey = "";
    org.descent.network.NetworkSetup setup = model.networkProperty().get();
    if (setup == null) {
      hint.setText("no network in this demo: turn it on with N");
      result = null;
      redraw();
      return;
    }
    hint.setText("each hidden layer's output variance and weight-gradient norm at the initial "
        + "weights, under each initialization, with and without skips (bold: this demo's).");
    runner.start("signal through depth", (w, c, listener) -> {
      List<org.descent.picture.DepthPicture.Line> lines = new ArrayList<>();
      List<org.descent.network.Initializer> inits = List.of(
          new org.descent.network.Initializer.Small(),
          new org.descent.network.Initializer.Glorot(), new org.descent.network.Initializer.He());
      for (boolean skips : new boolean[] {false, true}) {
        for (org.descent.network.Initializer init : inits) {
          if (c.isCancelled()) {
            throw new java.util.concurrent.CancellationException();
          }
          var tried = setup.withInit(init).withResidual(skips);
          boolean own = init.key().equals(setup.init().key()) && skips == setup.residual();
          lines.add(depthLine(tried, init.key() + (skips ? ", skips" : ""), own));
        }
      }
      listener.pass(new DepthResult(new org.descent.picture.DepthPicture(lines)));
    }, this::computed);
  }

  private static org.descent.picture.DepthPicture.Line depthLine(
      org.descent.network.NetworkSetup setup, String name, boolean own) {
    try {
      var p = setup.prepare();
      var f = new org.descent.network.NetworkObjective(p.architecture(), p.data().train());
      var signal = org.descent.network.SignalDiagnostics.compute(f, p.start(),
          p.data().train());
      double[] variance = new double[signal.size()];
      double[] gradient = new double[signal.size()];
      for (int i = 0; i < signal.size(); i++) {
        variance[i] = signal.get(i).variance();
        gradient[i] = signal.get(i).weightGradientNorm();
      }
      return new org.descent.picture.DepthPicture.Line(name, own, variance, gradient);
    } catch (org.descent.network.NetworkInputException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** The demo's power section (or a default one) with the sliders' eigenvalues. */
  private org.descent.analysis.PowerIteration.Setup powerSetup() {
    var x = model.extras();
    var p = x != null && x.power() != null ? x.power()
        : new org.descent.analysis.PowerIteration.Setup(1.1, 0.8, 120, 30, 1.7, 1.0, 60);
    if (!powerTaken) {
      lambda1Slider.setValue(p.lambda1());
      lambda2Slider.setValue(p.lambda2());
      powerTaken = true;
    }
    return new org.descent.analysis.PowerIteration.Setup(lambda1Slider.value(),
        lambda2Slider.value(), p.angle1(),
        p.angle2(), p.x0(), p.y0(), p.steps());
  }

  /** Sets the eigenvalues of the power method (as the sliders do; for tests). */
  public void setEigenvalues(double l1, double l2) {
    powerTaken = true;
    lambda1Slider.setValue(l1);
    lambda2Slider.setValue(l2);
    changed(1);
  }

  /** What the last tuning set (for tests), or "". */
  public String lastTuned() {
    return lastTuned;
  }

  /** Steps of each run of the network's sweep: enough for the U-curve, a few seconds in all. */
  static final int NETWORK_SWEEP_STEPS = 300;

  /**
   * The U-curve on the real network: each card's optimizer trained full batch from the same
   * initial weights for up to 300 steps at 21 learning rates; the final training loss.
   */
  private void computeNetworkSweep(String key) {
    org.descent.network.NetworkSetup setup = model.networkProperty().get();
    if (setup == null) {
      hint.setText("no network in this demo: turn it on with N (or View > Train a real "
          + "network beside the map)");
      result = null;
      computedKey = "";
      runner.cancel();
      redraw();
      return;
    }
    List<OptimizerEntry> entries = new ArrayList<>();
    List<OptimizerSpec> specs = new ArrayList<>();
    List<Integer> colours = new ArrayList<>();
    for (OptimizerEntry e : model.optimizers()) {
      if (e.isVisible() && e.spec().type().params().contains(Param.LR)) {
        entries.add(e);
        specs.add(e.spec());
        colours.add(Theme.argb(e.color()));
      }
    }
    String full = key + "|" + setup + "|" + specs.stream().map(x -> without(x, Param.LR))
        .toList();
    if (full.equals(computedKey)) {
      redraw();
      return;
    }
    if (specs.isEmpty()) {
      hint.setText("no card has a learning rate to sweep");
      result = null;
      redraw();
      return;
    }
    computedKey = full;
    int steps = Math.min(NETWORK_SWEEP_STEPS, setup.steps());
    hint.setText("final training loss of the network after " + steps + " full-batch steps "
        + "from the same initial weights. Click a point to set the card's network rate.");
    runner.start("learning-rate sweep on the network", (w, c, listener) -> {
      org.descent.network.NetworkSetup.Prepared p;
      try {
        p = setup.prepare();
      } catch (org.descent.network.NetworkInputException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
      var f = new org.descent.network.NetworkObjective(p.architecture(), p.data().train());
      SweepRequest r = new SweepRequest(f, p.start(), specs, Param.LR,
          Axis.log("lr", 1e-4, 10, 21), steps, 0, 0, Double.NaN, TOLERANCE, null);
      Sweeps.compute(r, w, c, AnalysisListener.passing(listener,
          sweep -> new SweepResult(sweep, colours, Double.NaN, steps, entries, true)));
    }, this::computed);
  }

  /**
   * A map's tolerance: 1/1000 of the start's gap f − f* (or of its gradient's norm when f* is
   * unknown), so that a map shows who gets most of the way, whatever the function's scale.
   */
  static double relativeTolerance(FormulaObjective f, double[] start, double target) {
    double[] g = new double[2];
    double f0 = f.valueAndGradient(start, g);
    double gap = Double.isFinite(target) ? f0 - target : Math.hypot(g[0], g[1]);
    return gap > 0 && Double.isFinite(gap) ? 1e-3 * gap : TOLERANCE;
  }

  /**
   * The learning rates a map spans: from 1/100 of the bound 2/λmax of the model at the start
   * to 2.5 times it, where momentum's wider stability (up to 2(1 + α)/λmax) still shows.
   */
  static double[] learningRates(FormulaObjective f, double[] start, OptimizerSpec base) {
    QuadraticStability q = QuadraticStability.at(f, start[0], start[1]);
    double bound = q.maxStableLearningRate();
    if (!(bound > 0) || Double.isInfinite(bound)) {
      double lr = base.get(Param.LR);
      return new double[] {lr / 100, lr * 100};
    }
    return new double[] {bound * 1e-2, bound * 2.5};
  }

  private static Axis axisOf(Param p, int cells) {
    return switch (p) {
      case MOMENTUM -> new Axis("momentum", 0, 0.999, cells, Axis.Scale.LOG_ONE_MINUS);
      case BETA2 -> new Axis("beta2", 0.9, 0.99999, cells, Axis.Scale.LOG_ONE_MINUS);
      case RHO -> new Axis("rho", 0, 0.999, cells, Axis.Scale.LOG_ONE_MINUS);
      default -> Axis.log(p.key(), 1e-10, 1e-2, cells);
    };
  }

  /** The second hyperparameter a search varies beside the learning rate, or null. */
  static Param secondParam(OptimizerType t) {
    List<Param> ps = t.params();
    for (Param p : List.of(Param.MOMENTUM, Param.BETA2, Param.RHO, Param.DELTA)) {
      if (ps.contains(p) && ps.contains(Param.LR)) {
        return p;
      }
    }
    return null;
  }

  static String refusal(Kind kind, OptimizerType t, Param second) {
    return switch (kind) {
      case LR_MOMENTUM -> t == OptimizerType.MOMENTUM || t == OptimizerType.NESTEROV ? null
          : "this map is for a momentum or Nesterov card: press one (the chosen card is "
              + t.displayName() + ")";
      case ADAM_BETAS -> t == OptimizerType.ADAM ? null
          : "this map is for an Adam card: press one (the chosen card is " + t.displayName()
              + ")";
      case SEARCH -> second != null ? null
          : "a search needs a card with a learning rate and a second hyperparameter "
              + "(momentum, RMSProp, Adam): press one";
      default -> null;
    };
  }


  /** The rate of the last 20 steps up to k, measured as distances to the nearest minimum. */
  static double observedRate(Landscape l, Trace t, int k) {
    int from = Math.max(0, k - 20);
    if (k - from < 2 || l.minima().isEmpty()) {
      return Double.NaN;
    }
    double[] d = new double[k - from + 1];
    for (int i = from; i <= k; i++) {
      d[i - from] = l.distanceToNearestMinimum(t.x(i), t.y(i));
    }
    if (!(d[0] > 1e-12) || !(d[d.length - 1] > 1e-12)) {
      return Double.NaN;
    }
    return QuadraticStability.observedRate(d, d.length - 1);
  }

  // ---- drawing

  private void redraw() {
    if (!shown) {
      return;
    }
    Result r = result;
    int w = (int) Math.floor(stage.getWidth());
    int h = (int) Math.floor(stage.getHeight());
    if (r == null || w < 60 || h < 60) {
      image.setImage(null);
      drawn = null;
      return;
    }
    Look look = appearance.look();
    double[] card = cardValues(r);
    drawings.request(() -> draw(r, look, w, h, card));
  }

  /** The chosen card's own values on a map, or null. */
  private double[] cardValues(Result r) {
    if (r instanceof SweepResult s) {
      // Each curve's card's learning rate now (a click or a slider moves its triangle).
      double[] v = new double[s.entries().size()];
      for (int i = 0; i < v.length; i++) {
        OptimizerEntry e = s.entries().get(i);
        v[i] = !model.optimizers().contains(e) ? Double.NaN
            : s.network() ? e.effectiveNetworkRate() : e.spec().get(Param.LR);
      }
      return v;
    }
    if (r instanceof MapResult m && model.optimizers().contains(m.entry())) {
      OptimizerSpec spec = m.entry().spec();
      return new double[] {spec.get(m.map().px()), spec.get(m.map().py())};
    }
    return null;
  }

  static Drawn draw(Result r, Look look, int w, int h, double[] card) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = img.createGraphics();
    AnalysisPlot[] plots;
    try {
      if (r instanceof SweepResult sw) {
        List<Double> cards = card == null ? List.of()
            : java.util.Arrays.stream(card).boxed().toList();
        plots = new AnalysisPlot[] {sw.network()
            ? SweepPicture.draw(g, look, w, h, sw.sweep(), sw.argb(), Double.NaN, "the network, "
                + sw.steps() + " full-batch steps from its initial weights", "final training "
                + "loss", cards)
            : SweepPicture.draw(g, look, w, h, sw.sweep(), sw.argb(), sw.target(), sw.steps(),
                cards)};
      } else if (r instanceof MapResult m) {
        plots = new AnalysisPlot[] {HyperMapPicture.draw(g, look, w, h, m.map(), m.steps(),
            m.entry().spec().label(), new HyperMapPicture.Marks(card, List.of(), null, true))};
      } else if (r instanceof SearchResult se) {
        plots = SearchPicture.draw(g, look, w, h, se.map(), se.steps(), se.grid(),
            se.random());
      } else if (r instanceof DepthResult dr) {
        dr.picture().draw(g, look, w, h);
        plots = new AnalysisPlot[0];
      } else if (r instanceof BlurResult b) {
        new org.descent.picture.Pictures().drawInto(g, org.descent.picture.Pictures.View.CONTOUR,
            b.scene(), b.step(), w, h, look);
        plots = new AnalysisPlot[0];
      } else if (r instanceof PowerResult pr) {
        plots = new AnalysisPlot[] {pr.picture().draw(g, look, w, h)};
      } else if (r instanceof StepResult st) {
        plots = new AnalysisPlot[] {st.picture().draw(g, look, w, h)};
      } else {
        plots = new AnalysisPlot[] {((StabilityResult) r).picture().draw(g, look, w, h)};
      }
    } finally {
      g.dispose();
    }
    int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    return new Drawn(r, px, w, h, plots);
  }

  private void show(Drawn d) {
    WritableImage wi = new WritableImage(d.width(), d.height());
    wi.getPixelWriter().setPixels(0, 0, d.width(), d.height(),
        PixelFormat.getIntArgbPreInstance(), d.argb(), 0, d.width());
    image.setImage(wi);
    drawn = d;
  }

  // ---- clicks

  /** A click on the picture at (x, y) of the picture (tests call it too). */
  public void click(double x, double y) {
    Drawn d = drawn;
    if (d == null || d.plots().length == 0 || d.plots()[0] == null) {
      return;
    }
    if (d.result() instanceof MapResult m) {
      double[] v = d.plots()[0].valuesAt(x, y);
      if (v != null && model.optimizers().contains(m.entry())) {
        int[] cell = m.map().cellNear(v[0], v[1]);
        OptimizerSpec spec = m.map().specAt(cell[0], cell[1]);
        m.entry().setSpec(m.entry().spec()
            .with(m.map().px(), rounded(m.map().px(), spec.get(m.map().px())))
            .with(m.map().py(), rounded(m.map().py(), spec.get(m.map().py()))));
        redraw();
      }
    } else if (d.result() instanceof SweepResult s) {
      clickSweep(s, d.plots()[0], x, y);
    }
  }

  private void clickSweep(SweepResult s, AnalysisPlot plot, double x, double y) {
    double best = 14 * appearance.scale();
    boolean log = SweepPicture.logLoss(s.sweep(), s.target());
    int curve = -1;
    int at = -1;
    for (int c = 0; c < s.sweep().curves().size(); c++) {
      var outcomes = s.sweep().curves().get(c).outcomes();
      for (int i = 0; i < outcomes.size(); i++) {
        var o = outcomes.get(i);
        if (o.diverged() || !Double.isFinite(o.finalLoss())) {
          continue;
        }
        double sx = plot.screenX(s.sweep().axis().value(i));
        double sy = plot.screenY(SweepPicture.plotted(o, s.target(), log));
        double dist = Math.hypot(sx - x, sy - y);
        if (dist < best) {
          best = dist;
          curve = c;
          at = i;
        }
      }
    }
    if (curve < 0 || curve >= s.entries().size()) {
      return;
    }
    OptimizerEntry e = s.entries().get(curve);
    double lr = rounded(Param.LR, s.sweep().curves().get(curve).specs().get(at).get(Param.LR));
    if (!model.optimizers().contains(e)) {
      return;
    }
    if (s.network()) {
      e.networkRateProperty().set(lr);
    } else {
      e.setSpec(e.spec().with(Param.LR, lr));
    }
    redraw();
  }

}
