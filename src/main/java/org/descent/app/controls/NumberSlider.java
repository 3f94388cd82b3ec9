package org.descent.app.controls;

import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleFunction;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.descent.optim.Param;

/**
 * A labelled slider with an editable number beside it. On a log scale the slider moves the
 * exponent, so learning rates from 1e-5 to 10 are all within reach; decay rates and momentum
 * move on a log scale of 1 − v, so 0.9, 0.99 and 0.999 are evenly spaced. A typed value outside the
 * slider's range is accepted when valid (the slider then sits at its end); an invalid one is
 * shown in red with the reason and changes nothing.
 */
public final class NumberSlider extends HBox {

  private final Slider slider = new Slider();
  private final javafx.beans.property.StringProperty spoken =
      new javafx.beans.property.SimpleStringProperty(this, "spoken", "");
  private final javafx.beans.property.StringProperty owner =
      new javafx.beans.property.SimpleStringProperty(this, "owner", "");
  private final TextField field = new TextField();
  private final Scale scale;
  private final boolean integer;
  private final DoubleFunction<Optional<String>> validator;
  private final DoubleConsumer onChange;
  private double value;
  private boolean updating;

  /**
   * @param validator the reason a value is invalid, or empty
   * @param onChange receives every valid new value (while dragging too)
   */
  public NumberSlider(String name, String tooltip, double min, double max, Scale scale,
      boolean integer, double initial, DoubleFunction<Optional<String>> validator,
      DoubleConsumer onChange) {
    this.scale = scale;
    this.integer = integer;
    this.validator = validator;
    this.onChange = onChange;
    getStyleClass().add("number-slider");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(6);
    Label label = new Label(name);
    label.getStyleClass().add("param-name");
    label.setMinWidth(USE_PREF_SIZE);
    label.setTooltip(new Tooltip(tooltip));
    slider.setMin(Math.min(scale.toSlider(min), scale.toSlider(max)));
    slider.setMax(Math.max(scale.toSlider(min), scale.toSlider(max)));
    if (integer) {
      slider.setSnapToTicks(true);
      slider.setMajorTickUnit(1);
      slider.setMinorTickCount(0);
    }
    // Tab reaches the slider (a keyboard user finds every control), but no key ever moves a
    // hyperparameter: arrows, Home and End belong to playback; the number beside it is typed.
    // Tab and Shift+Tab go on to the next control.
    slider.addEventFilter(javafx.scene.input.KeyEvent.ANY, e -> {
      if (e.getCode() != javafx.scene.input.KeyCode.TAB) {
        e.consume();
      }
    });
    spoken.set(tooltip.isBlank() ? name.trim() : tooltip);
    // What a screen reader says: "gradient descent, lr 1: learning rate ε, 1".
    javafx.beans.binding.StringBinding said = javafx.beans.binding.Bindings.createStringBinding(
        () -> (owner.get().isBlank() ? "" : owner.get() + ": ") + spoken.get() + ", "
            + field.getText(), owner, spoken, field.textProperty());
    slider.accessibleTextProperty().bind(said);
    field.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat(said,
        " (type a value)"));
    FineControl.install(slider);
    HBox.setHgrow(slider, Priority.ALWAYS);
    slider.setMinWidth(90);
    field.setPrefColumnCount(6);
    field.getStyleClass().add("param-value");
    // Six columns hold "0.05" but not "0.00128" in a projector's font: the field grows to
    // its number, so a value is never scrolled out of sight.
    for (javafx.beans.Observable o : java.util.List.of(field.textProperty(),
        field.fontProperty(), field.insetsProperty())) {
      o.addListener(x -> fitText(field));
    }
    slider.valueProperty().addListener((o, was, now) -> {
      if (!updating) {
        double v = scale.fromSlider(now.doubleValue());
        if (integer) {
          v = Math.rint(v);
        } else if (scale == Scale.ONE_MINUS_LOG) {
          v = 1 - roundForDisplay(1 - v);
        } else {
          v = roundForDisplay(v);
        }
        commit(v, true);
      }
    });
    field.setOnAction(e -> commitText());
    org.descent.app.EditKeys.onRevert(field, () -> setValue(value));
    field.focusedProperty().addListener((o, was, focused) -> {
      if (!focused) {
        commitText();
      }
    });
    getChildren().addAll(label, slider, field);
    setValue(initial);
  }

  /** Shows a value without reporting it. */
  public void setValue(double v) {
    value = v;
    updating = true;
    try {
      slider.setValue(clampToSlider(v));
      field.setText(format(v));
      markValid(null);
    } finally {
      updating = false;
    }
  }

  private double clampToSlider(double v) {
    double s = scale.toSlider(v);
    if (Double.isNaN(s)) {
      s = slider.getMin();
    }
    return Math.max(slider.getMin(), Math.min(slider.getMax(), s));
  }

  public double value() {
    return value;
  }

  /** What the value is, as a screen reader says it ("learning rate ε"). */
  public javafx.beans.property.StringProperty spokenNameProperty() {
    return spoken;
  }

  /** Whose value it is, said first ("momentum 0.9"), or empty. */
  public javafx.beans.property.StringProperty ownerProperty() {
    return owner;
  }

  public Slider slider() {
    return slider;
  }

  public TextField field() {
    return field;
  }

  private void commitText() {
    String text = field.getText().trim();
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      markValid("'" + text + "' is not a number");
      return;
    }
    if (integer && v != Math.rint(v)) {
      markValid("expected a whole number");
      return;
    }
    commit(v, false);
  }

  private void commit(double v, boolean fromSlider) {
    Optional<String> problem = validator.apply(v);
    if (problem.isPresent()) {
      markValid(problem.get());
      return;
    }
    value = v;
    updating = true;
    try {
      field.setText(format(v));
      if (!fromSlider) {
        slider.setValue(clampToSlider(v));
      }
    } finally {
      updating = false;
    }
    markValid(null);
    onChange.accept(v);
  }

  private void markValid(String problem) {
    if (problem == null) {
      field.getStyleClass().remove("invalid");
      field.setTooltip(null);
    } else {
      if (!field.getStyleClass().contains("invalid")) {
        field.getStyleClass().add("invalid");
      }
      field.setTooltip(new Tooltip(problem));
    }
  }

  /** Keeps a field at least as wide as its whole text, the caret included. */
  public static void fitText(TextField field) {
    javafx.scene.text.Text t = new javafx.scene.text.Text(
        field.getText() == null ? "" : field.getText());
    t.setFont(field.getFont());
    javafx.geometry.Insets in = field.getInsets();
    field.setMinWidth(Math.ceil(t.getLayoutBounds().getWidth() + in.getLeft() + in.getRight()
        + 3));
  }

  /** Three significant digits: what a lecturer reads off a slider. */
  public static double roundForDisplay(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(v))));
    return Math.round(v * scale) / scale;
  }

  /** How the slider's position maps to the value. */
  public enum Scale {
    LINEAR, LOG, ONE_MINUS_LOG;

    double toSlider(double v) {
      return switch (this) {
        case LINEAR -> v;
        case LOG -> Math.log10(v);
        case ONE_MINUS_LOG -> -Math.log10(1 - v);
      };
    }

    double fromSlider(double s) {
      return switch (this) {
        case LINEAR -> s;
        case LOG -> Math.pow(10, s);
        case ONE_MINUS_LOG -> 1 - Math.pow(10, -s);
      };
    }
  }

  static String format(double v) {
    return Param.formatNumber(v);
  }
}
