package org.descent.app;

import org.descent.app.controls.NumberSlider;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import org.descent.app.model.LandscapeOptions;
import org.descent.app.model.LabModel;
import org.descent.app.race.PlaybackBar;

/**
 * Where a key goes. Every shortcut of the help works whatever has the focus, except while a
 * text field is being edited: there Enter commits and Esc reverts (both give the keys back),
 * and the field keeps its own Ctrl+Z, B and . (typed as letters). Keys never reach a
 * hyperparameter's slider (see NumberSlider), so a key meant for playback cannot change a
 * learning rate. A presentation clicker's keys work even while a field is edited, since no
 * field uses them: Page Down and Page Up walk through the open lecture.
 */
final class KeyRouter {

  /** What the keys do besides playback and the map's options. */
  record Actions(Runnable toggleNetwork, Runnable toggleAnalysis, Runnable nextDemo,
      Runnable previousDemo, java.util.function.IntConsumer goToView) {}

  private final Scene scene;
  private final LabModel model;
  private final LandscapeOptions options;
  private final PlaybackBar playback;
  private final HelpOverlay help;
  private final Shortcuts shortcuts;
  private final Blackout blackout;
  private final Actions actions;
  private boolean focusTakenAway;
  // The question asked over the landscape takes its keys first (1..9, Esc): see setQuestion.
  private java.util.function.Predicate<KeyEvent> question = e -> false;

  KeyRouter(Scene scene, LabModel model, LandscapeOptions options, PlaybackBar playback,
      HelpOverlay help, Blackout blackout, Shortcuts shortcuts, Actions actions) {
    this.scene = scene;
    this.model = model;
    this.options = options;
    this.playback = playback;
    this.help = help;
    this.blackout = blackout;
    this.shortcuts = shortcuts;
    this.actions = actions;
    // Filters, so the window sees a key before the focused control does.
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    scene.addEventFilter(MouseEvent.MOUSE_PRESSED, this::onPress);
    // A focused control taken out of the window (undo rebuilds the cards) hands the focus on to
    // the next focusable node, often a number field, which would then swallow every key: the
    // keys go back to playback instead.
    scene.focusOwnerProperty().addListener((o, was, now) -> {
      if (was != null && was.getScene() != scene) {
        focusTakenAway = true;
      }
      if (focusTakenAway && now != null) {
        focusTakenAway = false;
        if (now instanceof javafx.scene.control.TextInputControl) {
          Platform.runLater(this::releaseKeyboard);
        }
      }
    });
  }

  private void onKey(KeyEvent e) {
    route(e, scene.getFocusOwner());
  }

  /**
   * A key pressed in the presenter view's projector window: it does what it does here (the
   * projector has no field to type in, so no edit is under way there).
   */
  void fromProjector(KeyEvent e) {
    route(e, null);
  }

  private void route(KeyEvent e, Node focused) {
    if (blackout.isVisible()) {
      // Any key brings the window back, and does only that (as in a slide show).
      blackout.setVisible(false);
      e.consume();
      return;
    }
    if (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP) {
      if (!e.isShortcutDown() && !e.isAltDown()) {
        (e.getCode() == KeyCode.PAGE_DOWN ? actions.nextDemo() : actions.previousDemo()).run();
      }
      e.consume();
      return;
    }
    if (question.test(e)) {
      e.consume();
      return;
    }
    if (help.isVisible() && (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1)) {
      help.setVisible(false);
      e.consume();
      return;
    }
    if (EditKeys.editing(focused)) {
      endOfEdit(e, focused);
      return;
    }
    var shortcut = shortcuts.match(e);
    if (shortcut.isPresent()) {
      shortcut.get().run();
      e.consume();
      return;
    }
    if (e.isShortcutDown() || e.isAltDown()) {
      return;
    }
    if (plainKey(e) || pressFocused(e, focused)) {
      e.consume();
    }
  }

  private void endOfEdit(KeyEvent e, Node focused) {
    if (e.getCode() == KeyCode.ESCAPE) {
      EditKeys.revert(focused);
      releaseKeyboard();
      e.consume();
    } else if (e.getCode() == KeyCode.ENTER) {
      // The field's own action commits first; an invalid value keeps the field for
      // correction (it is marked red), a valid one gives the keys back.
      Platform.runLater(() -> {
        if (scene.getFocusOwner() == focused
            && !focused.getStyleClass().contains("invalid")) {
          releaseKeyboard();
        }
      });
    }
  }

