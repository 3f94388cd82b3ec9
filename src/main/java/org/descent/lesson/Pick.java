package org.descent.lesson;

/** What a student answered to one question. */
public sealed interface Pick {

  /** One of the question's choices, by its index. */
  record Chosen(int choice) implements Pick {}

  /** A number typed in (a question answered with a number). */
  record Number(double value) implements Pick {
    public Number {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a guess must be a finite number, got " + value);
      }
    }
  }

  /** No answer: the question was passed over to watch the run (Esc, Page Down). */
  record Skipped() implements Pick {}

  /** Whether a student answered at all (a skip is not an answer to remember). */
  default boolean answered() {
    return !(this instanceof Skipped);
  }
}
