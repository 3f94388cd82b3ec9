package org.descent.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lecturer's notes of a demo (its {@code notes}: what to say, what to change next) at the
 * top of the side panel; hidden with F7 or its ✕ before the projector shows them, and absent
 * for a demo without notes.
 */
final class NotesPane extends VBox {

  private final Label text = new Label();
  private final Runnable onClose;

  NotesPane(Runnable onClose) {
    super(2);
    this.onClose = onClose;
    setId("notes-pane");
    setMinWidth(0);
    getStyleClass().add("notes-pane");
    setPadding(new Insets(6, 8, 6, 8));
    Label title = new Label("Lecturer's notes");
    title.getStyleClass().add("notes-title");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button close = new Button("✕");
    close.setId("notes-close");
    close.getStyleClass().add("icon-button");
    close.setAccessibleText("hide the notes (F7)");
    close.setTooltip(new Tooltip("hide the notes (F7)"));
    close.setOnAction(e -> this.onClose.run());
    HBox top = new HBox(6, title, gap, close);
    top.setAlignment(Pos.CENTER_LEFT);
    text.setId("notes-text");
    text.setWrapText(true);
    text.setMinHeight(Region.USE_PREF_SIZE);
    ScrollPane scroll = new ScrollPane(text);
    scroll.setFitToWidth(true);
    // About four lines, scrolled for more: the cards stay in view under them.
    scroll.maxHeightProperty().bind(text.fontProperty().map(f -> f.getSize() * 1.4 * 4.3));
    scroll.getStyleClass().add("notes-scroll");
    getChildren().addAll(top, scroll, grip(scroll));
  }

  /**
   * A handle under the notes that a lecturer drags to give them more lines or fewer; the height
   * dragged to is kept (the panel below gives way) until the next drag, a double click gives
   * the notes back their four lines.
   */
  private Region grip(ScrollPane scroll) {
    Region grip = new Region();
    grip.setId("notes-grip");
    grip.getStyleClass().add("notes-grip");
    grip.setMinHeight(8);
    grip.setPrefHeight(8);
    grip.setCursor(javafx.scene.Cursor.V_RESIZE);
    double[] from = new double[2];
    grip.setOnMousePressed(e -> {
      from[0] = e.getScreenY();
      from[1] = scroll.getHeight();
    });
    grip.setOnMouseDragged(e -> {
      double line = text.getFont().getSize() * 1.4;
      double most = getScene() == null ? 600 : getScene().getHeight() * 0.6;
      double h = Math.max(line + 4, Math.min(most, from[1] + e.getScreenY() - from[0]));
      scroll.maxHeightProperty().unbind();
      scroll.setMaxHeight(h);
      scroll.setMinHeight(h);
      scroll.setPrefHeight(h);
    });
    grip.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) {
        scroll.setMinHeight(USE_COMPUTED_SIZE);
        scroll.setPrefHeight(USE_COMPUTED_SIZE);
        scroll.maxHeightProperty().bind(text.fontProperty().map(f -> f.getSize() * 1.4 * 4.3));
      }
    });
    return grip;
  }

  /** Shows these notes, or hides the pane when there are none or it is switched off. */
  void show(String notes, boolean on) {
    text.setText(notes == null ? "" : notes.strip());
    boolean shown = on && !text.getText().isEmpty();
    setVisible(shown);
    setManaged(shown);
  }

  String text() {
    return text.getText();
  }
}
