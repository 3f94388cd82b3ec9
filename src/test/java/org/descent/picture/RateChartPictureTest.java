package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * The rate demo's chart as it is drawn: f − f* against k on log-log axes, each guide c/k^p a
 * straight line of slope −p through the first run's gap at the anchor, the accelerated
 * method's run beside the cards' runs, and gradient descent parallel to its O(1/k) guide.
 */
class RateChartPictureTest {

  private static RaceChartData chart() throws Exception {
    Scenario s = ScenarioReader.read(Path.of("scenarios/nesterov-rate.yaml"));
    RaceScene scene = RaceScene.of(s);
    assertNotNull(scene.rate(), "the demo asks for a rate chart");
    return RaceChartData.of(scene.landscape(), scene.view(), scene.runs(), scene.steps())
        .withRateChart(scene.rate().chart(), scene.rate().fstar(), scene.runs(),
            scene.rate().accelerated());
  }

  /** The slope of log10(value) against log10(k) between two steps. */
  private static double slope(RaceChartData.Curve c, int k0, int k1) {
    return (Math.log10(c.value(k1)) - Math.log10(c.value(k0)))
        / (Math.log10(k1) - Math.log10(k0));
  }

  @Test
  void guidesAreStraightLinesThroughTheAnchorAndGradientDescentFollowsOneOverK()
      throws Exception {
    RaceChartData data = chart();
    RaceChartData.Panel p = data.loss();
    assertTrue(p.logX(), "log-log");
    assertEquals(RaceChartData.Scale.LOG, p.scale());
    List<RaceChartData.Curve> curves = p.curves();
    RaceChartData.Curve gd = curves.get(0);
    RaceChartData.Curve k1 = curves.stream().filter(c -> c.label().equals("O(1/k)"))
        .findFirst().orElseThrow();
    RaceChartData.Curve k2 = curves.stream().filter(c -> c.label().equals("O(1/k^2)"))
        .findFirst().orElseThrow();
    assertEquals(-1, slope(k1, 10, 1000), 1e-9);
    assertEquals(-2, slope(k2, 10, 1000), 1e-9);
    int anchor = ScenarioReader.read(Path.of("scenarios/nesterov-rate.yaml")).chart().anchor();
    assertEquals(gd.value(anchor), k1.value(anchor), 1e-12 * gd.value(anchor));
    assertEquals(-1, slope(gd, 100, 1000), 0.05, "gradient descent is O(1/k)");
    RaceChartData.Curve accelerated = curves.stream().filter(c -> c.label()
        .startsWith("accelerated")).findFirst().orElseThrow();
    assertTrue(accelerated.dashed());
    assertEquals(-2, slope(accelerated, 100, 1000), 0.1, "the accelerated method is O(1/k²)");
  }
}
