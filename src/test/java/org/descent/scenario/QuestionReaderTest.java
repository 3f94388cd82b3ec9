package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.descent.function.Vec2;
import org.descent.lesson.Choice;
import org.descent.lesson.Pick;
import org.descent.lesson.Question;
import org.descent.lesson.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A demo's {@code questions:} read into questions, written and read back, and each kind of
 * mistake refused with the file, the line, the field and what is wrong.
 */
class QuestionReaderTest {

  /** A race of three cards on a quadratic (f* = 0), with a hidden fourth. */
  private static final String HEAD = """
      function: {name: quadratic, params: {lambda1: 1, lambda2: 10}}
      start: [-2.8, 1.2]
      steps: 100
      optimizers:
        - {type: sgd, label: slow, lr: 0.01}
        - {type: sgd, label: fast, lr: 0.1}
        - {type: momentum, label: "momentum 0.9, lr 0.01", lr: 0.01}
        - {type: sgd, label: hidden, lr: 0.05, visible: false}
      """;

  private static Scenario read(String questions) throws ScenarioException {
    return ScenarioReader.read(HEAD + questions, "q.yaml");
  }

  private static String problem(String questions) {
    return assertThrows(ScenarioException.class, () -> read(questions)).getMessage();
  }

  @Test
  void everyRuleIsReadWithItsChoicesAndAnswer() throws ScenarioException {
    Scenario s = read("""
        questions:
          - ask: Which one gets there first?
            rule: first-below
            gap: 1e-3
            choices: [slow, fast]
            answer: fast
          - ask: Which blows up?
            at: 10
            rule: first-to-diverge
          - ask: Does slow blow up?
            rule: diverges
            card: slow
            answer: "no"
          - ask: Lowest at the end?
            rule: lowest-at-end
            answer: "momentum 0.9, lr 0.01"
          - ask: Where does fast end?
            rule: ends-nearest
            card: fast
            choices: ["the minimum (0, 0)", "far away (2.5, −1e1)"]
            answer: "the minimum (0, 0)"
          - ask: At which step?
            rule: step-below
            card: "momentum 0.9, lr 0.01"
            gap: 0.01
            tolerance: 5
            answer: 40
        """);
    List<Question> q = s.questions();
    assertEquals(6, q.size());
    assertEquals(new Question("Which one gets there first?", 0,
        List.of(Choice.card("slow", 0), Choice.card("fast", 1)), new Rule.FirstBelow(1e-3),
        new Pick.Chosen(1)), q.get(0));
    // Without choices, the cards shown on the map (not the hidden one).
    assertEquals(new Question("Which blows up?", 10, List.of(Choice.card("slow", 0),
        Choice.card("fast", 1), Choice.card("momentum 0.9, lr 0.01", 2)),
        new Rule.FirstToDiverge(), null), q.get(1));
    assertEquals(new Question("Does slow blow up?", 0, List.of(Choice.plain("yes"),
        Choice.plain("no")), new Rule.Diverges(0), new Pick.Chosen(1)), q.get(2));
    assertEquals(new Pick.Chosen(2), q.get(3).expected());
    assertEquals(List.of(Choice.point("the minimum (0, 0)", new Vec2(0, 0)),
        Choice.point("far away (2.5, −1e1)", new Vec2(2.5, -10))), q.get(4).choices());
    assertEquals(new Rule.EndsNearest(1), q.get(4).rule());
    assertEquals(new Question("At which step?", 0, List.of(), new Rule.StepBelow(2, 0.01, 5),
        new Pick.Number(40)), q.get(5));
    // Written and read back: the same questions.
    assertEquals(s, ScenarioReader.read(ScenarioWriter.write(s), "w.yaml"));
  }

