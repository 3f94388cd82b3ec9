package org.descent.app.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Consumer;
import org.descent.analysis.AnalysisListener;
import org.descent.analysis.LearningRateTuner;
import org.descent.app.model.OptimizerEntry;
import org.descent.function.FormulaObjective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;
import org.descent.picture.Numbers;

/**
 * Tunes every visible card's learning rate on the current function and start, one card after
 * the other on the workers, and sets the rates found. It has a runner of its own: an analysis
 * recomputed must never cancel it. Use on the JavaFX thread.
 */
final class RateTuner {

  private final AnalysisRunner runner;
  private final AnalysisContext context;
  private final Consumer<String> say;
  private String lastTuned = "";

  /** The learning rates found, one per card. */
  private record Tuned(List<OptimizerEntry> entries, double[] rates) {}

  /** @param say where what was set is said */
  RateTuner(AnalysisRunner runner, AnalysisContext context, Consumer<String> say) {
    this.runner = runner;
    this.context = context;
    this.say = say;
  }

  AnalysisRunner runner() {
    return runner;
  }

  /** What the last tuning set, or "". */
  String lastTuned() {
    return lastTuned;
  }

  void tune(AnalysisInput in) {
    List<AnalysisInput.Card> cards = in.visibleCards().stream()
        .filter(c -> c.spec().type().params().contains(Param.LR)).toList();
    if (cards.isEmpty()) {
      say.accept("no card has a learning rate to tune");
      return;
    }
    List<OptimizerEntry> entries = cards.stream().map(AnalysisInput.Card::entry).toList();
    List<OptimizerSpec> specs = cards.stream().map(AnalysisInput.Card::spec).toList();
    FormulaObjective f = in.landscape().formula().objective();
    double[] s = in.startPoint();
    int steps = in.steps();
    double noise = in.noise();
    long seed = in.seed();
    runner.start("tuning " + entries.size() + " learning rates", (w, c, listener) -> {
      double[] rates = new double[specs.size()];
      for (int i = 0; i < specs.size(); i++) {
        int at = i;
        var r = LearningRateTuner.Request.finalLoss(f, s, specs.get(i), steps, noise, seed, 1e-5,
            10);
        var found = LearningRateTuner.tune(r, w, c, new AnalysisListener<>() {
          @Override
          public void progress(double fraction) {
            listener.progress((at + fraction) / specs.size());
          }
        });
        rates[i] = found.bestRate();
      }
      listener.pass(new Tuned(entries, rates));
    }, this::apply);
  }

  private void apply(Tuned t) {
    StringBuilder said = new StringBuilder("tuned: ");
    for (int i = 0; i < t.entries().size(); i++) {
      OptimizerEntry e = t.entries().get(i);
      if (!context.isCard(e) || !(t.rates()[i] > 0)) {
        continue;
      }
      double was = e.spec().get(Param.LR);
      // Three digits, rounded down: the best rate of gradient descent sits just under the
      // bound where it diverges, and must not be rounded over it.
      double now = new BigDecimal(t.rates()[i]).round(new MathContext(3, RoundingMode.DOWN))
          .doubleValue();
      e.setSpec(e.spec().with(Param.LR, now));
      said.append(i == 0 ? "" : ";  ").append(e.spec().type().displayName()).append(" ε = ")
          .append(Numbers.format(now)).append(" (was ").append(Numbers.format(was)).append(")");
    }
    lastTuned = said.toString();
    say.accept(lastTuned);
  }
}
