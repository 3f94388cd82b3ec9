package org.descent.app.model;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.util.Duration;
import org.descent.scenario.Scenario;

/**
 * Undo and redo of the lecturer's settings: every change of the function, the start, the
 * steps, the noise or an optimizer (added, removed, a hyperparameter, its colour, shown or
 * hidden) can be taken back, and brought back again. A slider drag is one change, not sixty:
 * changes that follow each other within {@link #SETTLE} count as one. The window onto the
 * landscape (pan and zoom) is navigation, not a setting: undo keeps it. Use on the JavaFX
 * thread.
 */
public final class History {

  /** How long the settings must rest before the next change starts a new undo step. */
  public static final Duration SETTLE = Duration.millis(500);
  private static final int LIMIT = 200;

  private final LabModel model;
  private final Deque<Scenario> undo = new ArrayDeque<>();
  private final Deque<Scenario> redo = new ArrayDeque<>();
  private final PauseTransition settle = new PauseTransition(SETTLE);
  private Scenario settled;
  private boolean pending;
  private boolean restoring;

  public History(LabModel model) {
    this.model = model;
    settled = model.toScenario();
    settle.setOnFinished(e -> finish());
    InvalidationListener changed = o -> changed();
    model.functionProperty().addListener(changed);
    model.startProperty().addListener(changed);
    model.stepsProperty().addListener(changed);
    model.noiseProperty().addListener(changed);
    model.seedProperty().addListener(changed);
    model.networkProperty().addListener(changed);
    model.optimizers().addListener((ListChangeListener<OptimizerEntry>) c -> {
      changed();
      while (c.next()) {
        for (OptimizerEntry e : c.getAddedSubList()) {
          e.colorProperty().addListener(changed);
          e.visibleProperty().addListener(changed);
          e.networkRateProperty().addListener(changed);
        }
      }
    });
    for (OptimizerEntry e : model.optimizers()) {
      e.colorProperty().addListener(changed);
      e.visibleProperty().addListener(changed);
      e.networkRateProperty().addListener(changed);
    }
  }

  /** Forgets everything: a newly opened scenario starts a new history. */
  public void clear() {
    settle.stop();
    pending = false;
    undo.clear();
    redo.clear();
    settled = model.toScenario();
  }

  public boolean canUndo() {
    return pending || !undo.isEmpty();
  }

  public boolean canRedo() {
    return !pending && !redo.isEmpty();
  }

  /** Takes the last change back. */
  public void undo() {
    finish();
    if (undo.isEmpty()) {
      return;
    }
    redo.push(settled);
    restore(undo.pop());
  }

  /** Brings back the last change taken back. */
  public void redo() {
    finish();
    if (redo.isEmpty()) {
      return;
    }
    undo.push(settled);
    restore(redo.pop());
  }

  /** Replaces the settings with a scenario as one undoable change (Reset demo). */
  public void change(Scenario s) {
    finish();
    undo.push(settled);
    trim();
    redo.clear();
    restore(s);
  }

  private void changed() {
    if (restoring) {
      return;
    }
    if (!pending) {
      pending = true;
      undo.push(settled);
      trim();
      redo.clear();
    }
    settle.playFromStart();
  }

  private void finish() {
    settle.stop();
    if (pending) {
      pending = false;
      settled = model.toScenario();
    }
  }

  private void restore(Scenario s) {
    restoring = true;
    try {
      model.restore(s.withView(model.viewProperty().get()));
    } finally {
      restoring = false;
    }
    settled = model.toScenario();
  }

  private void trim() {
    while (undo.size() > LIMIT) {
      undo.removeLast();
    }
  }
}
