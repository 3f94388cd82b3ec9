package org.descent.analysis;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.descent.optim.OptimizerSpec;

/** Computes two-hyperparameter maps in parallel, a coarse pass first when asked. */
public final class HyperMaps {

  private HyperMaps() {}

  /**
   * Each pass is handed to {@code listener.pass}; the last is returned.
   *
   * @throws CancellationException when cancelled before the end
   */
  public static HyperMap compute(HyperMapRequest r, Workers workers, Cancellation cancel,
      AnalysisListener<HyperMap> listener) {
    var passes = r.passes();
    double total = 0;
    for (int[] p : passes) {
      total += (double) p[0] * p[1];
    }
    double done = 0;
    HyperMap map = null;
    double[] start = r.start();
    for (int[] p : passes) {
      Axis xs = r.x().withCount(p[0]);
      Axis ys = r.y().withCount(p[1]);
      int cells = p[0] * p[1];
      RunOutcome[] outcomes = new RunOutcome[cells];
      HyperMap shape = new HyperMap(r.base(), r.px(), xs, r.py(), ys,
          java.util.Collections.nCopies(cells, new RunOutcome(0, 0, -1, false, -1)));
      double share = cells / total;
      workers.forEach(cells, () -> r.objective().copy(), (f, c) -> {
        OptimizerSpec spec = shape.specAt(c % p[0], c / p[0]);
        outcomes[c] = RunOutcome.run(spec, f, start, r.steps(), r.noise(), r.seed(),
            r.target(), r.tolerance(), cancel);
      }, cancel, listener, done, done + share);
      done += share;
      map = new HyperMap(r.base(), r.px(), xs, r.py(), ys, Arrays.asList(outcomes));
      listener.pass(map);
    }
    return map;
  }
}
