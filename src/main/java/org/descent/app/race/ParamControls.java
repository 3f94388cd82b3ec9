package org.descent.app.race;

import org.descent.app.controls.NumberSlider;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.descent.optim.Param;

/** The control for one hyperparameter: a slider with a number, a check box, or a choice. */
final class ParamControls {

  private ParamControls() {}

  static Node control(Param p, double value, Consumer<Double> onChange) {
    String name = p.symbol().isEmpty() ? p.key() : p.symbol() + "  " + p.key();
    String tip = p.description() + " (" + p.key() + ")";
    return switch (p.kind()) {
      case BOOLEAN -> {
        CheckBox box = new CheckBox(p.description());
        box.setSelected(value != 0);
        box.setTooltip(new Tooltip(tip));
        box.selectedProperty().addListener((o, was, now) -> onChange.accept(now ? 1.0 : 0.0));
        box.setId("param-" + p.key());
        yield box;
      }
      case CHOICE -> {
        ComboBox<String> combo = new ComboBox<>();
        combo.getItems().setAll(p.choices());
        combo.getSelectionModel().select((int) value);
        combo.valueProperty().addListener((o, was, now) ->
            onChange.accept((double) p.choices().indexOf(now)));
        Label label = new Label(p.description());
        label.setLabelFor(combo);
        label.getStyleClass().add("param-name");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(6, label, combo);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("param-" + p.key());
        yield row;
      }
      default -> {
        NumberSlider.Scale scale = switch (p.kind()) {
          case DECAY -> NumberSlider.Scale.ONE_MINUS_LOG;
          case LOG -> NumberSlider.Scale.LOG;
          default -> NumberSlider.Scale.LINEAR;
        };
        double max = p == Param.BETA2 ? 0.99999 : p.sliderMax();
        if (scale == NumberSlider.Scale.ONE_MINUS_LOG && p != Param.BETA2) {
          max = 0.9999;
        }
        NumberSlider slider = new NumberSlider(name, tip, p.sliderMin(), max, scale,
            p.kind() == Param.Kind.INTEGER, value, v -> p.problem(v), onChange::accept);
        slider.setId("param-" + p.key());
        slider.spokenNameProperty().set(p.description()
            + (p.symbol().isEmpty() ? "" : " " + p.symbol()));
        yield slider;
      }
    };
  }

  /** A validator from a constructor that throws IllegalArgumentException with the reason. */
  static Optional<String> problemOf(Runnable construct) {
    try {
      construct.run();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }
}
