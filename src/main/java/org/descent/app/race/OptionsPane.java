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
      schedule.getItems().setAll("constant", "exponential", "linear", "step", "warmup",
          "cosine-restarts", "one-cycle");
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
      case "warmup" -> new LearningRateSchedule.Warmup(Math.max(1, steps / 10));
      case "cosine-restarts" -> new LearningRateSchedule.CosineRestarts(Math.max(1, steps / 4),
          1, 0);
      // PyTorch's defaults over the race's steps (a race of fewer than 4 steps has no cycle)
      case "one-cycle" -> new LearningRateSchedule.OneCycle(Math.max(4, steps), 0.3, 25, 1e4);
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
    } else if (s instanceof LearningRateSchedule.Warmup w) {
      scheduleParams.getChildren().add(
          slider("W  steps", "steps until the rate reaches ε", 1, steps,
              NumberSlider.Scale.LINEAR, true, w.steps(),
              v -> new LearningRateSchedule.Warmup((int) v)));
    } else if (s instanceof LearningRateSchedule.CosineRestarts c) {
      scheduleParams.getChildren().addAll(
          slider("T₀  period", "steps of the first cosine period", 1, steps,
              NumberSlider.Scale.LINEAR, true, c.period(),
              v -> new LearningRateSchedule.CosineRestarts((int) v, currentCosine().mult(),
                  currentCosine().min())),
          slider("T_mult  mult", "each period this many times the one before", 1, 4,
              NumberSlider.Scale.LINEAR, true, c.mult(),
              v -> new LearningRateSchedule.CosineRestarts(currentCosine().period(), (int) v,
                  currentCosine().min())),
          slider("η_min  min", "learning rate at the end of each period", 1e-6, 10,
              NumberSlider.Scale.LOG, false, c.min(),
              v -> new LearningRateSchedule.CosineRestarts(currentCosine().period(),
                  currentCosine().mult(), v)));
    } else if (s instanceof LearningRateSchedule.OneCycle o) {
      scheduleParams.getChildren().addAll(
          slider("T  steps", "length of the cycle", 4, Math.max(4, steps),
              NumberSlider.Scale.LINEAR, true, o.steps(),
              v -> new LearningRateSchedule.OneCycle((int) v, currentCycle().pctStart(),
                  currentCycle().divFactor(), currentCycle().finalDivFactor())),
          slider("pct_start", "fraction of the cycle spent rising to ε", 0.05, 0.95,
              NumberSlider.Scale.LINEAR, false, o.pctStart(),
              v -> new LearningRateSchedule.OneCycle(currentCycle().steps(), v,
                  currentCycle().divFactor(), currentCycle().finalDivFactor())),
          slider("div_factor", "ε over the starting rate", 1, 1000,
              NumberSlider.Scale.LOG, false, o.divFactor(),
              v -> new LearningRateSchedule.OneCycle(currentCycle().steps(),
                  currentCycle().pctStart(), v, currentCycle().finalDivFactor())),
          slider("final_div_factor", "starting rate over the final rate", 1, 1e5,
              NumberSlider.Scale.LOG, false, o.finalDivFactor(),
              v -> new LearningRateSchedule.OneCycle(currentCycle().steps(),
                  currentCycle().pctStart(), currentCycle().divFactor(), v)));
    }
  }

  private LearningRateSchedule.Exponential currentExp() {
    return (LearningRateSchedule.Exponential) entry.spec().schedule();
  }

  private LearningRateSchedule.Linear currentLinear() {
    return (LearningRateSchedule.Linear) entry.spec().schedule();
  }

  private LearningRateSchedule.CosineRestarts currentCosine() {
    return (LearningRateSchedule.CosineRestarts) entry.spec().schedule();
  }

  private LearningRateSchedule.OneCycle currentCycle() {
    return (LearningRateSchedule.OneCycle) entry.spec().schedule();
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
