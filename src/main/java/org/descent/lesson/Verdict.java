package org.descent.lesson;

import java.util.Set;

/**
 * How the run answered a question.
 *
 * @param step the step at which the run has decided it (the answer may be shown once the
 *     playback reaches it): where the first card crossed, where a run blew up, or the end
 * @param right the indices of the right choices (several when runs tie; none when no choice
 *     is right, such as "first below" when no card gets there)
 * @param value for a question answered with a number, the run's number (NaN when the run
 *     never gives one: then no guess is right); NaN otherwise
 * @param tolerance how far a guessed number may be from {@code value} and still be right
 * @param reason one line from the run's numbers: "momentum 0.9 reached f − f* < 0.001 at step
 *     41; gradient descent at step 187"
 */
public record Verdict(int step, Set<Integer> right, double value, double tolerance,
    String reason) {

  public Verdict {
    right = Set.copyOf(right);
  }

  /** A verdict on a question with choices. */
  public static Verdict of(int step, Set<Integer> right, String reason) {
    return new Verdict(step, right, Double.NaN, 0, reason);
  }

  /** Whether a pick is right; a skip is never right. */
  public boolean isRight(Pick pick) {
    if (pick instanceof Pick.Chosen c) {
      return right.contains(c.choice());
    }
    if (pick instanceof Pick.Number n) {
      return Double.isFinite(value) && Math.abs(n.value() - value) <= tolerance;
    }
    return false;
  }
}
