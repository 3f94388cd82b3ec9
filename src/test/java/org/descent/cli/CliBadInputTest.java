package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a probe fed the command line: extreme formulas and files, bad options, broken outputs.
 * Each gives one line on standard error and exit status 2, never a stack trace.
 */
class CliBadInputTest {

  @TempDir
  Path dir;

  private static CliTest.Result run(String... args) {
    return CliTest.run(args);
  }

  private Path file(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  private Path formula(String text) throws IOException {
    return file("f.yaml", "function: {formula: \"" + text + "\"}\nsteps: 3\n"
        + "optimizers: [{type: sgd}]\n");
  }

  private static void assertOneLine(CliTest.Result r, int code, String message) {
    CliTest.assertOneLine(r, code, message);
  }

  private static final String TOO_DEEP = "function.formula: column %d: formula too deeply "
      + "nested: more than 200 levels of parentheses, function calls or powers";

  @Test
  void sevenHundredNestedParentheses() throws IOException {
    Path f = formula("(".repeat(700) + "x" + ")".repeat(700));
    assertOneLine(run("trace", f.toString()), 2, f + ":1: " + String.format(TOO_DEEP, 201));
    assertOneLine(run("open", f.toString()), 2, f + ":1: " + String.format(TOO_DEEP, 201));
  }

  @Test
  void openReportsABadLectureOrABadDemoOfItBeforeAnyWindowOpens() throws IOException {
    Path typo = file("typo.yaml", "title: L\nparts:\n  - title: A\n    demos: [plateu]\n");
    assertOneLine(run("open", "--lecture", typo.toString()), 2, typo
        + ":4: parts[0].demos[0]: no built-in demo 'plateu'; did you mean 'plateau'?");
    Path broken = file("broken.yaml", "function: nowhere\noptimizers: [{type: sgd}]\n");
    Path lecture = file("l.yaml", "title: L\nparts:\n  - title: A\n    demos: [plateau, "
        + "broken.yaml]\n");
    CliTest.Result r = run("open", "--lecture", lecture.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith(broken.toAbsolutePath() + ":1: function"), r.err());
    assertOneLine(run("open", broken.toString(), "--lecture", lecture.toString()), 2,
        "give a scenario or --lecture, not both: a lecture opens on its own first demo");
  }

  @Test
  void threeThousandChainedPowers() throws IOException {
    Path f = formula(String.join("^", Collections.nCopies(3000, "x")));
    assertOneLine(run("trace", f.toString()), 2, f + ":1: " + String.format(TOO_DEEP, 402));
  }

  @Test
  void fiveThousandMinusSignsAndAFlatSumOfFiveThousandTermsAreFine() throws IOException {
    CliTest.Result minus = run("trace", formula("-".repeat(5000) + "x").toString());
    assertEquals(0, minus.code(), minus.err());
    CliTest.Result sum = run("trace", formula(String.join("+", Collections.nCopies(5000, "x")))
        .toString());
    assertEquals(0, sum.code(), sum.err());
    // f = 5000 x, so the gradient norm is exactly 5000
    assertTrue(sum.out().contains(",5000.0,0,0,,\n"), sum.out());
  }

  @Test
  void aFormulaTooLong() throws IOException {
    Path f = formula("x+".repeat(6000) + "y");
    assertOneLine(run("trace", f.toString()), 2, f + ":1: function.formula: column 10001: "
        + "formula too long: 12001 characters; at most 10000");
  }

  @Test
  void twoThousandOptimizers() throws IOException {
    Path f = file("many.yaml", "function: rosenbrock\nsteps: 100000\noptimizers: ["
        + "{type: sgd}, ".repeat(1999) + "{type: sgd}]\n");
    assertOneLine(run("trace", f.toString()), 2,
        f + ":3: optimizers: too many optimizers: 2000; at most 64");
  }

  @Test
  void aFiniteLossWithAnInfiniteGradientIsReportedWhereItHappens() throws IOException {
    Path f = file("sqrt.yaml", "function: {formula: \"sqrt(1 - x) + y^2\"}\nstart: [0, 0]\n"
        + "steps: 10\noptimizers: [{type: sgd, lr: 2}]\n");
    CliTest.Result r = run("trace", f.toString());
    assertEquals(0, r.code());
    assertEquals("sgd diverged at step 1: the gradient is not finite there", r.err().strip());
    assertEquals(2, r.out().lines().count()); // the header and step 0
    assertFalse(r.out().contains("Infinity"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      bench --steps 2147483647   | --steps must be between 1 and 100000, got 2147483647
      bench --steps 0            | --steps must be between 1 and 100000, got 0
      bench --repeat 2147483647  | --repeat must be between 1 and 100000, got 2147483647
      bench --warmup -1          | --warmup must be between 0 and 100000, got -1
      bench --render --repeat 0  | --repeat must be between 1 and 100000, got 0
      bench --steps abc          | bench: Invalid value for option '--steps': 'abc' is not an int (see: descent bench --help)
      bench --steps 99999999999  | bench: Invalid value for option '--steps': '99999999999' is not an int (see: descent bench --help)
      bench --fast               | bench: Unknown option: '--fast' (see: descent bench --help)
      trace                      | trace: Missing required parameter: 'FILE' (see: descent trace --help)
      trace a.yaml b.yaml        | trace: Unmatched argument at index 2: 'b.yaml' (see: descent trace --help)
      list --all                 | list: Unknown option: '--all' (see: descent list --help)
      nonsense                   | descent: Unmatched argument at index 0: 'nonsense' (see: descent --help)
      open --theme pink          | unknown theme 'pink'; expected light, dark or high-contrast
      """)
  void badOptionsGiveOneLine(String args, String message) {
    assertOneLine(run(args.split(" ")), 2, message);
  }

  @Test
  void aFailedWriteToStandardOutputIsReportedAndExitsWithTwo() throws IOException {
    Path f = file("ok.yaml", "function: booth\nsteps: 3\noptimizers: [{type: newton}]\n");
    for (String[] args : new String[][] {{"trace", f.toString()}, {"list"}}) {
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
      int code = Cli.run(args, new PrintWriter(full), new PrintWriter(err), full::failure);
      assertEquals(2, code);
      assertEquals("cannot write to standard output: No space left on device", err.toString()
          .strip());
    }
  }

  @Test
  void anErrorIsOneLineWithoutAStackTrace() {
    Writer overflowing = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) {
        throw new StackOverflowError();
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();
    int code = Cli.run(new String[] {"list"}, new PrintWriter(overflowing),
        new PrintWriter(err));
    assertEquals(1, code);
    assertEquals("internal error: the input is too deeply nested to process (stack overflow); "
        + "please report it", err.toString().strip());
  }

  @Test
  void nonsenseFilesGiveOneLine() throws IOException {
    Path empty = file("empty.yaml", "");
    assertOneLine(run("trace", empty.toString()), 2, empty
        + ": the file is empty; a scenario needs at least 'function' and 'optimizers'");
    assertOneLine(run("trace", dir.toString()), 2, dir + ": is a folder, not a scenario file");
    Path binary = dir.resolve("binary.yaml"); // bytes 0 to 255: 0x80 is on line 2, after 0x0a
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    Files.write(binary, bytes);
    assertOneLine(run("trace", binary.toString()), 2, binary + ":2: not UTF-8, at line 2: "
        + "byte 0x80 is not part of a UTF-8 character; save the file as UTF-8");
    Path nul = file("nul.yaml", "function: rosenbrock\u0000\n");
    assertOneLine(run("trace", nul.toString()), 2, nul + ":1: not valid YAML: the character "
        + "U+0000 at line 1 is not allowed (a control character?)");
    Path steps = file("steps.yaml", "function: booth\nsteps: -5\noptimizers: [{type: sgd}]\n");
    assertOneLine(run("trace", steps.toString()), 2,
        steps + ":2: steps: steps must be between 1 and 100000, got -5");
    Path huge = file("huge.yaml", "function: booth\nsteps: 1e400\noptimizers: [{type: sgd}]\n");
    assertOneLine(run("trace", huge.toString()), 2, huge + ":2: steps: expected a whole number "
        + "from -9223372036854775808 to 9223372036854775807, got '1e400'");
    Path nan = file("nan.yaml", "function: booth\noptimizers: [{type: sgd, lr: NaN}]\n");
    assertOneLine(run("trace", nan.toString()), 2,
        nan + ":2: optimizers[0].lr: expected a finite number, got 'NaN'");
  }

  @Test
  void anUnreadableFileIsNamed() throws IOException {
    Path secret = file("secret.yaml", "function: booth\noptimizers: [{type: sgd}]\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    assumeTrue(!Files.isReadable(secret), "root reads everything");
    assertOneLine(run("trace", secret.toString()), 2,
        secret + ": cannot read the file: permission denied");
  }

  @Test
  void outNamesAFileNotAFolder() throws IOException {
    Path s = file("ok.yaml", "function: booth\nsteps: 3\noptimizers: [{type: newton}]\n");
    assertOneLine(run("trace", s.toString(), "--out", ""), 2, "--out needs a file name");
    assertOneLine(run("trace", s.toString(), "--out", s + "/"), 2,
        "cannot write " + s + "/: that names a folder; give a file name");
    assertOneLine(run("trace", s.toString(), "--out", dir.toString()), 2,
        "cannot write " + dir + ": is a folder");
    assertEquals("function: booth\nsteps: 3\noptimizers: [{type: newton}]\n",
        Files.readString(s));
  }

  @Test
  void outFollowsASymbolicLinkAndKeepsTheModeOfTheFileItReplaces() throws IOException {
    Path s = file("ok.yaml", "function: booth\nsteps: 3\noptimizers: [{type: newton}]\n");
    Path real = file("real.csv", "old\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
    assertEquals(0, run("trace", s.toString(), "--out", link.toString()).code());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(5, Files.readAllLines(real).size());
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
  }
}
