package org.descent.app.analysis;

import java.awt.Graphics2D;
import java.util.Arrays;
import java.util.List;
import org.descent.app.analysis.AnalysisView.SweepResult;
import org.descent.app.model.OptimizerEntry;
import org.descent.optim.Param;
import org.descent.picture.AnalysisPlot;
import org.descent.picture.Look;
import org.descent.picture.SweepPicture;

/**
 * The picture of a learning-rate sweep, on the landscape or on the network: final loss against
 * the rate, one curve per card with a triangle at the card's own rate; a click on a point sets
 * that rate on the point's card.
 */
abstract class SweepAnalysis implements Analysis<SweepResult> {

  private final AnalysisContext context;

  SweepAnalysis(AnalysisContext context) {
    this.context = context;
  }

  /** Each curve's card's rate now: a click or a slider moves its triangle. */
  @Override
  public Marks marks(SweepResult s) {
    double[] v = new double[s.entries().size()];
    for (int i = 0; i < v.length; i++) {
      OptimizerEntry e = s.entries().get(i);
      v[i] = !context.isCard(e) ? Double.NaN
          : s.network() ? e.effectiveNetworkRate() : e.spec().get(Param.LR);
    }
    return new Marks(v, null);
  }

  @Override
  public AnalysisPlot[] draw(SweepResult s, Marks marks, Graphics2D g, Look look, int w, int h) {
    List<Double> cards = marks.values() == null ? List.of()
        : Arrays.stream(marks.values()).boxed().toList();
    return new AnalysisPlot[] {s.network()
        ? SweepPicture.draw(g, look, w, h, s.sweep(), s.argb(), Double.NaN, "the network, "
            + s.steps() + " full-batch steps from its initial weights", "final training loss",
            cards)
        : SweepPicture.draw(g, look, w, h, s.sweep(), s.argb(), s.target(), s.steps(), cards)};
  }

  /** The nearest finite point within reach of the pointer sets its rate on its card. */
  @Override
  public boolean click(SweepResult s, AnalysisPlot[] plots, double x, double y) {
    AnalysisPlot plot = plots[0];
    double best = 14 * context.scale();
    boolean log = SweepPicture.logLoss(s.sweep(), s.target());
    int curve = -1;
    int at = -1;
    for (int c = 0; c < s.sweep().curves().size(); c++) {
      var outcomes = s.sweep().curves().get(c).outcomes();
      for (int i = 0; i < outcomes.size(); i++) {
        var o = outcomes.get(i);
        if (o.diverged() || !Double.isFinite(o.finalLoss())) {
          continue;
        }
        double sx = plot.screenX(s.sweep().axis().value(i));
        double sy = plot.screenY(SweepPicture.plotted(o, s.target(), log));
        double dist = Math.hypot(sx - x, sy - y);
        if (dist < best) {
          best = dist;
          curve = c;
          at = i;
        }
      }
    }
    if (curve < 0 || curve >= s.entries().size()) {
      return false;
    }
    OptimizerEntry e = s.entries().get(curve);
    double lr = SpecValues.rounded(Param.LR,
        s.sweep().curves().get(curve).specs().get(at).get(Param.LR));
    if (!context.isCard(e)) {
      return false;
    }
    if (s.network()) {
      e.networkRateProperty().set(lr);
    } else {
      e.setSpec(e.spec().with(Param.LR, lr));
    }
    return true;
  }
}
