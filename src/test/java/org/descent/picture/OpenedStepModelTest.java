package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.StepDetail;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.descent.trace.RaceSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The step inspector writes d = −M g beside the numbers of one step: the M it shows must be the
 * one that made this step's d, so that −M g, worked out from the numbers on screen, is d.
 */
class OpenedStepModelTest {

  @ParameterizedTest
  @ValueSource(strings = {"BFGS", "L-BFGS (memory 10)"})
  void minusMTimesGIsTheDirectionOnEveryStepOfTheSecondOrderDemo(String label) throws Exception {
    Scenario s = ScenarioReader.read(Path.of(System.getProperty("basedir", "."))
        .resolve("scenarios/second-order-rosenbrock.yaml"));
    Landscape l = s.landscape();
    Vec2 start = s.startOn(l);
    RaceSetup setup = new RaceSetup(l.formula().objective(), s.optimizers(),
        new double[] {start.x(), start.y()}, s.steps(), s.noise(), s.seed());
    int index = s.optimizers().stream().map(OptimizerSpec::label).toList().indexOf(label);
    for (int k = 0; k < 30; k++) {
      StepDetail d = OpenedStep.replay(setup, l, index, k).detail();
      double[] m = d.vector(StepDetail.Quantity.INVERSE_HESSIAN).orElseThrow();
      double[] g = d.vector(StepDetail.Quantity.GRADIENT).orElseThrow();
      double[] dir = d.vector(StepDetail.Quantity.DIRECTION).orElseThrow();
      for (int i = 0; i < 2; i++) {
        double mg = m[2 * i] * g[0] + m[2 * i + 1] * g[1];
        assertEquals(dir[i], -mg, 1e-9 * (1 + Math.abs(dir[i])), label + " step " + k);
      }
      if (label.equals("BFGS") && k == 3) { // the user guide's screenshot: step 3 → 4
        assertEquals(0.138, dir[0], 0.0005);
        assertEquals(-0.211, dir[1], 0.0005);
      }
    }
  }
}
