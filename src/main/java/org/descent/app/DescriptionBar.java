package org.descent.app;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The demo's description in one line, so it never takes the landscape's room; a click on it
 * (or on "more") shows the whole text, another click folds it again. Hidden when there is no
 * description.
 */
public final class DescriptionBar extends HBox {

  private final Label text = new Label();
  private final Hyperlink toggle = new Hyperlink("more");
  private boolean expanded;

  public DescriptionBar(ObservableStringValue description) {
    super(8);
    setId("description");
    getStyleClass().add("description-bar");
    setAlignment(Pos.TOP_LEFT);
    text.getStyleClass().add("scenario-description");
    text.setId("description-text");
    text.textProperty().bind(description);
    text.setTextOverrun(OverrunStyle.ELLIPSIS);
    text.setMinWidth(0);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(text, Priority.ALWAYS);
    toggle.setId("description-toggle");
    toggle.setAccessibleText("show the whole description, or fold it to one line");
    toggle.setMinWidth(USE_PREF_SIZE);
    toggle.setOnAction(e -> setExpanded(!expanded));
    text.setOnMouseClicked(e -> setExpanded(!expanded));
    getChildren().addAll(text, toggle);
    managedProperty().bind(text.textProperty().isNotEmpty());
    visibleProperty().bind(text.textProperty().isNotEmpty());
    description.addListener((o, was, now) -> setExpanded(false));
    setExpanded(false);
  }

  public void setExpanded(boolean on) {
    expanded = on;
    text.setWrapText(on);
    toggle.setText(on ? "less" : "more");
    requestLayout();
  }
}
