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

/** {@code spectrum} as a user runs it. */
class SpectrumCommandTest {

  private static final Path PYTORCH =
      Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/pytorch");

  @TempDir
  Path dir;

  private Path scenario(String yaml) throws IOException {
    Path p = dir.resolve("s.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void theExactSpectrumOfTheInitialWeightsIsPyTorchs() throws IOException {
    for (String f : List.of("spirals.csv", "weights-354.json")) {
      Files.copy(PYTORCH.resolve(f), dir.resolve(f));
    }
    Path s = scenario("""
        function: quadratic
        optimizers:
          - {type: sgd, network_lr: 0.5}
        network:
          data: {csv: spirals.csv}
          hidden: [16, 16]
          activation: tanh
          init: {weights: weights-354.json}
          validation: 0
          standardize: false
          batch_size: full
          steps: 10
        """);
    Path out = dir.resolve("spectrum.csv");
    CliTest.Result r = CliTest.run("spectrum", s.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("exact spectrum of 354 parameters at the initial weights: "
        + "lambda_max 1.22125606"), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals("eigenvalue", lines.get(0));
    List<Double> want = Files.readAllLines(PYTORCH.resolve("spectra.csv")).stream()
        .filter(l -> l.startsWith("spirals-354,")).map(l -> Double.parseDouble(l.split(",")[2]))
        .toList();
    assertEquals(want.size() + 1, lines.size());
    double scale = Math.max(-want.get(0), want.get(want.size() - 1));
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i), Double.parseDouble(lines.get(i + 1)), 1e-8 * scale);
    }

    // after some steps the spectrum moved; --optimizer by label or position is the same run
    CliTest.Result a = CliTest.run("spectrum", s.toString(), "--step", "10");
    CliTest.Result b = CliTest.run("spectrum", s.toString(), "--step", "10", "--optimizer",
        "sgd");
    assertEquals(0, a.code(), a.err());
    assertEquals(a.out(), b.out());
    assertTrue(a.err().contains("at step 10 of sgd: "), a.err());
    assertFalse(a.out().equals(String.join("\n", lines) + "\n"));
  }

  @Test
  void aboveFiveHundredParametersItWritesADensityThatIntegratesToOne() throws IOException {
    Path s = scenario("""
        function: quadratic
        optimizers:
          - {type: sgd}
        network: {data: moons, hidden: [24, 24], steps: 5}
        """);
    CliTest.Result r = CliTest.run("spectrum", s.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().startsWith("stochastic Lanczos quadrature density of 722 parameters at "
        + "the initial weights (10 probes x 80 steps, sigma "), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("lambda,density", lines.get(0));
    assertEquals(1002, lines.size());
    double mass = 0;
    double[] prev = null;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double[] p = {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
      assertTrue(p[1] >= 0, line);
      if (prev != null) {
        mass += 0.5 * (p[0] - prev[0]) * (p[1] + prev[1]);
      }
      prev = p;
    }
    assertEquals(1, mass, 1e-9);
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    Path none = scenario("""
        function: quadratic
        optimizers:
          - {type: sgd}
        """);
    CliTest.Result r = CliTest.run("spectrum", none.toString());
    assertEquals(2, r.code());
    assertEquals(none + ": the scenario has no 'network' section; add one (see "
        + "docs/scenarios.md) to train a network", r.err().strip());
    Path s = scenario("""
        function: quadratic
        optimizers:
          - {type: sgd, label: wild, network_lr: 1e308}
          - {type: sgd, label: calm}
        network: {data: xor, hidden: [4], steps: 20}
        """);
    assertEquals("--step 21 is outside 0 to 20: " + s + " trains for 20 steps",
        CliTest.run("spectrum", s.toString(), "--step", "21").err().strip());
    assertEquals("--step -1 is outside 0 to 20: " + s + " trains for 20 steps",
        CliTest.run("spectrum", s.toString(), "--step", "-1").err().strip());
    assertEquals("--optimizer: no optimizer '2'; give its position from 0 to 1 or its label",
        CliTest.run("spectrum", s.toString(), "--step", "3", "--optimizer", "2").err()
            .strip());
    assertEquals("--optimizer applies with --step only: without it the spectrum is of the "
        + "initial weights", CliTest.run("spectrum", s.toString(), "--optimizer", "1").err()
            .strip());
    CliTest.Result wild = CliTest.run("spectrum", s.toString(), "--step", "20");
    assertEquals(2, wild.code());
    assertTrue(wild.err().strip().matches(java.util.regex.Pattern.quote(s.toString())
        + ": wild diverged at step \\d+: its weights of step 20 are not finite"), wild.err());
    CliTest.Result folder = CliTest.run("spectrum", s.toString(), "--out", dir + "/");
    assertEquals(2, folder.code());
    assertEquals(1, folder.err().strip().lines().count(), folder.err());
    for (CliTest.Result x : List.of(r, wild, folder)) {
      assertFalse(x.err().contains("Exception") || x.err().contains("\tat "), x.err());
    }
    CliTest.Result help = CliTest.run("spectrum", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--step") && help.out().contains("lambda,density"),
        help.out());
  }
}
