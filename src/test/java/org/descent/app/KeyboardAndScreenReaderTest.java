package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import org.descent.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * A student who cannot use a mouse, and one who hears the screen: on a built-in demo with two
 * cards, Tab reaches every control that is shown and enabled, in every theme and in
 * presentation mode, and the control with the focus looks different from itself without it
 * (a focus ring); and every control, the map and the surface say what they are to a screen
 * reader (accessible text) or show a text label.
 */
class KeyboardAndScreenReaderTest extends AppTest {

  @Override
  protected Scenario scenario() {
    return demo("cliff-clipping.yaml");
  }

  /** The controls a user operates: what Tab must reach and a screen reader must name. */
  private static boolean operable(Node n) {
    return n instanceof ButtonBase || n instanceof Slider || n instanceof ComboBoxBase<?>
        || n instanceof TextField || n instanceof Spinner<?> || n instanceof TitledPane;
  }

  /** Shown (it and every parent visible, with a size) and enabled, and not a control's part. */
  private static boolean shownAndEnabled(Node n) {
    if (n.isDisabled() || n.getScene() == null || n.getLayoutBounds().getWidth() <= 0
        || n.getLayoutBounds().getHeight() <= 0) {
      return false;
    }
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }

  /** Whether a node is a part of another control's skin (a combo box's button, a menu bar's). */
  private static boolean insideAControl(Node n) {
    for (Node p = n.getParent(); p != null; p = p.getParent()) {
      if (p instanceof Control c && !(c instanceof TitledPane)
          && !(c instanceof javafx.scene.control.ScrollPane)
          && !(c instanceof javafx.scene.control.SplitPane)
          && !(c instanceof javafx.scene.control.TabPane)
          && !(c instanceof javafx.scene.control.ToolBar)) {
        return true;
      }
    }
    return false;
  }

  private List<Node> controls() {
    return fx(() -> {
      List<Node> out = new ArrayList<>();
      collect(window.scene().getRoot(), out);
      return out;
    });
  }

