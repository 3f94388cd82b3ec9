package org.descent.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The top of the window: the menus, the function with its parameters, the demo's description.
 * In presentation mode every line taken here is a line the landscape loses on a projector's
 * 768: the menus and the description share one line, and the function folds behind a button
 * (ƒ) until the lecturer opens it.
 */
final class Header extends VBox {

  private final MenuBar menus;
  private final javafx.scene.control.Label position;
  private final FunctionPicker function;
  private final DescriptionBar description;
  private final ToggleButton unfold = new ToggleButton("ƒ");
  private final VBox below = new VBox(4);
  private final HBox line = new HBox(8);

  /**
   * @param position where the open lecture is, at the right end of the menus' line
   */
  Header(MenuBar menus, javafx.scene.control.Label position, FunctionPicker function,
      DescriptionBar description, Appearance appearance) {
    this.menus = menus;
    this.position = position;
    this.function = function;
    this.description = description;
    setId("header");
    // Beside the description the menus keep their titles whole; the description folds.
    menus.setMinWidth(USE_PREF_SIZE);
    below.setPadding(new Insets(6, 10, 4, 10));
    below.getStyleClass().add("header");
    line.setAlignment(Pos.CENTER_LEFT);
    line.setFillHeight(false);
    line.getStyleClass().add("header");
    line.setPadding(new Insets(0, 10, 0, 0));
    unfold.setId("function-unfold");
    unfold.setAccessibleText("show the function and its parameters");
    unfold.setTooltip(new Tooltip("show the function and its parameters"));
    unfold.selectedProperty().addListener(o -> arrange(appearance.presentation()));
    appearance.presentationProperty().addListener((o, was, now) -> arrange(now));
    arrange(appearance.presentation());
  }

  /** Shows the function in presentation mode (where it is folded), as the ƒ button does. */
  void unfoldFunction() {
    unfold.setSelected(true);
  }

  private void arrange(boolean presentation) {
    if (presentation) {
      HBox.setHgrow(description, Priority.ALWAYS);
      description.setMaxWidth(Double.MAX_VALUE);
      line.getChildren().setAll(menus, description, position, unfold);
      below.getChildren().setAll(function);
      getChildren().setAll(line);
      if (unfold.isSelected()) {
        getChildren().add(below);
      }
    } else {
      line.getChildren().clear();
      below.getChildren().setAll(function, description);
      javafx.scene.layout.StackPane top = new javafx.scene.layout.StackPane(menus, position);
      javafx.scene.layout.StackPane.setAlignment(position, Pos.CENTER_RIGHT);
      getChildren().setAll(top, below);
    }
  }
}
