package org.descent.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A question a demo asks before it shows the answer: "which one gets there first?".
 *
 * @param prompt what is asked, as the overlay shows it
 * @param step the playback step at which it is asked (the playback stops there until it is
 *     answered or passed over)
 * @param choices the answers offered (1 to 9 of them, keys 1..9); empty for a question
 *     answered with a number
 * @param rule how the run decides it
 * @param expected the answer the file states (a choice, or a number), or null when it states
 *     none; the app always decides from the run, the tests check that the two agree
 */
public record Question(String prompt, int step, List<Choice> choices, Rule rule,
    Pick expected) {

  /** At most this many choices: one key each, 1 to 9. */
  public static final int MAX_CHOICES = 9;

  public Question {
    choices = List.copyOf(choices);
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("a question needs a prompt");
    }
    if (step < 0) {
      throw new IllegalArgumentException("the step must not be negative, got " + step);
    }
    boolean number = rule.kind() == Rule.Kind.NUMBER;
    if (number != choices.isEmpty()) {
      throw new IllegalArgumentException(number ? "a question answered with a number has no "
          + "choices" : "a question needs choices");
    }
    if (choices.size() > MAX_CHOICES || (!number && choices.size() < 2)) {
      throw new IllegalArgumentException("2 to " + MAX_CHOICES + " choices, got "
          + choices.size());
    }
    for (Choice c : choices) {
      if ((rule.kind() == Rule.Kind.CARDS) != (c.card() >= 0)
          || (rule.kind() == Rule.Kind.POINTS) != (c.point() != null)) {
        throw new IllegalArgumentException("the choice '" + c.text() + "' does not fit the "
            + "rule " + rule.key());
      }
    }
    if (expected instanceof Pick.Chosen c && (c.choice() < 0 || c.choice() >= choices.size())
        || expected instanceof Pick.Number && !number
        || expected instanceof Pick.Chosen && number || expected instanceof Pick.Skipped) {
      throw new IllegalArgumentException("the stated answer does not fit the question");
    }
  }

  /** Whether it is answered with a number rather than a choice. */
  public boolean numeric() {
    return rule.kind() == Rule.Kind.NUMBER;
  }

  /** How the run answers it. */
  public Verdict decide(Runs runs) {
    return rule.decide(this, runs);
  }

  /**
   * The same question over a new list of cards: {@code newIndex[i]} is where card i went, −1
   * when it was removed. Empty when a card it names is gone (Save then leaves it out).
   */
  public Optional<Question> remapCards(int[] newIndex) {
    List<Choice> moved = new ArrayList<>();
    for (Choice c : choices) {
      if (c.card() < 0) {
        moved.add(c);
        continue;
      }
      int to = c.card() < newIndex.length ? newIndex[c.card()] : -1;
      if (to < 0) {
        return Optional.empty();
      }
      moved.add(Choice.card(c.text(), to));
    }
    Rule r = rule;
    if (rule.card() >= 0) {
      int to = rule.card() < newIndex.length ? newIndex[rule.card()] : -1;
      if (to < 0) {
        return Optional.empty();
      }
      r = rule.withCard(to);
    }
    return Optional.of(new Question(prompt, step, moved, r, expected));
  }
}
