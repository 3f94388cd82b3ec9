package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a scenario file may ask for is bounded, numbers are read as YAML writes them, and every
 * message points at the value at fault: its line, also inside block mappings and multi-line
 * formulas.
 */
class ScenarioLimitsTest {

  @TempDir
  Path dir;

  private static String message(String yaml) {
    return assertThrows(ScenarioException.class, () -> ScenarioReader.read(yaml, "s.yaml"))
        .getMessage();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `function: rosenbrock\\nsteps: 10f\\noptimizers: [{type: sgd}]` | s.yaml:2: steps: expected a whole number, got '10f'
      `function: rosenbrock\\nsteps: 2.5\\noptimizers: [{type: sgd}]` | s.yaml:2: steps: expected a whole number, got '2.5'
      `function: rosenbrock\\noptimizers: [{type: sgd, lr: 0x1p4}]` | s.yaml:2: optimizers[0].lr: expected a number, got '0x1p4'
      `function: rosenbrock\\noptimizers: [{type: sgd, lr: 1f}]` | s.yaml:2: optimizers[0].lr: expected a number, got '1f'
      `function: rosenbrock\\noptimizers: [{type: sgd, lr: 1e}]` | s.yaml:2: optimizers[0].lr: expected a number, got '1e'
      `function: rosenbrock\\noptimizers: [{type: sgd, lr: .inf}]` | s.yaml:2: optimizers[0].lr: expected a finite number, got '.inf'
      `function: rosenbrock\\noptimizers: [{type: sgd, lr: Infinity}]` | s.yaml:2: optimizers[0].lr: expected a finite number, got 'Infinity'
      `function: rosenbrock\\nnoise: .NaN\\noptimizers: [{type: sgd}]` | s.yaml:2: noise: expected a finite number, got '.NaN'
      `function: rosenbrock\\nstart: [1e999, 0]\\noptimizers: [{type: sgd}]` | s.yaml:2: start[0]: expected a finite number, got '1e999' (too large)
      `function: rosenbrock\\nseed: 9223372036854775808\\noptimizers: [{type: sgd}]` | s.yaml:2: seed: expected a whole number from -9223372036854775808 to 9223372036854775807, got '9223372036854775808'
      `function: rosenbrock\\nseed: 1e2147483647\\noptimizers: [{type: sgd}]` | s.yaml:2: seed: expected a whole number from -9223372036854775808 to 9223372036854775807, got '1e2147483647'
      `function: rosenbrock\\noptimizers: [{type: sgd, schedule: {type: step, tau: 5}}]` | s.yaml:2: optimizers[0].schedule.tau: tau is not a key of the step schedule; it takes every, factor
      `function: rosenbrock\\noptimizers: [{type: sgd, schedule: {type: constant, every: 5}}]` | s.yaml:2: optimizers[0].schedule.every: every is not a key of the constant schedule; it takes no other keys
      `function: rosenbrock\\noptimizers: [{type: sgd, average: {type: polyak, tau: 5}}]` | s.yaml:2: optimizers[0].average.tau: tau is not a key of polyak averaging; it takes start
      `function: rosenbrock\\noptimizers:\\n  - type: sgd\\n    schedule:\\n      type: step\\n      every: 10\\n      factor: 2` | s.yaml:7: optimizers[0].schedule.factor: factor must be in (0, 1], got 2
      `function: rosenbrock\\noptimizers:\\n  - type: sgd\\n    average:\\n      type: ema\\n\\n      tau: 0.5` | s.yaml:7: optimizers[0].average.tau: tau must be at least 1, got 0.5
      `function: rosenbrock\\noptimizers:\\n  - type: sgd\\n    schedule:\\n      type: cosine` | s.yaml:5: optimizers[0].schedule.type: unknown schedule 'cosine'; expected constant, exponential, linear, step, warmup, cosine-restarts or one-cycle
      `function: {name: quadratic, params: {lamda1: 3}}\\noptimizers: [{type: sgd}]` | s.yaml:1: function.params.lamda1: unknown parameter 'lamda1' of quadratic; expected one of lambda1, lambda2
      `function:\\n  name: quadratic\\n  params:\\n    lambda2: 3\\n    lamda1: 3\\noptimizers: [{type: sgd}]` | s.yaml:5: function.params.lamda1: unknown parameter 'lamda1' of quadratic; expected one of lambda1, lambda2
      `function: {name: booth, params: {a: 1}}\\noptimizers: [{type: sgd}]` | s.yaml:1: function.params.a: booth has no parameters, got 'a'
      `function:\\n  name: rosenbrok\\noptimizers: [{type: sgd}]` | s.yaml:2: function.name: unknown function 'rosenbrok'; expected one of rosenbrock, beale, himmelblau, booth, quadratic, rotated-quadratic, offset-quadratic, normalized-inputs, saddle, monkey-saddle, plateau, cliff, six-hump-camel, rastrigin, coupled
      `function:\\n  formula: |\\n    (1 - x)^2\\n    + 100 * * (y - x^2)^2\\noptimizers: [{type: sgd}]` | s.yaml:4: function.formula: line 2, column 9: unexpected '*'; expected a number, x, y, a function or '('
      `function:\\n  formula: >\\n    (1 - x)^2\\n    + 100 * * (y - x^2)^2\\noptimizers: [{type: sgd}]` | s.yaml:4: function.formula: line 2, column 9: unexpected '*'; expected a number, x, y, a function or '('
      `function:\\n  formula: (1 - x)^2\\n    + 100 * * (y - x^2)^2\\noptimizers: [{type: sgd}]` | s.yaml:3: function.formula: line 2, column 9: unexpected '*'; expected a number, x, y, a function or '('
      `function:\\n  formula: \\"(1 - x)^2\\n     + 100 * * (y - x^2)^2\\"\\noptimizers: [{type: sgd}]` | s.yaml:3: function.formula: line 2, column 9: unexpected '*'; expected a number, x, y, a function or '('
      `function:\\n  formula: (1 - x)^2 + 100 * * (y - x^2)^2\\noptimizers: [{type: sgd}]` | s.yaml:2: function.formula: column 19: unexpected '*'; expected a number, x, y, a function or '('
      `function: {formula: \\"sin(x\\"}\\noptimizers: [{type: sgd}]` | s.yaml:1: function.formula: column 6: expected ')' to close the '(' at column 4
      `function: {name: quadratic,\\n  params: {lambda1: 2}\\noptimizers: [{type: sgd}]` | s.yaml:3: not valid YAML: expected ',' or '}', but got <scalar> (unclosed '{' opened at line 1)
      `title: \\"Ravine\\nfunction: rosenbrock\\noptimizers: [{type: sgd}]\\n` | s.yaml:4: not valid YAML: found unexpected end of stream (unclosed '\\"' opened at line 1)
      `title: &t Ravine\\ndescription: *t\\nfunction: rosenbrock\\noptimizers: [{type: sgd}]` | s.yaml:2: the alias *t repeats a single value; aliases are allowed for lists and mappings only
      """)
  void badValuesAreNamedWhereTheyAre(String yaml, String expected) {
    assertEquals(expected.replace("\\\"", "\""),
        message(yaml.replace("\\n", "\n").replace("\\\"", "\"")));
  }

  @Test
  void numbersAreReadAsYamlWritesThemAndSeedsExactly() throws ScenarioException {
    Scenario s = ScenarioReader.read("""
        function: rosenbrock
        steps: 1e3
        seed: 9007199254740993
        noise: 1_0.5
        start: [-.5, +2.]
        optimizers: [{type: sgd, lr: 1E-2}]
        """, "s.yaml");
    assertEquals(1000, s.steps());
    assertEquals(9007199254740993L, s.seed()); // 2^53 + 1: a double would round it
    assertEquals(10.5, s.noise());
    assertEquals(-0.5, s.start().x());
    assertEquals(2.0, s.start().y());
    assertEquals(Long.MIN_VALUE, ScenarioReader.read("function: rosenbrock\n"
        + "seed: -9223372036854775808\noptimizers: [{type: sgd}]", "s.yaml").seed());
  }

  @Test
  void labelsTitlesAndDescriptionsAreBounded() {
    String label = "x".repeat(ScenarioReader.MAX_LABEL + 1);
    assertEquals("s.yaml:2: optimizers[0].label: too long: 101 characters; at most 100",
        message("function: rosenbrock\noptimizers: [{type: sgd, label: " + label + "}]"));
    assertEquals("s.yaml:1: title: too long: 201 characters; at most 200",
        message("title: " + "t".repeat(201) + "\nfunction: rosenbrock\noptimizers: [{type: sgd}]"));
    assertEquals("s.yaml:1: description: too long: 5001 characters; at most 5000",
        message("description: " + "d".repeat(5001)
            + "\nfunction: rosenbrock\noptimizers: [{type: sgd}]"));
  }

  @Test
  void aMessageQuotesALongValueOnlyInPart() {
    assertEquals("s.yaml:2: steps: expected a whole number, got '" + "1".repeat(57) + "...'",
        message("function: rosenbrock\nsteps: " + "1".repeat(500_000)
            + "x\noptimizers: [{type: sgd}]"));
    assertEquals("s.yaml:2: not valid YAML: lists and mappings nested more than 20 levels deep",
        message("function: rosenbrock\noptimizers: " + "[".repeat(100) + "]".repeat(100)));
  }

  @Test
  void theNumberOfOptimizersAndTheStepsInAllAreBounded() {
    assertEquals("s.yaml:2: optimizers: too many optimizers: 2000; at most 64",
        message("function: rosenbrock\noptimizers: [" + "{type: sgd}, ".repeat(1999)
            + "{type: sgd}]\nsteps: 100000"));
    assertEquals("s.yaml:2: steps: too much work: 21 optimizers x 100000 steps = 2100000 steps; "
        + "at most 2000000 in all (use fewer steps or fewer optimizers)",
        message("function: rosenbrock\nsteps: 100000\noptimizers: ["
            + "{type: sgd}, ".repeat(20) + "{type: sgd}]"));
  }

  @Test
  void aliasesCannotMultiplyTheFile() {
    // The billion-laughs shape: one anchored optimizer repeated.
    String yaml = "function: rosenbrock\noptimizers:\n  - &o {type: sgd, label: long}\n"
        + "  - *o\n".repeat(21);
    assertEquals("s.yaml:24: more than 20 aliases (*name); a scenario needs few, if any",
        message(yaml));
  }

  @Test
  void aFileIsReadOnlyUpToTheLimit() throws IOException {
    Path big = dir.resolve("big.yaml");
    byte[] bytes = new byte[ScenarioReader.MAX_BYTES + 1];
    Arrays.fill(bytes, (byte) ' ');
    Files.write(big, bytes);
    assertEquals(big + ": too large: more than 1048576 bytes; a scenario file is at most 1 MB",
        readFileMessage(big));
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.isReadable(zero));
    assertEquals("/dev/zero: too large: more than 1048576 bytes; a scenario file is at most 1 MB",
        readFileMessage(zero));
  }

  @Test
  void aPipeThatNeverEndsIsCutAtTheLimit() throws Exception {
    Path fifo = dir.resolve("fifo.yaml");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    Thread writer = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        byte[] spaces = new byte[8192];
        Arrays.fill(spaces, (byte) ' ');
        while (true) {
          out.write(spaces);
        }
      } catch (IOException e) {
        // the reader closed the pipe: expected
      }
    });
    writer.setDaemon(true);
    writer.start();
    assertEquals(fifo + ": too large: more than 1048576 bytes; a scenario file is at most 1 MB",
        readFileMessage(fifo));
    writer.join(10_000);
  }

  @Test
  void foldersEmptyFilesAndOtherEncodingsAreNamed() throws IOException {
    assertEquals(dir + ": is a folder, not a scenario file", readFileMessage(dir));
    Path empty = Files.createFile(dir.resolve("empty.yaml"));
    assertEquals(empty + ": the file is empty; a scenario needs at least 'function' and "
        + "'optimizers'", readFileMessage(empty));
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "function: rosenbrock\ntitle: caf\u00e9\n".getBytes(
        java.nio.charset.StandardCharsets.ISO_8859_1));
    assertEquals(latin1 + ":2: not UTF-8, at line 2: byte 0xe9 is not part of a UTF-8 "
        + "character; save the file as UTF-8", readFileMessage(latin1));
    Path bom = dir.resolve("bom.yaml");
    Files.writeString(bom, "\uFEFFfunction: booth\noptimizers: [{type: sgd}]\n");
    assertEquals(0, assertDoesNotThrow(bom).seed());
  }

  private static Scenario assertDoesNotThrow(Path p) {
    return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> ScenarioReader.read(p));
  }

  private static String readFileMessage(Path p) {
    return assertThrows(ScenarioException.class, () -> ScenarioReader.read(p)).getMessage();
  }
}
