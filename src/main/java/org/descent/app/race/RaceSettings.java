package org.descent.app.race;

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
    model.stepsProperty().addListener((o, was, now) -> steps.setValue(now.intValue()));
    NumberSlider noise = new NumberSlider("noise σ", "standard deviation of the gradient noise "
        + "that simulates mini-batches (0: exact gradients)", 0, 20, NumberSlider.Scale.LINEAR,
        false, model.noiseProperty().get(),
        v -> v >= 0 && Double.isFinite(v) ? Optional.empty()
            : Optional.of("must be zero or more"),
        v -> model.noiseProperty().set(v));
    noise.setId("noise");
    model.noiseProperty().addListener((o, was, now) -> noise.setValue(now.doubleValue()));
    getChildren().addAll(steps, noise);
  }
}
