package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.descent.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * A demo's second loss in export, as in the app: the slide layout draws the 0-1 loss in the
 * surface's place, where the same cards do not move (its gradient is zero), while on the
 * cross-entropy beside it they do.
 */
class BesideExportTest {

  @Test
  void theZeroOneLossStandsBesideTheCrossEntropyAndNothingMovesOnIt() throws Exception {
    RaceScene scene = RaceScene.of(ScenarioReader.read(Path.of("scenarios/surrogate-loss.yaml")));
    RaceScene beside = scene.beside();
    assertNotNull(beside, "the demo has a function beside");
    assertEquals(scene.runs().size(), beside.runs().size());
    assertTrue(beside.landscape().criticalPoints().isEmpty(), "no artefact marks on the steps");
    for (int i = 0; i < beside.runs().size(); i++) {
      var flat = beside.runs().get(i).trace();
      var moving = scene.runs().get(i).trace();
      assertEquals(flat.x(0), flat.x(flat.lastStep()), 0, "on the 0-1 loss nothing moves");
      assertEquals(flat.y(0), flat.y(flat.lastStep()), 0);
      assertTrue(Math.hypot(moving.x(moving.lastStep()) - moving.x(0),
          moving.y(moving.lastStep()) - moving.y(0)) > 0.5, "on the cross-entropy it does");
    }
    assertNull(RaceScene.of(ScenarioReader.read(Path.of("scenarios/momentum-ravine.yaml")))
        .beside(), "a demo without one draws the surface");
  }
}
