package org.descent.app.landscape;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import org.descent.app.model.LabModel;
import org.descent.app.model.RaceResult;
import org.descent.function.Landscape;

/**
 * What a screen reader says about a picture of the landscape: what it is, of which function,
 * and the runs drawn with their line styles ("Contour map of Rosenbrock; 2 runs: gradient
 * descent, lr 1, solid; momentum 0.9, dashed"). A binding, so it follows the demo, and holds
 * the model only weakly (a projector's views go when the projector does).
 */
public final class SpokenLandscape {

  private SpokenLandscape() {}

  /** Names a view: {@code kind} is what it is ("Contour map", "Surface"). */
  public static void describe(Node view, String kind, LabModel model) {
    view.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
    view.accessibleTextProperty().bind(Bindings.createStringBinding(() -> text(kind, model),
        model.landscapeProperty(), model.raceProperty(), model.optimizers()));
  }

  static String text(String kind, LabModel model) {
    Landscape l = model.landscape();
    if (l == null) {
      return kind + ", no function";
    }
    String of = l.title() == null || l.title().isBlank() ? l.name() : l.title();
    List<RaceResult.Shown> shown = model.race() == null ? List.of() : model.shownTraces();
    StringBuilder b = new StringBuilder(kind + " of " + of + "; " + shown.size()
        + (shown.size() == 1 ? " run" : " runs"));
    for (int i = 0; i < shown.size(); i++) {
      var e = shown.get(i).entry();
      b.append(i == 0 ? ": " : "; ").append(e.spec().label()).append(", ")
          .append(e.lineStyle().words());
    }
    return b.toString();
  }
}
