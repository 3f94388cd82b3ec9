package org.descent.app.race;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.descent.app.model.LabModel;
import org.descent.optim.Param;

/**
 * Play, pause, step, scrub, speed, and the number of steps and gradient noise of the race.
 * Playback advances the model's current step by the speed (steps per second) on each frame.
 */
public final class PlaybackBar extends javafx.scene.layout.Region {

  private final LabModel model;
  private final AnimationTimer timer;
  private double carry;
  private long lastFrame = -1;

  private final HBox transport = new HBox(10);
  private final HBox settings = new HBox(14);

  public PlaybackBar(LabModel model) {
    this.model = model;
    getStyleClass().add("playback-bar");
    transport.setAlignment(Pos.CENTER_LEFT);
    settings.setAlignment(Pos.CENTER_LEFT);

    Button reset = button(org.descent.app.Icons.toStart(), "back to the start (Home)", "reset");
    reset.setOnAction(e -> reset());
    Button back = button(org.descent.app.Icons.stepBack(), "one step back (←; Shift+← ten)",
        "step-back");
    back.setOnAction(e -> step(-1));
    Button play = button(org.descent.app.Icons.play(), "play or pause (Space)", "play");
    model.playingProperty().addListener((o, was, now) -> play.setGraphic(now
        ? org.descent.app.Icons.pause() : org.descent.app.Icons.play()));
    play.setOnAction(e -> togglePlay());
    Button forward = button(org.descent.app.Icons.stepForward(),
        "one step forward (→; Shift+→ ten)", "step-forward");
    forward.setOnAction(e -> step(1));

    Slider timeline = new Slider(0, model.stepsProperty().get(), 0);
    timeline.setId("timeline");
    timeline.setFocusTraversable(false);
    timeline.maxProperty().bind(model.stepsProperty());
    timeline.valueProperty().bindBidirectional(model.currentStepProperty());
    timeline.valueProperty().addListener((o, was, now) -> {
      if (timeline.isValueChanging()) {
        model.playingProperty().set(false);
      }
    });
    HBox.setHgrow(timeline, Priority.ALWAYS);
    Label stepLabel = new Label();
    stepLabel.setId("step-label");
    stepLabel.getStyleClass().add("step-label");
    stepLabel.textProperty().bind(Bindings.format("step %d / %d", model.currentStepProperty(),
        model.stepsProperty()));
    stepLabel.setMinWidth(USE_PREF_SIZE);

    NumberSlider speed = new NumberSlider("speed", "steps per second", 1, 1000,
        NumberSlider.Scale.LOG, false, model.speedProperty().get(),
        v -> v > 0 ? java.util.Optional.empty() : java.util.Optional.of("must be positive"),
        v -> model.speedProperty().set(v));
    speed.setId("speed");
    speed.setPrefWidth(200);
    NumberSlider steps = new NumberSlider("steps", "steps per optimizer", 10, 5000,
        NumberSlider.Scale.LOG, true, model.stepsProperty().get(),
        v -> v >= 1 && v <= org.descent.scenario.Scenario.MAX_STEPS
            ? java.util.Optional.empty()
            : java.util.Optional.of("between 1 and " + org.descent.scenario.Scenario.MAX_STEPS),
        v -> model.stepsProperty().set((int) v));
    steps.setId("steps");
    steps.setPrefWidth(200);
    model.stepsProperty().addListener((o, was, now) -> steps.setValue(now.intValue()));
    NumberSlider noise = new NumberSlider("noise σ", "standard deviation of the gradient noise "
        + "that simulates mini-batches (0: exact gradients)", 0, 20, NumberSlider.Scale.LINEAR,
        false, model.noiseProperty().get(),
        v -> v >= 0 ? java.util.Optional.empty() : java.util.Optional.of("must be zero or more"),
        v -> model.noiseProperty().set(v));
    noise.setId("noise");
    noise.setPrefWidth(220);
    model.noiseProperty().addListener((o, was, now) -> noise.setValue(now.doubleValue()));

    transport.getChildren().addAll(reset, back, play, forward, timeline, stepLabel);
    settings.getChildren().addAll(speed, steps, noise);
    getChildren().addAll(transport, settings);

    timer = new AnimationTimer() {
      @Override
      public void handle(long now) {
        advance(now);
      }
    };
    model.playingProperty().addListener((o, was, playing) -> {
      if (playing) {
        if (model.currentStepProperty().get() >= model.stepsProperty().get()) {
          model.currentStepProperty().set(0);
        }
        lastFrame = -1;
        carry = 0;
        timer.start();
      } else {
        timer.stop();
      }
    });
    Param.values(); // keep the optim types loaded before the first frame
  }

  /** One row when there is room, the settings under the transport otherwise. */
  private boolean oneRow(double width) {
    return width >= transport.minWidth(-1) + 300 + settings.prefWidth(-1) + 20;
  }

  @Override
  public javafx.geometry.Orientation getContentBias() {
    return javafx.geometry.Orientation.HORIZONTAL; // its height depends on its width
  }

  @Override
  protected double computePrefWidth(double height) {
    return transport.prefWidth(-1) + settings.prefWidth(-1) + 20;
  }

  @Override
  protected double computeMinWidth(double height) {
    return Math.max(transport.minWidth(-1), 200);
  }

  @Override
  protected double computePrefHeight(double width) {
    double a = transport.prefHeight(-1);
    double b = settings.prefHeight(-1);
    return width > 0 && !oneRow(width) ? a + b + 6 : Math.max(a, b);
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    double sw = Math.min(settings.prefWidth(-1), w);
    if (oneRow(w)) {
      transport.resizeRelocate(0, 0, w - sw - 20, h);
      settings.resizeRelocate(w - sw, 0, sw, h);
    } else {
      double a = transport.prefHeight(-1);
      transport.resizeRelocate(0, 0, w, a);
      settings.resizeRelocate(0, a + 6, w, h - a - 6);
    }
  }

  private static Button button(javafx.scene.Node icon, String tip, String id) {
    Button b = new Button();
    b.setGraphic(icon);
    b.setTooltip(new Tooltip(tip));
    b.setId(id);
    b.getStyleClass().add("transport");
    b.setFocusTraversable(false);
    return b;
  }

  private void advance(long now) {
    if (lastFrame < 0) {
      lastFrame = now;
      return;
    }
    double seconds = (now - lastFrame) / 1e9;
    lastFrame = now;
    carry += seconds * model.speedProperty().get();
    int whole = (int) carry;
    if (whole <= 0) {
      return;
    }
    carry -= whole;
    int next = model.currentStepProperty().get() + whole;
    int last = model.stepsProperty().get();
    if (next >= last) {
      next = last;
      model.playingProperty().set(false);
    }
    model.currentStepProperty().set(next);
  }

  public void togglePlay() {
    model.playingProperty().set(!model.playingProperty().get());
  }

  public void step(int delta) {
    model.playingProperty().set(false);
    int k = model.currentStepProperty().get() + delta;
    model.currentStepProperty().set(Math.max(0, Math.min(model.stepsProperty().get(), k)));
  }

  public void reset() {
    model.playingProperty().set(false);
    model.currentStepProperty().set(0);
  }
}
