package org.descent.app.landscape;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.descent.app.model.LabModel;
import javafx.util.Subscription;

/**
 * A view drawn on a canvas that fills it: the canvas follows the view's size (whole pixels),
 * and {@link #resized()} is called when it changes.
 */
abstract class CanvasView extends Region {

  protected final Canvas canvas = new Canvas();

  CanvasView() {
    getChildren().add(canvas);
    // A click on a view takes the keyboard for playback (from a text field, say).
    addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> requestFocus());
  }

  @Override
  protected void layoutChildren() {
    double w = Math.floor(getWidth());
    double h = Math.floor(getHeight());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      resized();
    }
  }

  /** The canvas has a new size. */
  protected abstract void resized();

  /**
   * Calls {@code changed} whenever what the paths look like may have changed: the race, the
   * current step, the list of optimizers, or an optimizer's colour or visibility; until the
   * subscription returned is ended (a view of a window that closes before the model must not
   * stay reachable from it: the presenter view's projector).
   */
  static Subscription onPathsChanged(LabModel model, Runnable changed) {
    Subscription[] cards = {watchCards(model, changed)};
    return Subscription.combine(model.raceProperty().subscribe(changed),
        model.currentStepProperty().subscribe(changed), model.optimizers().subscribe(() -> {
          cards[0].unsubscribe();
          cards[0] = watchCards(model, changed);
          changed.run();
        }), () -> cards[0].unsubscribe());
  }

  private static Subscription watchCards(LabModel model, Runnable changed) {
    return Subscription.combine(model.optimizers().stream()
        .map(e -> Subscription.combine(e.colorProperty().subscribe(changed),
            e.visibleProperty().subscribe(changed)))
        .toArray(Subscription[]::new));
  }
}
