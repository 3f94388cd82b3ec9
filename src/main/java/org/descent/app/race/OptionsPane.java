package org.descent.app.race;

import org.descent.app.controls.NumberSlider;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.descent.scenario.Control;
import javafx.scene.layout.VBox;
import org.descent.app.model.OptimizerEntry;
import org.descent.optim.Averaging;
import org.descent.optim.LearningRateSchedule;
import org.descent.optim.OptimizerSpec;

/**
 * Gradient clipping, learning-rate schedule and iterate averaging of one optimizer. Each
 * control shows only the numbers its current choice needs.
 */
final class OptionsPane extends VBox {

  private final OptimizerEntry entry;
  private final VBox scheduleParams = new VBox(4);
  private final VBox averageParams = new VBox(4);
  private final int steps;

  OptionsPane(OptimizerEntry entry, int steps, org.descent.app.model.StudentView student) {
    super(6);
    this.entry = entry;
    this.steps = Math.max(1, steps);
    getStyleClass().add("options-pane");
    OptimizerSpec spec = entry.spec();
    if (spec.type().firstOrder()) {
      HBox clip = clipRow(spec);
      student.bind(clip, Control.CLIP);
      getChildren().add(clip);
      ComboBox<String> schedule = new ComboBox<>();
      schedule.getItems().setAll("constant", "exponential", "linear", "step");
      schedule.setValue(spec.schedule().key());
      schedule.setId("schedule-type");
      schedule.setAccessibleText("learning-rate schedule");
      schedule.valueProperty().addListener((o, was, now) -> setSchedule(defaultSchedule(now)));
      HBox scheduleRow = row("learning rate", schedule);
      student.bind(scheduleRow, Control.SCHEDULE);
      student.bind(scheduleParams, Control.SCHEDULE);
      getChildren().addAll(scheduleRow, scheduleParams);
      showScheduleParams(spec.schedule());
    }
    ComboBox<String> average = new ComboBox<>();
    average.getItems().setAll("none", "polyak", "ema");
    average.setValue(spec.averaging().key());
    average.setId("average-type");
    average.setAccessibleText("iterate averaging");
    average.valueProperty().addListener((o, was, now) -> setAveraging(defaultAveraging(now)));
    HBox averageRow = row("iterate averaging", average);
    student.bind(averageRow, Control.AVERAGE);
    student.bind(averageParams, Control.AVERAGE);
    getChildren().addAll(averageRow, averageParams);
    showAveragingParams(spec.averaging());
  }

  private HBox clipRow(OptimizerSpec spec) {
    CheckBox clip = new CheckBox("clip ‖g‖ at");
    clip.setId("clip-enabled");
    clip.setSelected(spec.clipped());
    clip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    NumberSlider threshold = new NumberSlider("", "maximum gradient norm", 0.01, 1000,
        NumberSlider.Scale.LOG, false, spec.clipped() ? spec.clip() : 1.0,
        v -> ParamControls.problemOf(() -> entry.spec().withClip(v)),
        v -> {
          if (clip.isSelected()) {
            entry.setSpec(entry.spec().withClip(v));
          }
        });
    threshold.setId("clip-threshold");
    threshold.disableProperty().bind(clip.selectedProperty().not());
    clip.selectedProperty().addListener((o, was, now) -> entry.setSpec(entry.spec()
        .withClip(now ? threshold.value() : Double.POSITIVE_INFINITY)));
    HBox row = new HBox(6, clip, threshold);
    HBox.setHgrow(threshold, javafx.scene.layout.Priority.ALWAYS);
    return row;
  }

  private LearningRateSchedule defaultSchedule(String key) {
    return switch (key) {
      case "exponential" -> new LearningRateSchedule.Exponential(Math.max(1, steps / 4.0), 0);
      case "linear" -> new LearningRateSchedule.Linear(entry.spec().get(
          org.descent.optim.Param.LR) / 100, steps);
      case "step" -> new LearningRateSchedule.Step(Math.max(1, steps / 4), 0.5);
      default -> new LearningRateSchedule.Constant();
    };
  }

