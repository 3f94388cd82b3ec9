package org.descent.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;

/**
 * Hyperparameter search as the lectures teach it (Bergstra and Bengio 2012): with the same
 * budget of B trials over two hyperparameters, grid search tries only √B distinct values of
 * each, random search B distinct values of each. When one hyperparameter matters much more than
 * the other, the grid wastes most trials repeating the important values, and random search
 * covers the important axis B times more finely. Each trial is a run scored by its final loss
 * (a diverged run scores +∞).
 */
public final class HyperSearch {

  /** What one search is over: the two hyperparameters, their ranges (axes' scales) and runs. */
  public record Problem(Objective objective, double[] start, OptimizerSpec base, Param pa,
      Axis a, Param pb, Axis b, int steps, double noise, long seed) {
    public Problem {
      start = start.clone();
      for (Param p : List.of(pa, pb)) {
        if (!base.type().params().contains(p)) {
          throw new IllegalArgumentException(base.type().key() + " has no hyperparameter "
              + p.key());
        }
      }
    }

    @Override
    public double[] start() {
      return start.clone();
    }
  }

  /** One trial: the values tried and the score (the final loss; +∞ when it diverged). */
  public record Trial(double a, double b, double score) {}

  /** The trials in the order tried, and the best of them. */
  public record Result(String method, List<Trial> trials, Trial best) {
    public Result {
      trials = List.copyOf(trials);
    }

    /** How many distinct values of the first hyperparameter were tried. */
    public int distinctA() {
      TreeSet<Double> s = new TreeSet<>();
      trials.forEach(t -> s.add(t.a()));
      return s.size();
    }

    /** How many distinct values of the second. */
    public int distinctB() {
      TreeSet<Double> s = new TreeSet<>();
      trials.forEach(t -> s.add(t.b()));
      return s.size();
    }
  }

  private HyperSearch() {}

  /** A k × k grid over both axes' ranges (both ends included), k = ⌊√budget⌋. */
  public static Result grid(Problem p, int budget, Workers workers, Cancellation cancel) {
    int k = (int) Math.floor(Math.sqrt(budget));
    if (k < 1) {
      throw new IllegalArgumentException("the budget must be at least 1 trial, got " + budget);
    }
    Axis a = p.a().withCount(k);
    Axis b = p.b().withCount(k);
    double[][] points = new double[k * k][];
    for (int i = 0; i < k * k; i++) {
      points[i] = new double[] {a.value(i % k), b.value(i / k)};
    }
    return run("grid", p, points, workers, cancel);
  }

  /**
   * {@code budget} points drawn independently and uniformly on each axis's scale (log-uniform on
   * a log axis), from a generator with the given seed.
   */
  public static Result random(Problem p, int budget, long seed, Workers workers,
      Cancellation cancel) {
    if (budget < 1) {
      throw new IllegalArgumentException("the budget must be at least 1 trial, got " + budget);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] points = new double[budget][];
    for (int i = 0; i < budget; i++) {
      points[i] = new double[] {sample(p.a(), random), sample(p.b(), random)};
    }
    return run("random", p, points, workers, cancel);
  }

  /** A uniform draw on the axis's scale. */
  static double sample(Axis axis, SplittableRandom random) {
    double u = random.nextDouble();
    return switch (axis.scale()) {
      case LINEAR -> axis.min() + u * (axis.max() - axis.min());
      case LOG -> Math.pow(10, Math.log10(axis.min())
          + u * (Math.log10(axis.max()) - Math.log10(axis.min())));
      case LOG_ONE_MINUS -> 1 - Math.pow(10, Math.log10(1 - axis.min())
          + u * (Math.log10(1 - axis.max()) - Math.log10(1 - axis.min())));
    };
  }

  private static Result run(String method, Problem p, double[][] points, Workers workers,
      Cancellation cancel) {
    Trial[] trials = new Trial[points.length];
    double[] start = p.start();
    workers.forEach(points.length, () -> p.objective().copy(), (f, i) -> {
      double va = SweepRequest.value(p.pa(), points[i][0]);
      double vb = SweepRequest.value(p.pb(), points[i][1]);
      OptimizerSpec spec = p.base().with(p.pa(), va).with(p.pb(), vb);
      RunOutcome o = RunOutcome.run(spec, f, start, p.steps(), p.noise(), p.seed(), Double.NaN,
          Double.MIN_VALUE, cancel);
      double score = o.diverged() || !Double.isFinite(o.finalLoss())
          ? Double.POSITIVE_INFINITY : o.finalLoss();
      trials[i] = new Trial(va, vb, score);
    }, cancel, AnalysisListener.none(), 0, 1);
    Trial best = null;
    for (Trial t : trials) {
      if (best == null || t.score() < best.score()) {
        best = t;
      }
    }
    return new Result(method, new ArrayList<>(List.of(trials)), best);
  }
}