  /**
   * Enter presses the focused button, check box or toggle and opens the focused list: Space,
   * which does that in other programs, is play here whatever has the focus (a clicker's key),
   * so a keyboard user presses with Enter.
   */
  private static boolean pressFocused(KeyEvent e, Node focused) {
    if (e.getCode() != KeyCode.ENTER || focused == null || focused.isDisabled()) {
      return false;
    }
    if (focused instanceof javafx.scene.control.ButtonBase b) {
      b.fire();
      return true;
    }
    if (focused instanceof javafx.scene.control.ComboBoxBase<?> c) {
      if (!c.isShowing()) {
        c.show();
      }
      return true;
    }
    if (focused instanceof javafx.scene.control.ChoiceBox<?> c) {
      c.show();
      return true;
    }
    return false;
  }

  /** The keys without a modifier; true when the key was one of them. */
  private boolean plainKey(KeyEvent e) {
    int ten = e.isShiftDown() ? 10 : 1;
    switch (e.getCode()) {
      case SPACE -> playback.togglePlay();
      case RIGHT -> playback.step(ten);
      case LEFT -> playback.step(-ten);
      case HOME -> playback.reset();
      case END -> playback.step(model.stepsProperty().get());
      case PLUS, ADD, EQUALS -> model.speedProperty().set(Math.min(1000,
          model.speedProperty().get() * 1.5));
      case MINUS, SUBTRACT -> model.speedProperty().set(Math.max(1,
          model.speedProperty().get() / 1.5));
      case G -> toggle(options.gradientFieldProperty());
      case C -> toggle(options.convexityProperty());
      case M -> toggle(options.localModelProperty());
      // B alone is a clicker's black screen; the basins keep their letter with Shift.
      case B -> {
        if (e.isShiftDown()) {
          toggle(options.basinsProperty());
        } else {
          blackout.show();
        }
      }
      case PERIOD -> blackout.show();
      case N -> actions.toggleNetwork().run();
      case A -> actions.toggleAnalysis().run();
      // The demo's named views, and 0 for its own: typed digits in a field never get here.
      case DIGIT0, NUMPAD0 -> actions.goToView().accept(0);
      case DIGIT1, NUMPAD1 -> actions.goToView().accept(1);
      case DIGIT2, NUMPAD2 -> actions.goToView().accept(2);
      case DIGIT3, NUMPAD3 -> actions.goToView().accept(3);
      case DIGIT4, NUMPAD4 -> actions.goToView().accept(4);
      case DIGIT5, NUMPAD5 -> actions.goToView().accept(5);
      case DIGIT6, NUMPAD6 -> actions.goToView().accept(6);
      case DIGIT7, NUMPAD7 -> actions.goToView().accept(7);
      case DIGIT8, NUMPAD8 -> actions.goToView().accept(8);
      case DIGIT9, NUMPAD9 -> actions.goToView().accept(9);
      case ESCAPE -> releaseKeyboard();
      // Up and down would move a focused combo box or slider: they belong to nobody here.
      case UP, DOWN -> { }
      default -> {
        // By the character, for keyboards where ? or . is not a key of its own.
        if ("?".equals(e.getText())) {
          help.toggle();
        } else if (".".equals(e.getText())) {
          blackout.show();
        } else {
          return false;
        }
      }
    }
    return true;
  }

  private static void toggle(javafx.beans.property.BooleanProperty p) {
    p.set(!p.get());
  }

  /**
   * A press outside the text field being edited ends the edit (the field commits as it loses
   * the focus), so a click on the map, the surface or a playback button gives the keys back
   * even where that control does not take the focus itself.
   */
  private void onPress(MouseEvent e) {
    Node focused = scene.getFocusOwner();
    if (!EditKeys.editing(focused)) {
      return;
    }
    for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
      if (n == focused) {
        return; // placing the caret in the same field
      }
    }
    releaseKeyboard();
  }

  /**
   * The keys of a question asked over the landscape (a choice's number, Esc to pass), before
   * any other but the black screen's and the clicker's: true when the key was the question's.
   */
  void setQuestion(java.util.function.Predicate<KeyEvent> keys) {
    question = keys;
  }

  /** Gives the keyboard back to playback: the focus goes to the window's background. */
  void releaseKeyboard() {
    scene.getRoot().requestFocus();
  }
}
