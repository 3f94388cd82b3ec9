package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.descent.scenario.ScenarioReader;
import org.descent.training.RunSnapshot;
import org.junit.jupiter.api.Test;

/**
 * The early-stopping demo's loss chart marks, for each run whose validation loss rose again,
 * the step where it was lowest: a vertical line at exactly the checkpoint's step, and none
 * for a run that never overfits.
 */
class EarlyStoppingPictureTest {

  @Test
  void theLowestValidationStepIsMarkedWhereTheRunOverfits() throws Exception {
    NetworkPictures.Frame f = NetworkPictures.trained(
        ScenarioReader.read(Path.of("scenarios/early-stopping.yaml")));
    NetworkChartData data = NetworkChartData.of(f.runs(), f.steps());
    List<RaceChartData.Guide> stops = data.loss().guides().stream()
        .filter(RaceChartData.Guide::vertical).toList();
    int marked = 0;
    for (NetworkChartData.Run run : f.runs()) {
      RunSnapshot s = run.snapshot();
      var last = s.points().get(s.points().size() - 1);
      boolean overfits = s.best() != null && last.valLoss() > 1.02 * s.best().valLoss();
      boolean shown = s.bestValidationStep().isPresent() && stops.stream().anyMatch(
          g -> g.value() == s.bestValidationStep().getAsInt());
      assertEquals(overfits, shown, run.label() + ": marked exactly when it overfits");
      if (shown) {
        marked++;
        assertTrue(s.bestValidationStep().getAsInt() < last.step());
        assertTrue(stops.stream().anyMatch(g -> g.label().equals("stop "
            + s.bestValidationStep().getAsInt())));
      }
    }
    assertTrue(marked >= 1, "the demo overfits: Adam's validation loss rises after step 120");
  }
}
