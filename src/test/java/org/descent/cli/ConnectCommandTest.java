package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent connect}: the paths between two minima, as a user runs it. */
class ConnectCommandTest {

  @TempDir
  Path dir;

  private static final String NET = """
      function: quadratic
      optimizers:
        - {type: sgd, network_lr: 0.5}
        - {type: adam, network_lr: 0.01}
      network: {data: moons, batch_size: full, steps: 150, eval_every: 50}
      """;

  private Path scenario(String yaml) throws IOException {
    Path p = dir.resolve("s.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void writesTheLossAlongBothPathsFromTheFirstMinimumToTheSecond() throws IOException {
    Path s = scenario(NET);
    Path out = dir.resolve("paths.csv");
    CliTest.Result r = CliTest.run("connect", s.toString(), "--points", "5", "--curve-steps",
        "50", "--optimizer", "1", "--seeds", "4,9", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals("t,line_loss,curve_loss", lines.get(0));
    assertEquals(6, lines.size(), "a header and 5 points");
    assertTrue(lines.get(1).startsWith("0.0,"), lines.get(1));
    assertTrue(lines.get(5).startsWith("1.0,"), lines.get(5));
    String[] first = lines.get(1).split(",");
    assertEquals(first[1], first[2], "both paths start at the first minimum");
    assertTrue(r.out().startsWith("adam from seeds 4 and 9: losses "), r.out());
    assertTrue(r.out().contains("barrier on the straight line"), r.out());
  }

  @Test
  void badOptionsAreNamed() throws IOException {
    Path s = scenario(NET);
    assertMessage(CliTest.run("connect", s.toString(), "--seeds", "1"),
        "--seeds takes two seeds, e.g. --seeds 1,2; got 1");
    assertMessage(CliTest.run("connect", s.toString(), "--points", "1"),
        "--points must be between 2 and 10001, got 1");
    assertMessage(CliTest.run("connect", s.toString(), "--optimizer", "2"),
        "--optimizer: no optimizer '2'; give its position from 0 to 1 or its label");
    assertMessage(CliTest.run("connect", s.toString(), "--curve-steps", "-1"),
        "--curve-steps must be between 0 and 1000000, got -1");
    assertMessage(CliTest.run("connect", s.toString(), "--seeds", "5,5"),
        "the two seeds are the same (5)");
  }

  @Test
  void aScenarioWithoutANetworkOrWithWeightsFromAFileIsRefused() throws IOException {
    Path none = scenario("function: quadratic\noptimizers: [{type: sgd}]\n");
    assertMessage(CliTest.run("connect", none.toString()), "has no 'network' section");
    Path weights = dir.resolve("w.json");
    Files.writeString(weights, "{\"layers\": [{\"weight\": [[0.1, 0.2], [0.3, 0.4]], "
        + "\"bias\": [0, 0]}]}");
    Path fromFile = scenario("""
        function: quadratic
        optimizers: [{type: sgd}]
        network: {data: moons, hidden: [], steps: 5, init: {weights: w.json}}
        """);
    assertMessage(CliTest.run("connect", fromFile.toString()),
        "the network starts from a weights file");
  }

  private static void assertMessage(CliTest.Result r, String part) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(part), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
  }
}
