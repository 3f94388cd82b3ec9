package org.descent.app.analysis;

import java.awt.Graphics2D;
import org.descent.analysis.QuadraticStability;
import org.descent.app.analysis.AnalysisView.StabilityResult;
import org.descent.function.Landscape;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;
import org.descent.picture.AnalysisPlot;
import org.descent.picture.Look;
import org.descent.picture.Numbers;
import org.descent.picture.StabilityPicture;
import org.descent.trace.Trace;

/**
 * The stability of the local quadratic model at the chosen card's iterate: the eigenvalues of
 * H, the bound 2/λmax, the rate predicted for the card's learning rate against the rate the
 * run shows.
 */
final class StabilityAnalysis implements Analysis<StabilityResult> {

  @Override
  public boolean followsStep() {
    return true;
  }

  @Override
  public Plan<StabilityResult> plan(AnalysisInput in) {
    Landscape l = in.landscape();
    Trace trace = in.chosen().trace();
    int k = trace == null ? 0 : Math.min(in.currentStep(), trace.lastStep());
    double[] theta = trace == null ? in.startPoint() : trace.iterate(k);
    QuadraticStability q = QuadraticStability.at(l.formula().objective(), theta[0], theta[1]);
    OptimizerSpec spec = in.chosen().spec();
    double lr = spec.type().params().contains(Param.LR) ? spec.get(Param.LR) : Double.NaN;
    double alpha = spec.type().params().contains(Param.MOMENTUM) ? spec.get(Param.MOMENTUM)
        : Double.NaN;
    double observed = trace == null ? Double.NaN : observedRate(l, trace, k);
    String where = spec.label() + " at step " + k + ", θ = (" + Numbers.format(theta[0]) + ", "
        + Numbers.format(theta[1]) + ")";
    String hint = Double.isNaN(lr) ? spec.type().displayName() + " has no learning rate: the "
        + "numbers are for gradient descent at ε = 2/(λmin + λmax)"
        : "step the playback to move the point; press another card to analyse it";
    if (Double.isNaN(lr)) {
      lr = q.positiveDefinite() ? q.optimalLearningRate() : 0.01;
    }
    return Plan.ready(hint, new StabilityResult(new StabilityPicture(q, where, spec.label(), lr,
        alpha, observed)));
  }

  @Override
  public AnalysisPlot[] draw(StabilityResult r, Marks marks, Graphics2D g, Look look, int w,
      int h) {
    return new AnalysisPlot[] {r.picture().draw(g, look, w, h)};
  }

  /** The rate of the last 20 steps up to k, measured as distances to the nearest minimum. */
  static double observedRate(Landscape l, Trace t, int k) {
    int from = Math.max(0, k - 20);
    if (k - from < 2 || l.minima().isEmpty()) {
      return Double.NaN;
    }
    double[] d = new double[k - from + 1];
    for (int i = from; i <= k; i++) {
      d[i - from] = l.distanceToNearestMinimum(t.x(i), t.y(i));
    }
    if (!(d[0] > 1e-12) || !(d[d.length - 1] > 1e-12)) {
      return Double.NaN;
    }
    return QuadraticStability.observedRate(d, d.length - 1);
  }
}
