package org.descent.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import org.descent.trace.Trace;

/**
 * What a rule decides from: the race's traces, one per card of the scenario in the scenario's
 * order, with the cards' labels as they are now, the optimal value f* and the race's steps.
 *
 * @param traces one per card; null for a card that is no longer in the race (the app lets a
 *     lecturer remove cards)
 * @param fstar the value f − f* is measured from; NaN when the function has no known minimum
 * @param steps the race's last step: where a question is decided that the run decides only
 *     at its end
 */
public record Runs(List<String> labels, List<Trace> traces, double fstar, int steps) {

  /**
   * A run "blows up" when its loss climbs above its start's by this many times the start's
   * size (at least 1): a thousandfold rise is unmistakable on any chart, and it comes long
   * before a quadratic's loss overflows (1.1 × 2/λmax takes ~25 steps to rise 1000-fold, ~3000
   * to reach infinity).
   */
  public static final double BLOW_UP = 1000;

  public Runs {
    labels = List.copyOf(labels);
    traces = Collections.unmodifiableList(new ArrayList<>(traces));
    if (labels.size() != traces.size()) {
      throw new IllegalArgumentException(labels.size() + " labels for " + traces.size()
          + " traces");
    }
    if (steps < 0) {
      throw new IllegalArgumentException("steps must not be negative, got " + steps);
    }
  }

  /** The trace of card i, or null when the card is not in the race. */
  public Trace trace(int card) {
    return card >= 0 && card < traces.size() ? traces.get(card) : null;
  }

  /** The label of card i. */
  public String label(int card) {
    return labels.get(card);
  }

  /**
   * The first step at which a run's f − f* is below {@code gap}, or empty when it never is
   * (within its finite steps).
   */
  public OptionalInt firstBelow(Trace t, double gap) {
    for (int k = 0; k < t.length(); k++) {
      if (t.loss(k) - fstar < gap) {
        return OptionalInt.of(k);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The step at which a run blows up: where a value stopped being finite (the card's
   * "diverged at step k"), or, if sooner, the first step whose loss rises more than
   * {@link #BLOW_UP} times the start's size above the start's loss. Empty when it does neither.
   */
  public static OptionalInt blowUp(Trace t) {
    int diverged = t.divergedAt().orElse(Integer.MAX_VALUE);
    if (t.length() > 0) {
      double f0 = t.loss(0);
      double limit = f0 + BLOW_UP * Math.max(1, Math.abs(f0));
      for (int k = 1; k < Math.min(t.length(), diverged); k++) {
        if (t.loss(k) > limit) {
          return OptionalInt.of(k);
        }
      }
    }
    return diverged == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(diverged);
  }
}
