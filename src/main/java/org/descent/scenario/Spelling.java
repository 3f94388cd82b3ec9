package org.descent.scenario;

import java.util.Collection;
import java.util.Optional;

/**
 * The known name a misspelt one was probably meant to be, for "did you mean" in messages: the
 * one fewest edits away (insertions, deletions, substitutions), if that is close enough to be
 * a slip of the fingers rather than another name.
 */
final class Spelling {

  private Spelling() {}

  /**
   * The closest of {@code known} to {@code typed}: within a third of its length in edits (at
   * least 2), or one that contains it or that it contains ("ravine" for "momentum-ravine").
   */
  static Optional<String> closest(String typed, Collection<String> known) {
    String t = typed.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    int allowed = Math.max(2, t.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      String lower = k.toLowerCase(java.util.Locale.ROOT);
      int d = distance(t, lower);
      // A part of a name counts as close: its distance is what the missing letters cost.
      boolean part = t.length() >= 4 && (lower.contains(t) || t.contains(lower));
      if ((d <= allowed || part) && d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein's edit distance, two rows at a time. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