  @Test
  void aScenarioWithoutQuestionsHasNone() throws ScenarioException {
    assertEquals(List.of(), ScenarioReader.read(HEAD, "q.yaml").questions());
    assertNull(read("questions:\n  - {ask: a, rule: lowest-at-end}\n").questions().get(0)
        .expected());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not a list      | questions: {ask: a}
      empty           | questions: []
      unknown key     | questions:\\n  - {ask: a, rule: lowest-at-end, hint: b}
      no ask          | questions:\\n  - {rule: lowest-at-end}
      empty ask       | questions:\\n  - {ask: ' ', rule: lowest-at-end}
      no rule         | questions:\\n  - {ask: a}
      unknown rule    | questions:\\n  - {ask: a, rule: fastest}
      key of no rule  | questions:\\n  - {ask: a, rule: lowest-at-end, gap: 1}
      missing gap     | questions:\\n  - {ask: a, rule: first-below}
      bad gap         | questions:\\n  - {ask: a, rule: first-below, gap: -1}
      missing card    | questions:\\n  - {ask: a, rule: diverges}
      unknown card    | questions:\\n  - {ask: a, rule: diverges, card: adam}
      missing tol     | questions:\\n  - {ask: a, rule: step-below, card: slow, gap: 1}
      bad tol         | questions:\\n  - {ask: a, rule: step-below, card: slow, gap: 1, tolerance: -2}
      at too late    | questions:\\n  - {ask: a, at: 100, rule: lowest-at-end}
      at negative     | questions:\\n  - {ask: a, at: -1, rule: lowest-at-end}
      choice no card  | questions:\\n  - {ask: a, rule: lowest-at-end, choices: [slow, adam]}
      choice twice    | questions:\\n  - {ask: a, rule: lowest-at-end, choices: [slow, slow]}
      one choice      | questions:\\n  - {ask: a, rule: lowest-at-end, choices: [slow]}
      yes-no choices  | questions:\\n  - {ask: a, rule: diverges, card: slow, choices: [yes, no]}
      number choices  | questions:\\n  - {ask: a, rule: step-below, card: slow, gap: 1, tolerance: 1, choices: [a, b]}
      no points       | questions:\\n  - {ask: a, rule: ends-nearest, card: slow}
      not a point     | questions:\\n  - {ask: a, rule: ends-nearest, card: slow, choices: ['(0, 0)', top right]}
      answer no choice| questions:\\n  - {ask: a, rule: lowest-at-end, answer: adam}
      yes-no answer   | questions:\\n  - {ask: a, rule: diverges, card: slow, answer: maybe}
      number answer   | questions:\\n  - {ask: a, rule: step-below, card: slow, gap: 1, tolerance: 1, answer: soon}
      """)
  void eachMistakeIsNamedWithItsLineAndField(String name, String yaml) {
    String expected = switch (name.trim()) {
      case "not a list" -> "q.yaml:9: questions: expected a list, got a mapping";
      case "empty" -> "q.yaml:9: questions: the list is empty; add a question or leave "
          + "'questions' out";
      case "unknown key" -> "q.yaml:10: questions[0].hint: unknown key 'hint'; a question "
          + "takes ask, at, rule, choices and answer, and card, gap or tolerance as its rule "
          + "asks";
      case "no ask" -> "q.yaml:10: questions[0]: missing 'ask': the question to show, e.g. "
          + "ask: Which one gets there first?";
      case "empty ask" -> "q.yaml:10: questions[0].ask: the question is empty";
      case "no rule" -> "q.yaml:10: questions[0]: missing 'rule': how the run decides it; "
          + "expected one of first-below, first-to-diverge, diverges, lowest-at-end, "
          + "ends-nearest, step-below";
      case "unknown rule" -> "q.yaml:10: questions[0].rule: unknown rule 'fastest'; expected "
          + "one of first-below, first-to-diverge, diverges, lowest-at-end, ends-nearest, "
          + "step-below";
      case "key of no rule" -> "q.yaml:10: questions[0].gap: gap is not a key of the rule "
          + "lowest-at-end; it takes ask, at, rule, choices and answer";
      case "missing gap" -> "q.yaml:10: questions[0]: the rule first-below needs 'gap': "
          + "f − f* must fall below it, e.g. gap: 1e-3";
      case "bad gap" -> "q.yaml:10: questions[0].gap: gap must be a positive number, got -1";
      case "missing card" -> "q.yaml:10: questions[0]: the rule diverges needs 'card': the "
          + "label of the card it is about";
      case "unknown card" -> "q.yaml:10: questions[0].card: no optimizer is labelled 'adam'; "
          + "expected one of slow, fast, momentum 0.9, lr 0.01, hidden";
      case "missing tol" -> "q.yaml:10: questions[0]: the rule step-below needs 'tolerance': "
          + "how many steps a guess may be off and still count, e.g. tolerance: 10";
      case "bad tol" -> "q.yaml:10: questions[0].tolerance: tolerance must be zero or more "
          + "steps, got -2";
      case "at too late" -> "q.yaml:10: questions[0].at: at must be a step from 0 to 99 "
          + "(before the last step), got 100";
      case "at negative" -> "q.yaml:10: questions[0].at: at must be a step from 0 to 99 "
          + "(before the last step), got -1";
      case "choice no card" -> "q.yaml:10: questions[0].choices[1]: no optimizer is labelled "
          + "'adam'; expected one of slow, fast, momentum 0.9, lr 0.01, hidden";
      case "choice twice" -> "q.yaml:10: questions[0].choices[1]: 'slow' is listed twice";
      case "one choice" -> "q.yaml:10: questions[0].choices: 1 choice; a question offers 2 "
          + "to 9";
      case "yes-no choices" -> "q.yaml:10: questions[0].choices: the rule diverges is "
          + "answered yes or no; it takes no choices";
      case "number choices" -> "q.yaml:10: questions[0].choices: the rule step-below is "
          + "answered with a number; it takes no choices";
      case "no points" -> "q.yaml:10: questions[0].rule: the rule ends-nearest needs "
          + "'choices': points, each written in its text, e.g. [\"(3, 2)\", \"(-2.81, 3.13)\"]";
      case "not a point" -> "q.yaml:10: questions[0].choices[1]: 'top right' names no point; "
          + "write the point in the text, e.g. \"top right (3, 2)\"";
      case "answer no choice" -> "q.yaml:10: questions[0].answer: 'adam' is not one of the "
          + "choices: slow, fast, momentum 0.9, lr 0.01";
      case "yes-no answer" -> "q.yaml:10: questions[0].answer: 'maybe' is not one of the "
          + "choices: yes, no";
      case "number answer" -> "q.yaml:10: questions[0].answer: expected a number, got 'soon'";
      default -> throw new AssertionError(name);
    };
    assertEquals(expected, problem(yaml.replace("\\n", "\n") + "\n"));
  }

  @Test
  void firstBelowNeedsAKnownMinimum() {
    String saddle = """
        function: saddle
        optimizers:
          - {type: sgd, label: a}
          - {type: sgd, label: b, lr: 0.1}
        questions:
          - {ask: which first, rule: first-below, gap: 0.1}
        """;
    assertEquals("s.yaml:6: questions[0].rule: first-below measures f − f*, and this "
        + "function has no known minimum; give chart.fstar",
        assertThrows(ScenarioException.class, () -> ScenarioReader.read(saddle, "s.yaml"))
            .getMessage());
  }

  @Test
  void tooManyQuestionsAreRefused() {
    StringBuilder sb = new StringBuilder("questions:\n");
    for (int i = 0; i <= QuestionReader.MAX_QUESTIONS; i++) {
      sb.append("  - {ask: q").append(i).append(", rule: lowest-at-end}\n");
    }
    assertEquals("q.yaml:10: questions: too many questions: 51; at most 50",
        problem(sb.toString()));
  }
}
