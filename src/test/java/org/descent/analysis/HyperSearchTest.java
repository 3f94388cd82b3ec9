package org.descent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.descent.function.Catalogue;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/**
 * The lesson of Bergstra and Bengio (2012): with the same budget, random search tries more
 * values of the hyperparameter that matters, and so finds better ones than grid search.
 */
class HyperSearchTest {

  /**
   * Adam on the ill-conditioned quadratic: its learning rate matters by orders of magnitude,
   * its δ (from 1e-10 to 1e-6, far below √r̂) hardly at all.
   */
  static HyperSearch.Problem problem() {
    return new HyperSearch.Problem(Catalogue.find("quadratic").orElseThrow().instantiate()
        .formula().objective(), new double[] {-2.8, 1.2}, OptimizerSpec.of(OptimizerType.ADAM),
        Param.LR, Axis.log("lr", 1e-4, 1, 2), Param.DELTA, Axis.log("delta", 1e-10, 1e-6, 2),
        100, 0, 0);
  }

  @Test
  void randomSearchCoversTheImportantAxisBetterAndFindsBetterLosses() {
    HyperSearch.Problem p = problem();
    int budget = 9;
    int seeds = 40;
    double[] randomBest = new double[seeds];
    HyperSearch.Result grid;
    try (Workers w = new Workers(2)) {
      grid = HyperSearch.grid(p, budget, w, new Cancellation());
      for (int s = 0; s < seeds; s++) {
        HyperSearch.Result random = HyperSearch.random(p, budget, s, w, new Cancellation());
        assertEquals(budget, random.trials().size());
        assertEquals(budget, random.distinctA());
        randomBest[s] = random.best().score();
      }
    }
    // The grid spends its nine trials on three learning rates, each tried three times.
    assertEquals(budget, grid.trials().size());
    assertEquals(3, grid.distinctA());
    assertEquals(3, grid.distinctB());
    // The unimportant axis: the three δ of the best learning rate score nearly the same.
    double bestLr = grid.best().a();
    double[] sameLr = grid.trials().stream().filter(t -> t.a() == bestLr)
        .mapToDouble(HyperSearch.Trial::score).toArray();
    double spread = Arrays.stream(sameLr).max().orElseThrow()
        / Arrays.stream(sameLr).min().orElseThrow();
    assertTrue(spread < 1.01, "delta matters little: " + Arrays.toString(sameLr));
    // Random search beats the grid's best in most draws, and by half in the median.
    long better = Arrays.stream(randomBest).filter(b -> b < grid.best().score()).count();
    assertTrue(better >= 0.75 * seeds, better + " of " + seeds);
    double[] sorted = randomBest.clone();
    Arrays.sort(sorted);
    assertTrue(sorted[seeds / 2] < 0.5 * grid.best().score(),
        "median random " + sorted[seeds / 2] + " vs grid " + grid.best().score());
  }

  @Test
  void randomSearchIsReproducibleFromItsSeed() {
    try (Workers w = new Workers(2)) {
      assertEquals(HyperSearch.random(problem(), 5, 3, w, new Cancellation()),
          HyperSearch.random(problem(), 5, 3, w, new Cancellation()));
    }
  }
}
