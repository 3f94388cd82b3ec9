package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent step}, {@code descent tune} and a budgeted {@code descent trace}. */
class StepAndTuneCommandsTest {

  @TempDir
  Path dir;

  private Path scenario(String yaml) throws IOException {
    Path p = dir.resolve("s.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void stepPrintsTheInternalsOfOneUpdate() throws IOException {
    // sgd, lr 0.1 on ½(x² + 10y²) from (−2, 1): g = (−2, 10), Δθ = (0.2, −1).
    Path s = scenario("function: quadratic\nstart: [-2, 1]\nsteps: 5\noptimizers:\n"
        + "  - {type: sgd, lr: 0.1}\n  - {type: bfgs}\n");
    CliTest.Result r = CliTest.run("step", s.toString(), "--step", "0");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("g (gradient): -2.0 10.0"), r.out());
    // Δθ is θ₁ − θ₀ as computed: −1.8 − (−2) is 0.19999999999999996 in binary.
    assertTrue(r.out().contains("Δθ (step): 0.19999999999999996 -1.0"), r.out());
    CliTest.Result b = CliTest.run("step", s.toString(), "--optimizer", "bfgs", "--step", "1");
    assertEquals(0, b.code(), b.err());
    assertTrue(b.out().contains("line search: c1 = 1.0E-4, c2 = 0.9"), b.out());
    assertTrue(b.out().contains(",yes"), "the accepted trial is marked: " + b.out());
    CliTest.Result bad = CliTest.run("step", s.toString(), "--step", "5");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("step 5 is outside 0 to 4"), bad.err());
    CliTest.Result none = CliTest.run("step", s.toString(), "--optimizer", "adam", "--step", "0");
    assertEquals(2, none.code());
    assertTrue(none.err().contains("no optimizer 'adam'"), none.err());
  }

  @Test
  void tuneFindsTheBestRateAndWritesEveryRun() throws IOException {
    Path s = scenario("function: quadratic\nstart: [-2.8, 1.2]\nsteps: 20\noptimizers:\n"
        + "  - {type: sgd, label: gd}\n");
    CliTest.Result r = CliTest.run("tune", s.toString(), "--from", "1e-4", "--to", "1");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("optimizer,lr,final_loss,steps_to_tol,diverged", lines.get(0));
    assertTrue(lines.size() > 30, "the coarse grid and the refinements: " + lines.size());
    assertTrue(r.err().startsWith("best lr for gd: 0.1"), r.err());
    CliTest.Result bfgs = CliTest.run("tune", scenario("function: quadratic\noptimizers:\n"
        + "  - {type: bfgs}\n").toString());
    assertEquals(2, bfgs.code());
    assertTrue(bfgs.err().contains("bfgs has no learning rate to tune"), bfgs.err());
  }

  @Test
  void aBudgetedTraceSaysWhatEachRunBoughtWithIt() throws IOException {
    Path s = scenario("function: rosenbrock\nstart: [-1.2, 1]\nbudget: 50\noptimizers:\n"
        + "  - {type: sgd, lr: 0.0001}\n  - {type: bfgs}\n");
    CliTest.Result r = CliTest.run("trace", s.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("sgd: 50 steps for 50 of its 50 evaluations"), r.err());
    assertTrue(r.err().contains("bfgs: "), r.err());
  }
}
