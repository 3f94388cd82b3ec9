package org.descent.app.analysis;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.descent.analysis.HyperMap;
import org.descent.analysis.HyperSearch;
import org.descent.analysis.Sweep;
import org.descent.app.Appearance;
import org.descent.app.model.Background;
import org.descent.app.model.LabModel;
import org.descent.app.model.OptimizerEntry;
import org.descent.picture.DepthPicture;
import org.descent.picture.MapScene;
import org.descent.picture.PowerPicture;
import org.descent.picture.RaceScene;
import org.descent.picture.StabilityPicture;
import org.descent.picture.StepPicture;

/**
 * The analyses beside the map, one at a time by the student's choice ({@link Kind}): the
 * chooser, the progress, the picture and its PNG. The chosen {@link Analysis} is asked again a
 * moment after what it reads changes, and does the rest.
 */
public final class AnalysisView extends VBox {

  /** What the column offers: one row per analysis, in the chooser's order. */
  public enum Kind {
    SWEEP("Learning-rate sweep of every card", LandscapeSweepAnalysis::new),
    NETWORK_SWEEP("Learning-rate sweep on the network", NetworkSweepAnalysis::new),
    LR_MOMENTUM("Learning rate × momentum of the chosen card", HyperMapAnalysis::lrMomentum),
    ADAM_BETAS("Adam's β₁ × β₂ of the chosen card", HyperMapAnalysis::adamBetas),
    SEARCH("Grid against random search, chosen card", c -> new SearchAnalysis()),
    STABILITY("Stability of the local quadratic model", c -> new StabilityAnalysis()),
    STEP("Inside the chosen card's step", c -> new StepAnalysis()),
    POWER("Power method x ← Wx: exploding and vanishing", PowerAnalysis::new),
    BLUR("Blurred landscape: continuation", BlurAnalysis::new),
    DEPTH("Signal through the network's depth", c -> new DepthAnalysis());

    private final String title;
    private final Function<AnalysisContext, Analysis<?>> make;

    Kind(String title, Function<AnalysisContext, Analysis<?>> make) {
      this.title = title;
      this.make = make;
    }

    /** The chooser's text. */
    @Override
    public String toString() {
      return title;
    }
  }

  /**
   * What an analysis computed, ready to draw. The records below are named here by the app's
   * tests; a new analysis keeps its record in its own file.
   */
  public interface Result {}

  /** A sweep: curve i is of card {@code entries.get(i)}; {@code network}: on the network. */
  public record SweepResult(Sweep sweep, List<Integer> argb, double target, int steps,
      List<OptimizerEntry> entries, boolean network) implements Result {}

  public record MapResult(HyperMap map, int steps, OptimizerEntry entry) implements Result {}

  public record SearchResult(HyperMap map, HyperSearch.Result grid, HyperSearch.Result random,
      int steps, OptimizerEntry entry) implements Result {}

  public record StabilityResult(StabilityPicture picture) implements Result {}

  /** One step opened: its numbers, and what the map draws at its iterate. */
  public record StepResult(StepPicture picture, MapScene.Inspection onMap) implements Result {}

  public record PowerResult(PowerPicture picture) implements Result {}

  /** The blurred landscape with the race on it, to the end of the stage at σ. */
  public record BlurResult(RaceScene scene, int step, double sigma) implements Result {}

  /** The network's layers at the initial weights, under each initialization. */
  public record DepthResult(DepthPicture picture) implements Result {}

  private final LabModel model;
  private final AnalysisRunner runner;
  private final RateTuner tuner;
  private final Map<Kind, Analysis<?>> analyses = new EnumMap<>(Kind.class);
  private final ChoiceBox<Kind> chooser = new ChoiceBox<>();
  private final Label hint = new Label();
  private final PicturePane picture;
  private final AnalysisDriver driver;

