package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.descent.scenario.BuiltInScenarios;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing in the panel moves during playback: a lecturer dragging a card's slider while the
 * run plays must find the thumb where it was. The cards' bounds at every step shown are
 * those at step 0, in presentation mode at a projector's 1366 × 768.
 */
class CardsStayPutTest extends AppTest {

  @Override
  protected double[] size() {
    return new double[] {1366, 768};
  }

  private List<String> cardBounds() {
    WaitForAsyncUtils.waitForFxEvents();
    fxRun(() -> {
      window.scene().getRoot().applyCss();
      window.scene().getRoot().layout();
    });
    List<String> out = new ArrayList<>();
    for (Node card : fx(() -> window.scene().getRoot().lookupAll(".optimizer-card"))) {
      Bounds b = fx(() -> card.getBoundsInParent());
      out.add(String.format("y %.1f h %.1f", b.getMinY(), b.getHeight()) + fx(() -> {
        StringBuilder sb = new StringBuilder();
        for (Node c : ((javafx.scene.Parent) card).getChildrenUnmodifiable()) {
          sb.append(' ').append(c.getClass().getSimpleName()).append(':')
              .append(c.getBoundsInParent().getHeight());
        }
        return sb.toString();
      }));
    }
    return out;
  }

  @Test
  void theCardsKeepTheirPlaceAtEveryStep() throws Exception {
    fxRun(() -> appearance.presentationProperty().set(true));
    for (String demo : BuiltInScenarios.names()) {
      if (demo.startsWith("network") || demo.equals("deep-init.yaml")) {
        continue;
      }
      org.descent.scenario.Scenario s = demo(demo);
      fxRun(() -> {
        try {
          model.load(s);
        } catch (org.descent.function.FormulaException e) {
          throw new IllegalStateException(e);
        }
      });
      // a demo's questions would hold the playback at their step
      fxRun(() -> model.revealProperty().set(false));
      sleep(100, TimeUnit.MILLISECONDS);
      pause(0);
      List<String> first = cardBounds();
      int steps = fx(() -> model.stepsProperty().get());
      for (int k : new int[] {1, 13, steps}) {
        pause(Math.min(k, steps));
        assertEquals(first, cardBounds(), demo + " at step " + k);
      }
    }
  }
}
