package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.descent.lesson.Pick;
import org.descent.lesson.Question;
import org.descent.lesson.Runs;
import org.descent.lesson.Verdict;
import org.descent.optim.OptimizerSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every question shipped with a built-in demo states its answer, and that answer is what the
 * demo's run does: the race is computed headless, as the app computes it (its budget, its
 * continuation), and each question is decided from it by its rule. A demo whose numbers move
 * (an engine change, an edited file) fails here before a class is told a wrong answer.
 */
class ShippedQuestionsTest {

  private static final Path DIR =
      Path.of(System.getProperty("basedir", ".")).resolve("scenarios");

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** The race the rules read, as the app builds it: one trace per card, in file order. */
  static Runs runs(Scenario s) throws Exception {
    List<String> labels = s.optimizers().stream().map(OptimizerSpec::label).toList();
    return new Runs(labels, ScenarioTraces.race(s), ScenarioTraces.fstar(s), s.steps());
  }

  @TestFactory
  Stream<DynamicTest> everyShippedQuestionStatesTheAnswerItsRunGives() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files()) {
      Scenario s = ScenarioReader.read(file);
      if (s.questions().isEmpty()) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
        Runs runs = runs(s);
        for (Question q : s.questions()) {
          assertNotNull(q.expected(), file + ": '" + q.prompt() + "' states no answer");
          Verdict v = q.decide(runs);
          String stated = q.expected() instanceof Pick.Chosen c ? q.choices().get(c.choice())
              .text() : String.valueOf(((Pick.Number) q.expected()).value());
          assertTrue(v.isRight(q.expected()), file.getFileName() + ": '" + q.prompt()
              + "' states " + stated + "; the run: " + v.reason());
          // A question's answer is decided only once it has been asked.
          assertTrue(v.step() >= q.step(), file + ": '" + q.prompt() + "' is decided at step "
              + v.step() + ", before it is asked at step " + q.step());
        }
      }));
    }
    return tests.stream();
  }

  @Test
  void atLeastFifteenDemosAskQuestions() throws Exception {
    int asking = 0;
    for (Path file : files()) {
      asking += ScenarioReader.read(file).questions().isEmpty() ? 0 : 1;
    }
    assertTrue(asking >= 15, asking + " demos ask questions");
  }

  /**
   * A demo opened from the repository's folder ({@code open scenarios/plateau.yaml}) is known
   * as the built-in demo by comparing the two (the app keeps its answers under the demo's
   * name): reading must give equal scenarios.
   */
  @Test
  void aShippedFileReadsEqualToItsBuiltInDemo() throws Exception {
    for (Path file : files()) {
      assertTrue(ScenarioReader.read(file).equals(BuiltInScenarios.read(file.getFileName()
          .toString())), file.toString());
    }
  }
}
