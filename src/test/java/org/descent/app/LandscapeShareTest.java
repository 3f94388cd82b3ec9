package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.descent.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In presentation mode the landscape is the hero: on a projector's 1366 × 768 the map and the
 * surface take at least 45 % of the window with the panel shown, 65 % with it hidden (F9),
 * and no text is smaller than 18 px.
 */
class LandscapeShareTest extends AppTest {

  @Override
  protected Scenario scenario() {
    return demo("momentum-ravine.yaml");
  }

  @Override
  protected double[] size() {
    return new double[] {1366, 768};
  }

  private void settle() {
    WaitForAsyncUtils.waitForFxEvents();
    sleep(300, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private double share() {
    return fx(() -> {
      double all = window.scene().getWidth() * window.scene().getHeight();
      double views = 0;
      for (String id : new String[] {"contour-view", "surface-view"}) {
        Node n = window.scene().lookup("#" + id);
        if (n != null && n.getScene() != null && n.isVisible()) {
          Bounds b = n.localToScene(n.getLayoutBounds());
          views += b.getWidth() * b.getHeight();
        }
      }
      return views / all;
    });
  }

  @Test
  void theLandscapeTakesMostOfTheScreen() {
    fxRun(() -> appearance.presentationProperty().set(true));
    settle();
    double withPanel = share();
    assertTrue(withPanel >= 0.45, "with the panel the landscape takes " + withPanel);
    fxRun(() -> window.togglePanel());
    settle();
    double alone = share();
    assertTrue(alone >= 0.65, "without the panel (F9) the landscape takes " + alone);
    fxRun(() -> window.togglePanel());
    settle();
    assertTrue(Math.abs(share() - withPanel) < 0.01, "F9 twice gives the panel back");
  }

  @Test
  void noTextIsSmallerThanEighteenPixels() {
    fxRun(() -> appearance.presentationProperty().set(true));
    settle();
    fxRun(() -> {
      window.scene().getRoot().applyCss();
      window.scene().getRoot().layout();
    });
    int seen = 0;
    for (Node n : fx(() -> window.scene().getRoot().lookupAll("*"))) {
      if (n instanceof Labeled l && fx(() -> l.getText() != null && !l.getText().isEmpty()
          && l.isVisible() && l.getScene() != null)) {
        double size = fx(() -> l.getFont().getSize());
        assertTrue(size >= 18, "'" + fx(l::getText) + "' is " + size + " px");
        seen++;
      }
    }
    assertTrue(seen > 10, "only " + seen + " labels seen");
  }

  @Test
  void theNotesGrowWhenTheirHandleIsDraggedAndADoubleClickGivesThemBack() {
    fxRun(() -> appearance.presentationProperty().set(true));
    settle();
    double before = fx(() -> window.scene().lookup(".notes-scroll").getLayoutBounds()
        .getHeight());
    drag("#notes-grip").dropBy(0, 120);
    settle();
    double after = fx(() -> window.scene().lookup(".notes-scroll").getLayoutBounds()
        .getHeight());
    assertTrue(after > before + 80, "the notes went from " + before + " to " + after + " px");
    doubleClickOn("#notes-grip");
    settle();
    double back = fx(() -> window.scene().lookup(".notes-scroll").getLayoutBounds()
        .getHeight());
    assertTrue(Math.abs(back - before) < 2, "a double click gives " + back + ", not " + before);
  }
}
