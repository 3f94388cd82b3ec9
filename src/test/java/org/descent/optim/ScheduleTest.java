package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import org.descent.scenario.ScenarioWriter;
import org.junit.jupiter.api.Test;

/**
 * The warm-up, cosine-with-restarts and one-cycle schedules: their closed forms at the steps
 * where they are plain numbers, and every rate of PyTorch's LinearLR,
 * CosineAnnealingWarmRestarts and OneCycleLR (src/test/resources/pytorch/schedules.csv, written
 * by reference.py there) to 1e-12.
 */
class ScheduleTest {

  private static final Path CSV = Path.of(System.getProperty("basedir", "."))
      .resolve("src/test/resources/pytorch/schedules.csv");

  @Test
  void warmupRisesInEqualStepsToTheBaseRate() {
    LearningRateSchedule s = new LearningRateSchedule.Warmup(4);
    assertEquals(0.25, s.rate(1, 0), 0);
    assertEquals(0.5, s.rate(1, 1), 0);
    assertEquals(0.75, s.rate(1, 2), 0);
    assertEquals(1, s.rate(1, 3), 0);
    assertEquals(1, s.rate(1, 1000), 0);
    assertEquals(0.3, new LearningRateSchedule.Warmup(1).rate(0.3, 0), 0);
  }

  @Test
  void cosineRestartsFollowsSgdrEquationFive() {
    double base = 0.1;
    // T0 = 8, T_mult = 1: half way at 4, back to the base at every multiple of 8
    LearningRateSchedule flat = new LearningRateSchedule.CosineRestarts(8, 1, 0);
    assertEquals(base, flat.rate(base, 0), 0);
    assertEquals(base / 2, flat.rate(base, 4), 1e-17);
    assertEquals(base * (1 + Math.cos(Math.PI * 7 / 8)) / 2, flat.rate(base, 7), 1e-17);
    assertEquals(base, flat.rate(base, 8), 0);
    assertEquals(base / 2, flat.rate(base, 8 * 1000 + 4), 1e-17);
    // T0 = 5, T_mult = 2, η_min = 0.02: periods of 5, 10, 20 steps, restarts at 5, 15 and 35
    double min = 0.02;
    LearningRateSchedule growing = new LearningRateSchedule.CosineRestarts(5, 2, min);
    for (int restart : new int[] {0, 5, 15, 35}) {
      assertEquals(base, growing.rate(base, restart), 1e-17, "restart at " + restart);
    }
    assertEquals((base + min) / 2, growing.rate(base, 10), 1e-17, "half way through 5..14");
    assertEquals((base + min) / 2, growing.rate(base, 25), 1e-17, "half way through 15..34");
    assertEquals(min + (base - min) * (1 + Math.cos(Math.PI * 19 / 20)) / 2,
        growing.rate(base, 34), 1e-17);
  }

  @Test
  void oneCycleRisesToThePeakThenFallsToItsFloor() {
    // 11 steps and pct_start 6/11 put the peak at step 6/11 · 11 − 1 = 5, the end at step 10
    double base = 1;
    LearningRateSchedule s = new LearningRateSchedule.OneCycle(11, 6.0 / 11, 10, 100);
    assertEquals(0.1, s.rate(base, 0), 1e-15, "starts at ε₀/div_factor");
    assertEquals(base, s.rate(base, 5), 1e-15, "the peak");
    assertEquals(0.001, s.rate(base, 10), 1e-15, "ends at ε₀/(div_factor · final_div_factor)");
    assertEquals(0.001, s.rate(base, 500), 1e-15, "and stays there");
    double quarter = 0.1 + (1 - 0.1) * (1 - Math.cos(Math.PI * 2 / 5)) / 2;
    assertEquals(quarter, s.rate(base, 2), 1e-15, "two fifths of the way up a half cosine");
    double fall = 0.001 + (1 - 0.001) * (1 + Math.cos(Math.PI * 2 / 5)) / 2;
    assertEquals(fall, s.rate(base, 7), 1e-15, "two fifths of the way down");
  }

