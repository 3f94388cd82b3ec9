package org.descent.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.descent.app.model.LabModel;
import org.descent.app.controls.NumberSlider;
import org.descent.function.Catalogue;
import org.descent.function.FormulaException;
import org.descent.function.FunctionDefinition;
import org.descent.scenario.FunctionChoice;

/**
 * Chooses the function: the catalogue with its formula, the catalogue function's parameters as
 * sliders, and a field for a user's own f(x, y). A formula error is shown in place, with the
 * caret at the column, and changes nothing.
 */
public final class FunctionPicker extends VBox {

  private static final String OWN = "Your formula…";

  private final LabModel model;
  private final ComboBox<String> choice = new ComboBox<>();
  private final TextField formula = new TextField();
  private final Label error = new Label();
  private final HBox params = new HBox(12);
  private boolean updating;
  private boolean reshaping;
  private HBox row;

  public FunctionPicker(LabModel model) {
    super(4);
    this.model = model;
    getStyleClass().add("function-picker");
    model.studentView().bind(this, org.descent.scenario.Control.FUNCTION);
    choice.setId("function-choice");
    choice.setAccessibleText("function");
    for (FunctionDefinition d : Catalogue.all()) {
      choice.getItems().add(d.name());
    }
    choice.getItems().add(OWN);
    choice.setCellFactory(list -> new TitleCell());
    choice.setButtonCell(new TitleCell());
    choice.setVisibleRowCount(16);
    choice.valueProperty().addListener((o, was, now) -> {
      if (!updating && now != null) {
        pick(now);
      }
    });
    formula.setId("formula");
    formula.setAccessibleText("formula of f(x, y)");
    formula.getStyleClass().add("formula-field");
    formula.setPromptText("f(x, y), e.g. x^2 + 10*y^2");
    formula.setTooltip(new Tooltip("Type your own f(x, y) and press Enter. Functions: "
        + org.descent.function.Formula.functionNames()));
    formula.setOnAction(e -> applyFormula());
    EditKeys.onRevert(formula, () -> {
      show(model.functionProperty().get());
      clearError();
    });
    HBox.setHgrow(formula, Priority.ALWAYS);
    formula.setMinWidth(220);
    formula.setPrefColumnCount(28);
    Label f = new Label("f(x, y) =");
    f.getStyleClass().add("formula-label");
    f.setMinWidth(Label.USE_PREF_SIZE);
    // The parameters sit on the formula's line: one line less above the landscape.
    HBox row = new HBox(8, choice, f, formula);
    row.setAlignment(Pos.CENTER_LEFT);
    choice.setMaxWidth(320);
    choice.setMinWidth(160);
    error.setId("formula-error");
    error.getStyleClass().add("formula-error");
    error.setManaged(false);
    error.setVisible(false);
    params.setAlignment(Pos.CENTER_LEFT);
    params.setMinWidth(Region.USE_PREF_SIZE);
    getChildren().addAll(row, error);
    this.row = row;
    for (javafx.beans.Observable o : List.of(widthProperty(), formula.textProperty(),
        formula.fontProperty(), formula.insetsProperty())) {
      o.addListener(x -> placeParams());
    }
    params.getChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>)
        c -> placeParams());
    model.functionProperty().addListener((o, was, now) -> {
      if (!reshaping) {
        show(now); // a parameter slider being dragged must not be rebuilt under the mouse
      }
    });
    show(model.functionProperty().get());
  }

  /**
   * The parameters sit on the formula's line when they fit beside a formula field of
   * reasonable width (one line less above the landscape), on a line of their own otherwise.
   */
  private void placeParams() {
    double needed = choice.prefWidth(-1) + 8 + formulaLabelWidth() + 8
        + Math.max(320, formulaTextWidth()) + 12 + params.prefWidth(-1);
    boolean inline = params.getChildren().isEmpty() || getWidth() <= 0 || needed <= getWidth();
    if (inline && params.getParent() != row) {
      getChildren().remove(params);
      row.getChildren().add(params);
    } else if (!inline && params.getParent() != this) {
      row.getChildren().remove(params);
      getChildren().add(params);
    }
  }

  /**
   * The width the formula needs to be read whole: in a projector's font a catalogue formula
   * is wider than 320 px, and parameters beside it would leave it scrolled.
   */
  private double formulaTextWidth() {
    javafx.scene.text.Text t = new javafx.scene.text.Text(formula.getText());
    t.setFont(formula.getFont());
    javafx.geometry.Insets in = formula.getInsets();
    return Math.ceil(t.getLayoutBounds().getWidth() + in.getLeft() + in.getRight() + 3);
  }

  private double formulaLabelWidth() {
    return row.getChildren().get(1).prefWidth(-1);
  }

  private void pick(String name) {
    if (name.equals(OWN)) {
      formula.requestFocus();
      formula.selectAll();
      return;
    }
    try {
      model.setFunction(new FunctionChoice.Named(name));
      clearError();
    } catch (FormulaException | IllegalArgumentException e) {
      showError(e.getMessage(), -1);
    }
  }

  private void applyFormula() {
    String text = formula.getText().trim();
    FunctionChoice current = model.functionProperty().get();
    if (current instanceof FunctionChoice.Named n) {
      FunctionDefinition d = Catalogue.find(n.name()).orElse(null);
      if (d != null && text.equals(d.formula())) {
        clearError();
        return; // unchanged catalogue formula
      }
    }
    try {
      model.setFunction(new FunctionChoice.UserFormula(text));
      clearError();
    } catch (FormulaException e) {
      showError("column " + e.column() + ": " + e.problem(), e.column());
    } catch (IllegalArgumentException e) {
      showError(e.getMessage(), -1);
    }
  }

  private void showError(String message, int column) {
    error.setText(message);
    error.setManaged(true);
    error.setVisible(true);
    if (!formula.getStyleClass().contains("invalid")) {
      formula.getStyleClass().add("invalid");
    }
    if (column > 0) {
      formula.requestFocus();
      formula.positionCaret(Math.min(column - 1, formula.getText().length()));
    }
  }

  private void clearError() {
    error.setText("");
    error.setManaged(false);
    error.setVisible(false);
    formula.getStyleClass().remove("invalid");
  }

  private void show(FunctionChoice f) {
    updating = true;
    try {
      params.getChildren().clear();
      if (f instanceof FunctionChoice.Named n) {
        choice.setValue(n.name());
        FunctionDefinition d = Catalogue.find(n.name()).orElse(null);
        if (d != null) {
          formula.setText(d.formula());
          showParams(d, n);
        }
      } else if (f instanceof FunctionChoice.UserFormula u) {
        choice.setValue(OWN);
        formula.setText(u.text());
      }
    } finally {
      updating = false;
    }
  }

  private void showParams(FunctionDefinition d, FunctionChoice.Named n) {
    for (Map.Entry<String, Double> p : d.parameters().entrySet()) {
      String name = p.getKey();
      double value = n.params().getOrDefault(name, p.getValue());
      boolean linear = name.equals("angle") || name.equals("offset");
      double min = name.equals("angle") ? 0 : name.equals("offset") ? -10
          : p.getValue() / 1000;
      double max = name.equals("angle") ? 180 : name.equals("offset") ? 10
          : p.getValue() * 1000;
      NumberSlider slider = new NumberSlider(name, "parameter " + name + " of " + d.name(), min,
          max, linear ? NumberSlider.Scale.LINEAR : NumberSlider.Scale.LOG, false, value,
          v -> Double.isFinite(v) ? java.util.Optional.empty()
              : java.util.Optional.of("must be a finite number"),
          v -> setParam(d, name, v));
      slider.setId("function-param-" + name);
      slider.setMinWidth(Region.USE_PREF_SIZE);
      params.getChildren().add(slider);
    }
  }

  private void setParam(FunctionDefinition d, String name, double value) {
    FunctionChoice current = model.functionProperty().get();
    Map<String, Double> values = new LinkedHashMap<>();
    if (current instanceof FunctionChoice.Named n && n.name().equals(d.name())) {
      values.putAll(n.params());
    }
    values.put(name, value);
    try {
      reshaping = true;
      model.reshapeFunction(new FunctionChoice.Named(d.name(), values));
      clearError();
    } catch (FormulaException | IllegalArgumentException e) {
      showError(e.getMessage(), -1);
    } finally {
      reshaping = false;
    }
  }

  /** Shows "rosenbrock — Rosenbrock's banana" in the list. */
  private static final class TitleCell extends ListCell<String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        return;
      }
      setText(Catalogue.find(item).map(FunctionDefinition::title).orElse(item));
    }
  }
}
