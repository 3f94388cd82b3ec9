package org.descent.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.descent.function.Vec2;
import org.descent.lesson.Choice;
import org.descent.lesson.Pick;
import org.descent.lesson.Question;
import org.descent.lesson.Rule;
import org.descent.optim.OptimizerSpec;

/**
 * Reads a scenario's {@code questions:} (format: docs/scenarios.md, "Questions"): what a demo
 * asks before it shows the answer, and the rule by which the run decides it. Strict like the
 * rest of the file: an unknown key or rule, a key the rule does not take, a card that is not
 * in the race, an answer that is not a choice, each named with its line and field.
 */
final class QuestionReader {

  /** At most this many questions in a demo: a lecture asks a few, not a quiz of hundreds. */
  static final int MAX_QUESTIONS = 50;
  /** The longest prompt: it is shown large, over the landscape. */
  static final int MAX_PROMPT = 300;

  static final Set<String> KEYS = new LinkedHashSet<>(List.of("ask", "at", "rule", "choices",
      "answer", "card", "gap", "tolerance"));
  private static final String COMMON = "ask, at, rule, choices and answer";

  // A point written inside a choice's text: "(3, 2)", "top right (-2.81, 3.13)".
  private static final String NUMBER = "[-+−]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?";
  private static final Pattern POINT = Pattern.compile("\\(\\s*(" + NUMBER + ")\\s*,\\s*("
      + NUMBER + ")\\s*\\)");

  private QuestionReader() {}

  /**
   * @param hidden per optimizer whether it is hidden: the default choices are the cards shown
   * @param fstar the f* of f − f*, NaN when the function has none known
   */
  static List<Question> read(YamlField f, List<OptimizerSpec> optimizers, List<Boolean> hidden,
      int steps, double fstar) throws ScenarioException {
    List<YamlField> items = f.list();
    if (items.isEmpty()) {
      throw f.error("the list is empty; add a question or leave 'questions' out");
    }
    if (items.size() > MAX_QUESTIONS) {
      throw f.error("too many questions: " + items.size() + "; at most " + MAX_QUESTIONS);
    }
    List<Question> out = new ArrayList<>();
    for (YamlField item : items) {
      out.add(question(item, optimizers, hidden, steps, fstar));
    }
    return out;
  }

  private static Question question(YamlField item, List<OptimizerSpec> optimizers,
      List<Boolean> hidden, int steps, double fstar) throws ScenarioException {
    Map<String, YamlField> m = item.mapping(KEYS, key -> "unknown key '" + key
        + "'; a question takes " + COMMON + ", and card, gap or tolerance as its rule asks");
    if (!m.containsKey("ask")) {
      throw item.error("missing 'ask': the question to show, e.g. ask: Which one gets "
          + "there first?");
    }
    String prompt = m.get("ask").string(MAX_PROMPT).trim();
    if (prompt.isEmpty()) {
      throw m.get("ask").error("the question is empty");
    }
    int at = 0;
    if (m.containsKey("at")) {
      long v = m.get("at").integer();
      if (v < 0 || v >= steps) {
        throw m.get("at").error("at must be a step from 0 to " + (steps - 1)
            + " (before the last step), got " + v);
      }
      at = (int) v;
    }
    if (!m.containsKey("rule")) {
      throw item.error("missing 'rule': how the run decides it; expected one of "
          + String.join(", ", Rule.KEYS));
    }
    YamlField ruleField = m.get("rule");
    String name = ruleField.string().trim();
    if (!Rule.KEYS.contains(name)) {
      throw ruleField.error("unknown rule '" + name + "'; expected one of "
          + String.join(", ", Rule.KEYS));
    }
    Set<String> takes = switch (name) {
      case "first-below" -> Set.of("gap");
      case "diverges", "ends-nearest" -> Set.of("card");
      case "step-below" -> Set.of("card", "gap", "tolerance");
      default -> Set.of();
    };
    for (String key : List.of("card", "gap", "tolerance")) {
      if (m.containsKey(key) && !takes.contains(key)) {
        throw m.get(key).error(key + " is not a key of the rule " + name + "; it takes "
            + COMMON + (takes.isEmpty() ? "" : ", and " + String.join(", ", sorted(takes))));
      }
    }
    for (String key : sorted(takes)) {
      if (!m.containsKey(key)) {
        throw item.error("the rule " + name + " needs '" + key + "': " + switch (key) {
          case "gap" -> "f − f* must fall below it, e.g. gap: 1e-3";
          case "card" -> "the label of the card it is about";
          default -> "how many steps a guess may be off and still count, e.g. tolerance: 10";
        });
      }
    }
    if ((name.equals("first-below") || name.equals("step-below")) && Double.isNaN(fstar)) {
      throw ruleField.error(name + " measures f − f*, and this function has no known minimum; "
          + "give chart.fstar");
    }
    int card = m.containsKey("card") ? card(m.get("card"), optimizers) : -1;
    double gap = m.containsKey("gap") ? gap(m.get("gap")) : Double.NaN;
    Rule rule = switch (name) {
      case "first-below" -> new Rule.FirstBelow(gap);
      case "first-to-diverge" -> new Rule.FirstToDiverge();
      case "diverges" -> new Rule.Diverges(card);
      case "lowest-at-end" -> new Rule.LowestAtEnd();
      case "ends-nearest" -> new Rule.EndsNearest(card);
      default -> new Rule.StepBelow(card, gap, tolerance(m.get("tolerance")));
    };
    List<Choice> choices = choices(m.get("choices"), rule, ruleField, optimizers, hidden);
    Pick expected = m.containsKey("answer") ? answer(m.get("answer"), rule, choices) : null;
    try {
      return new Question(prompt, at, choices, rule, expected);
    } catch (IllegalArgumentException e) {
      throw item.error(e.getMessage());
    }
  }

