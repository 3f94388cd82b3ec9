package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.descent.optim.OptimizerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: output, messages on standard error, exit status. */
class CliTest {

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  /** A refusal: exactly this message, on one line of standard error, with this exit status. */
  static void assertOneLine(Result r, int code, String message) {
    org.junit.jupiter.api.Assertions.assertEquals(message, r.err().strip());
    org.junit.jupiter.api.Assertions.assertEquals(1, r.err().strip().lines().count(), r.err());
    org.junit.jupiter.api.Assertions.assertEquals(code, r.code());
  }

  /** Runs the command line as a user would, capturing both streams. */
  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  private Path scenario(String yaml) throws IOException {
    Path p = dir.resolve("s.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void traceWritesTheHeaderAndOneRowPerStepAndOptimizer() throws IOException {
    Path s = scenario("""
        function: quadratic
        start: [-2, 1]
        steps: 5
        optimizers:
          - {type: sgd, lr: 0.1}
          - {type: adam, label: "Adam, fast", lr: 0.5}
        """);
    Result r = run("trace", s.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("optimizer,step,x,y,loss,grad_norm,fevals,gevals"));
    assertEquals(1 + 2 * 6, lines.size());
    assertEquals("sgd,0,-2.0,1.0,7.0,", lines.get(1).substring(0, 19));
    // x₁ = (1 − 0.1·1)(−2) = −1.8, y₁ = (1 − 0.1·10)·1 = 0
    assertTrue(lines.get(2).startsWith("sgd,1,-1.8,0.0,"), lines.get(2));
    assertTrue(lines.get(7).startsWith("\"Adam, fast\",0,"), lines.get(7));
    assertEquals("", r.err());
  }

  @Test
  void divergenceIsReportedOnStandardErrorAndTheFiniteRowsKept() throws IOException {
    Path s = scenario("""
        function: rosenbrock
        start: [-1.2, 1]
        steps: 100
        optimizers: [{type: sgd, label: fast, lr: 0.05}, {type: bfgs}]
        """);
    Result r = run("trace", s.toString());
    assertEquals(0, r.code());
    assertTrue(r.err().matches("fast diverged at step \\d+: the (iterate|loss|gradient) is not "
        + "finite there\\R"), r.err());
    int k = Integer.parseInt(r.err().replaceAll("\\D", ""));
    long fastRows = r.out().lines().filter(l -> l.startsWith("fast,")).count();
    assertEquals(k, fastRows);
    assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"));
    assertEquals(101, r.out().lines().filter(l -> l.startsWith("bfgs,")).count());
  }

  @Test
  void aRunThatLeavesTheViewIsReportedToo() throws IOException {
    // 2/λmax = 0.2 on this quadratic: with 0.22, |y| grows by 1.2 each step.
    Path s = scenario("""
        function: quadratic
        start: [-2.8, 1.2]
        steps: 40
        optimizers: [{type: sgd, label: stable, lr: 0.18}, {type: sgd, label: unstable, lr: 0.22}]
        """);
    Result r = run("trace", s.toString());
    assertEquals(0, r.code());
    assertTrue(r.err().matches("unstable left the view at step \\d+\\R"), r.err());
    // |y| = 1.2 · 1.2^k first exceeds 2 at k = 3
    assertEquals("unstable left the view at step 3", r.err().strip());
  }

  @Test
  void outWritesTheFileAndNothingToStandardOutput() throws IOException {
    Path s = scenario("function: booth\nsteps: 3\noptimizers: [{type: newton}]\n");
    Path csv = dir.resolve("out/trace.csv");
    Result r = run("trace", s.toString(), "--out", csv.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals(5, Files.readAllLines(csv).size());
    try (var files = Files.list(csv.getParent())) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @Test
  void invalidInputExitsWithTwoAndOneClearMessage() throws IOException {
    Result missing = run("trace", dir.resolve("absent.yaml").toString());
    assertEquals(2, missing.code());
    assertEquals(dir.resolve("absent.yaml") + ": no such file", missing.err().strip());

    Path bad = scenario("function: rosenbrock\noptimizers:\n  - type: sgd\n    lr: -1\n");
    Result badLr = run("trace", bad.toString());
    assertEquals(2, badLr.code());
    assertEquals(bad + ":4: optimizers[0].lr: learning rate must be positive, got -1",
        badLr.err().strip());
    assertFalse(badLr.err().contains("Exception"));

    Path formula = scenario("function: {formula: \"sin(x\"}\noptimizers: [{type: sgd}]\n");
    Result badFormula = run("trace", formula.toString());
    assertEquals(2, badFormula.code());
    assertTrue(badFormula.err().contains(":1: function.formula: column 6: expected ')'"),
        badFormula.err());

    Path malformed = scenario("function: rosenbrock\noptimizers: [{type: sgd}\n");
    assertEquals(2, run("trace", malformed.toString()).code());
    assertEquals(2, run("trace").code());
    assertEquals(2, run("nonsense").code());
  }

  @Test
  void unwritableOutputIsInvalidInput() throws IOException {
    Path s = scenario("function: booth\nsteps: 3\noptimizers: [{type: newton}]\n");
    Path folder = dir.resolve("plain-file");
    Files.writeString(folder, "not a folder");
    Result r = run("trace", s.toString(), "--out", folder.resolve("x.csv").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("cannot write " + folder.resolve("x.csv")), r.err());
  }

  @Test
  void listNamesEveryFunctionAndOptimizerWithDefaults() {
    Result r = run("list");
    assertEquals(0, r.code());
    for (OptimizerType t : OptimizerType.values()) {
      assertTrue(r.out().contains("\n  " + t.key() + " "), t.key());
    }
    assertTrue(r.out().contains("lr = 0.001, beta1 = 0.9, beta2 = 0.999, delta = 1e-8"));
    assertTrue(r.out().contains("f(x, y) = (1 - x)^2 + 100*(y - x^2)^2"));
  }

  @Test
  void helpDescribesTheCommands() {
    Result r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("trace") && r.out().contains("list") && r.out().contains("bench"));
    Result trace = run("trace", "--help");
    assertTrue(trace.out().contains("--out"));
  }

  @Test
  void benchRenderTimesTheContourFieldAndTheSurface() {
    Result r = run("bench", "--render", "--warmup", "0", "--repeat", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("contour field 800x800, 1 thread"), r.out());
    assertTrue(r.out().contains("surface frame 100x100 mesh at 900x700"), r.out());
    assertTrue(r.out().contains("median"), r.out());
  }
}
