package org.descent.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A demo's questions and what was picked for each (null while a question is open): the one
 * piece of state of "predict, then reveal". Everything else — which question is asked now,
 * how far the playback may go, what the run answered — follows from it, the playback step
 * and the race. Immutable.
 */
public record Quiz(List<Question> questions, List<Pick> picks) {

  /** No questions. */
  public static final Quiz NONE = new Quiz(List.of(), List.of());

  public Quiz {
    questions = List.copyOf(questions);
    picks = Collections.unmodifiableList(new ArrayList<>(picks));
    if (picks.size() != questions.size()) {
      throw new IllegalArgumentException(picks.size() + " picks for " + questions.size()
          + " questions");
    }
  }

  /** The questions, none answered yet. */
  public static Quiz of(List<Question> questions) {
    return new Quiz(questions, Collections.nCopies(questions.size(), null));
  }

  public boolean isEmpty() {
    return questions.isEmpty();
  }

  /**
   * The question asked next: the open one with the earliest step (in file order among
   * equals), or −1 when every question has been answered or passed over.
   */
  public int next() {
    int best = -1;
    for (int i = 0; i < questions.size(); i++) {
      if (picks.get(i) == null
          && (best < 0 || questions.get(i).step() < questions.get(best).step())) {
        best = i;
      }
    }
    return best;
  }

  /**
   * The furthest step the playback may show: the step of the next question (the answer must
   * not be on the wall before it is asked), or {@link Integer#MAX_VALUE} when none is open.
   */
  public int gate() {
    int n = next();
    return n < 0 ? Integer.MAX_VALUE : questions.get(n).step();
  }

  /** The same quiz with question i answered (or passed over). */
  public Quiz pick(int i, Pick pick) {
    List<Pick> p = new ArrayList<>(picks);
    p.set(i, pick);
    return new Quiz(questions, p);
  }

  /** Whether every question has an answer (a pass is not one). */
  public boolean allAnswered() {
    return !questions.isEmpty() && picks.stream().allMatch(p -> p != null && p.answered());
  }
}
