package org.descent.app;

import javafx.scene.Node;
import javafx.scene.control.TextInputControl;

/**
 * How a text field ends an edit: Enter commits and Esc reverts, and either gives the keyboard
 * back to playback. A field registers what "revert" means for it here; the main window's key
 * filter calls it on Esc.
 */
public final class EditKeys {

  private static final String REVERT = "descent.revert";

  private EditKeys() {}

  /** Registers what Esc does to {@code field} before the keyboard goes back to playback. */
  public static void onRevert(TextInputControl field, Runnable revert) {
    field.getProperties().put(REVERT, revert);
  }

  /** Runs the field's registered revert, if any. */
  static void revert(Node field) {
    Object r = field.getProperties().get(REVERT);
    if (r instanceof Runnable run) {
      run.run();
    }
  }

  /** Whether a text field is being edited: it has the focus and takes typing. */
  static boolean editing(Node focused) {
    return focused instanceof TextInputControl t && t.isEditable() && !t.isDisabled()
        && t.isFocused();
  }
}
