package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.descent.network.CsvData;
import org.descent.network.PreparedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The second probe of bad and extreme inputs (issue 16): work limits, data that overflow,
 * steps past a trace's end, pipes, lenient weights files, options blamed on files, options
 * that do not go together. Each refusal is one line on standard error and exit status 2.
 */
class CliBadInputSecondRoundTest {

  @TempDir
  Path dir;

  private static CliTest.Result run(String... args) {
    return CliTest.run(args);
  }

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static void assertOneLine(CliTest.Result r, int code, String message) {
    CliTest.assertOneLine(r, code, message);
  }

  private static final String ONE = """
      function: quadratic
      optimizers: [{type: adam, label: gd, network_lr: 0.05}]
      """;

  // 6: every command that can run long has a work limit, checked before it starts.

  @Test
  void aGradientCheckTooLargeIsRefusedBeforeItStarts() throws IOException {
    Path s = file("s.yaml", ONE + "network: {data: digits, hidden: [256, 256]}\n");
    assertOneLine(run("gradcheck", s.toString()), 2, s + ": too much work: about 2.9e+12 "
        + "multiply-adds for a gradient check of 85,002 parameters on 100 samples; at most "
        + "5e+11 (use fewer --samples or a smaller network)");
    assertTrue(run("gradcheck", "--help").out().contains("too much work"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      bench --steps 100000 --repeat 100000           | too much work: 8 traces x 100000 steps x 100300 repetitions (300 warm-up + 100000 timed) = 8.02e+10 optimizer steps; at most 4.00e+08 (use fewer --steps, --repeat or --warmup)
      bench --network --steps 100000 --repeat 100    | too much work: about 4.7e+12 multiply-adds for 110 repetitions of 100,000 steps on 354 parameters; at most 5e+11 (use fewer --steps, --repeat or --warmup)
      bench --render --repeat 100000                 | too much work: 100020 repetitions (20 warm-up + 100000 timed) of the five renderings; at most 500 (use fewer --repeat or --warmup)
      bench --basin --repeat 100000                  | too much work: 200002 maps (a first run and 100000 timed per size) = 5.57e+13 start-steps; at most 4.00e+10 (use a smaller --repeat or one --grid)
      bench --basin --grid 4096                      | --grid 4096: too much work: 4096 x 4096 starts x 500 steps = 8.39e+09 optimizer steps; at most 4.00e+09 (use a smaller grid or fewer steps)
      """)
  void everyBenchmarkHasAWorkLimit(String args, String message) {
    assertOneLine(run(args.split(" ")), 2, message);
  }

  @Test
  void theHelpOfEveryLongCommandStatesItsLimit() {
    for (String command : List.of("gradcheck", "bench", "basin", "sweep")) {
      assertTrue(run(command, "--help").out().contains("too much work"), command);
    }
  }

  // 7: data that cannot be standardized are refused with their line and column; huge values
  // that can be are standardized.

  private Path points(String name, double scale, int rows) throws IOException {
    StringBuilder csv = new StringBuilder("x,label,y\n");
    for (int i = 0; i < rows; i++) {
      int c = i % 2;
      double x = (c == 0 ? 1 : -1) * (1 + 0.01 * i);
      csv.append(x * scale).append(',').append(c).append(',').append((5 + 0.01 * i) * scale)
          .append('\n');
    }
    return file(name, csv.toString());
  }

  private static String lastAccuracy(CliTest.Result r) {
    List<String> lines = r.out().lines().toList();
    return lines.get(lines.size() - 1).split(",", -1)[5];
  }

  @Test
  void hugeValuesAreStandardizedAndLearned() throws IOException {
    for (double scale : new double[] {1e200, 1e307}) { // at 1e307 the sum of y overflows
      points("huge.csv", scale, 40);
      Path s = file("s.yaml", ONE + "network: {data: {csv: huge.csv}, hidden: [4], steps: 60, "
          + "eval_every: 60, batch_size: full}\n");
      CliTest.Result r = run("train", s.toString());
      assertEquals(0, r.code(), r.err());
      assertEquals("", r.err());
      assertEquals("1.0", lastAccuracy(r), scale + ": " + r.out());
    }
  }

  @Test
  void valuesThatCannotBeNetworkInputsAreRefusedWithTheirLineAndColumn() throws Exception {
    points("huge.csv", 1e200, 12);
    Path raw = file("raw.yaml", ONE + "network: {data: {csv: huge.csv}, standardize: false, "
        + "validation: 0}\n");
    assertOneLine(run("train", raw.toString()), 2, raw + ":3: network.data: " + dir
        + "/huge.csv:2: column 1 (x): 1e200 is too large for a network input without "
        + "standardization: its square overflows; set standardize: true, or rescale the "
        + "column");
    // x is 1 on every training row; the first validation row gets 1e200 instead.
    StringBuilder csv = new StringBuilder("id,x,label\n");
    for (int i = 0; i < 20; i++) {
      csv.append(i).append(",1,").append(i % 2).append('\n');
    }
    PreparedData split = PreparedData.split(CsvData.parse(csv.toString(), "far.csv"), 0.2, true,
        0);
    int held = (int) split.rawValidation().feature(0, 0);
    file("far.csv", csv.toString().replace("\n" + held + ",1,", "\n" + held + ",1e200,"));
    Path far = file("far.yaml", ONE + "network: {data: {csv: far.csv}, validation: 0.2}\n");
    assertOneLine(run("gradcheck", far.toString()), 2, far + ":3: network.data: " + dir
        + "/far.csv:" + (held + 2) + ": column 2 (x): 1e200 is too far from the training values "
        + "to standardize (their mean is 1, their standard deviation 0): its standardized value "
        + "squared overflows; rescale the column");
  }

  // 8: a step past the end of a trace that ended early is refused, with where and why it ended.

  @Test
  void aStepPastTheEndOfAConvergedRunIsRefused() throws IOException {
    Path s = file("s.yaml", "function: rosenbrock\nstart: [-1.2, 1]\nbudget: 400\n"
        + "optimizers: [{type: bfgs}, {type: newton}]\n");
    CliTest.Result trace = run("trace", s.toString());
    long bfgsRows = trace.out().lines().filter(l -> l.startsWith("bfgs,")).count();
    int last = (int) bfgsRows - 1;
    assertTrue(last > 10 && last < 100, trace.err());
    assertEquals(0, run("step", s.toString(), "--step", Integer.toString(last - 1)).code());
    for (int k : new int[] {last, 300}) {
      assertOneLine(run("step", s.toString(), "--step", Integer.toString(k)), 2,
          "step: --step " + k + " is past the end of bfgs's trace in " + s + ": it ends at step "
              + last + ", where it converged (its next step evaluates nothing and stays put)");
    }
    assertOneLine(run("step", s.toString(), "--optimizer", "1", "--step", "250"), 2,
        "step: --step 250 is past the end of newton's trace in " + s + ": it ends at step 200, "
            + "where its budget of 400 evaluations ran out (400 used; its next step would "
            + "exceed it)");
    assertOneLine(run("step", s.toString(), "--step", "-1"), 2,
        "step: --step -1 is outside 0 to 399: " + s + " has 400 steps");
  }

  // 9: a file named in a scenario is read once, so a pipe works.

  @Test
  void aPipedDataFileAndAPipedWeightsFileAreReadOnce() throws Exception {
    Path data = dir.resolve("data.fifo");
    Path weights = dir.resolve("weights.fifo");
    assumeTrue(mkfifo(data) && mkfifo(weights), "mkfifo is not available");
    StringBuilder csv = new StringBuilder("x,y,label\n");
    for (int i = 0; i < 20; i++) {
      csv.append(i % 2 == 0 ? 1 + 0.1 * i : -1 - 0.1 * i).append(",0.5,").append(i % 2)
          .append('\n');
    }
    String json = "{\"layers\": [\n  {\"weight\": [[0.1, 0.2], [0.3, -0.1]], \"bias\": [0, 0]},"
        + "\n  {\"weight\": [[1, -1], [-1, 1]], \"bias\": [0, 0]}\n]}\n";
    Path s = file("s.yaml", ONE + "network: {data: {csv: data.fifo}, hidden: [2], steps: 5, "
        + "eval_every: 5, init: {weights: weights.fifo}}\n");
    Thread dataWriter = writeOnce(data, csv.toString());
    Thread weightsWriter = writeOnce(weights, json);
    try {
      CliTest.Result r = run("train", s.toString());
      assertEquals(0, r.code(), r.err());
      assertEquals("", r.err());
      assertEquals(3, r.out().lines().count(), r.out());
    } finally {
      release(dataWriter, data);
      release(weightsWriter, weights);
    }
  }

  private static boolean mkfifo(Path p) {
    try {
      return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Writes the text into the pipe once, as {@code cat file |} does. */
  private static Thread writeOnce(Path fifo, String text) {
    Thread t = new Thread(() -> {
      try (OutputStream o = Files.newOutputStream(fifo)) {
        o.write(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the reader went away: the test reports what it read
      }
      // A command that opened the pipe a second time finds it empty (and says so) rather than
      // waiting for ever for another writer.
      try (OutputStream o = Files.newOutputStream(fifo)) {
        o.flush();
      } catch (IOException e) {
        // nobody came back for more: as it should be
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Sets free whatever still waits on the pipe: a writer waiting for a reader (the command
   * failed before reading) or a reader waiting for a second writer (the command read twice).
   * Opening both ends once more does it; the two openers pair with each other otherwise.
   */
  private static void release(Thread writer, Path fifo) throws InterruptedException {
    writer.join(2000);
    Thread reader = new Thread(() -> {
      try {
        Files.readAllBytes(fifo);
      } catch (IOException e) {
        // nothing to free
      }
    });
    Thread closer = writeOnce(fifo, "");
    reader.setDaemon(true);
    reader.start();
    reader.join(2000);
    closer.join(2000);
  }

  // 10: weights files are read strictly.

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', textBlock = """
      {"layers": [\\n {"weight": [[0.1, 0.2]], "bias": ["0.3"]},\\n {"weight": [[1], [-1]], "bias": [0, 0]}]}                        | 2: layer 1: bias[0]: expected a number, got the string "0.3"
      {"layers": [\\n {"weight": [[0.1, 0.2]], "bias": [0.3], "bias": [1]},\\n {"weight": [[1], [-1]], "bias": [0, 0]}]}          | 2: layer 1: duplicate key 'bias'
      {"layers": [\\n {"weight": [[0.1, 0.2]], "bias": [0.3]},\\n {"weight": [[1], [-1]], "bias": [0, 0]}],\\n "layers": []}       | 4: duplicate key 'layers'
      {"layers": [\\n {"weight": [["1", 0.2]], "bias": [0.3]},\\n {"weight": [[1], [-1]], "bias": [0, 0]}]}                        | 2: layer 1: weight[0][0]: expected a number, got the string "1"
      """)
  void weightsFilesAreStrict(String json, String problem) throws IOException {
    file("w.json", json.replace("\\n", "\n"));
    file("p.csv", "x,y,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n");
    Path s = file("s.yaml", ONE + "network: {data: {csv: p.csv}, hidden: [1], "
        + "init: {weights: w.json}}\n");
    assertOneLine(run("train", s.toString()), 2, s + ":3: network.init: " + dir + "/w.json:"
        + problem);
  }

  // 11: an option's problem names the option, not the scenario file.

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      --from 10 --to 1      | tune: --from must be below --to, got --from 10 --to 1
      --from 1 --to 1       | tune: --from must be below --to, got --from 1 --to 1
      --from -1             | tune: --from must be a positive number, got --from -1
      --to Infinity         | tune: --to must be a positive number, got --to Infinity
      --tol 0               | tune: --tol must be a positive number, got --tol 0
      --tol NaN             | tune: --tol must be a positive number, got --tol NaN
      --criterion speed     | tune: --criterion must be loss or steps, got 'speed'
      """)
  void tuneNamesTheOption(String options, String message) throws IOException {
    Path s = file("base.yaml", "function: quadratic\noptimizers: [{type: sgd}]\n");
    String[] o = options.split(" ");
    String[] args = new String[2 + o.length];
    args[0] = "tune";
    args[1] = s.toString();
    System.arraycopy(o, 0, args, 2, o.length);
    assertOneLine(run(args), 2, message);
  }

  @Test
  void tuneIntoAFullDiskSaysSoOnce() throws IOException {
    Path s = file("base.yaml", "function: quadratic\nsteps: 20\noptimizers: [{type: sgd}]\n");
    FailureRecordingWriter full = new FailureRecordingWriter(new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
    StringWriter err = new StringWriter();
    int code = Cli.run(new String[] {"tune", s.toString()}, new PrintWriter(full),
        new PrintWriter(err), full::failure);
    assertEquals(2, code);
    assertEquals("cannot write to standard output: No space left on device\n", err.toString()
        .replace("\r\n", "\n"));
  }

  // 12: options that cannot both hold are refused before anything runs; text is quoted as
  // CSV needs.

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      bench --basin --render          | --basin and --render time different things; give one
      bench --basin --network         | --basin and --network time different things; give one
      bench --export --basin          | --basin and --export time different things; give one
      bench --render --steps 5        | --steps does not apply to --render
      bench --basin --steps 5         | --steps does not apply to --basin
      bench --basin --warmup 1        | --warmup does not apply to --basin
      bench --export --repeat 2       | --repeat does not apply to --export
      bench --export --warmup 0       | --warmup does not apply to --export
      """)
  void benchOptionsThatDoNotGoTogether(String args, String message) {
    assertOneLine(run(args.split(" ")), 2, message);
  }

  @Test
  void tuneQuotesTheLabelAsCsvNeeds() throws IOException {
    Path s = file("base.yaml", "function: quadratic\nsteps: 20\noptimizers: [{type: sgd, "
        + "label: \"gd, \\\"plain\\\"\\nslow\"}]\n");
    CliTest.Result r = run("tune", s.toString());
    assertEquals(0, r.code(), r.err());
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .build().parse(new StringReader(r.out())).getRecords();
    assertTrue(rows.size() > 20, r.out());
    assertTrue(r.err().startsWith("best lr for gd, \"plain\"\\nslow: "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertOneLine(run("tune", s.toString(), "--optimizer", "a\nb"), 2,
        "--optimizer: no optimizer 'a\\nb'; give its position from 0 to 0 or its label");
    for (CSVRecord row : rows) {
      assertEquals(5, row.size(), row.toString());
      assertEquals("gd, \"plain\"\nslow", row.get("optimizer"));
    }
  }
}
