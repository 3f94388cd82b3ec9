package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.descent.app.model.History;
import org.descent.app.model.OptimizerEntry;
import org.descent.app.race.OptimizerCard;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A demo's label states the values of its run ("gradient descent, lr 0.019"): it follows a
 * slider drag, a typed number, a click on an analysis map, Tune ε and undo, in the card and in
 * the legend; a label the user typed stays as typed.
 */
class LabelsFollowTheModelTest extends AppTest {

  @Override
  protected Scenario scenario() {
    return demo("momentum-ravine.yaml");
  }

  private OptimizerCard card(OptimizerEntry e) {
    return fx(() -> lookup(".optimizer-card").queryAll().stream()
        .filter(OptimizerCard.class::isInstance).map(OptimizerCard.class::cast)
        .filter(c -> c.entry() == e).findFirst().orElseThrow());
  }

  /** The card's label, the model's, and the legend's entry agree; returns the label. */
  private String label(OptimizerEntry e) {
    for (int i = 0; i < 4; i++) {
      sleep(40, TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
    String model = fx(() -> e.spec().label());
    assertEquals(model, fx(card(e)::labelText), "the card shows the model's label");
    assertTrue(fx(() -> window.charts().lossSeriesNames()).stream()
        .anyMatch(l -> l.startsWith(model)), "the legend shows " + model + ": "
        + fx(() -> window.charts().lossSeriesNames()));
    return model;
  }

  /** A rate as a label writes it: three significant digits. */
  private static String written(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
        .toPlainString();
  }

  @Test
  void aStatedLearningRateFollowsEveryWayOfChangingIt() throws Exception {
    OptimizerEntry gd = entry(OptimizerType.SGD);
    assertEquals("gradient descent, lr 0.019", label(gd));

    // a drag of the slider's thumb to the right: a larger rate, and the label says which
    drag(inCard(gd, "#param-lr .thumb")).moveBy(40, 0).drop();
    double dragged = fx(() -> gd.spec().get(Param.LR));
    assertTrue(dragged > 0.019, "the drag raised the rate: " + dragged);
    assertEquals("gradient descent, lr " + written(dragged), label(gd));

    // a typed number
    TextField field = (TextField) inCard(gd, "#param-lr .param-value");
    clickOn(field);
    fxRun(field::selectAll);
    write("0.05");
    type(KeyCode.ENTER);
    assertEquals("gradient descent, lr 0.05", label(gd));
    sleep((long) History.SETTLE.toMillis() + 150, TimeUnit.MILLISECONDS);

    // a click on the learning-rate × momentum map sets both values, as HyperMapAnalysis does
    OptimizerEntry m = entry(OptimizerType.MOMENTUM);
    fxRun(() -> m.setSpec(m.spec().with(Param.LR, 0.03).with(Param.MOMENTUM, 0.8)));
    assertEquals("momentum 0.8, lr 0.03", label(m));
    sleep((long) History.SETTLE.toMillis() + 150, TimeUnit.MILLISECONDS);

    // undo brings the values back, and the label with them
    push(KeyCode.SHORTCUT, KeyCode.Z);
    assertEquals("momentum 0.7, lr 0.019", label(entry(OptimizerType.MOMENTUM)));
    push(KeyCode.SHORTCUT, KeyCode.Z);
    assertEquals("gradient descent, lr " + written(dragged), label(entry(OptimizerType.SGD)),
        "the typed rate undone: the dragged one again");

    // Tune ε sets each card's best rate; the labels say it
    fxRun(() -> window.showLayout(Workspace.Layout.ANALYSIS));
    fxRun(() -> window.analysisView().tuneRates());
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !fx(() -> window.analysisView()
        .lastTuned()).isEmpty());
    OptimizerEntry tuned = entry(OptimizerType.SGD);
    double lr = fx(() -> tuned.spec().get(Param.LR));
    assertTrue(lr != 0.019, "tuning changed the rate");
    assertEquals("gradient descent, lr " + written(lr), label(tuned));
  }

  @Test
  void aTypedLabelStaysAsTyped() {
    OptimizerEntry gd = entry(OptimizerType.SGD);
    TextField name = (TextField) inCard(gd, ".optimizer-label");
    clickOn(name);
    fxRun(name::selectAll);
    write("plain steps, lr 0.019");
    type(KeyCode.ENTER);
    assertEquals("plain steps, lr 0.019", label(gd));
    sleep((long) History.SETTLE.toMillis() + 150, TimeUnit.MILLISECONDS);
    fxRun(() -> gd.setSpec(gd.spec().with(Param.LR, 0.05)));
    assertEquals("plain steps, lr 0.019", label(gd), "typed by the user: kept as typed");
    // Undo rebuilds the cards from a snapshot: the label is still the user's.
    sleep((long) History.SETTLE.toMillis() + 150, TimeUnit.MILLISECONDS);
    push(KeyCode.SHORTCUT, KeyCode.Z);
    OptimizerEntry restored = entry(OptimizerType.SGD);
    assertEquals(0.019, fx(() -> restored.spec().get(Param.LR)), 0);
    fxRun(() -> restored.setSpec(restored.spec().with(Param.LR, 0.3)));
    assertEquals("plain steps, lr 0.019", label(restored), "still typed after undo");
  }
}
