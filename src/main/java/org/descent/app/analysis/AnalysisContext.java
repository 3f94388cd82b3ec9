package org.descent.app.analysis;

import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.descent.app.model.OptimizerEntry;

/** What the column lends its analyses. Use on the JavaFX thread. */
final class AnalysisContext {

  private final Predicate<OptimizerEntry> isCard;
  private final DoubleSupplier scale;
  private final Runnable recompute;

  AnalysisContext(Predicate<OptimizerEntry> isCard, DoubleSupplier scale, Runnable recompute) {
    this.isCard = isCard;
    this.scale = scale;
    this.recompute = recompute;
  }

  /** Whether the card is still in the race: a result may outlive a card removed since. */
  boolean isCard(OptimizerEntry entry) {
    return isCard.test(entry);
  }

  /** The screen's scale, for how near a click must come to a point. */
  double scale() {
    return scale.getAsDouble();
  }

  /** Computes the analysis again at once: one of its own controls moved. */
  void recompute() {
    recompute.run();
  }
}
