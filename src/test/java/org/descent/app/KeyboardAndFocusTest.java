package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.descent.app.model.OptimizerEntry;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/**
 * The keyboard as a lecturer drives it: the playback shortcuts work whatever has the focus,
 * except while a text field is being edited; Enter and Esc end the edit; a click on the map,
 * the surface or a button takes the keys back; and no key meant for playback ever changes a
 * hyperparameter.
 */
class KeyboardAndFocusTest extends AppTest {

  private double lr(OptimizerEntry e) {
    return fx(() -> e.spec().get(Param.LR));
  }

  private boolean focusInTextField() {
    return fx(() -> window.scene().getFocusOwner() instanceof TextInputControl);
  }

  private TextField lrField(OptimizerEntry e) {
    return (TextField) inCard(e, "#param-lr .param-value");
  }

  private void typeInto(TextField field, String text) {
    clickOn(field);
    fxRun(field::selectAll);
    write(text);
  }

  @Test
  void mTogglesTheLocalModelAndAPressOnACardChoosesItsOptimizer() {
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    assertFalse(fx(() -> window.options().localModelProperty().get()));
    type(KeyCode.M);
    assertTrue(fx(() -> window.options().localModelProperty().get()));
    clickOn(inCard(sgd, ".optimizer-type"));
    assertEquals(sgd, fx(() -> model.inspectedProperty().get()));
    assertTrue(fx(() -> inCard(sgd, ".optimizer-type").getParent().getParent()
        .getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName()
            .equals("inspected"))));
    type(KeyCode.M);
    assertFalse(fx(() -> window.options().localModelProperty().get()));
  }

  @Test
  void homeAndEndOnAFocusedSliderMovePlaybackNotTheLearningRate() {
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    double before = lr(sgd);
    clickOn(inCard(sgd, "#param-lr .thumb")); // focuses the slider
    pause(50);
    type(KeyCode.HOME);
    assertEquals(0, step());
    type(KeyCode.END);
    assertEquals(fx(() -> model.stepsProperty().get()), step());
    type(KeyCode.LEFT);
    type(KeyCode.UP);
    type(KeyCode.PAGE_DOWN);
    assertEquals(fx(() -> model.stepsProperty().get()) - 1, step());
    assertEquals(before, lr(sgd), 0);
  }

  @Test
  void enterCommitsATypedNumberAndGivesTheKeysBack() {
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    typeInto(lrField(sgd), "0.0005");
    type(KeyCode.ENTER);
    assertEquals(0.0005, lr(sgd), 0);
    assertFalse(focusInTextField(), "Enter should end the edit");
    pause(30);
    type(KeyCode.HOME);
    assertEquals(0, step());
    type(KeyCode.RIGHT);
    assertEquals(1, step());
    type(KeyCode.SPACE);
    assertTrue(fx(() -> model.playingProperty().get()));
    type(KeyCode.SPACE);
    assertEquals(Param.formatNumber(0.0005), fx(lrField(sgd)::getText), "keys went into the field");
  }

  @Test
  void escapeRevertsTheEditAndGivesTheKeysBack() {
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    double before = lr(sgd);
    String text = fx(lrField(sgd)::getText);
    typeInto(lrField(sgd), "0.3");
    type(KeyCode.ESCAPE);
    assertEquals(before, lr(sgd), 0);
    assertEquals(text, fx(lrField(sgd)::getText));
    assertFalse(focusInTextField());
    pause(5);
    type(KeyCode.RIGHT);
    assertEquals(6, step());
  }

  @Test
  void whileATextFieldIsEditedTheKeysStayInIt() {
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    TextField field = lrField(sgd);
    typeInto(field, "0.002");
    pause(40);
    type(KeyCode.HOME); // caret to the start of the field
    type(KeyCode.RIGHT);
    assertEquals(40, step());
    assertEquals(1, fx(field::getCaretPosition));
    assertTrue(focusInTextField());
  }

  @Test
  void anInvalidNumberKeepsTheFieldForCorrection() {
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    double before = lr(sgd);
    typeInto(lrField(sgd), "-1");
    type(KeyCode.ENTER);
    assertEquals(before, lr(sgd), 0);
    assertTrue(focusInTextField(), "the red field keeps the focus");
    type(KeyCode.ESCAPE);
    assertFalse(focusInTextField());
    assertFalse(fx(() -> lrField(sgd).getStyleClass().contains("invalid")));
  }

  @Test
  void clickingTheMapTakesTheKeysBackAndCommitsTheTypedValue() {
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    typeInto(lrField(sgd), "0.0007");
    clickOn("#contour-view");
    assertEquals(0.0007, lr(sgd), 0);
    assertEquals("contour-view", fx(() -> window.scene().getFocusOwner().getId()));
    pause(0);
    type(KeyCode.RIGHT);
    assertEquals(1, step());
  }

  @Test
  void clickingTheSurfaceTakesTheKeysBack() {
    typeInto(lrField(entry(OptimizerType.ADAM)), "0.01");
    clickOn("#surface-view");
    assertFalse(focusInTextField());
    pause(3);
    type(KeyCode.LEFT);
    assertEquals(2, step());
  }

  @Test
  void clickingAPlaybackButtonTakesTheKeysBack() {
    typeInto(lrField(entry(OptimizerType.MOMENTUM)), "0.0003");
    pause(0);
    clickOn("#step-forward");
    assertEquals(1, step());
    assertFalse(focusInTextField());
    type(KeyCode.RIGHT);
    assertEquals(2, step());
  }

  @Test
  void spaceOnAFocusedCheckBoxPlaysInsteadOfTogglingIt() {
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    CheckBox visible = (CheckBox) inCard(sgd, ".visibility");
    clickOn(visible); // hides the path and focuses the box
    assertFalse(fx(visible::isSelected));
    pause(0);
    type(KeyCode.SPACE);
    assertTrue(fx(() -> model.playingProperty().get()));
    assertFalse(fx(visible::isSelected));
    type(KeyCode.SPACE);
  }

  @Test
  void plusAndMinusChangeTheSpeedFromAnywhere() {
    clickOn(inCard(entry(OptimizerType.ADAM), "#param-lr .thumb"));
    double before = fx(() -> model.speedProperty().get());
    type(KeyCode.ADD);
    double faster = fx(() -> model.speedProperty().get());
    assertTrue(faster > before);
    type(KeyCode.SUBTRACT);
    type(KeyCode.SUBTRACT);
    assertTrue(fx(() -> model.speedProperty().get()) < before);
  }

  @Test
  void escapeInTheFormulaRestoresTheFunction() {
    TextField formula = lookup("#formula").query();
    String before = fx(formula::getText);
    typeInto(formula, "x^2 +");
    type(KeyCode.ESCAPE);
    assertEquals(before, fx(formula::getText));
    assertEquals("rosenbrock", fx(() -> model.landscape().name()));
    assertFalse(focusInTextField());
  }

  @Test
  void theMouseWheelNudgesTheLearningRateInSmallFactors() {
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    double before = lr(sgd);
    Node slider = inCard(sgd, "#param-lr .slider");
    moveTo(slider);
    scroll(javafx.geometry.VerticalDirection.UP);
    double after = lr(sgd);
    assertNotEquals(before, after);
    // one notch: a two-hundredth of six decades, a factor of about 1.07
    double factor = Math.max(after / before, before / after);
    assertTrue(factor > 1.02 && factor < 1.2, "factor " + factor);
  }
}
