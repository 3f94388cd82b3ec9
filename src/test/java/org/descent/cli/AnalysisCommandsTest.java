package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code basin} and {@code sweep} as a user runs them, and every bad option refused plainly. */
class AnalysisCommandsTest {

  @TempDir
  Path dir;

  private Path scenario(String yaml) throws IOException {
    Path p = dir.resolve("s.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  private Path himmelblau() throws IOException {
    return scenario("""
        function: himmelblau
        view: {x: [-5, 5], y: [-4, 4]}
        steps: 200
        optimizers:
          - {type: momentum, lr: 0.01, momentum: 0.9}
          - {type: sgd}
        """);
  }

  @Test
  void basinWritesOneRowPerStartYMajorWithBothEnds() throws IOException {
    CliTest.Result r = CliTest.run("basin", himmelblau().toString(), "--grid", "5");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("x,y,final_x,final_y,label", lines.get(0));
    assertEquals(26, lines.size());
    assertTrue(lines.get(1).startsWith("-5.0,-4.0,"), lines.get(1));
    assertTrue(lines.get(2).startsWith("-2.5,-4.0,"), lines.get(2));
    assertTrue(lines.get(5).startsWith("5.0,-4.0,"), lines.get(5));
    assertTrue(lines.get(6).startsWith("-5.0,-2.0,"), lines.get(6));
    assertTrue(lines.get(25).startsWith("5.0,4.0,"), lines.get(25));
    // The start (2.5, 2) is in the basin of (3, 2): minimum 0.
    assertTrue(lines.get(19).startsWith("2.5,2.0,2.99999"), lines.get(19));
    assertTrue(lines.get(19).endsWith(",0"), lines.get(19));
    assertTrue(r.err().startsWith("momentum: 5 x 5 starts, 200 steps: minimum 0 at"), r.err());
  }

  @Test
  void basinOutWritesTheFile() throws IOException {
    Path out = dir.resolve("b.csv");
    CliTest.Result r = CliTest.run("basin", himmelblau().toString(), "--grid", "3", "--out",
        out.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals("", r.err());
    assertEquals(10, Files.readAllLines(out).size());
  }

  @Test
  void sweepWritesACurvePerOptimizerAndTheStabilityLine() throws IOException {
    Path s = scenario("""
        function: quadratic
        start: [-2.8, 1.2]
        steps: 100
        optimizers: [{type: sgd, label: "GD, plain"}, {type: bfgs}, {type: momentum}]
        """);
    CliTest.Result r = CliTest.run("sweep", s.toString(), "--param", "lr", "--from", "0.01",
        "--to", "1", "--points", "3");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("optimizer,value,final_loss,steps_to_tol,diverged", lines.get(0));
    assertEquals(7, lines.size());
    assertTrue(lines.get(1).startsWith("\"GD, plain\",0.01,"), lines.get(1));
    assertTrue(lines.get(2).startsWith("\"GD, plain\",0.1,"), lines.get(2));
    assertTrue(lines.get(3).startsWith("\"GD, plain\",1.0,"), lines.get(3));
    assertTrue(lines.get(3).endsWith(",,true"), lines.get(3));
    assertTrue(lines.get(2).endsWith(",false"), lines.get(2));
    assertTrue(lines.get(4).startsWith("momentum,0.01,"), lines.get(4));
    assertTrue(r.err().contains("skipped (no lr): bfgs"), r.err());
    assertTrue(r.err().contains("2/lambda_max = 0.2 at the start (-2.8, 1.2), 0.2 at the "
        + "minimum (0.0, 0.0)"), r.err());
  }

  @Test
  void everyBadOptionIsOneLineAndExitTwo() throws IOException {
    String s = himmelblau().toString();
    Path longRun = dir.resolve("long.yaml");
    Files.writeString(longRun, "function: himmelblau\nsteps: 100000\noptimizers: [{type: sgd}]\n");
    String[][] cases = {
        {"basin", longRun.toString(), "--grid", "1000"},
        {"basin", s, "--grid", "1"},
        {"basin", s, "--grid", "4097"},
        {"basin", s, "--grid", "abc"},
        {"basin", s, "--out", ""},
        {"basin", s, "--out", dir.resolve("s.yaml/x.csv").toString()},
        {"basin", dir.resolve("missing.yaml").toString()},
        {"basin"},
        {"sweep", s, "--from", "0.1", "--to", "1"},
        {"sweep", s, "--param", "nope", "--from", "0.1", "--to", "1"},
        {"sweep", s, "--param", "lr", "--from", "-1", "--to", "1"},
        {"sweep", s, "--param", "lr", "--from", "1", "--to", "0.1"},
        {"sweep", s, "--param", "lr", "--from", "NaN", "--to", "1"},
        {"sweep", s, "--param", "lr", "--from", "0.1", "--to", "1", "--points", "0"},
        {"sweep", s, "--param", "lr", "--from", "0.1", "--to", "1", "--points", "10001"},
        {"sweep", s, "--param", "lr", "--from", "0.1", "--to", "1", "--points", "1"},
        {"sweep", s, "--param", "lr", "--from", "0.1", "--to", "1", "--scale", "cubic"},
        {"sweep", s, "--param", "lr", "--from", "0.1", "--to", "1", "--tol", "0"},
        {"sweep", s, "--param", "momentum", "--from", "0", "--to", "1"},
        {"sweep", s, "--param", "momentum", "--from", "0", "--to", "0.9", "--scale", "log"},
        {"sweep", s, "--param", "beta", "--from", "0", "--to", "1"},
        {"sweep", s, "--param", "beta1", "--from", "0.1", "--to", "0.9"},
        {"bench", "--basin", "--repeat", "0"},
        {"bench", "--basin", "--grid", "1"},
        {"bench", "--grid", "64"},
    };
    for (String[] args : cases) {
      CliTest.Result r = CliTest.run(args);
      String shown = String.join(" ", args);
      assertEquals(2, r.code(), shown + ": " + r.err());
      assertEquals(1, r.err().lines().count(), shown + ": " + r.err());
      assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
      assertEquals("", r.out(), shown);
    }
  }

  @Test
  void benchBasinTimesOneSize() {
    CliTest.Result r = CliTest.run("bench", "--basin", "--grid", "16", "--repeat", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("16 x 16   first run"), r.out());
  }

  @Test
  void listPrintsTheMinimaInLabelOrder() {
    CliTest.Result r = CliTest.run("list");
    assertTrue(r.out().contains("minima (basin labels) 0: (3.0, 2.0), 1: (-2.805"), r.out());
  }
}
