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

  Blackout() {
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
}