  private static void collect(Node n, List<Node> out) {
    if (n instanceof MenuBar) {
      return; // the menus are reached with F10 and their mnemonics, not with Tab
    }
    if (operable(n) && shownAndEnabled(n) && !insideAControl(n)) {
      out.add(n);
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        collect(c, out);
      }
    }
  }

  private static String describe(Node n) {
    String text = n instanceof Labeled l ? " '" + l.getText() + "'" : "";
    return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId())
        + n.getStyleClass() + text;
  }

  private WritableImage snapshot(Node n) {
    return fx(() -> n.snapshot(null, null));
  }

  private static boolean samePixels(WritableImage a, WritableImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      return false;
    }
    int w = (int) a.getWidth();
    int h = (int) a.getHeight();
    int[] pa = new int[w * h];
    int[] pb = new int[w * h];
    a.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(),
        pa, 0, w);
    b.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(),
        pb, 0, w);
    return java.util.Arrays.equals(pa, pb);
  }

  /**
   * Tabs through the window from its first control until the focus comes round again; every
   * control must be reached, and each shows its focus: the :focused pseudo-class and pixels
   * that differ from the same control without the focus.
   */
  private void tabThroughEverything(String where) {
    List<Node> all = controls();
    assertTrue(all.size() >= 15, where + ": controls found: " + all.size());
    fxRun(() -> all.get(0).requestFocus());
    Set<Node> reached = new LinkedHashSet<>();
    List<String> noRing = new ArrayList<>();
    Node first = fx(() -> window.scene().getFocusOwner());
    Node previous = null;
    WritableImage previousFocused = null;
    for (int i = 0; i < 4 * all.size() + 40; i++) {
      Node now = fx(() -> window.scene().getFocusOwner());
      if (previous != null && previous != now && all.contains(previous)) {
        // The control just left: the same control without the focus must look different.
        if (samePixels(previousFocused, snapshot(previous))) {
          noRing.add(describe(previous));
        }
      }
      if (now != null && now != previous) {
        Node owner = owner(now, all);
        if (owner != null) {
          reached.add(owner);
          assertTrue(fx(() -> now.getPseudoClassStates().stream()
              .anyMatch(p -> p.getPseudoClassName().equals("focused"))),
              where + ": " + describe(now) + " has the focus without :focused");
        }
        previousFocused = snapshot(now);
      }
      previous = now;
      if (i > 0 && now == first && reached.size() > 1) {
        break;
      }
      type(KeyCode.TAB);
    }
    List<String> missed = all.stream().filter(n -> !reached.contains(n))
        .map(KeyboardAndScreenReaderTest::describe).toList();
    assertEquals(List.of(), missed, where + ": controls Tab never reached");
    assertEquals(List.of(), noRing, where + ": controls that look the same with the focus");
  }

  /** The listed control a focus owner belongs to (a combo box's editor belongs to it). */
  private static Node owner(Node focused, List<Node> all) {
    for (Node p = focused; p != null; p = p.getParent()) {
      if (all.contains(p)) {
        return p;
      }
    }
    return null;
  }

  @Test
  void tabReachesEveryControlWithAVisibleFocusInTheLightTheme() {
    tabThroughEverything("light");
  }

  @Test
  void tabReachesEveryControlWithAVisibleFocusInTheDarkTheme() {
    fxRun(() -> appearance.themeProperty().set(Theme.DARK));
    tabThroughEverything("dark");
  }

  @Test
  void tabReachesEveryControlWithAVisibleFocusInHighContrast() {
    fxRun(() -> appearance.themeProperty().set(Theme.HIGH_CONTRAST));
    tabThroughEverything("high contrast");
  }

  @Test
  void tabReachesEveryControlWithAVisibleFocusInPresentationMode() {
    fxRun(() -> appearance.presentationProperty().set(true));
    tabThroughEverything("presentation");
  }

  private List<String> unnamed() {
    return fx(() -> {
      List<String> out = new ArrayList<>();
      List<Node> all = new ArrayList<>();
      collect(window.scene().getRoot(), all);
      Set<Node> labelled = new java.util.HashSet<>();
      window.scene().getRoot().lookupAll(".label").forEach(l -> {
        if (l instanceof javafx.scene.control.Label label && label.getLabelFor() != null
            && !blank(label.getText())) {
          labelled.add(label.getLabelFor());
        }
      });
      for (Node n : all) {
        boolean text = n instanceof Labeled l && !blank(l.getText())
            && !(n instanceof javafx.scene.control.CheckBox && l.getText().length() < 2);
        if (!text && !labelled.contains(n) && blank(n.getAccessibleText())
            && blank(n.getAccessibleHelp())) {
          out.add(describe(n));
        }
      }
      List<Canvas> canvases = new ArrayList<>();
      window.scene().getRoot().lookupAll("*").forEach(n -> {
        if (n instanceof Canvas c && shownAndEnabled(c) && c.getWidth() > 100) {
          canvases.add(c);
        }
      });
      for (Canvas c : canvases) {
        boolean named = false;
        for (Node p = c; p != null && !named; p = p.getParent()) {
          named = !blank(p.getAccessibleText());
        }
        if (!named) {
          out.add("canvas " + describe(c) + " in " + describe(c.getParent()));
        }
      }
      return out;
    });
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Test
  void everyControlAndTheTwoPicturesSayWhatTheyAre() {
    assertEquals(List.of(), unnamed(), "without accessible text or a label");
    fxRun(() -> appearance.presentationProperty().set(true));
    assertEquals(List.of(), unnamed(), "in presentation mode: without accessible text or a label");
  }

  @Test
  void aCardsSliderSaysItsParameterAndValue() {
    Node lr = inCard(entry(org.descent.optim.OptimizerType.SGD), "#param-lr .slider");
    String text = fx(lr::getAccessibleText);
    assertTrue(text != null && text.contains("learning rate") && text.contains("1"),
        "the lr slider says: " + text);
  }

  @Test
  void enterPressesTheFocusedButtonAndSpaceStaysPlay() {
    Node forward = lookup("#step-forward").query();
    fxRun(forward::requestFocus);
    int before = fx(() -> model.currentStepProperty().get());
    type(KeyCode.ENTER);
    assertEquals(before + 1, (int) fx(() -> model.currentStepProperty().get()));
    type(KeyCode.SPACE);
    assertTrue(fx(() -> model.playingProperty().get()), "Space is play, whatever has the focus");
    type(KeyCode.SPACE);
  }

  @Test
  void eachCardHasItsLineStyleAndItsSwatchShowsIt() {
    List<org.descent.app.model.OptimizerEntry> cards = fx(() -> List.copyOf(model.optimizers()));
    assertEquals(List.of(org.descent.picture.LineStyle.SOLID,
        org.descent.picture.LineStyle.DASHED), cards.stream()
        .map(org.descent.app.model.OptimizerEntry::lineStyle).toList());
    List<List<Double>> swatches = fx(() -> lookup(".line-style-swatch").queryAll().stream()
        .map(n -> List.copyOf(((javafx.scene.shape.Line) n).getStrokeDashArray())).toList());
    assertEquals(2, swatches.size());
    assertTrue(swatches.get(0).isEmpty(), "the first card's swatch is solid");
    assertEquals(2, swatches.get(1).size(), "the second card's swatch is dashed");
    // A card added gets the first style no card has.
    fxRun(() -> model.addOptimizer(org.descent.optim.OptimizerSpec.of(
        org.descent.optim.OptimizerType.SGD, org.descent.optim.Param.LR, 0.1)));
    assertEquals(org.descent.picture.LineStyle.DOTTED,
        fx(() -> model.optimizers().get(2).lineStyle()));
    String map = fx(() -> lookup("#contour-view").query().getAccessibleText());
    assertTrue(map.startsWith("Contour map of ") && map.contains("3 runs")
        && map.contains("dashed"), map);
  }
}
