package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.descent.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/** Reveal mode's charts: every curve ends at the step; the axes stay those of the whole run. */
class RaceChartRevealTest {

  @Test
  void theCurvesEndAtTheStepAndTheRangesStay() throws Exception {
    RaceScene scene = RaceScene.of(ScenarioReader.read(java.nio.file.Path.of("scenarios",
        "lr-instability.yaml")));
    RaceChartData whole = RaceChartData.of(scene.landscape(), scene.view(), scene.runs(),
        scene.steps());
    RaceChartData seen = whole.upTo(12);
    for (RaceChartData.Panel p : java.util.List.of(seen.loss(), seen.distance())) {
      for (RaceChartData.Curve c : p.curves()) {
        assertEquals(13, c.length(), c.label());
        assertTrue(c.divergedAt().isEmpty());
      }
    }
    assertEquals(whole.loss().yMin(), seen.loss().yMin());
    assertEquals(whole.loss().yMax(), seen.loss().yMax());
    assertEquals(whole.steps(), seen.steps());
    assertEquals(whole.loss().curves().get(0).value(12), seen.loss().curves().get(0).value(12));
  }
}
