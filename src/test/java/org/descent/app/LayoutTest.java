package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.OverrunStyle;
import org.descent.scenario.BuiltInScenarios;
import org.descent.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as a lecture hall sees it: at a laptop's 1366 × 768 in presentation mode with the
 * README's lecture demo (the hardest case: large fonts, a long description), the landscape is
 * the largest thing on the screen, the charts keep a readable height, and nothing is cut off.
 */
class LayoutTest extends AppTest {

  @Override
  protected Scenario scenario() {
    try {
      return BuiltInScenarios.read("saddle-escape.yaml");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  protected double[] size() {
    return new double[] {1366, 768};
  }

  private Bounds boundsOf(String id) {
    return fx(() -> {
      Node n = window.scene().lookup("#" + id);
      return n.localToScene(n.getLayoutBounds());
    });
  }

  private void present(boolean on) {
    fxRun(() -> appearance.presentationProperty().set(on));
    WaitForAsyncUtils.waitForFxEvents();
    sleep(300, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static double area(Bounds b) {
    return b.getWidth() * b.getHeight();
  }

  private void landscapeFirstAndNothingCut(String mode) {
    Bounds scene = fx(() -> new javafx.geometry.BoundingBox(0, 0, window.scene().getWidth(),
        window.scene().getHeight()));
    Bounds map = boundsOf("contour-view");
    Bounds loss = boundsOf("loss-chart");
    Bounds distance = boundsOf("distance-chart");
    Bounds panel = boundsOf("workspace");
    assertTrue(area(map) > area(loss) && area(map) > area(distance), mode + ": map " + map
        + " is smaller than a chart " + loss);
    assertTrue(map.getHeight() >= 250 && map.getWidth() >= 300, mode + ": map " + map);
    assertTrue(loss.getHeight() >= 150, mode + ": loss chart " + loss);
    for (String id : new String[] {"menu-bar", "contour-view", "surface-view", "loss-chart",
        "distance-chart", "play", "to-end", "step-label", "speed", "workspace"}) {
      Bounds b = boundsOf(id);
      assertTrue(b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= scene.getMaxX()
          + 0.5 && b.getMaxY() <= scene.getMaxY() + 0.5, mode + ": #" + id + " " + b
          + " leaves the window " + scene);
    }
    assertTrue(panel.getHeight() > 0);
    // Every card fits the panel's width (the scroll pane shows no horizontal bar).
    Bounds viewport = fx(() -> {
      Node n = window.scene().lookup(".cards-scroll .viewport");
      return n.localToScene(n.getLayoutBounds());
    });
    for (Node card : fx(() -> window.scene().getRoot().lookupAll(".optimizer-card"))) {
      Bounds b = fx(() -> card.localToScene(card.getLayoutBounds()));
      double min = fx(() -> ((javafx.scene.layout.Region) card).minWidth(-1));
      assertTrue(b.getMaxX() <= viewport.getMaxX() + 0.5 && min <= viewport.getWidth() + 0.5,
          mode + ": a card " + b + " (at least " + min + " wide) is wider than the panel "
          + viewport);
    }
    // No label, check box or title is cut to an ellipsis, except the description, which
    // folds on purpose. A label without a skin has no drawn text to compare, and would pass
    // whatever its width: styles and layout are applied first, and every shown label must have
    // its skin.
    fxRun(() -> {
      window.scene().getRoot().applyCss();
      window.scene().getRoot().layout();
    });
    int compared = 0;
    for (Node n : fx(() -> window.scene().getRoot().lookupAll("*"))) {
      if (n instanceof Labeled l && !"description-text".equals(l.getId())) {
        String shown = fx(() -> shownText(l));
        String text = fx(l::getText);
        if (text != null && !text.isEmpty() && fx(() -> treeVisible(l))) {
          assertTrue(fx(() -> l.getSkin() != null), mode + ": '" + text + "' has no skin");
          compared += shown != null ? 1 : 0;
        }
        assertFalse(shown != null && text != null && !text.isEmpty() && !shown.equals(text)
            && fx(() -> treeVisible(l)), mode + ": '" + text + "' is cut to '" + shown + "'");
      }
    }
    assertTrue(compared > 20, mode + ": only " + compared + " labels had their drawn text");
  }

  private static boolean treeVisible(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theKeyboardHelpFitsTheScreenInPresentationMode() {
    present(true);
    clickOn("#contour-view");
    type(javafx.scene.input.KeyCode.F1);
    WaitForAsyncUtils.waitForFxEvents();
    landscapeFirstAndNothingCut("help shown");
    Bounds box = fx(() -> {
      Node n = window.scene().lookup(".help-box");
      return n.localToScene(n.getLayoutBounds());
    });
    assertTrue(box.getMinY() >= 0 && box.getMaxY() <= fx(() -> window.scene().getHeight()),
        "the help box " + box + " leaves the window");
    type(javafx.scene.input.KeyCode.ESCAPE);
  }

  /** The text a labeled control draws (its skin's Text), or null before it has a skin. */
  private static String shownText(Labeled l) {
    Node holder = l instanceof javafx.scene.control.TitledPane ? l.lookup(".title") : l;
    if (!(holder instanceof javafx.scene.Parent p)) {
      return null;
    }
    for (Node c : p.getChildrenUnmodifiable()) {
      if (c instanceof javafx.scene.text.Text t) {
        return t.getText();
      }
    }
    return null;
  }

  @Test
  void presentationModeAtALaptopsSizeKeepsTheLandscapeFirst() {
    present(true);
    landscapeFirstAndNothingCut("presentation 1366x768");
  }

  @Test
  void normalModeAtALaptopsSizeKeepsTheLandscapeFirst() {
    present(false);
    landscapeFirstAndNothingCut("normal 1366x768");
  }

  @Test
  void theDescriptionTakesOneLineAndOpensOnAClick() {
    present(true);
    double folded = boundsOf("description").getHeight();
    assertTrue(folded < 40, "folded description " + folded + " px");
    clickOn("#description-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    double open = boundsOf("description").getHeight();
    assertTrue(open > 2 * folded, "open description " + open + " px");
    clickOn("#description-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(boundsOf("description").getHeight() < 40);
  }

  @Test
  void theSidePanelAndTheChartsHideWithOneKeyAndTheMapGrows() {
    // In presentation mode the charts stand in the panel's column: F9 leaves the landscape
    // the whole width.
    present(true);
    double before = area(boundsOf("contour-view"));
    clickOn("#contour-view");
    type(javafx.scene.input.KeyCode.F9);
    sleep(200, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    double withoutPanel = area(boundsOf("contour-view"));
    assertTrue(withoutPanel > 1.15 * before, before + " -> " + withoutPanel);
    type(javafx.scene.input.KeyCode.F9);
    // Elsewhere they stand under the landscape: F8 gives it their height.
    present(false);
    double withCharts = area(boundsOf("contour-view"));
    type(javafx.scene.input.KeyCode.F8);
    sleep(300, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    double withoutCharts = area(boundsOf("contour-view"));
    assertTrue(withoutCharts > 1.15 * withCharts, withCharts + " -> " + withoutCharts);
    type(javafx.scene.input.KeyCode.F8);
  }
}