  @Test
  void everyRateEqualsPyTorchs() throws IOException {
    List<String> lines = Files.readAllLines(CSV);
    int compared = 0;
    java.util.Set<String> kinds = new java.util.TreeSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      String[] a = f[1].split(" ");
      LearningRateSchedule s = switch (f[0]) {
        case "one-cycle" -> new LearningRateSchedule.OneCycle(Integer.parseInt(a[0]),
            Double.parseDouble(a[1]), Double.parseDouble(a[2]), Double.parseDouble(a[3]));
        case "cosine-restarts" -> new LearningRateSchedule.CosineRestarts(
            Integer.parseInt(a[0]), Integer.parseInt(a[1]), Double.parseDouble(a[2]));
        default -> new LearningRateSchedule.Warmup(Integer.parseInt(a[0]));
      };
      assertEquals(f[0], s.key());
      double base = Double.parseDouble(f[2]);
      int t = Integer.parseInt(f[3]);
      double want = Double.parseDouble(f[4]);
      double got = s.rate(base, t);
      assertTrue(Math.abs(got - want) <= 1e-12 * Math.abs(want), line + ": Descent " + got);
      kinds.add(f[0]);
      compared++;
    }
    assertEquals(java.util.Set.of("one-cycle", "cosine-restarts", "warmup"), kinds);
    assertTrue(compared > 800, compared + " rates");
  }

  /** A schedule a scenario file names is read back as written, with its keys' defaults. */
  @Test
  void scenarioFilesReadAndWriteTheNewSchedules() throws ScenarioException {
    String yaml = "function: rosenbrock\nsteps: 50\noptimizers:\n"
        + "  - type: sgd\n    schedule: {type: warmup, steps: 10}\n"
        + "  - type: adamw\n    schedule: {type: cosine-restarts, period: 10}\n"
        + "  - type: lion\n    schedule: {type: cosine-restarts, period: 4, mult: 2, "
        + "min: 1e-5}\n"
        + "  - type: sam\n    schedule: {type: one-cycle, steps: 50}\n"
        + "  - type: momentum\n    schedule: {type: one-cycle, steps: 40, pct_start: 0.25, "
        + "div_factor: 10, final_div_factor: 100}\n";
    Scenario read = ScenarioReader.read(yaml, "schedules.yaml");
    List<LearningRateSchedule> expected = List.of(new LearningRateSchedule.Warmup(10),
        new LearningRateSchedule.CosineRestarts(10, 1, 0),
        new LearningRateSchedule.CosineRestarts(4, 2, 1e-5),
        new LearningRateSchedule.OneCycle(50, 0.3, 25, 1e4),
        new LearningRateSchedule.OneCycle(40, 0.25, 10, 100));
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), read.optimizers().get(i).schedule());
    }
    String written = ScenarioWriter.write(read);
    assertEquals(read.optimizers(), ScenarioReader.read(written, "again.yaml").optimizers(),
        written);
  }

  @Test
  void aBadValueIsReportedAtItsKey() {
    ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
        () -> ScenarioReader.read("function: rosenbrock\noptimizers:\n  - type: sgd\n"
            + "    schedule: {type: one-cycle, steps: 100, pct_start: 1.5}\n", "bad.yaml"));
    assertTrue(e.getMessage().contains("pct_start must be in (0, 1), got 1.5"), e.getMessage());
    ScenarioException other = org.junit.jupiter.api.Assertions.assertThrows(
        ScenarioException.class, () -> ScenarioReader.read("function: rosenbrock\n"
            + "optimizers:\n  - type: sgd\n    schedule: {type: warmup, period: 3}\n", "b.yaml"));
    assertTrue(other.getMessage().contains("period is not a key of the warmup schedule; it takes "
        + "steps"), other.getMessage());
  }
}
