package org.descent.app.analysis;

import java.awt.Graphics2D;
import java.util.List;
import org.descent.analysis.AnalysisListener;
import org.descent.analysis.HyperMap;
import org.descent.analysis.HyperMapRequest;
import org.descent.analysis.HyperMaps;
import org.descent.analysis.HyperSearch;
import org.descent.app.analysis.AnalysisView.SearchResult;
import org.descent.app.model.OptimizerEntry;
import org.descent.function.FormulaObjective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.picture.AnalysisPlot;
import org.descent.picture.Look;
import org.descent.picture.SearchPicture;

/**
 * Grid against random search on the chosen card, over its learning rate and a second
 * hyperparameter, with the same budget of runs: the grid tries only √budget learning rates.
 */
final class SearchAnalysis implements Analysis<SearchResult> {

  /** Trials of each search. */
  static final int BUDGET = 16;

  @Override
  public Plan<SearchResult> plan(AnalysisInput in) {
    OptimizerSpec base = in.chosen().spec();
    Param second = secondParam(base.type());
    if (second == null) {
      return Plan.refused("a search needs a card with a learning rate and a second "
          + "hyperparameter (momentum, RMSProp, Adam): press one");
    }
    OptimizerEntry entry = in.chosen().entry();
    FormulaObjective f = in.landscape().formula().objective();
    double[] s = in.startPoint();
    int steps = in.steps();
    double noise = in.noise();
    long seed = in.seed();
    double target = in.landscape().bestMinimumValue();
    double[] lr = HyperMapAnalysis.learningRates(f, s, base);
    double tol = HyperMapAnalysis.relativeTolerance(f, s, target);
    return Plan.work(in.key() + "|" + SpecValues.without(base, Param.LR, second),
        "the same " + BUDGET + " runs as a grid and at random: the grid tries only "
            + (int) Math.sqrt(BUDGET) + " learning rates, random search " + BUDGET
            + " (the ticks along the bottom).", "grid and random search", (w, c, listener) -> {
              HyperMapRequest r = HyperMapAnalysis.learningRateMap(f, s, base, lr, second,
                  steps, target, tol).withNoise(noise, seed);
              HyperMap map = HyperMaps.compute(r.withCoarseToFine(false), w, c,
                  AnalysisListener.none());
              HyperSearch.Problem p = new HyperSearch.Problem(f, s, base, Param.LR, r.x(),
                  second, r.y(), steps, noise, seed);
              HyperSearch.Result grid = HyperSearch.grid(p, BUDGET, w, c);
              HyperSearch.Result random = HyperSearch.random(p, BUDGET, seed + 1, w, c);
              listener.pass(new SearchResult(map, grid, random, steps, entry));
            });
  }

  @Override
  public AnalysisPlot[] draw(SearchResult r, Marks marks, Graphics2D g, Look look, int w,
      int h) {
    return SearchPicture.draw(g, look, w, h, r.map(), r.steps(), r.grid(), r.random());
  }

  /** The second hyperparameter a search varies beside the learning rate, or null. */
  static Param secondParam(OptimizerType t) {
    List<Param> ps = t.params();
    for (Param p : List.of(Param.MOMENTUM, Param.BETA2, Param.RHO, Param.DELTA)) {
      if (ps.contains(p) && ps.contains(Param.LR)) {
        return p;
      }
    }
    return null;
  }
}
