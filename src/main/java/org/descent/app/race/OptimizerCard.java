package org.descent.app.race;

import org.descent.app.controls.NumberSlider;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.descent.app.Appearance;
import org.descent.app.model.LabModel;
import org.descent.app.model.OptimizerEntry;
import org.descent.picture.Numbers;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.optim.UpdateRule;
import org.descent.trace.Trace;

/**
 * One optimizer's card: colour, label, visibility, duplicate and remove; its update rule
 * typeset with the current values; a slider per hyperparameter; clipping, schedule and
 * averaging; and its status ("diverged at step 14").
 */
public final class OptimizerCard extends VBox {

  private final OptimizerEntry entry;
  private final LabModel model;
  private final Appearance appearance;
  private final UpdateRuleView rule;
  private final Label status = new Label();
  /** The status's numbers may wrap once; the evaluations take a line of their own. */
  private final javafx.beans.property.IntegerProperty statusLines =
      new javafx.beans.property.SimpleIntegerProperty(2);
  private final TextField label = new TextField();
  /**
   * Everything this card registered on the model, its entry, the appearance and the training,
   * released by {@link #dispose}: whatever still holds the entry (an undo step, the last
   * network run) then holds no card.
   */
  private Subscription subscriptions = Subscription.EMPTY;

  /**
   * A card that also shows its run on the network, when the training is given.
   *
   * @param typesetter where its update rule is typeset
   */
  public OptimizerCard(OptimizerEntry entry, LabModel model, Appearance appearance,
      org.descent.app.model.NetworkTraining training,
      org.descent.app.model.Background typesetter) {
    super(6);
    this.rule = new UpdateRuleView(typesetter);
    this.training = training;
    this.entry = entry;
    this.model = model;
    this.appearance = appearance;
    getStyleClass().add("optimizer-card");

    ColorPicker color = new ColorPicker(entry.color());
    color.getStyleClass().add("button");
    color.getStyleClass().add("swatch");
    color.setTooltip(new Tooltip("colour of this optimizer's path"));
    color.valueProperty().bindBidirectional(entry.colorProperty());
    javafx.beans.binding.StringExpression name = javafx.beans.binding.Bindings.createStringBinding(
        () -> entry.spec().label(), entry.specProperty());
    color.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat("colour of ", name,
        "'s path, drawn " + entry.lineStyle().words()));
    label.setAccessibleText("name of this optimizer");
    label.setText(entry.spec().label());
    label.getStyleClass().add("optimizer-label");
    label.setTooltip(new Tooltip(entry.spec().type().displayName()));
    label.setOnAction(e -> rename(label.getText()));
    org.descent.app.EditKeys.onRevert(label, () -> label.setText(entry.spec().label()));
    label.focusedProperty().addListener((o, was, now) -> {
      if (!now) {
        rename(label.getText());
      }
    });
    HBox.setHgrow(label, Priority.ALWAYS);
    CheckBox visible = new CheckBox();
    visible.getStyleClass().add("visibility");
    visible.setTooltip(new Tooltip("show or hide this path"));
    visible.selectedProperty().bindBidirectional(entry.visibleProperty());
    visible.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat("show ", name,
        "'s path"));
    Button duplicate = new Button();
    duplicate.setGraphic(org.descent.app.Icons.duplicate());
    duplicate.setId("duplicate-optimizer");
    duplicate.getStyleClass().add("icon-button");
    duplicate.setTooltip(new Tooltip("duplicate"));
    duplicate.setOnAction(e -> model.duplicate(entry));
    duplicate.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat("duplicate ",
        name));
    Button remove = new Button();
    remove.setGraphic(org.descent.app.Icons.remove());
    remove.setId("remove-optimizer");
    model.studentView().bind(remove, org.descent.scenario.Control.REMOVE_OPTIMIZER);
    remove.getStyleClass().add("icon-button");
    remove.setTooltip(new Tooltip("remove"));
    remove.setOnAction(e -> model.remove(entry));
    remove.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat("remove ", name));
    // The label gets the card's whole width (long labels are the lecture's own words); the
    // type and the buttons share the line below.
    HBox header = new HBox(6, color, styleSwatch(entry, appearance), label);
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("card-header");
    Label typeName = new Label(entry.spec().type().displayName());
    typeName.getStyleClass().add("optimizer-type");
    typeName.setMinWidth(0);
    javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox type = new HBox(6, typeName, gap, visible, duplicate, remove);
    type.setAlignment(Pos.CENTER_LEFT);

    VBox params = new VBox(4);
    java.util.Map<Param, NumberSlider> sliders = new java.util.EnumMap<>(Param.class);
    for (Param p : entry.spec().type().params()) {
      javafx.scene.Node control = ParamControls.control(p, entry.spec().get(p),
          v -> entry.setSpec(entry.spec().with(p, v)));
      if (control instanceof NumberSlider slider) {
        sliders.put(p, slider);
      }
      model.studentView().bind(control, org.descent.scenario.Control.HYPERPARAMETERS);
      params.getChildren().add(control);
    }
    // A value set from elsewhere (a click on an analysis map, the tuner) moves the slider and
    // its number too, not only the typeset rule.
    subscribe(entry.specProperty().subscribe((was, now) -> sliders.forEach((p, slider) -> {
      if (now.type().params().contains(p) && slider.value() != now.get(p)) {
        slider.setValue(now.get(p));
      }
    })));
    // The label follows the model (a value stated in it follows its slider, undo brings the
    // old one back), except while it is being typed.
    subscribe(entry.specProperty().subscribe((was, now) -> {
      boolean untouched = !label.isFocused() || label.getText().equals(was.label());
      if (untouched && !label.getText().equals(now.label())) {
        label.setText(now.label());
      }
    }));

    OptionsPane options = new OptionsPane(entry, model.stepsProperty().get(),
        model.studentView());
    TitledPane more = new TitledPane(entry.spec().type().firstOrder()
        ? "Clip · schedule · average" : "Averaging", options);
    more.setExpanded(hasOptions());
    more.setAnimated(false);
    more.getStyleClass().add("options");

    status.getStyleClass().add("optimizer-status");
    status.setWrapText(true);
    // The status takes two lines when its numbers grow long ("f = 1.234e-05"): reserved from
    // the start, they keep the cards below from jumping during playback, under a lecturer's
    // pointer aimed at a slider.
    status.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
        () -> linesHigh(status, statusLines.get()), status.fontProperty(),
        status.paddingProperty(), statusLines));
    getChildren().addAll(header, type, rule, params, more, status);
    // In presentation mode a card shows what a lecturer drags during a lecture, its name, its
    // sliders and its numbers; the type, the buttons, the rule and the options fold away, so
    // that the cards of a demo fit under the charts on a projector's 768 lines.
    for (javafx.scene.Node folded : java.util.List.of(type, rule, more)) {
      folded.visibleProperty().bind(appearance.presentationProperty().not());
      folded.managedProperty().bind(appearance.presentationProperty().not());
    }
    if (training != null) {
      addNetworkControls();
    }
    // A screen reader names the card with each of its numbers: "momentum 0.9: momentum α, 0.9".
    for (javafx.scene.Node n : lookupAll(".number-slider")) {
      ((org.descent.app.controls.NumberSlider) n).ownerProperty().bind(name);
    }

    // A press anywhere on the card chooses it for the local model and the step inspector;
    // a filter, so the slider or field pressed still gets its press.
    addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED,
        e -> model.inspectedProperty().set(entry));
    javafx.css.PseudoClass inspected = javafx.css.PseudoClass.getPseudoClass("inspected");
    subscribe(model.inspectedProperty().subscribe(now ->
        pseudoClassStateChanged(inspected, now == entry)));

    // Typesetting costs a few milliseconds of the JavaFX thread: during a slider drag the rule
    // follows at ten frames a second, the paths at every frame.
    javafx.animation.PauseTransition typeset = new javafx.animation.PauseTransition(
        javafx.util.Duration.millis(100));
    typeset.setOnFinished(e -> refreshRule());
    subscribe(entry.specProperty().subscribe((was, now) -> {
      if (typeset.getStatus() != javafx.animation.Animation.Status.RUNNING) {
        typeset.playFromStart();
      }
    }));
    subscribe(appearance.themeProperty().subscribe((was, now) -> refreshRule()));
    subscribe(appearance.presentationProperty().subscribe((was, now) -> refreshRule()));
    subscribe(model.raceProperty().subscribe((was, now) -> refreshStatus()));
    subscribe(model.currentStepProperty().subscribe((was, now) -> refreshStatus()));
    subscribe(model.revealProperty().subscribe((was, now) -> refreshStatus()));
    subscribe(typeset::stop);
    refreshRule();
    refreshStatus();
  }

  /**
   * The card's line style beside its colour: a short stroke as its path and its curves are
   * drawn, so a student who cannot tell the colours apart finds the card of a path by its
   * dashes. Thicker in presentation mode, as the paths are.
   */
  private javafx.scene.Node styleSwatch(OptimizerEntry entry, Appearance appearance) {
    javafx.scene.shape.Line line = new javafx.scene.shape.Line(0, 0, 30, 0);
    line.getStyleClass().add("line-style-swatch");
    line.setStrokeLineCap(javafx.scene.shape.StrokeLineCap.ROUND);
    line.strokeProperty().bind(entry.colorProperty());
    Runnable width = () -> {
      // Long enough for a whole dash-dot-dot (about 11 widths), not so wide as to crowd the
      // label in presentation mode.
      double w = 2.2 + 0.8 * appearance.scale();
      line.setStrokeWidth(w);
      line.setEndX(11.5 * w);
      float[] dashes = entry.lineStyle().dashes(w, true);
      line.getStrokeDashArray().clear();
      if (dashes != null) {
        for (float d : dashes) {
          line.getStrokeDashArray().add((double) d);
        }
      }
    };
    width.run();
    subscribe(appearance.presentationProperty().subscribe((was, now) -> width.run()));
    Tooltip.install(line, new Tooltip("this optimizer's path and curves are drawn "
        + entry.lineStyle().words()));
    line.setAccessibleText(entry.lineStyle().words() + " line");
    return line;
  }

  private static double linesHigh(Label l, int lines) {
    javafx.scene.text.Text two = new javafx.scene.text.Text("Xg" + "\nXg".repeat(lines - 1));
    two.setFont(l.getFont());
    javafx.geometry.Insets p = l.getPadding();
    // + 2: the label snaps each line to whole pixels, a Text does not
    return Math.ceil(two.getLayoutBounds().getHeight() + p.getTop() + p.getBottom()) + 2;
  }

  private void subscribe(Subscription s) {
    subscriptions = subscriptions.and(s);
  }

  /**
   * Releases what the card registered on the model, the appearance and the training, so that a
   * card taken out of the race (a removed optimizer, another demo) can be collected.
   */
  public void dispose() {
    subscriptions.unsubscribe();
    subscriptions = Subscription.EMPTY;
  }

  /**
   * The learning rate on the network (a good step on a 2-D toy is rarely one for a network)
   * and the network run's state, shown while the demo trains a network.
   */
  private void addNetworkControls() {
    boolean hasLr = entry.spec().type().params().contains(org.descent.optim.Param.LR);
    org.descent.optim.Param p = org.descent.optim.Param.LR;
    NumberSlider rate = new NumberSlider("ε  network lr", "the learning rate this card uses on "
        + "the network", p.sliderMin(), p.sliderMax(), NumberSlider.Scale.LOG, false,
        entry.effectiveNetworkRate(), v -> p.problem(v),
        v -> entry.networkRateProperty().set(v));
    rate.setId("network-lr");
    Runnable refresh = () -> {
      boolean on = model.networkProperty().get() != null;
      rate.setVisible(on && hasLr);
      rate.setManaged(on && hasLr);
      networkStatus.setVisible(on);
      networkStatus.setManaged(on);
      double r = entry.effectiveNetworkRate();
      if (!Double.isNaN(r) && Math.abs(r - rate.value()) > 1e-15) {
        rate.setValue(r);
      }
    };
    subscribe(entry.networkRateProperty().subscribe((was, now) -> refresh.run()));
    subscribe(entry.specProperty().subscribe((was, now) -> refresh.run()));
    subscribe(model.networkProperty().subscribe((was, now) -> refresh.run()));
    networkStatus.getStyleClass().add("optimizer-status");
    networkStatus.setId("network-status");
    networkStatus.setWrapText(true);
    // Two lines reserved, as for the status above: the training's numbers come and go.
    networkStatus.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
        () -> linesHigh(networkStatus, 2), networkStatus.fontProperty(),
        networkStatus.paddingProperty()));
    subscribe(training.snapshotProperty().subscribe((was, now) -> refreshNetworkStatus()));
    getChildren().addAll(rate, networkStatus);
    refresh.run();
    refreshNetworkStatus();
  }

  private void refreshNetworkStatus() {
    var s = training.snapshotProperty().get();
    networkStatus.getStyleClass().remove("diverged");
    int run = training.runOf(entry);
    if (s == null || run < 0 || run >= s.runs().size()) {
      networkStatus.setText(model.networkProperty().get() == null ? "" : "network: waiting…");
      return;
    }
    var r = s.runs().get(run);
    if (!r.cannotStart().isEmpty()) {
      networkStatus.setText("network: " + r.cannotStart());
      networkStatus.getStyleClass().add("diverged");
      return;
    }
    if (r.diverged()) {
      networkStatus.setText("network: diverged at step " + r.divergedAt().getAsInt());
      networkStatus.getStyleClass().add("diverged");
      return;
    }
    var p = r.latest();
    if (p == null) {
      networkStatus.setText("network: starting…");
      return;
    }
    double acc = Double.isFinite(p.valAccuracy()) ? p.valAccuracy() : p.trainAccuracy();
    networkStatus.setText("network step " + p.step() + ":  loss " + Numbers.format(p.trainLoss())
        + ",  " + Math.round(100 * acc) + " % "
        + (Double.isFinite(p.valAccuracy()) ? "val." : "train") + " accuracy");
  }

  private boolean hasOptions() {
    var s = entry.spec();
    return s.clipped() || !(s.schedule() instanceof org.descent.optim.LearningRateSchedule.Constant)
        || !(s.averaging() instanceof org.descent.optim.Averaging.None);
  }

  private final org.descent.app.model.NetworkTraining training;
  private final Label networkStatus = new Label();

  public OptimizerEntry entry() {
    return entry;
  }

  /** The status line shown (for tests). */
  public String statusText() {
    return status.getText();
  }

  /** The label shown (for tests). */
  public String labelText() {
    return label.getText();
  }

  private void rename(String text) {
    String t = text.trim();
    if (!t.equals(entry.spec().label())) {
      entry.rename(t.isEmpty() ? entry.spec().type().key() : t);
    }
  }

  private void refreshRule() {
    float size = appearance.presentation() ? 22 : 15;
    rule.show(UpdateRule.latex(entry.spec()), size, appearance.theme().foreground());
  }

  private void refreshStatus() {
    Trace whole = model.race().traceOf(entry);
    status.getStyleClass().remove("diverged");
    if (whole == null) {
      status.setText("computing…");
      return;
    }
    // In reveal mode the card says "diverged" only once the playback has got there.
    Trace t = model.revealed(whole);
    if (t.diverged()) {
      status.setText("diverged at step " + t.divergedAt().getAsInt());
      status.getStyleClass().add("diverged");
      return;
    }
    int k = Math.min(model.currentStepProperty().get(), t.lastStep());
    StringBuilder sb = new StringBuilder();
    // No-break spaces inside "f = 1.25" and "‖∇f‖ = 3.041": a narrow card wraps between
    // the quantities, never inside one.
    sb.append("step\u00a0").append(k).append(":  f\u00a0=\u00a0")
        .append(Numbers.format(t.loss(k))).append(",  ‖∇f‖\u00a0=\u00a0")
        .append(Numbers.format(t.gradNorm(k)));
    OptimizerType type = entry.spec().type();
    // Decided for the whole run, not the step, so the card keeps its height during playback.
    boolean evaluations = !type.firstOrder()
        || whole.functionEvaluations(whole.lastStep()) > 0;
    statusLines.set(evaluations ? 3 : 2);
    if (evaluations) {
      sb.append("\nevaluations: ").append(t.functionEvaluations(k)).append(" f, ")
          .append(t.gradientEvaluations(k)).append(" ∇f");
    }
    status.setText(sb.toString());
  }
}