  public AnalysisView(LabModel model, Appearance appearance, AnalysisRunner runner,
      Background background) {
    super(4);
    this.model = model;
    this.runner = runner;
    chooser.getItems().setAll(Kind.values());
    chooser.setValue(Kind.SWEEP);
    picture = new PicturePane(appearance, background, hint::setText);
    driver = new AnalysisDriver(model, analyses, chooser.getValue(), runner, picture,
        hint::setText);
    AnalysisContext context = new AnalysisContext(model.optimizers()::contains,
        appearance::scale, () -> driver.changed(1));
    tuner = new RateTuner(runner.sibling(), context, hint::setText);
    for (Kind k : Kind.values()) {
      analyses.put(k, k.make.apply(context));
    }
    setId("analysis-view");
    getStyleClass().add("analysis-view");
    setMinSize(200, 200);
    setPrefSize(600, 700);
    setPadding(new Insets(6, 6, 6, 6));
    chooser.setId("analysis-kind");
    chooser.setMaxWidth(Double.MAX_VALUE);
    chooser.setMinWidth(60);
    HBox.setHgrow(chooser, Priority.ALWAYS);
    chooser.valueProperty().subscribe(() -> {
      showControls();
      driver.choose(chooser.getValue());
    });
    Button tune = button("Tune ε", "tune-rates", "find, for every card, the learning rate with "
        + "the lowest final loss here (a log-scale search), and set it: the race is then tuned "
        + "against tuned");
    tune.setOnAction(e -> tuneRates());
    Button save = button("PNG…", "analysis-save", "save this picture for a slide, at twice the "
        + "size on screen");
    save.setOnAction(e -> picture.askWhereToSave(chooser.getValue().name()
        .toLowerCase(Locale.ROOT), getScene() == null ? null : getScene().getWindow()));
    HBox top = new HBox(6, chooser, tune, save);
    top.setAlignment(Pos.CENTER_LEFT);
    hint.setId("analysis-hint");
    hint.setWrapText(true);
    hint.getStyleClass().add("scenario-description");
    hint.setMinHeight(Region.USE_PREF_SIZE);
    getChildren().addAll(top, new AnalysisProgress(runner, "analysis-progress"),
        new AnalysisProgress(tuner.runner(), "tune-progress"), hint);
    analyses.values().stream().map(Analysis::controls).filter(c -> c != null)
        .forEach(getChildren()::add);
    VBox.setVgrow(picture.node(), Priority.ALWAYS);
    getChildren().add(picture.node());
    showControls();
  }

  private static Button button(String text, String id, String tooltip) {
    Button b = new Button(text);
    b.setId(id);
    b.setMinWidth(Region.USE_PREF_SIZE);
    b.setTooltip(new Tooltip(tooltip));
    return b;
  }

  private void showControls() {
    analyses.forEach((k, a) -> {
      if (a.controls() != null) {
        a.controls().setVisible(k == chooser.getValue());
        a.controls().setManaged(k == chooser.getValue());
      }
    });
  }

  /** Stops computing and lets go of the model and the appearance, for good. */
  public void dispose() {
    tuner.runner().cancel();
    driver.dispose();
    picture.dispose();
  }

  /** Whether the column is on screen: only then does it compute. */
  public void setShown(boolean on) {
    if (!on) {
      tuner.runner().cancel();
    }
    driver.setActive(on);
  }

  /** The step opened by the step inspector, for the map to draw at its iterate; or null. */
  public ObservableValue<MapScene.Inspection> stepOnMap() {
    return driver.stepOnMap();
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
    return picture.shown() == null ? null : picture.shown().result();
  }

  /** Whether a picture of the current result is on screen (for tests). */
  public boolean showsResult() {
    AnalysisPicture d = picture.drawn();
    return d != null && picture.shown() != null && d.result() == picture.shown().result();
  }

  /** The picture on screen (for tests), or null. */
  public AnalysisPicture drawn() {
    return picture.drawn();
  }

  public String hintText() {
    return hint.getText();
  }

  /** A click on the picture at (x, y) of the picture (tests call it too). */
  public void click(double x, double y) {
    picture.click(x, y);
  }

  /**
   * Writes the picture on screen to a PNG file at twice its size, off the JavaFX thread;
   * nothing half-written is left, and a failure is said on the hint line.
   */
  public void savePng(Path target) {
    picture.savePng(target);
  }

  /** What the last save said (for tests). */
  public String lastSaved() {
    return picture.lastSaved();
  }

  /** Sets the eigenvalues of the power method (as its sliders do; for tests). */
  public void setEigenvalues(double l1, double l2) {
    ((PowerAnalysis) analyses.get(Kind.POWER)).setEigenvalues(l1, l2);
  }

  /** Sets the blur's width (as its slider does; for tests). */
  public void setSigma(double v) {
    ((BlurAnalysis) analyses.get(Kind.BLUR)).setSigma(v);
  }

  /** Tunes every visible card's learning rate and sets the rates found; the hint says so. */
  public void tuneRates() {
    AnalysisInput in = AnalysisInput.of(model, false);
    if (in != null) {
      tuner.tune(in);
    }
  }

  /** What the last tuning set (for tests), or "". */
  public String lastTuned() {
    return tuner.lastTuned();
  }
}
