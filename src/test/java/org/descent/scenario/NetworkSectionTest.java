package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.descent.network.Activation;
import org.descent.network.DataSource;
import org.descent.network.Initializer;
import org.descent.network.NetworkSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A scenario's network section and per-optimizer network_lr: read, checked, written back. */
class NetworkSectionTest {

  @TempDir
  Path dir;

  private static final String BASE = "function: rosenbrock\noptimizers:\n"
      + "  - {type: sgd, lr: 0.001, network_lr: 0.1}\n  - {type: adam}\n  - {type: bfgs}\n";

  @Test
  void aMinimalSectionTakesTheDefaults() throws ScenarioException {
    Scenario s = ScenarioReader.read(BASE + "network: {data: moons}\n", "s.yaml");
    assertEquals(NetworkSetup.defaults(DataSource.Synthetic.of("moons")), s.network());
    assertEquals(List.of(0.1, Double.NaN, Double.NaN), s.networkRates());
    assertEquals(0.1, s.networkRate(0));
    assertEquals(0.001, s.networkRate(1), "Adam's own lr");
    assertTrue(Double.isNaN(s.networkRate(2)), "BFGS has none");
    assertNull(ScenarioReader.read(BASE, "s.yaml").network());
  }

  @Test
  void everyKeyIsReadAndWrittenBackToTheSameText() throws ScenarioException {
    String yaml = BASE + """
        network:
          data: {name: spirals, size: 300, noise: 0.2}
          validation: 0.25
          hidden: [8, 4, 2]
          activation: logistic
          init: {orthogonal: 1.5}
          bias: -0.5
          batch_norm: true
          batch_size: full
          steps: 123
          eval_every: 7
          standardize: false
          seed: -42
        """;
    Scenario s = ScenarioReader.read(yaml, "s.yaml");
    NetworkSetup n = s.network();
    assertEquals(new DataSource.Synthetic("spirals", 300, 0.2), n.data());
    assertEquals(0.25, n.validation());
    assertEquals(List.of(8, 4, 2), n.hidden());
    assertEquals(Activation.LOGISTIC, n.activation());
    assertEquals(new Initializer.Orthogonal(1.5), n.init());
    assertEquals(-0.5, n.bias());
    assertTrue(n.batchNorm());
    assertEquals(NetworkSetup.FULL_BATCH, n.batchSize());
    assertEquals(123, n.steps());
    assertEquals(7, n.evalEvery());
    assertEquals(false, n.standardize());
    assertEquals(-42, n.seed());
    String written = ScenarioWriter.write(s);
    Scenario back = ScenarioReader.read(written, "s.yaml");
    assertEquals(s, back);
    assertEquals(written, ScenarioWriter.write(back), "bit for bit");
    assertTrue(written.contains("\n  network_lr: 0.1\n"), written);
    assertTrue(written.contains("  batch_size: full\n"), written);
    assertTrue(written.contains("  init: {orthogonal: 1.5}\n"), written);
  }

