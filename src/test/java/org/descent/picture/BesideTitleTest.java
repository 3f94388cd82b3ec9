package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The surrogate-loss demo's 0-1 loss beside the cross-entropy is titled by what it is, not by
 * its formula, and says why no run's path shows on it.
 */
class BesideTitleTest {

  @Test
  void theZeroOneLossIsNamedAndItsStillRunsExplained() throws Exception {
    Scenario s = ScenarioReader.read(Path.of("scenarios/surrogate-loss.yaml"));
    RaceScene beside = RaceScene.beside(s, List.of(0xFF0000FF, 0xFF00FF00),
        List.of(true, true));
    String title = beside.title();
    assertFalse(title.contains("tanh") || title.contains("1e300"), title);
    assertTrue(title.contains("gradient is 0"), title);
    assertTrue(title.contains("stay at their start"), title);
  }

  @Test
  void aSmoothFormulaKeepsItsTextAndRunsThatMoveNeedNoExcuse() throws Exception {
    Scenario s = ScenarioReader.read(Path.of("scenarios/surrogate-loss.yaml"));
    org.descent.function.Landscape own = s.landscape();
    List<org.descent.trace.Trace> traces = org.descent.scenario.ScenarioTraces.race(s);
    String title = BesideTitle.of(own, traces);
    assertEquals("f(x, y) = " + own.formula().text(), title);
  }
}