  private void setSchedule(LearningRateSchedule s) {
    entry.setSpec(entry.spec().withSchedule(s));
    showScheduleParams(s);
  }

  private void showScheduleParams(LearningRateSchedule s) {
    scheduleParams.getChildren().clear();
    if (s instanceof LearningRateSchedule.Exponential e) {
      scheduleParams.getChildren().addAll(
          slider("τ  tau", "time constant in steps", 1, 10000, NumberSlider.Scale.LOG, false,
              e.tau(), v -> new LearningRateSchedule.Exponential(v, currentExp().start())),
          slider("t₀  start", "first decaying step", 0, steps, NumberSlider.Scale.LINEAR, true,
              e.start(), v -> new LearningRateSchedule.Exponential(currentExp().tau(),
                  (int) v)));
    } else if (s instanceof LearningRateSchedule.Linear l) {
      scheduleParams.getChildren().addAll(
          slider("ε_T  end", "learning rate reached at step T", 1e-6, 10,
              NumberSlider.Scale.LOG, false, l.end(),
              v -> new LearningRateSchedule.Linear(v, currentLinear().steps())),
          slider("T  steps", "step at which the rate reaches ε_T", 1, steps,
              NumberSlider.Scale.LINEAR, true, l.steps(),
              v -> new LearningRateSchedule.Linear(currentLinear().end(), (int) v)));
    } else if (s instanceof LearningRateSchedule.Step st) {
      scheduleParams.getChildren().addAll(
          slider("every", "steps between drops", 1, steps, NumberSlider.Scale.LINEAR, true,
              st.every(), v -> new LearningRateSchedule.Step((int) v, currentStep().factor())),
          slider("γ  factor", "multiplier at each drop", 0.05, 1, NumberSlider.Scale.LINEAR,
              false, st.factor(), v -> new LearningRateSchedule.Step(currentStep().every(), v)));
    }
  }

  private LearningRateSchedule.Exponential currentExp() {
    return (LearningRateSchedule.Exponential) entry.spec().schedule();
  }

  private LearningRateSchedule.Linear currentLinear() {
    return (LearningRateSchedule.Linear) entry.spec().schedule();
  }

  private LearningRateSchedule.Step currentStep() {
    return (LearningRateSchedule.Step) entry.spec().schedule();
  }

  private NumberSlider slider(String name, String tip, double min, double max,
      NumberSlider.Scale scale, boolean integer, double value,
      java.util.function.DoubleFunction<LearningRateSchedule> make) {
    return new NumberSlider(name, tip, min, max, scale, integer, value,
        v -> ParamControls.problemOf(() -> make.apply(v)),
        v -> entry.setSpec(entry.spec().withSchedule(make.apply(v))));
  }

  private Averaging defaultAveraging(String key) {
    return switch (key) {
      case "polyak" -> new Averaging.Polyak(0);
      case "ema" -> new Averaging.Ema(20);
      default -> new Averaging.None();
    };
  }

  private void setAveraging(Averaging a) {
    entry.setSpec(entry.spec().withAveraging(a));
    showAveragingParams(a);
  }

  private void showAveragingParams(Averaging a) {
    averageParams.getChildren().clear();
    if (a instanceof Averaging.Polyak p) {
      averageParams.getChildren().add(new NumberSlider("from step", "first averaged step", 0,
          steps, NumberSlider.Scale.LINEAR, true, p.start(),
          v -> ParamControls.problemOf(() -> new Averaging.Polyak((int) v)),
          v -> entry.setSpec(entry.spec().withAveraging(new Averaging.Polyak((int) v)))));
    } else if (a instanceof Averaging.Ema e) {
      averageParams.getChildren().add(new NumberSlider("τ  tau", "averaging time constant", 1,
          1000, NumberSlider.Scale.LOG, false, e.tau(),
          v -> ParamControls.problemOf(() -> new Averaging.Ema(v)),
          v -> entry.setSpec(entry.spec().withAveraging(new Averaging.Ema(v)))));
    }
  }

  private static HBox row(String name, javafx.scene.Node control) {
    Label label = new Label(name);
    label.getStyleClass().add("param-name");
    label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox row = new HBox(6, label, control);
    row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return row;
  }
}
