package org.descent.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard shortcuts, each written once: the menus show them beside their items
 * and {@link KeyRouter} runs them whatever has the focus. A menu accelerator alone would not
 * do: a focused slider swallows every key, so Ctrl+Z would be lost right after the drag one
 * wants to undo.
 */
final class Shortcuts {

  /** A key combination and what it does. */
  record Shortcut(KeyCombination keys, Runnable action) {}

  private final List<Shortcut> all = new ArrayList<>();

  /** Registers {@code keys}; returns them, for the menu item that shows them. */
  KeyCombination add(KeyCombination keys, Runnable action) {
    all.add(new Shortcut(keys, action));
    return keys;
  }

  /** What the key pressed does, if it is a shortcut. */
  Optional<Runnable> match(KeyEvent e) {
    return all.stream().filter(s -> s.keys().match(e)).map(Shortcut::action).findFirst();
  }

  /** Every shortcut, in the order they were added (for tests). */
  List<Shortcut> all() {
    return List.copyOf(all);
  }
}
