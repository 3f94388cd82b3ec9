package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.descent.function.ViewBox;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A demo's named views: key k glides the map's view to view k (through the model, so every
 * view follows), 0 glides back to the demo's own view, the View menu and the help name them,
 * and a digit typed into a field stays a digit.
 */
class ViewPresetsInTheAppTest extends AppTest {

  private static final ViewBox OWN = new ViewBox(-2, 2, -2, 2);
  private static final ViewBox SADDLE = new ViewBox(-0.5, 0.5, -0.5, 0.5);
  private static final ViewBox ESCAPE = new ViewBox(0, 2, -2, 0);

  @Override
  protected Scenario scenario() {
    try {
      return ScenarioReader.read("""
          title: Views
          function: saddle
          view: {x: [-2, 2], y: [-2, 2]}
          views:
            - {name: the saddle, x: [-0.5, 0.5], y: [-0.5, 0.5]}
            - {name: where it escapes, x: [0, 2], y: [-2, 0]}
          start: [1, 0.001]
          optimizers: [{type: sgd, lr: 0.1}]
          """, "views.yaml");
    } catch (ScenarioException e) {
      throw new IllegalStateException(e);
    }
  }

  private ViewBox view() {
    return fx(() -> model.viewProperty().get());
  }

  /** Waits out a glide (400 ms) with room to spare on a busy machine. */
  private void glided() {
    for (int i = 0; i < 40; i++) {
      WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
  }

  @Test
  void keyTwoGlidesToTheSecondViewAndZeroBack() {
    fxRun(() -> window.scene().getRoot().requestFocus());
    assertEquals(OWN, view());
    type(KeyCode.DIGIT2);
    glided();
    assertEquals(ESCAPE, view());
    // The contour map shows it: its field is drawn for the new view.
    assertTrue(fx(() -> window.contour().shownView().xMin() <= 0.0001
        && window.contour().shownView().xMax() >= 1.9999));
    type(KeyCode.DIGIT1);
    glided();
    assertEquals(SADDLE, view());
    type(KeyCode.DIGIT0);
    glided();
    assertEquals(OWN, view());
  }

  @Test
  void theGlideZoomsEvenlyInLogSpace() {
    // Half way from a view 4 wide to one 1 wide is one 2 wide (the geometric mean), centred
    // half way between the centres.
    ViewBox half = ViewPresets.between(OWN, new ViewBox(1, 2, 1, 2), 0.5);
    assertEquals(2, half.width(), 1e-12);
    assertEquals(2, half.height(), 1e-12);
    assertEquals(0.75, (half.xMin() + half.xMax()) / 2, 1e-12);
    assertEquals(OWN, ViewPresets.between(OWN, SADDLE, 0));
    ViewBox end = ViewPresets.between(OWN, SADDLE, 1);
    assertEquals(SADDLE.xMin(), end.xMin(), 1e-12);
    assertEquals(SADDLE.yMax(), end.yMax(), 1e-12);
  }

  @Test
  void aKeyWithoutAViewDoesNothing() {
    fxRun(() -> window.scene().getRoot().requestFocus());
    type(KeyCode.DIGIT5);
    glided();
    assertEquals(OWN, view());
  }

  @Test
  void theSavedDemoKeepsItsViewsAndWhereTheMapWas() {
    fxRun(() -> window.scene().getRoot().requestFocus());
    type(KeyCode.DIGIT1);
    glided();
    Scenario saved = fx(() -> model.toScenario());
    assertEquals(SADDLE, saved.view());
    assertEquals(List.of("the saddle", "where it escapes"),
        saved.views().stream().map(v -> v.name()).toList());
  }

  @Test
  void theViewMenuAndTheHelpNameTheViews() {
    List<String> items = fx(() -> window.scene().getRoot().lookupAll("#menu-bar").stream()
        .findFirst().map(b -> ((javafx.scene.control.MenuBar) b).getMenus().stream()
            .filter(m -> m.getText().equals("View")).findFirst().orElseThrow()
            .getItems().stream().filter(i -> "views-menu".equals(i.getId()))
            .findFirst().orElseThrow()).map(m -> ((javafx.scene.control.Menu) m).getItems()
            .stream().map(i -> i.getText()).filter(t -> t != null).toList()).orElseThrow());
    assertEquals(List.of("the saddle", "where it escapes", "The demo's own view"), items);
    assertEquals("This demo's views:  1 the saddle  ·  2 where it escapes",
        fx(window::helpViewsText));
    // The menu's item glides as the key does.
    fxRun(() -> ((javafx.scene.control.MenuBar) window.scene().lookup("#menu-bar")).getMenus()
        .stream().filter(m -> m.getText().equals("View")).findFirst().orElseThrow().getItems()
        .stream().filter(i -> "views-menu".equals(i.getId())).findFirst()
        .map(m -> ((javafx.scene.control.Menu) m).getItems().get(1)).orElseThrow().fire());
    glided();
    assertEquals(ESCAPE, view());
  }

  @Test
  void aDigitTypedIntoAFieldIsADigit() {
    TextField lr = (TextField) inCard(entry(org.descent.optim.OptimizerType.SGD),
        "#param-lr .param-value");
    clickOn(lr);
    type(KeyCode.DIGIT2);
    glided();
    assertEquals(OWN, view());
    String typed = fx(lr::getText);
    assertTrue(typed.contains("2"), typed);
  }

  @Test
  void aPanDuringTheGlideWins() {
    fxRun(() -> window.scene().getRoot().requestFocus());
    type(KeyCode.DIGIT2);
    WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
    ViewBox panned = new ViewBox(5, 6, 5, 6);
    fxRun(() -> model.viewProperty().set(panned));
    glided();
    assertEquals(panned, view());
  }
}