  private static List<Choice> choices(YamlField f, Rule rule, YamlField ruleField,
      List<OptimizerSpec> optimizers, List<Boolean> hidden) throws ScenarioException {
    switch (rule.kind()) {
      case YES_NO:
      case NUMBER:
        if (f != null) {
          throw f.error("the rule " + rule.key() + " is answered "
              + (rule.kind() == Rule.Kind.NUMBER ? "with a number" : "yes or no")
              + "; it takes no choices");
        }
        return rule.kind() == Rule.Kind.NUMBER ? List.of()
            : List.of(Choice.plain("yes"), Choice.plain("no"));
      case CARDS:
        if (f == null) {
          // By default every card shown on the map.
          List<Choice> all = new ArrayList<>();
          for (int i = 0; i < optimizers.size(); i++) {
            if (!hidden.get(i)) {
              all.add(Choice.card(optimizers.get(i).label(), i));
            }
          }
          if (all.size() < 2 || all.size() > Question.MAX_CHOICES) {
            throw ruleField.error("the demo shows " + all.size() + " cards; give 'choices', 2 to "
                + Question.MAX_CHOICES + " of them");
          }
          return all;
        }
        break;
      default:
        if (f == null) {
          throw ruleField.error("the rule " + rule.key() + " needs 'choices': points, each "
              + "written in its text, e.g. [\"(3, 2)\", \"(-2.81, 3.13)\"]");
        }
    }
    List<YamlField> items = f.list();
    if (items.size() < 2 || items.size() > Question.MAX_CHOICES) {
      throw f.error(items.size() + (items.size() == 1 ? " choice" : " choices")
          + "; a question offers 2 to " + Question.MAX_CHOICES);
    }
    List<Choice> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlField item : items) {
      String text = item.string(ScenarioReader.MAX_LABEL).trim();
      if (text.isEmpty()) {
        throw item.error("the choice is empty");
      }
      if (!seen.add(text)) {
        throw item.error("'" + text + "' is listed twice");
      }
      if (rule.kind() == Rule.Kind.CARDS) {
        out.add(Choice.card(text, card(item, optimizers)));
      } else {
        Matcher p = POINT.matcher(text);
        if (!p.find()) {
          throw item.error("'" + text + "' names no point; write the point in the text, e.g. "
              + "\"top right (3, 2)\"");
        }
        out.add(Choice.point(text, new Vec2(coordinate(p.group(1)), coordinate(p.group(2)))));
      }
    }
    return out;
  }

  private static double coordinate(String s) {
    return Double.parseDouble(s.replace('−', '-'));
  }

  /** The index of the card labelled as the field says. */
  private static int card(YamlField f, List<OptimizerSpec> optimizers)
      throws ScenarioException {
    String label = f.string().trim();
    for (int i = 0; i < optimizers.size(); i++) {
      if (optimizers.get(i).label().equals(label)) {
        return i;
      }
    }
    throw f.error("no optimizer is labelled '" + label + "'; expected one of "
        + String.join(", ", optimizers.stream().map(OptimizerSpec::label).toList()));
  }

  private static double gap(YamlField f) throws ScenarioException {
    double v = f.number();
    if (!(v > 0)) {
      throw f.error("gap must be a positive number, got " + f.string().trim());
    }
    return v;
  }

  private static double tolerance(YamlField f) throws ScenarioException {
    double v = f.number();
    if (v < 0) {
      throw f.error("tolerance must be zero or more steps, got " + f.string().trim());
    }
    return v;
  }

  private static Pick answer(YamlField f, Rule rule, List<Choice> choices)
      throws ScenarioException {
    if (rule.kind() == Rule.Kind.NUMBER) {
      return new Pick.Number(f.number());
    }
    String text = f.string().trim();
    for (int i = 0; i < choices.size(); i++) {
      if (choices.get(i).text().equals(text)) {
        return new Pick.Chosen(i);
      }
    }
    throw f.error("'" + text + "' is not one of the choices: " + String.join(", ",
        choices.stream().map(Choice::text).toList()));
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted(java.util.Comparator.comparingInt(
        k -> List.copyOf(KEYS).indexOf(k))).toList();
  }
}
