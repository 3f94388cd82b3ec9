package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import org.descent.app.controls.NumberSlider;
import org.descent.app.landscape.ContourView;
import org.descent.picture.ProbeReadout;
import org.descent.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a lecture hall reads off the window at a laptop's 1366 × 768: the hover readout stays
 * inside the map, and every number in a slider's field is shown whole, in presentation mode
 * and without it.
 */
class NumbersFitTest extends AppTest {

  @Override
  protected Scenario scenario() {
    // A catalogue function with three parameters (sliders beside the formula), four cards.
    return demo("adaptive-rotated.yaml");
  }

  @Override
  protected double[] size() {
    return new double[] {1366, 768};
  }

  /** The presentation font of this screen size (Appearance's rule: 18 px at 768 lines). */
  protected double presentationFont() {
    return 18;
  }

  /** Early stopping: a demo with a network, whose columns and cards are the narrowest. */
  private void openEarlyStopping() {
    fxRun(() -> {
      try {
        model.load(demo("early-stopping.yaml"));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void present(boolean on) {
    fxRun(() -> {
      appearance.presentationFontProperty().set(presentationFont());
      appearance.presentationProperty().set(on);
    });
    WaitForAsyncUtils.waitForFxEvents();
    sleep(300, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theHoverReadoutStaysInsideTheMap() {
    for (boolean presentation : new boolean[] {true, false}) {
      present(presentation);
      ContourView map = fx(() -> (ContourView) window.scene().lookup("#contour-view"));
      double[] plot = fx(map::plotBounds);
      // The four quarters of the map: the box moves away from the cursor, never out.
      for (double[] at : new double[][] {{0.3, 0.3}, {0.7, 0.3}, {0.3, 0.7}, {0.7, 0.7},
          {0.5, 0.5}}) {
        Point2D screen = fx(() -> map.localToScreen(plot[0] + at[0] * plot[2],
            plot[1] + at[1] * plot[3]));
        moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        ProbeReadout r = fx(map::readout);
        String where = (presentation ? "presentation" : "normal") + ", cursor at "
            + java.util.Arrays.toString(at);
        assertTrue(r != null, where + ": no readout");
        assertTrue(r.left() >= plot[0] - 0.5 && r.top() >= plot[1] - 0.5
            && r.left() + r.width() <= plot[0] + plot[2] + 0.5
            && r.top() + r.height() <= plot[1] + plot[3] + 0.5,
            where + ": the readout [" + r.left() + ", " + r.top() + ", " + r.width() + " × "
            + r.height() + "] leaves the plot " + java.util.Arrays.toString(plot));
        String all = String.join("\n", r.lines());
        for (String q : new String[] {"x = ", "y = ", "f = ", "∇f = (", "‖∇f‖ = ", "κ = "}) {
          assertTrue(all.contains(q), where + ": '" + q + "' is missing from " + r.lines());
        }
      }
    }
  }

  @Test
  void everySliderShowsItsWholeNumber() {
    // A demo with a network: its cards carry more sliders than the panel's width had room for.
    openEarlyStopping();
    for (boolean presentation : new boolean[] {true, false}) {
      present(presentation);
      // Values with many characters, as a lecturer's typed learning rates have.
      fxRun(() -> {
        for (Node n : window.scene().getRoot().lookupAll(".number-slider")) {
          NumberSlider s = (NumberSlider) n;
          double v = s.value();
          s.setValue(v != 0 && Math.abs(v) < 1 ? 0.00128 : v);
        }
      });
      fxRun(() -> {
        window.scene().getRoot().applyCss();
        window.scene().getRoot().layout();
      });
      WaitForAsyncUtils.waitForFxEvents();
      int measured = 0;
      for (Node n : fx(() -> window.scene().getRoot().lookupAll(".number-slider .param-value"))) {
        TextField f = (TextField) n;
        if (!fx(() -> f.isVisible() && f.getScene() != null && f.getWidth() > 0)) {
          continue;
        }
        double[] m = fx(() -> {
          Text t = new Text(f.getText());
          t.setFont(f.getFont());
          // What of the field a scroll pane around it lets through, on the right.
          double right = f.localToScene(f.getLayoutBounds()).getMaxX();
          double visible = right;
          for (Node p = f.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp) {
              Node viewport = sp.lookup(".viewport");
              visible = Math.min(visible, viewport.localToScene(viewport.getLayoutBounds())
                  .getMaxX());
            }
          }
          return new double[] {t.getLayoutBounds().getWidth(),
              f.getWidth() - f.getInsets().getLeft() - f.getInsets().getRight(),
              right - visible};
        });
        measured++;
        String mode = presentation ? "presentation" : "normal";
        assertFalse(m[0] > m[1] + 0.5, mode + ": '" + fx(f::getText) + "' needs " + m[0]
            + " px, its field shows " + m[1]);
        assertFalse(m[2] > 0.5, mode + ": the field of '" + fx(f::getText) + "' is cut by "
            + m[2] + " px at the panel's edge");
      }
      assertTrue(measured >= 4, "only " + measured + " slider fields measured");
    }
  }

  @Test
  void theStepCountsAreShownWhole() {
    // Early stopping in presentation mode: the map's column and the network's are narrow.
    openEarlyStopping();
    present(true);
    fxRun(() -> {
      model.stepsProperty().set(1500);
      model.currentStepProperty().set(1500);
      ((javafx.scene.control.Label) window.scene().getRoot().lookup("#network-progress-text"))
          .setText("step 1500 / 1500  ✓");
    });
    WaitForAsyncUtils.waitForFxEvents();
    sleep(300, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    fxRun(() -> {
      for (String id : new String[] {"#step-label", "#network-progress-text"}) {
        javafx.scene.control.Label l = (javafx.scene.control.Label) window.scene().getRoot()
            .lookup(id);
        javafx.geometry.Bounds b = l.localToScene(l.getLayoutBounds());
        javafx.scene.Node column = l.getParent().getParent();
        javafx.geometry.Bounds in = column.localToScene(column.getLayoutBounds());
        assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5, id + ": " + l.getWidth() + " px for "
            + l.prefWidth(-1) + " px of text");
        assertTrue(b.getMaxX() <= in.getMaxX() + 0.5, id + " ends at " + b.getMaxX()
            + ", its column at " + in.getMaxX());
      }
    });
  }

  @Test
  void theFormulaIsNotSqueezedByTheParameters() {
    present(true);
    // folded in presentation mode until the lecturer opens it
    fxRun(() -> ((javafx.scene.control.ToggleButton) window.scene().lookup("#function-unfold"))
        .setSelected(true));
    WaitForAsyncUtils.waitForFxEvents();
    TextField formula = fx(() -> (TextField) window.scene().lookup("#formula"));
    double[] m = fx(() -> {
      Text t = new Text(formula.getText());
      t.setFont(formula.getFont());
      return new double[] {t.getLayoutBounds().getWidth(),
          formula.getWidth() - formula.getInsets().getLeft() - formula.getInsets().getRight(),
          formula.getParent().getLayoutBounds().getWidth()};
    });
    // A formula longer than the window scrolls; one that fits the row is never cut for the
    // parameters' sake: they take a line of their own.
    double wanted = Math.min(m[0], 0.5 * m[2]);
    assertFalse(m[1] < wanted - 0.5, "the formula '" + fx(formula::getText) + "' ("
        + m[0] + " px) gets " + m[1] + " px of a " + m[2] + " px row");
  }
}
