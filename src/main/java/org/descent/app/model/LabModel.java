package org.descent.app.model;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;
import org.descent.function.FormulaException;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.optim.OptimizerSpec;
import org.descent.scenario.FunctionChoice;
import org.descent.scenario.Scenario;

/**
 * The state of the laboratory that every view shows: the landscape and its visible window, the
 * start point, the racing optimizers, the noise, and the playback position. Any change that
 * affects the paths asks for new traces, computed in the background (newest request wins) and
 * published as {@link #raceProperty()}. Use on the JavaFX thread only.
 */
public final class LabModel {

  private final ObjectProperty<FunctionChoice> function =
      new SimpleObjectProperty<>(this, "function");
  private final ReadOnlyObjectWrapper<Landscape> landscape =
      new ReadOnlyObjectWrapper<>(this, "landscape");
  private final ObjectProperty<ViewBox> view = new SimpleObjectProperty<>(this, "view");
  private final ObjectProperty<Vec2> start = new SimpleObjectProperty<>(this, "start");
  private final ObservableList<OptimizerEntry> optimizers = FXCollections.observableArrayList(
      e -> new Observable[] {e.specProperty()});
  private final DoubleProperty noise = new SimpleDoubleProperty(this, "noise", 0);
  private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps",
      Scenario.DEFAULT_STEPS);
  private final LongProperty seed = new SimpleLongProperty(this, "seed", 0);
  private final StringProperty title = new SimpleStringProperty(this, "title", "");
  private final StringProperty description = new SimpleStringProperty(this, "description", "");
  private final ObjectProperty<org.descent.render.Camera> camera =
      new SimpleObjectProperty<>(this, "camera", org.descent.render.Camera.DEFAULT);
  private final ReadOnlyObjectWrapper<Scenario> extras =
      new ReadOnlyObjectWrapper<>(this, "extras");
  private final javafx.beans.property.LongProperty budget =
      new javafx.beans.property.SimpleLongProperty(this, "budget");
  private String topic = "";
  private final IntegerProperty trail = new SimpleIntegerProperty(this, "trail", 0);
  private final ReadOnlyObjectWrapper<RaceResult> race =
      new ReadOnlyObjectWrapper<>(this, "race", RaceResult.EMPTY);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  /**
   * The furthest step the playback may show (a question not yet answered stands there);
   * {@link Integer#MAX_VALUE} when nothing holds it back. The current step never passes it,
   * whoever sets it: the play loop, a key, the timeline, a lecture.
   */
  private final IntegerProperty stepLimit =
      new SimpleIntegerProperty(this, "stepLimit", Integer.MAX_VALUE);
  private final IntegerProperty currentStep = new SimpleIntegerProperty(this, "currentStep", 0) {
    @Override
    public void set(int v) {
      super.set(Math.min(v, stepLimit.get()));
    }
  };
  /**
   * Reveal mode: the paths and charts show only what has been played, not the whole run (the
   * future hidden, not ghosted), so that a class can be asked before it sees the answer.
   */
  private final BooleanProperty reveal = new SimpleBooleanProperty(this, "reveal", false);
  // The cards the last load made, in the order of its scenario's optimizers (see loadedCards).
  private List<OptimizerEntry> loadedCards = List.of();
  private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
  /** Playback speed in steps per second. */
  private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 60);
  private final ObjectProperty<org.descent.network.NetworkSetup> network =
      new SimpleObjectProperty<>(this, "network");
  private final ObjectProperty<OptimizerEntry> inspected =
      new SimpleObjectProperty<>(this, "inspected");
  private final ReadOnlyObjectWrapper<OptimizerEntry> chosen =
      new ReadOnlyObjectWrapper<>(this, "chosen");

  private final StudentView studentView = new StudentView();
  private final LatestOnly<RaceResult> traces;
  private boolean batching;

  public LabModel(Background background) {
    traces = new LatestOnly<>(background, this::publish,
        e -> problem.set("could not compute the paths: " + e));
    InvalidationListener recompute = o -> requestTraces();
    start.addListener(recompute);
    optimizers.addListener((ListChangeListener<OptimizerEntry>) c -> requestTraces());
    noise.addListener(recompute);
    steps.addListener(recompute);
    budget.addListener(recompute);
    seed.addListener(recompute);
    landscape.addListener(recompute);
    optimizers.addListener((ListChangeListener<OptimizerEntry>) c -> {
      if (inspected.get() != null && !optimizers.contains(inspected.get())) {
        inspected.set(null);
      }
      while (c.next()) {
        // The entry outlives nothing but the model, so this listener holds nothing alive.
        c.getAddedSubList().forEach(e -> e.visibleProperty().addListener(o -> updateChosen()));
      }
      updateChosen();
    });
    inspected.addListener(o -> updateChosen());
    stepLimit.addListener(o -> {
      if (currentStep.get() > stepLimit.get()) {
        currentStep.set(stepLimit.get());
      }
    });
  }

  // ---- loading and saving

  /**
   * Shows a scenario.
   *
   * @throws FormulaException when its formula cannot be read (nothing changes then)
   */
  public void load(Scenario s) throws FormulaException {
    Landscape l = s.function().resolve(s.view());
    batching = true;
    try {
      function.set(s.function());
      landscape.set(l);
      view.set(l.view());
      start.set(s.startOn(l));
      noise.set(s.noise());
      steps.set(s.steps());
      seed.set(s.seed());
      title.set(s.title());
      description.set(s.description());
      topic = s.topic();
      if (extras.get() == s) {
        extras.set(null); // the same scenario again (redo, reset): it is still a new load
      }
      extras.set(s);
      budget.set(s.budget());
      trail.set(s.trail());
      camera.set(s.camera() != null ? new org.descent.render.Camera(
          Math.toRadians(s.camera().azimuth()), Math.toRadians(s.camera().elevation()),
          s.camera().zoom()) : org.descent.render.Camera.forLandscape(l, start.get()));
      List<OptimizerEntry> entries = new ArrayList<>();
      for (int i = 0; i < s.optimizers().size(); i++) {
        String c = s.colors().get(i);
        OptimizerEntry e = new OptimizerEntry(s.optimizers().get(i),
            c == null ? Palette.color(i) : Color.web(c), org.descent.picture.LineStyle.of(i));
        e.visibleProperty().set(!s.hidden().get(i));
        e.networkRateProperty().set(s.networkRates().get(i));
        entries.add(e);
      }
      optimizers.setAll(entries);
      loadedCards = List.copyOf(entries);
      network.set(s.network());
      currentStep.set(0);
    } finally {
      batching = false;
    }
    requestTraces();
  }

  /**
   * The evaluations (f and ∇f) each optimizer may spend, for a race at equal cost; 0 for a
   * race of equal steps.
   */
  public javafx.beans.property.LongProperty budgetProperty() {
    return budget;
  }

  /**
   * Brings back settings saved earlier (undo, redo, reset), keeping the playback step where
   * it is when the new race has it, and the camera.
   */
  public void restore(Scenario s) {
    int step = currentStep.get();
    org.descent.render.Camera eye = camera.get();
    // A scenario has no word for "typed by the user": a label typed before stays typed.
    java.util.Set<String> typed = new java.util.HashSet<>();
    optimizers.stream().filter(OptimizerEntry::labelTyped)
        .forEach(e -> typed.add(e.spec().label()));
    try {
      load(s);
    } catch (FormulaException e) {
      return; // it was shown before, so it reads; nothing to do if it ever does not
    }
    optimizers.stream().filter(e -> typed.contains(e.spec().label()))
        .forEach(e -> e.rename(e.spec().label()));
    camera.set(eye); // like the view, the camera is where the lecturer looks from
    currentStep.set(Math.min(step, s.steps()));
  }

  /** The current state as a scenario (what "Save" writes). */
  public Scenario toScenario() {
    List<OptimizerSpec> specs = new ArrayList<>();
    List<String> colors = new ArrayList<>();
    List<Boolean> hidden = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (OptimizerEntry e : optimizers) {
      specs.add(e.spec());
      colors.add(e.hexColor());
      hidden.add(!e.isVisible());
      rates.add(e.networkRateProperty().get());
    }
    Scenario x = extras.get();
    org.descent.render.Camera c = camera.get();
    org.descent.scenario.CameraSetting setting = new org.descent.scenario.CameraSetting(
        Math.toDegrees(c.azimuth()), Math.max(5, Math.min(89, Math.toDegrees(c.elevation()))),
        c.zoom());
    return new Scenario(title.get(), description.get(), function.get(), view.get(), start.get(),
        steps.get(), seed.get(), noise.get(), specs, colors, hidden, setting, topic,
        Math.min(trail.get(), steps.get())).withNetwork(network.get(), rates)
        .withBudget(budget.get())
        .withExtras(x == null ? "" : x.notes(), x == null ? java.util.Set.of() : x.hide(),
            x == null ? null : x.chart(), continuationFor(specs), x == null ? null : x.power(),
            x == null ? null : x.beside())
        .withViews(x == null ? List.of() : x.views())
        .withQuestions(questionsFor(x))
        .withNetworkPictures(x == null || network.get() == null ? List.of()
            : x.networkPictures());
  }

  /**
   * The loaded scenario's questions over the cards as they are now: a card that moved is
   * followed, a question about a card that was removed (or asked after the last step) is left
   * out.
   */
  private List<org.descent.lesson.Question> questionsFor(Scenario x) {
    if (x == null || x.questions().isEmpty()) {
      return List.of();
    }
    int[] to = new int[loadedCards.size()];
    for (int i = 0; i < to.length; i++) {
      to[i] = optimizers.indexOf(loadedCards.get(i));
    }
    List<org.descent.lesson.Question> out = new ArrayList<>();
    for (org.descent.lesson.Question q : x.questions()) {
      if (q.step() < steps.get()) {
        q.remapCards(to).ifPresent(out::add);
      }
    }
    return out;
  }

  /**
   * The cards the last load made, in the order of the loaded scenario's optimizers (whether
   * or not they are still in the race): a question names its cards by that order.
   */
  public List<OptimizerEntry> loadedCards() {
    return loadedCards;
  }

  /** The loaded scenario's continuation while its card is still there under its label. */
  private org.descent.trace.Continuation continuationFor(List<OptimizerSpec> specs) {
    Scenario x = extras.get();
    if (x == null || x.continuation() == null) {
      return null;
    }
    String label = x.continuation().optimizer();
    return specs.stream().anyMatch(o -> o.label().equals(label)) ? x.continuation() : null;
  }

  /**
   * What the loaded scenario carries besides the race: the lecturer's notes, the controls the
   * student view hides, the evaluation budget, the chart, the continuation, the power method,
   * the function beside (kept for Save and for the views that show them).
   */
  public Scenario extras() {
    return extras.get();
  }

  /** The loaded scenario's extras (see {@link #extras()}), replaced by every load. */
  public ReadOnlyObjectProperty<Scenario> extrasProperty() {
    return extras.getReadOnlyProperty();
  }


  /**
   * Changes the function, keeping the optimizers. The view and start move to the new
   * function's defaults.
   *
   * @throws FormulaException when a formula cannot be read (nothing changes then)
   * @throws IllegalArgumentException for an unknown name or parameter (nothing changes then)
   */
  public void setFunction(FunctionChoice choice) throws FormulaException {
    Landscape l = choice.resolve(null);
    batching = true;
    try {
      function.set(choice);
      landscape.set(l);
      view.set(l.view());
      start.set(l.starts().get(0));
      currentStep.set(0);
      camera.set(org.descent.render.Camera.forLandscape(l, start.get()));
      // No longer the demo that was opened: its title and description would mislead.
      title.set("");
      description.set("");
      topic = "";
    } finally {
      batching = false;
    }
    requestTraces();
  }

  /**
   * Changes the function's parameters (or formula) in place: the view and the start stay, so
   * a lecturer can vary a condition number and compare.
   *
   * @throws FormulaException when a formula cannot be read (nothing changes then)
   * @throws IllegalArgumentException for an unknown parameter (nothing changes then)
   */
  public void reshapeFunction(FunctionChoice choice) throws FormulaException {
    Landscape l = choice.resolve(view.get());
    function.set(choice);
    landscape.set(l);
  }

  // ---- optimizers

  public OptimizerEntry addOptimizer(OptimizerSpec spec) {
    List<Color> used = optimizers.stream().map(OptimizerEntry::color).toList();
    OptimizerEntry e = new OptimizerEntry(spec, Palette.unused(used), unusedStyle());
    optimizers.add(e);
    return e;
  }

  public OptimizerEntry duplicate(OptimizerEntry original) {
    List<Color> used = optimizers.stream().map(OptimizerEntry::color).toList();
    OptimizerEntry copy = new OptimizerEntry(original.spec().withLabel(
        original.spec().label() + " (copy)"), Palette.unused(used), unusedStyle());
    copy.networkRateProperty().set(original.networkRateProperty().get());
    if (original.labelTyped()) {
      copy.rename(copy.spec().label());
    }
    optimizers.add(optimizers.indexOf(original) + 1, copy);
    return copy;
  }

  private org.descent.picture.LineStyle unusedStyle() {
    return org.descent.picture.LineStyle.unused(
        optimizers.stream().map(OptimizerEntry::lineStyle).toList());
  }

  public void remove(OptimizerEntry e) {
    optimizers.remove(e);
  }

  /** The real network trained beside the landscape, or null for none. */
  public ObjectProperty<org.descent.network.NetworkSetup> networkProperty() {
    return network;
  }

  /**
   * The optimizer whose steps are looked into (local model, step inspector): the one the user
   * picked, or null for the first one drawn.
   */
  public ObjectProperty<OptimizerEntry> inspectedProperty() {
    return inspected;
  }

  /**
   * The card whose steps are looked into (local model, step inspector, basins, the network's
   * highlighted run): the card last pressed while it is in the race and visible, else the first
   * visible card; null when no card is visible. The one rule every view follows.
   */
  public ReadOnlyObjectProperty<OptimizerEntry> chosenProperty() {
    return chosen.getReadOnlyProperty();
  }

  /** See {@link #chosenProperty()}. */
  public OptimizerEntry chosenEntry() {
    return chosen.get();
  }

  private void updateChosen() {
    OptimizerEntry e = inspected.get();
    if (e == null || !e.isVisible() || !optimizers.contains(e)) {
      e = optimizers.stream().filter(OptimizerEntry::isVisible).findFirst().orElse(null);
    }
    chosen.set(e);
  }

  /** The index into {@link #shownTraces()} of the chosen optimizer, or 0 when none is. */
  public int inspectedIndex() {
    List<RaceResult.Shown> shown = shownTraces();
    for (int i = 0; i < shown.size(); i++) {
      if (shown.get(i).entry() == chosen.get()) {
        return i;
      }
    }
    return 0;
  }

  // ---- traces

  private void requestTraces() {
    if (batching) {
      return;
    }
    Landscape l = landscape.get();
    Vec2 s = start.get();
    if (l == null || s == null) {
      return;
    }
    List<OptimizerEntry> entries = List.copyOf(optimizers);
    List<OptimizerSpec> specs = entries.stream().map(OptimizerEntry::spec).toList();
    RaceInputs inputs = new RaceInputs(l, entries, specs, new double[] {s.x(), s.y()},
        steps.get(), noise.get(), seed.get(), budget.get(), continuationFor(specs));
    traces.request(inputs::compute);
  }

  private void publish(RaceResult result) {
    problem.set("");
    // The step first: a view that draws the moment the race arrives sees both.
    int last = Math.max(0, steps.get());
    if (currentStep.get() > last) {
      currentStep.set(last);
    }
    race.set(result);
  }

  // ---- properties

  /** What the student view hides now; views bind their controls to it. */
  public StudentView studentView() {
    return studentView;
  }

  public ObjectProperty<FunctionChoice> functionProperty() {
    return function;
  }

  public ReadOnlyObjectProperty<Landscape> landscapeProperty() {
    return landscape.getReadOnlyProperty();
  }

  public Landscape landscape() {
    return landscape.get();
  }

  public ObjectProperty<ViewBox> viewProperty() {
    return view;
  }

  public ObjectProperty<Vec2> startProperty() {
    return start;
  }

  public ObservableList<OptimizerEntry> optimizers() {
    return optimizers;
  }

  public DoubleProperty noiseProperty() {
    return noise;
  }

  public IntegerProperty stepsProperty() {
    return steps;
  }

  public LongProperty seedProperty() {
    return seed;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  /** How many recent steps the map draws bold (0: the whole path). */
  public IntegerProperty trailProperty() {
    return trail;
  }

  /** Where the surface view looks from. */
  public ObjectProperty<org.descent.render.Camera> cameraProperty() {
    return camera;
  }

  public ReadOnlyObjectProperty<RaceResult> raceProperty() {
    return race.getReadOnlyProperty();
  }

  public RaceResult race() {
    return race.get();
  }

  /**
   * The paths to draw now: the traces of the current race whose optimizers are still in the
   * race and visible, in list order.
   */
  public List<RaceResult.Shown> shownTraces() {
    RaceResult r = race.get();
    List<RaceResult.Shown> shown = new ArrayList<>();
    for (int i = 0; i < r.entries().size(); i++) {
      OptimizerEntry e = r.entries().get(i);
      if (e.isVisible() && optimizers.contains(e)) {
        shown.add(new RaceResult.Shown(e, r.traces().get(i)));
      }
    }
    return shown;
  }

  /** A message when the paths could not be computed, empty otherwise. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public IntegerProperty currentStepProperty() {
    return currentStep;
  }

  /** See {@link #stepLimit}: the current step never passes it. */
  public IntegerProperty stepLimitProperty() {
    return stepLimit;
  }

  /** Reveal mode: paths and charts end at the current step (see {@link #reveal}). */
  public BooleanProperty revealProperty() {
    return reveal;
  }

  /**
   * A trace as the views draw it now: in reveal mode cut at the current step (nothing of the
   * future: no ghost, no "diverged at step k" before step k), else whole. Null stays null.
   */
  public org.descent.trace.Trace revealed(org.descent.trace.Trace t) {
    return t == null || !reveal.get() ? t : t.upTo(currentStep.get());
  }

  public BooleanProperty playingProperty() {
    return playing;
  }

  public DoubleProperty speedProperty() {
    return speed;
  }
}
