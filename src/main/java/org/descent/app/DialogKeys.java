package org.descent.app;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter and Esc in a dialog press its default and cancel buttons after the key's events, never
 * inside them: on GTK, a window closed while its key PRESSED event is handled still gets the
 * key's TYPED event, and the whole program dies in libglassgtk3 (JDK-8301219, fixed in JavaFX
 * after 21). The demo browser does the same for its own keys.
 */
public final class DialogKeys {

  private DialogKeys() {}

  /** Makes {@code dialog}'s Enter and Esc close it (through its buttons) after the key. */
  public static void closeAfterTheKey(Dialog<?> dialog) {
    dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      ButtonType target = null;
      for (ButtonType t : dialog.getDialogPane().getButtonTypes()) {
        if (e.getCode() == KeyCode.ENTER && t.getButtonData().isDefaultButton()
            || e.getCode() == KeyCode.ESCAPE && t.getButtonData().isCancelButton()) {
          target = t;
        }
      }
      Node button = target == null ? null : dialog.getDialogPane().lookupButton(target);
      if (button instanceof Button b && !b.isDisabled()) {
        e.consume();
        Platform.runLater(b::fire);
      }
    });
  }
}
