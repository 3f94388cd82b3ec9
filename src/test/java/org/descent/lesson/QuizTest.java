package org.descent.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The questions of a demo and what was picked: which is asked next, how far one may play. */
class QuizTest {

  private static Question at(int step, String prompt) {
    return new Question(prompt, step, List.of(Choice.card("a", 0), Choice.card("b", 1)),
        new Rule.LowestAtEnd(), null);
  }

  @Test
  void questionsAreAskedByStepThenInFileOrderAndHoldThePlaybackAtTheirStep() {
    Quiz q = Quiz.of(List.of(at(50, "later"), at(0, "first"), at(0, "second")));
    assertEquals(1, q.next());
    assertEquals(0, q.gate());
    q = q.pick(1, new Pick.Chosen(0));
    assertEquals(2, q.next());
    assertEquals(0, q.gate());
    q = q.pick(2, new Pick.Skipped());
    assertEquals(0, q.next());
    assertEquals(50, q.gate());
    assertFalse(q.allAnswered(), "a pass is not an answer");
    q = q.pick(0, new Pick.Chosen(1));
    assertEquals(-1, q.next());
    assertEquals(Integer.MAX_VALUE, q.gate());
  }

  @Test
  void allAnsweredWhenEveryQuestionHasAPick() {
    Quiz q = Quiz.of(List.of(at(0, "one"))).pick(0, new Pick.Chosen(0));
    assertTrue(q.allAnswered());
    assertFalse(Quiz.NONE.allAnswered());
    assertEquals(Integer.MAX_VALUE, Quiz.NONE.gate());
  }
}
