package org.descent.app.race;

import org.descent.app.controls.NumberSlider;
import java.util.Optional;
import javafx.scene.layout.VBox;
import org.descent.app.model.LabModel;
import org.descent.scenario.Scenario;

/** The settings every racer shares: the number of steps and the gradient noise. */
public final class RaceSettings extends VBox {

  public RaceSettings(LabModel model) {
    super(4);
    getStyleClass().add("race-settings");
    NumberSlider steps = new NumberSlider("steps", "steps per optimizer", 10, 5000,
        NumberSlider.Scale.LOG, true, model.stepsProperty().get(),
        v -> v >= 1 && v <= Scenario.MAX_STEPS ? Optional.empty()
            : Optional.of("between 1 and " + Scenario.MAX_STEPS),
        v -> model.stepsProperty().set((int) v));
    steps.setId("steps");
    model.studentView().bind(steps, org.descent.scenario.Control.STEPS);
    model.stepsProperty().addListener((o, was, now) -> steps.setValue(now.intValue()));
    NumberSlider noise = new NumberSlider("noise σ", "standard deviation of the gradient noise "
        + "that simulates mini-batches (0: exact gradients)", 0, 20, NumberSlider.Scale.LINEAR,
        false, model.noiseProperty().get(),
        v -> v >= 0 && Double.isFinite(v) ? Optional.empty()
            : Optional.of("must be zero or more"),
        v -> model.noiseProperty().set(v));
    noise.setId("noise");
    model.studentView().bind(noise, org.descent.scenario.Control.NOISE);
    model.noiseProperty().addListener((o, was, now) -> noise.setValue(now.doubleValue()));
    // A race at equal cost: line-search and second-order methods spend more per step.
    javafx.scene.control.CheckBox equal = new javafx.scene.control.CheckBox(
        "equal budget of evaluations");
    equal.setId("budget-enabled");
    equal.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    equal.setTooltip(new javafx.scene.control.Tooltip("run every optimizer until it has spent "
        + "the same number of function and gradient evaluations, rather than the same steps; "
        + "the charts then count evaluations"));
    NumberSlider budget = new NumberSlider("evaluations", "function + gradient evaluations "
        + "per optimizer", 10, 20000, NumberSlider.Scale.LOG, true,
        Math.max(10, model.budgetProperty().get() > 0 ? model.budgetProperty().get()
            : 2L * model.stepsProperty().get()),
        v -> v >= 1 && v <= Scenario.MAX_BUDGET ? Optional.empty()
            : Optional.of("between 1 and " + Scenario.MAX_BUDGET),
        v -> model.budgetProperty().set((long) v));
    budget.setId("budget");
    Runnable show = () -> {
      boolean on = model.budgetProperty().get() > 0;
      equal.setSelected(on);
      budget.setVisible(on);
      budget.setManaged(on);
      if (on) {
        budget.setValue(model.budgetProperty().get());
      }
    };
    equal.setOnAction(e -> model.budgetProperty().set(equal.isSelected()
        ? Math.max(10, 2L * model.stepsProperty().get()) : 0));
    model.budgetProperty().addListener(o -> show.run());
    show.run();
    getChildren().addAll(steps, noise, equal, budget);
  }
}
