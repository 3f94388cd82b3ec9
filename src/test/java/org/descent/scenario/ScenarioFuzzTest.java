package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.descent.function.FormulaException;
import org.descent.trace.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of mutated lecture demos, from a seeded generator of our own: each is either read
 * (and then races a few steps without an exception) or refused with a ScenarioException that
 * names the file and a line (and, for a value, its field) — never another exception, a stack
 * overflow or a hang.
 */
class ScenarioFuzzTest {

  private static final String SOURCE = "fuzz.yaml";
  private static final String[] JUNK = {"{", "}", "[", "]", ":", ": ", "- ", ",", "&a ", "*a",
      "!!", "!!str ", "!!javax.script.ScriptEngineManager ", "!foo ", "\t", "\"", "'", "#", "|",
      ">", "?", "%YAML 1.2\n", "---\n", "...\n", "\u0000", "\u00e9", "\ud83d\ude00", "<<: *a",
      "1e999", "-1", "NaN", ".nan", "0x10", "1_000", "true", "null", "~", "[[[[", "{a: {b: ",
      "\n  ", "\n- ", "x^", "sin(", "lr: ", "type: ", "steps: 99999999999999999999"};
  private static final String[] VALUES = {"0", "-1", "1e-300", "1e300", "1e999", "NaN", "-0",
      "100000", "100001", "2000000", "0.9999", "1", "abc", "[]", "{}", "[1, 2, 3]", "''",
      "\"x^2 + y\"", "\"(\"", "true", "null"};

  static List<String> seeds() throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        texts.add(Files.readString(p));
      }
    }
    return texts;
  }

  static String mutate(SplittableRandom r, String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits && !lines.isEmpty(); i++) {
      int at = r.nextInt(lines.size());
      String line = lines.get(at);
      switch (r.nextInt(6)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, line);
        case 2 -> {
          int c = line.isEmpty() ? 0 : r.nextInt(line.length() + 1);
          lines.set(at, line.substring(0, c) + JUNK[r.nextInt(JUNK.length)] + line.substring(c));
        }
        case 3 -> {
          // A value replaced: key: VALUE.
          int colon = line.indexOf(": ");
          if (colon > 0) {
            lines.set(at, line.substring(0, colon + 2) + VALUES[r.nextInt(VALUES.length)]);
          }
        }
        case 4 -> {
          if (!line.isEmpty()) {
            int c = r.nextInt(line.length());
            lines.set(at, line.substring(0, c) + line.substring(c + 1));
          }
        }
        default -> lines.set(at, "  ".repeat(r.nextInt(4)) + line.strip());
      }
    }
    return String.join("\n", lines);
  }

  static void check(String text) {
    Scenario s;
    try {
      s = ScenarioReader.read(text, SOURCE);
    } catch (ScenarioException e) {
      assertTrue(e.getMessage().startsWith(SOURCE + ":"), e.getMessage());
      assertTrue(e.line() >= 1, "no line in '" + e.getMessage() + "' for\n" + text);
      assertTrue(!e.getMessage().contains("Exception") && !e.getMessage().contains("\n"),
          "a plain one-line message: " + e.getMessage());
      return;
    } catch (Throwable t) {
      fail("unexpected " + t + " for\n" + shorten(text), t);
      return;
    }
    try {
      var l = s.landscape();
      var start = s.startOn(l);
      Race.run(l.formula().objective(), s.optimizers(), new double[] {start.x(), start.y()},
          Math.min(s.steps(), 20), s.noise(), s.seed());
    } catch (FormulaException | RuntimeException e) {
      fail("read but failed to run: " + e + " for\n" + shorten(text), e);
    }
  }

  private static String shorten(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "... (" + s.length() + " chars)" : s;
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void mutatedDemosAreReadOrRefusedWithFileLineAndField() throws IOException {
    List<String> seeds = seeds();
    assertTrue(seeds.size() >= 20);
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 4000; i++) {
      check(mutate(r, seeds.get(r.nextInt(seeds.size()))));
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void deeplyNestedAndRepeatedYamlIsRefusedPlainly() {
    List<String> texts = List.of(
        "function: " + "[".repeat(10_000) + "]".repeat(10_000),
        "function: " + "{a: ".repeat(5_000) + "1" + "}".repeat(5_000),
        "optimizers:\n" + "- ".repeat(5_000) + "x",
        "a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
        "function: {formula: \"" + "(".repeat(300) + "x" + ")".repeat(300) + "\"}\n"
            + "optimizers: [{type: sgd}]\n",
        "function: himmelblau\noptimizers:\n" + "  - {type: sgd}\n".repeat(65),
        "\ufeff" + "function: himmelblau\noptimizers: [{type: sgd}]",
        "function: himmelblau\r\noptimizers: [{type: sgd}]\r\nsteps: 1e9\r\n");
    for (String t : texts) {
      check(t);
    }
  }
}
