package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.app.demos.DemoBrowser;
import org.descent.scenario.BuiltInScenarios;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The lecture demos as a lecturer finds them: by topic, with pictures, by typing. */
class DemoBrowserTest extends AppTest {

  @Test
  void everyDemoHasATileWithItsOwnThumbnailAndTypingFilters() {
    DemoBrowser b = fx(window::demoBrowser);
    WaitForAsyncUtils.waitForFxEvents();
    int all = BuiltInScenarios.names().size();
    assertEquals(all, fx(b::visibleFiles).size());
    assertEquals(all, fx(b::thumbnailsDrawn), "a thumbnail drawn from every demo");
    // in lecture order: the learning-rate demos come before momentum
    List<String> order = fx(b::visibleFiles);
    assertTrue(order.indexOf("lr-too-small.yaml") < order.indexOf("momentum-ravine.yaml"));
    clickOn("#demo-filter");
    write("ravine");
    List<String> ravine = fx(b::visibleFiles);
    assertTrue(ravine.contains("momentum-ravine.yaml"), ravine.toString());
    assertFalse(ravine.contains("saddle-escape.yaml"), ravine.toString());
    clickOn("#demo-tile-momentum-ravine");
    assertEquals("Momentum in a ravine", fx(() -> model.titleProperty().get()));
    assertFalse(fx(() -> b.stage().isShowing()), "a click opens the demo and closes the list");
    assertFalse(fx(() -> model.playingProperty().get()), "opened paused");
  }

  @Test
  void enterOpensTheFirstMatchAndEscapeCloses() {
    DemoBrowser b = fx(window::demoBrowser);
    clickOn("#demo-filter");
    write("saddle free");
    assertEquals(List.of("newton-saddle.yaml"), fx(b::visibleFiles));
    type(javafx.scene.input.KeyCode.ENTER);
    assertTrue(fx(() -> model.titleProperty().get()).startsWith("Newton's method"));
    fx(window::demoBrowser);
    type(javafx.scene.input.KeyCode.ESCAPE);
    assertFalse(fx(() -> b.stage().isShowing()));
  }

  @Test
  void aTitleMatchComesFirstAndEnterOpensIt() {
    DemoBrowser b = fx(window::demoBrowser);
    clickOn("#demo-filter");
    write("rotated ravine");
    // The axis-aligned demo's description speaks of a rotated ravine too; the title decides.
    assertEquals("adaptive-rotated.yaml", fx(b::visibleFiles).get(0));
    type(javafx.scene.input.KeyCode.ENTER);
    assertEquals("Adaptive methods on a rotated ravine", fx(() -> model.titleProperty().get()));
    b = fx(window::demoBrowser);
    clickOn("#demo-filter");
    write("batch normalization");
    assertEquals("network-batch-norm.yaml", fx(b::visibleFiles).get(0));
    type(javafx.scene.input.KeyCode.ENTER);
    assertTrue(fx(() -> model.titleProperty().get()).startsWith("Batch normalization"));
  }

  @Test
  void shownAgainItIsTheSameWindowWithAnEmptyFilter() {
    DemoBrowser b = fx(window::demoBrowser);
    javafx.stage.Stage first = fx(b::stage);
    clickOn("#demo-filter");
    write("ravine");
    type(javafx.scene.input.KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(fx(first::isShowing));
    b = fx(window::demoBrowser);
    assertTrue(first == fx(b::stage), "one window for the whole lecture");
    assertEquals(BuiltInScenarios.names().size(), fx(b::visibleFiles).size(),
        "the filter starts empty again");
  }

  @Test
  void aGreekLetterCanBeTypedByName() {
    DemoBrowser b = fx(window::demoBrowser);
    clickOn("#demo-filter");
    write("2 / lambda");
    assertEquals("lr-instability.yaml", fx(b::visibleFiles).get(0));
  }
}
