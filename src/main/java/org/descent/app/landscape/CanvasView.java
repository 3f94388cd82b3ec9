package org.descent.app.landscape;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.descent.app.model.LabModel;
import org.descent.app.model.OptimizerEntry;

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
   * current step, the list of optimizers, or an optimizer's colour or visibility.
   */
  static void onPathsChanged(LabModel model, Runnable changed) {
    model.raceProperty().addListener(o -> changed.run());
    model.currentStepProperty().addListener(o -> changed.run());
    for (OptimizerEntry e : model.optimizers()) {
      watch(e, changed);
    }
    model.optimizers().addListener((javafx.collections.ListChangeListener<OptimizerEntry>) c -> {
      changed.run();
      while (c.next()) {
        for (OptimizerEntry e : c.getAddedSubList()) {
          watch(e, changed);
        }
      }
    });
  }

  private static void watch(OptimizerEntry e, Runnable changed) {
    e.colorProperty().addListener(o -> changed.run());
    e.visibleProperty().addListener(o -> changed.run());
  }
}
