package org.descent.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.descent.optim.Param;
import org.descent.scenario.Control;

/**
 * The student view of a demo (TensorFlow Playground's trick): the controls the scenario's
 * {@code hide} names are taken out of the window, so that a demo opens with only what
 * matters. Applied again whenever the cards are rebuilt; the lecturer turns it off from the
 * View menu to see everything.
 */
final class StudentView {

  private final Parent root;
  private final List<Node> hidden = new ArrayList<>();

  StudentView(Parent root) {
    this.root = root;
  }

  /** Shows every control again, then hides those named (none when {@code on} is false). */
  void apply(Set<Control> controls, boolean on) {
    for (Node n : hidden) {
      n.setVisible(true);
      n.setManaged(true);
    }
    hidden.clear();
    if (!on) {
      return;
    }
    for (Control c : controls) {
      for (String selector : selectors(c)) {
        for (Node n : root.lookupAll(selector)) {
          hide(n);
          // A control's row goes with it when the rest of the row only names it.
          Parent p = n.getParent();
          if (p instanceof HBox row && row.getChildrenUnmodifiable().stream()
              .allMatch(x -> x == n || x instanceof Label || !x.isVisible())) {
            hide(row);
          }
        }
      }
    }
  }

  private void hide(Node n) {
    if (n.isVisible() || n.isManaged()) {
      n.setVisible(false);
      n.setManaged(false);
      hidden.add(n);
    }
  }

  /** The nodes a control stands for, by their ids and style classes. */
  static List<String> selectors(Control c) {
    return switch (c) {
      case FUNCTION -> List.of(".function-picker");
      case STEPS -> List.of("#steps");
      case NOISE -> List.of("#noise");
      case HYPERPARAMETERS -> java.util.Arrays.stream(Param.values())
          .map(p -> "#param-" + p.key()).toList();
      case CLIP -> List.of("#clip-enabled", "#clip-threshold");
      case SCHEDULE -> List.of("#schedule-type", ".schedule-params");
      case AVERAGE -> List.of("#average-type");
      case ADD_OPTIMIZER -> List.of("#add-optimizer");
      case REMOVE_OPTIMIZER -> List.of("#remove-optimizer");
      case NETWORK_SETTINGS -> List.of("#network-settings");
      // The start and the view are not controls but gestures: the map refuses them instead.
      case START, VIEW, SEED -> List.of();
    };
  }
}
