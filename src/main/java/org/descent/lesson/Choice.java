package org.descent.lesson;

import org.descent.function.Vec2;

/**
 * One answer a question offers, as the button shows it.
 *
 * @param text what the button says, as written in the file
 * @param card for a question about cards, the index of the card (optimizer) it names among
 *     the scenario's optimizers; −1 otherwise
 * @param point for a question about where a run ends, the point the text names; null
 *     otherwise
 */
public record Choice(String text, int card, Vec2 point) {

  public Choice {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a choice needs a text");
    }
  }

  /** A choice that names a card. */
  public static Choice card(String text, int card) {
    return new Choice(text, card, null);
  }

  /** A choice that names a point of the plane. */
  public static Choice point(String text, Vec2 point) {
    return new Choice(text, -1, point);
  }

  /** A plain answer ("yes", "no"). */
  public static Choice plain(String text) {
    return new Choice(text, -1, null);
  }
}
