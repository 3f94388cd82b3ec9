package org.descent.app.race;

import org.descent.app.controls.NumberSlider;
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
 * Play, pause, step, scrub and speed, on one row. Playback advances the model's current step by
 * the speed (steps per second) on each frame.
 */
public final class PlaybackBar extends javafx.scene.layout.Region {

  private final LabModel model;
  private final AnimationTimer timer;
  private double carry;
  private long lastFrame = -1;

  private final HBox transport = new HBox(10);

  public PlaybackBar(LabModel model) {
    this.model = model;
    getStyleClass().add("playback-bar");
    transport.setAlignment(Pos.CENTER_LEFT);

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
    // Tab reaches it; the keys that move it are playback's, whatever has the focus (← →,
    // Home, End).
    timeline.accessibleTextProperty().bind(Bindings.format("playback, step %d of %d",
        model.currentStepProperty(), model.stepsProperty()));
    // In a narrow column the timeline gives up its width before the step count is cut.
    timeline.setMinWidth(0);
    timeline.maxProperty().bind(model.stepsProperty());
    timeline.valueProperty().bindBidirectional(model.currentStepProperty());
    timeline.valueProperty().addListener((o, was, now) -> {
      if (timeline.isValueChanging()) {
        model.playingProperty().set(false);
      }
      // Dragged past a question's step, the model stays at the step (its limit), and the
      // binding, busy setting the model, does not bring the thumb back: done after it.
      if (now.doubleValue() >= model.currentStepProperty().get() + 1) {
        javafx.application.Platform.runLater(
            () -> timeline.setValue(model.currentStepProperty().get()));
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
    model.speedProperty().addListener((o, was, now) -> {
      if (now.doubleValue() != speed.value()) {
        speed.setValue(NumberSlider.roundForDisplay(now.doubleValue()));
      }
    });
    Button end = button(org.descent.app.Icons.toEnd(), "to the last step (End)", "to-end");
    end.setOnAction(e -> step(model.stepsProperty().get()));
    speed.setPrefWidth(230);
    speed.setMaxWidth(230);
    transport.getChildren().addAll(reset, back, play, forward, end, timeline, stepLabel, speed);
    getChildren().add(transport);
    // A narrow bar (the network's column beside the map) gives up the speed control first:
    // + and − still change the speed.
    widthProperty().addListener((o, was, now) -> {
      boolean room = now.doubleValue() >= transport.prefWidth(-1)
          - (speed.isManaged() ? 0 : speed.prefWidth(-1)) - 4;
      speed.setManaged(room);
      speed.setVisible(room);
    });

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

  @Override
  protected double computePrefWidth(double height) {
    return transport.prefWidth(height);
  }

  @Override
  protected double computeMinWidth(double height) {
    return Math.min(transport.minWidth(height), 400);
  }

  @Override
  protected double computePrefHeight(double width) {
    return transport.prefHeight(width);
  }

  @Override
  protected double computeMinHeight(double width) {
    return transport.prefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    transport.resizeRelocate(0, 0, getWidth(), getHeight());
  }

  private static Button button(javafx.scene.Node icon, String tip, String id) {
    Button b = new Button();
    b.setGraphic(icon);
    b.setTooltip(new Tooltip(tip));
    b.setId(id);
    b.getStyleClass().add("transport");
    // An icon says nothing to a screen reader: the tooltip's words do. Tab reaches the
    // button, Enter presses it (Space is play whatever has the focus).
    b.setAccessibleText(tip);
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
    if (model.currentStepProperty().get() < next) {
      model.playingProperty().set(false); // held at a question's step (LabModel's step limit)
    }
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
