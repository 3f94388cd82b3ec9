package org.descent.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;

/** Computes sweeps in parallel: every (optimizer, value) run is one block of work. */
public final class Sweeps {

  private Sweeps() {}

  /**
   * @throws CancellationException when cancelled before the end
   */
  public static Sweep compute(SweepRequest r, Workers workers, Cancellation cancel,
      AnalysisListener<Sweep> listener) {
    List<OptimizerSpec> swept = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (OptimizerSpec s : r.optimizers()) {
      if (s.type().params().contains(r.param())) {
        swept.add(s);
      } else {
        skipped.add(s.label());
      }
    }
    int points = r.axis().count();
    OptimizerSpec[][] specs = new OptimizerSpec[swept.size()][points];
    for (int o = 0; o < swept.size(); o++) {
      for (int i = 0; i < points; i++) {
        specs[o][i] = swept.get(o).with(r.param(),
            SweepRequest.value(r.param(), r.axis().value(i)));
      }
    }
    RunOutcome[][] outcomes = new RunOutcome[swept.size()][points];
    double[] start = r.start();
    workers.forEach(swept.size() * points, () -> r.objective().copy(), (f, b) -> {
      int o = b / points;
      int i = b % points;
      outcomes[o][i] = RunOutcome.run(specs[o][i], f, start, r.steps(), r.noise(), r.seed(),
          r.target(), r.tolerance(), cancel);
    }, cancel, listener, 0, 1);
    List<Sweep.Curve> curves = new ArrayList<>();
    for (int o = 0; o < swept.size(); o++) {
      curves.add(new Sweep.Curve(swept.get(o), Arrays.asList(specs[o]),
          Arrays.asList(outcomes[o])));
    }
    Objective f = r.objective().copy();
    double atStart = stableRate(f, start);
    double atMinimum = r.minimum() == null ? Double.NaN : stableRate(f, r.minimum());
    Sweep sweep = new Sweep(r.param(), r.axis(), curves, skipped, atStart, atMinimum);
    listener.pass(sweep);
    return sweep;
  }

  /** On a temporary pool, without cancellation (the command line). */
  public static Sweep compute(SweepRequest r) {
    try (Workers workers = new Workers()) {
      return compute(r, workers, new Cancellation(), AnalysisListener.none());
    }
  }

  /**
   * 2/λmax at θ: from the exact Hessian where there is one; for a network too large for it,
   * from Lanczos on exact Hessian-vector products (the largest eigenvalue to 1e-10 of its
   * size).
   */
  static double stableRate(Objective f, double[] theta) {
    if (!f.hasHessian() && f instanceof org.descent.network.NetworkObjective n) {
      double top = org.descent.network.HessianSpectrum.largest(n, theta, null, 0).largest();
      return top > 0 ? 2 / top : Double.isNaN(top) ? Double.NaN : Double.POSITIVE_INFINITY;
    }
    return QuadraticStability.at(f, theta).maxStableLearningRate();
  }
}
