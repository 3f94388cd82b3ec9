package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.optim.Averaging;
import org.descent.optim.LearningRateSchedule;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/** Saved files are short to read and read back bit for bit. */
class ScenarioWriterTest {

  private static Scenario scenario(Vec2 start, ViewBox view, double lr, double momentum,
      double noise, long seed) {
    OptimizerSpec m = OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, lr, Param.MOMENTUM,
        momentum).withClip(lr * 10).withSchedule(new LearningRateSchedule.Exponential(lr * 1e3,
            3)).withAveraging(new Averaging.Ema(1 + lr * 100));
    return new Scenario("t", "", new FunctionChoice.Named("quadratic", java.util.Map.of(
        "lambda2", momentum * 40)), view, start, 50, seed, noise,
        List.of(m, OptimizerSpec.of(OptimizerType.ADAM, Param.LR, lr)), null);
  }

  @Test
  void numbersAreWrittenInTheirShortestForm() {
    String yaml = ScenarioWriter.write(scenario(new Vec2(-3, 0.1 + 0.2),
        new ViewBox(-3, 3, -2.5, 1e-8), 0.05, 0.9, 0, 4));
    assertTrue(yaml.contains("start: [-3, 0.30000000000000004]"), yaml);
    assertTrue(yaml.contains("view: {x: [-3, 3], y: [-2.5, 1e-8]}"), yaml);
    assertTrue(yaml.contains("lr: 0.05\n"), yaml);
    assertTrue(yaml.contains("noise: 0\n"), yaml);
    assertTrue(yaml.contains("lambda2: 36"), yaml);
    assertTrue(!yaml.contains(".0,") && !yaml.contains(".0]") && !yaml.contains(".0\n"), yaml);
  }

  @Test
  void randomValuesReadBackBitForBit() throws ScenarioException {
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < 300; i++) {
      double scale = Math.pow(10, r.nextInt(-6, 6));
      double x = r.nextDouble(-1, 1) * scale;
      double y = i % 7 == 0 ? -0.0 : r.nextDouble(-1, 1) * scale;
      double lr = Math.exp(r.nextDouble(Math.log(1e-5), Math.log(10)));
      Scenario s = scenario(new Vec2(x, y), new ViewBox(-scale * 2, scale * 2, -scale * 3,
          scale * 3 + r.nextDouble()), lr, r.nextDouble(0, 0.999), r.nextDouble(0, 2),
          r.nextLong());
      String yaml = ScenarioWriter.write(s);
      assertEquals(s, ScenarioReader.read(yaml, "saved.yaml"), yaml);
    }
  }

  @Test
  void cameraTopicTrailAndHiddenPathsAreSavedAndReadBack() throws ScenarioException {
    Scenario base = scenario(new Vec2(-2, 1), null, 0.01, 0.9, 0.5, 7);
    Scenario s = new Scenario(base.title(), base.description(), base.function(), base.view(),
        base.start(), base.steps(), base.seed(), base.noise(), base.optimizers(),
        List.of("#ff0000", "#00ff00"), List.of(false, true), new CameraSetting(-20, 60, 1.5),
        "momentum", 25);
    String yaml = ScenarioWriter.write(s);
    assertTrue(yaml.contains("camera: {azimuth: -20, elevation: 60, zoom: 1.5}"), yaml);
    assertTrue(yaml.contains("topic: momentum"), yaml);
    assertTrue(yaml.contains("trail: 25"), yaml);
    assertTrue(yaml.contains("visible: false"), yaml);
    assertEquals(s, ScenarioReader.read(yaml, "saved.yaml"), yaml);
  }

  @Test
  void badCameraAndTrailValuesNameTheirField() {
    String start = "function: rosenbrock\noptimizers: [{type: sgd}]\n".replace("\\n", "\n");
    assertEquals("s.yaml:3: camera.elevation: elevation must be between 5 and 89 degrees, got 95",
        message(start + "camera: {elevation: 95}"));
    assertEquals("s.yaml:3: camera.zoom: zoom must be between 0.2 and 10, got 0",
        message(start + "camera: {zoom: 0}"));
    assertEquals("s.yaml:3: trail: trail must be between 0 (the whole path) and the steps (200),"
        + " got 500", message(start + "trail: 500"));
    assertEquals("s.yaml:3: optimizers[0].visible: expected true or false, got 'maybe'",
        message("function: rosenbrock\nsteps: 10\noptimizers: [{type: sgd, visible: maybe}]"
            .replace("\\n", "\n")));
  }

  private static String message(String yaml) {
    try {
      ScenarioReader.read(yaml, "s.yaml");
      return "no error";
    } catch (ScenarioException e) {
      return e.getMessage();
    }
  }
}
