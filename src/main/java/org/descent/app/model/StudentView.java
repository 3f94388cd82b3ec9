package org.descent.app.model;

import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import org.descent.scenario.Control;

/**
 * The student view of a demo (TensorFlow Playground's trick): the controls the open demo's
 * {@code hide} names are out of the window, so a demo opens with only what matters. A view
 * binds each of its controls here when it makes it, so a card made after the demo opened
 * (undo, a duplicate) hides what it must without anyone re-applying anything. Use on the
 * JavaFX thread only.
 */
public final class StudentView {

  private final ObjectProperty<Set<Control>> hidden =
      new SimpleObjectProperty<>(this, "hidden", Set.of());

  /** What is hidden now: the demo's list while the student view is on, nothing otherwise. */
  public ObjectProperty<Set<Control>> hiddenProperty() {
    return hidden;
  }

  /** Whether {@code c} is hidden now, as an observable. */
  public BooleanBinding hides(Control c) {
    return Bindings.createBooleanBinding(() -> hidden.get().contains(c), hidden);
  }

  /**
   * Takes {@code node} out of the layout while {@code c} is hidden. The binding observes this
   * view weakly, so a node that goes (a removed card) is not kept alive by it.
   */
  public void bind(Node node, Control c) {
    node.visibleProperty().bind(hides(c).not());
    node.managedProperty().bind(node.visibleProperty());
  }
}
