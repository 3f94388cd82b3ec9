package org.descent.scenario;

import org.descent.function.ViewBox;

/**
 * A part of the plane a demo names so the lecturer can jump to it with one key (1 to 9): "the
 * saddle", "the floor of the ravine". The map glides there; 0 goes back to the demo's view.
 *
 * @param name what the View menu and the help call it; 1 to {@link #MAX_NAME} characters
 * @param view the rectangle shown, as a scenario's {@code view}
 */
public record ViewPreset(String name, ViewBox view) {

  /** The most presets a demo may name: one per key from 1 to 9. */
  public static final int MAX = 9;
  /** The longest name: a menu item, a line of the help. */
  public static final int MAX_NAME = 60;

  public ViewPreset {
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("a view's name has 1 to " + MAX_NAME
          + " characters, got '" + name + "'");
    }
    java.util.Objects.requireNonNull(view, "view");
  }
}
