package org.descent.app;

import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A black screen over the whole window, as B or . gives in a slide show (a clicker's "blank
 * screen" button sends one of them): the students look at the lecturer, not at the demo.
 * Black whatever the theme, without a cursor; any key (see KeyRouter) or click brings the
 * window back, and that key or click does nothing else.
 */
final class Blackout extends Region {

  private final javafx.scene.control.Label note =
      new javafx.scene.control.Label("The projector is black. Any key or click brings it back.");
  private boolean presenter;

  Blackout() {
    note.setId("blackout-note");
    note.setTextFill(Color.WHITE);
    note.setStyle("-fx-font-size: 1.4em;");
    note.setVisible(false);
    getChildren().add(note);
    setId("blackout");
    setBackground(Background.fill(Color.BLACK));
    setCursor(Cursor.NONE);
    setVisible(false);
    // Pressed, not clicked: the press that ends the black screen must not reach the map.
    addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      setVisible(false);
      e.consume();
    });
    addEventHandler(MouseEvent.ANY, MouseEvent::consume);
  }

  void show() {
    setVisible(true);
  }

  /**
   * In the presenter view the projector goes black and the laptop does not: the lecturer keeps
   * the notes in view, dimmed, with a word on what the students see.
   */
  void setPresenter(boolean on) {
    presenter = on;
    setBackground(Background.fill(on ? Color.rgb(0, 0, 0, 0.6) : Color.BLACK));
    setCursor(on ? Cursor.DEFAULT : Cursor.NONE);
    note.setVisible(on);
  }

  @Override
  protected void layoutChildren() {
    double w = note.prefWidth(-1);
    double h = note.prefHeight(w);
    note.resizeRelocate((getWidth() - w) / 2, (getHeight() - h) / 2, w, h);
  }

  boolean presenter() {
    return presenter;
  }
}