  @Test
  void everyFormOfDataAndInitRoundTrips() throws Exception {
    Files.writeString(dir.resolve("p.csv"), "x,y,label\n0,1,a\n1,0,b\n2,2,a\n3,1,b\n");
    Files.writeString(dir.resolve("w.json"), "{\"layers\": [{\"weight\": [[1, 2], [3, 4]], "
        + "\"bias\": [0, 0]}, {\"weight\": [[1, 2], [3, 4]], \"bias\": [0, 0]}]}");
    Path file = dir.resolve("s.yaml");
    for (String net : List.of("{data: digits, init: zero}", "{data: iris, init: small}",
        "{data: xor, init: he, batch_size: 5}", "{data: blobs, init: {scale: 0.3}}",
        "{data: circles, init: orthogonal}", "{data: {csv: p.csv}, hidden: [2], "
            + "init: {weights: w.json}, validation: 0}")) {
      Files.writeString(file, BASE + "network: " + net + "\n");
      Scenario s = ScenarioReader.read(file);
      String written = ScenarioWriter.write(s);
      Path again = dir.resolve("again.yaml");
      Files.writeString(again, written);
      assertEquals(s, ScenarioReader.read(again), net);
      assertEquals(written, ScenarioWriter.write(ScenarioReader.read(again)), net);
    }
    Scenario csv = ScenarioReader.read(file);
    assertEquals(dir, csv.network().folder(), "relative files are read beside the scenario");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      network: {validation: 0.2}                      | s.yaml:6: network: missing 'data'; expected digits, iris, spirals, moons, circles, xor, blobs, {csv: FILE} or {name: ..., size: ..., noise: ...}
      network: {data: mnist}                          | s.yaml:6: network.data: unknown data set 'mnist'; expected digits, iris, spirals, moons, circles, xor, blobs, {csv: FILE} or {name: ..., size: ..., noise: ...}
      network: {data: {name: moons, size: 2}}         | s.yaml:6: network.data.size: size must be between 4 and 100000, got 2
      network: {data: {name: moons, noise: -1}}       | s.yaml:6: network.data.noise: noise must be between 0 and 10, got -1
      network: {data: {name: digits, size: 10}}       | s.yaml:6: network.data: digits is a fixed data set; size and noise apply to generated sets (spirals, moons, circles, xor, blobs)
      network: {data: moons, validation: 1}           | s.yaml:6: network.validation: validation must be between 0 and 0.9, got 1
      network: {data: moons, hidden: [16, 0]}         | s.yaml:6: network.hidden[1]: a layer has 1 to 1024 units, got 0
      network: {data: moons, activation: gelu}        | s.yaml:6: network.activation: unknown activation 'gelu'; expected tanh, logistic, relu
      network: {data: moons, init: xavier}            | s.yaml:6: network.init: unknown init 'xavier'; expected zero, small, glorot, he, orthogonal, {orthogonal: GAIN}, {scale: S} or {weights: FILE}
      network: {data: moons, init: {scale: -1}}       | s.yaml:6: network.init.scale: scale must be in (0, 100], got -1
      network: {data: moons, batch_size: 0}           | s.yaml:6: network.batch_size: batch_size must be 'full' or from 1 to 100000, got 0
      network: {data: moons, batch_size: half}        | s.yaml:6: network.batch_size: batch_size must be 'full' or a whole number of samples, got 'half'
      network: {data: moons, batch_norm: true, batch_size: 1} | s.yaml:6: network.batch_size: batch_size must be at least 2 with batch_norm: the statistics of a single sample normalize everything to 0
      network: {data: moons, steps: 0}                | s.yaml:6: network.steps: steps must be between 1 and 1000000, got 0
      network: {data: moons, eval_every: 0}           | s.yaml:6: network.eval_every: eval_every must be between 1 and 1000000, got 0
      network: {data: moons, dropout: 0.5}            | s.yaml:6: network.dropout: unknown key 'dropout'; the network takes data, validation, hidden, activation, init, bias, batch_norm, batch_size, steps, eval_every, standardize, seed, residual
      network: {data: digits, hidden: [1024, 1024]}   | s.yaml:6: network.hidden: the network would have 1,126,410 parameters; at most 1,000,000
      network: {data: digits, hidden: [512, 512], steps: 1000000} | s.yaml:6: network.steps: too much work: about 9.6e+16 multiply-adds for 3 runs of 1,000,000 steps on 301,066 parameters; at most 5e+11 (use fewer steps, a smaller network, smaller batches or fewer evaluations)
      network: {data: {csv: missing.csv}}             | s.yaml:6: network.data: missing.csv: no such file
      network: {data: moons, init: {weights: w.json}} | s.yaml:6: network.init: w.json: no such file
      """)
  void aBadNetworkSectionIsReportedAtItsKey(String network, String message) {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioReader.read(BASE + network + "\n", "s.yaml"));
    assertEquals(message, e.getMessage());
  }

  @Test
  void networkLearningRatesAreChecked() {
    assertEquals("s.yaml:3: optimizers[0].network_lr: network_lr: learning rate must be "
        + "positive, got -1", assertThrows(ScenarioException.class, () -> ScenarioReader.read(
            "function: rosenbrock\noptimizers:\n  - {type: sgd, network_lr: -1}\n", "s.yaml"))
            .getMessage());
    assertEquals("s.yaml:3: optimizers[0].network_lr: cg has no learning rate; network_lr "
        + "applies to the methods with lr", assertThrows(ScenarioException.class,
            () -> ScenarioReader.read("function: rosenbrock\noptimizers:\n"
                + "  - {type: cg, network_lr: 0.1}\n", "s.yaml")).getMessage());
  }

  @Test
  void aBadCsvOrWeightsFileIsReportedWithBothFilesAndLines() throws Exception {
    Files.writeString(dir.resolve("p.csv"), "x,y,label\n0,1,a\n1,zero,b\n");
    Path s = dir.resolve("s.yaml");
    Files.writeString(s, BASE + "network:\n  data: {csv: p.csv}\n");
    assertEquals(s + ":7: network.data: " + dir.resolve("p.csv") + ":3: column y: expected a "
        + "number, got 'zero'", assertThrows(ScenarioException.class,
            () -> ScenarioReader.read(s)).getMessage());
    Files.writeString(dir.resolve("w.json"), "{\"layers\": [\n {\"weight\": [[1, 2]], "
        + "\"bias\": [0]}]}");
    Files.writeString(s, BASE + "network:\n  data: moons\n  hidden: []\n"
        + "  init: {weights: w.json}\n");
    assertEquals(s + ":9: network.init: " + dir.resolve("w.json") + ":2: layer 1: weight has 1 "
        + "rows; the layer has 2 units (one row per unit)", assertThrows(
            ScenarioException.class, () -> ScenarioReader.read(s)).getMessage());
  }
}
