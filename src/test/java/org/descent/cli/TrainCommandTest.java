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

/** {@code train}, {@code gradcheck} and {@code bench --network} as a user runs them. */
class TrainCommandTest {

  @TempDir
  Path dir;

  private Path scenario(String yaml) throws IOException {
    Path p = dir.resolve("s.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  private static final String TWO = """
      function: quadratic
      optimizers:
        - {type: sgd, label: "gd, slow", network_lr: 0.1}
        - {type: adam, network_lr: 0.01}
      """;

  @Test
  void trainWritesOneRowPerEvaluationFromStepZeroToTheLastStep() throws IOException {
    Path s = scenario(TWO + "network: {data: moons, steps: 25, eval_every: 10}\n");
    CliTest.Result r = CliTest.run("train", s.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith(
        "optimizer,epoch,step,train_loss,val_loss,val_accuracy,grad_norm"), lines.get(0));
    assertEquals(1 + 2 * 4, lines.size(), "steps 0, 10, 20 and 25 for each optimizer");
    assertTrue(lines.get(1).startsWith("\"gd, slow\",0.0,0,"), lines.get(1));
    assertTrue(lines.get(4).startsWith("\"gd, slow\","), lines.get(4));
    assertEquals("25", lines.get(4).split(",")[3], "the last step is always evaluated");
    assertTrue(lines.get(5).startsWith("adam,0.0,0,"), lines.get(5));
    String[] row = lines.get(8).split(",", -1);
    assertEquals(18, row.length);
    assertEquals("", row[15], "no lambda_max without --lambda-max");
    assertTrue(Double.parseDouble(row[5]) > 0.5, "val accuracy " + row[5]);
    assertEquals("0.01", row[8], "Adam's network learning rate");
  }

  @Test
  void lambdaMaxFillsTheSharpnessColumnsAtEveryEvaluatedStep() throws Exception {
    Path s = scenario("""
        function: quadratic
        optimizers:
          - {type: sgd, network_lr: 0.5}
          - {type: adam, network_lr: 0.01}
        network: {data: moons, hidden: [8], steps: 25, eval_every: 10}
        """);
    CliTest.Result r = CliTest.run("train", s.toString(), "--lambda-max");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).endsWith(",lambda_max,preconditioned_lambda_max,"
        + "stability_threshold"), lines.get(0));
    assertEquals(1 + 2 * 4, lines.size());
    // step 0 of both runs: the initial weights, whose exact spectrum a dense solver gives
    org.descent.training.TrainingPlan plan = TrainCommand.plan(s);
    var f = new org.descent.network.NetworkObjective(plan.architecture(),
        plan.data().train());
    double[] exact = org.descent.network.HessianSpectrum.eigenvalues(f, plan.initialWeights());
    double top = exact[exact.length - 1];
    for (String line : lines.subList(1, lines.size())) {
      String[] row = line.split(",", -1);
      double lambda = Double.parseDouble(row[15]);
      assertTrue(lambda > 0, line);
      if (row[2].equals("0")) {
        assertEquals(top, lambda, 1e-8 * top, line);
      }
      if (row[0].equals("sgd")) {
        assertEquals(4.0, Double.parseDouble(row[17]), 1e-12, "2/lr: " + line);
        assertEquals("", row[16], line);
      } else {
        assertEquals(38 / 0.01, Double.parseDouble(row[17]), 1e-9, "38/lr: " + line);
        assertEquals(row[2].equals("0"), row[16].isEmpty(), "no preconditioner at step 0: "
            + line);
      }
    }
    CliTest.Result help = CliTest.run("train", "--help");
    assertTrue(help.out().contains("--lambda-max"), help.out());
  }

  @Test
  void theLambdaMaxCountsInTheWorkLimit() throws IOException {
    Path s = scenario("""
        function: quadratic
        optimizers:
          - {type: sgd}
        network: {data: digits, hidden: [256], batch_size: full, steps: 2000, eval_every: 10}
        """);
    // about 2.1e11 multiply-adds of training, 8.9e11 more for 202 λmax of 40 products
    CliTest.Result r = CliTest.run("train", s.toString(), "--lambda-max");
    assertEquals(2, r.code());
    assertTrue(r.err().strip().startsWith(s + ": network: too much work: about 1.1e+12 "
        + "multiply-adds for 1 runs of 2,000 steps on 19,210 parameters"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void withoutValidationTheValidationCellsAreEmpty() throws IOException {
    Path s = scenario(TWO + "network: {data: xor, validation: 0, steps: 3, eval_every: 3}\n");
    Path out = dir.resolve("curves.csv");
    CliTest.Result r = CliTest.run("train", s.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    List<String> lines = Files.readAllLines(out);
    assertEquals(5, lines.size());
    String[] row = lines.get(4).split(",", -1); // adam, step 3
    assertEquals("adam", row[0]);
    assertEquals("3", row[2]);
    assertEquals("", row[4]);
    assertEquals("", row[5]);
  }

  @Test
  void divergenceAndRunsThatCannotStartAreReportedOnStandardError() throws IOException {
    Path s = scenario("""
        function: quadratic
        optimizers:
          - {type: sgd, label: wild, network_lr: 1e308}
          - {type: newton}
          - {type: sgd, label: calm, network_lr: 0.1}
        network: {data: digits, hidden: [16], batch_size: full, steps: 20, eval_every: 1}
        """);
    CliTest.Result r = CliTest.run("train", s.toString());
    assertEquals(0, r.code(), r.err());
    List<String> err = r.err().lines().toList();
    assertEquals(2, err.size(), r.err());
    assertTrue(err.get(0).matches("wild diverged at step \\d+"), err.get(0));
    assertEquals("newton cannot start: Newton needs the Hessian: this network has 1,210 "
        + "parameters, at most 500", err.get(1));
    int k = Integer.parseInt(err.get(0).replaceAll("\\D", ""));
    assertEquals(k, r.out().lines().filter(l -> l.startsWith("wild,")).count());
    assertEquals(0, r.out().lines().filter(l -> l.startsWith("newton,")).count());
    assertEquals(21, r.out().lines().filter(l -> l.startsWith("calm,")).count());
    assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"));
  }

  @Test
  void aScenarioWithoutANetworkIsAClearError() throws IOException {
    Path s = scenario(TWO);
    for (String command : List.of("train", "gradcheck")) {
      CliTest.Result r = CliTest.run(command, s.toString());
      assertEquals(2, r.code());
      assertEquals(s + ": the scenario has no 'network' section; add one (see "
          + "docs/scenarios.md) to train a network", r.err().strip());
    }
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    Path s = scenario(TWO + "network: {data: moons, batch_size: -3}\n");
    CliTest.Result r = CliTest.run("train", s.toString());
    assertEquals(2, r.code());
    assertEquals(s + ":5: network.batch_size: batch_size must be 'full' or from 1 to 100000, "
        + "got -3", r.err().strip());
    Path ok = scenario(TWO + "network: {data: moons, steps: 2}\n");
    assertEquals("--samples must be between 1 and 10000, got 0",
        CliTest.run("gradcheck", ok.toString(), "--samples", "0").err().strip());
    assertEquals("--repeat must be between 1 and 100000, got 0",
        CliTest.run("bench", "--network", "--repeat", "0").err().strip());
    assertEquals("--render, --network and --export time different things; give one",
        CliTest.run("bench", "--network", "--render").err().strip());
    CliTest.Result unwritable = CliTest.run("train", ok.toString(), "--out", dir.toString()
        + "/");
    assertEquals(2, unwritable.code());
    assertFalse(unwritable.err().contains("Exception"));
  }

  @Test
  void gradcheckPrintsTheLargestRelativeError() throws IOException {
    for (String act : List.of("tanh", "logistic")) {
      Path s = scenario(TWO + "network: {data: iris, activation: " + act
          + ", batch_norm: true}\n");
      CliTest.Result r = CliTest.run("gradcheck", s.toString(), "--samples", "40");
      assertEquals(0, r.code(), r.err());
      List<String> lines = r.out().lines().toList();
      assertEquals("network 4-16-16-3 " + act + ", batch norm: 435 parameters, 40 samples, "
          + "initial weights", lines.get(0));
      double error = Double.parseDouble(lines.get(1).split(" ")[3]);
      assertTrue(error < 1e-6, lines.get(1));
      assertTrue(lines.get(1).contains(" at layer "), lines.get(1));
    }
  }

  @Test
  void benchNetworkTimesTrainingSteps() {
    CliTest.Result r = CliTest.run("bench", "--network", "--warmup", "0", "--repeat", "1",
        "--steps", "20");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("network 2-16-16-2 tanh on 400 points (354 parameters), "
        + "full batch, Adam, one thread:"), r.out());
    assertTrue(r.out().contains("steps per second"), r.out());
    CliTest.Result both = CliTest.run("bench", "--network", "--lambda-max", "--warmup", "0",
        "--repeat", "1", "--steps", "20");
    assertEquals(0, both.code(), both.err());
    assertTrue(both.out().contains("  with lambda_max every 10 steps: min "), both.out());
    assertEquals("--lambda-max applies to --network only",
        CliTest.run("bench", "--lambda-max").err().strip());
  }
}
