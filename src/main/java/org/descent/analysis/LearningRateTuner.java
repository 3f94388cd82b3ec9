package org.descent.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;

/**
 * Finds the learning rate that suits one optimizer on one function from one start: the rate
 * with the lowest final loss after the given steps, or the fewest steps to a tolerance. The
 * search is on a log scale, because rates that matter span decades: a coarse log-spaced grid
 * over the whole range first, then rounds of finer log-spaced grids inside the cell around the
 * best rate so far, until the bracket is narrower than the relative precision asked for. Each
 * round's runs are independent, so they run in parallel on the {@link Workers} (a golden-section
 * search would need them one after the other); each round shrinks the bracket by a factor of
 * about (points + 1)/2.
 *
 * <p>The refinement is local: it finds the best rate of the coarse grid's best cell, which is
 * the global best when the score is unimodal in log(lr) near it (it is for gradient descent on
 * a quadratic, whose final loss is a sum of (1 − ελ)^(2k) terms). A diverged run scores +∞.
 */
public final class LearningRateTuner {

  /** What "best" means. */
  public enum Criterion {
    /** The lowest final loss after the request's steps. */
    FINAL_LOSS,
    /**
     * The fewest steps to reach the tolerance (see {@link RunOutcome}); ties, and runs that never
     * reach it, are ordered by their final loss.
     */
    STEPS_TO_TOLERANCE
  }

  /**
   * One tuning problem.
   *
   * @param objective the exact function (each worker uses its own {@code copy()})
   * @param start not modified
   * @param optimizer the configuration to tune: every hyperparameter but lr is kept; it must
   *     have a learning rate
   * @param minRate the smallest rate tried, positive
   * @param maxRate the largest, more than {@code minRate}
   * @param target f* for {@link Criterion#STEPS_TO_TOLERANCE}, NaN to measure the tolerance on
   *     the gradient norm instead (as {@link RunOutcome})
   * @param coarsePoints the points of the first grid, both ends included (at least 3)
   * @param refinePoints the new points of every later round (at least 2)
   * @param relativePrecision stop when the bracket hi/lo is below 1 + this
   */
  public record Request(Objective objective, double[] start, OptimizerSpec optimizer, int steps,
      double noise, long seed, double minRate, double maxRate, Criterion criterion,
      double target, double tolerance, int coarsePoints, int refinePoints,
      double relativePrecision) {

    /** The most rounds of refinement. */
    public static final int MAX_ROUNDS = 30;

    public Request {
      start = start.clone();
      if (start.length != objective.dimension()) {
        throw new IllegalArgumentException("the start has " + start.length
            + " coordinates, the function takes " + objective.dimension());
      }
      if (!optimizer.type().params().contains(Param.LR)) {
        throw new IllegalArgumentException(optimizer.type().key() + " has no learning rate to "
            + "tune");
      }
      if (!(minRate > 0) || !(maxRate > minRate) || Double.isInfinite(maxRate)) {
        throw new IllegalArgumentException("the rates must satisfy 0 < min < max, got "
            + Param.formatNumber(minRate) + " and " + Param.formatNumber(maxRate));
      }
      Param.LR.problem(maxRate).ifPresent(m -> {
        throw new IllegalArgumentException(m);
      });
      if (steps < 0 || steps > BasinRequest.MAX_STEPS) {
        throw new IllegalArgumentException("steps must be between 0 and "
            + BasinRequest.MAX_STEPS + ", got " + steps);
      }
      if (coarsePoints < 3 || coarsePoints > SweepRequest.MAX_POINTS) {
        throw new IllegalArgumentException("the coarse grid needs 3 to " + SweepRequest.MAX_POINTS
            + " points, got " + coarsePoints);
      }
      if (refinePoints < 2 || refinePoints > 1000) {
        throw new IllegalArgumentException("a refinement needs 2 to 1000 points, got "
            + refinePoints);
      }
      if (!(relativePrecision > 0) || Double.isInfinite(relativePrecision)) {
        throw new IllegalArgumentException("the precision must be positive, got "
            + relativePrecision);
      }
      if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
        throw new IllegalArgumentException("the tolerance must be positive, got " + tolerance);
      }
      long work = (long) (coarsePoints + MAX_ROUNDS * refinePoints) * steps;
      if (work > SweepRequest.MAX_WORK) {
        throw new IllegalArgumentException("too much work: up to " + work
            + " steps; at most " + SweepRequest.MAX_WORK + " (use fewer points or steps)");
      }
    }

    /**
     * The final loss after {@code steps}, from 25 rates over [minRate, maxRate], refined by 8
     * points a round to a relative 1e-4.
     */
    public static Request finalLoss(Objective objective, double[] start, OptimizerSpec optimizer,
        int steps, double noise, long seed, double minRate, double maxRate) {
      return new Request(objective, start, optimizer, steps, noise, seed, minRate, maxRate,
          Criterion.FINAL_LOSS, Double.NaN, 1e-8, 25, 8, 1e-4);
    }

    @Override
    public double[] start() {
      return start.clone();
    }
  }

  /** One run: the rate, how it went, and its score under the criterion (lower is better). */
  public record Trial(double lr, RunOutcome outcome, double score) {

    /** Best first: the lower score, then the lower final loss, then the smaller rate. */
    static final Comparator<Trial> BEST_FIRST = Comparator.comparingDouble(Trial::score)
        .thenComparingDouble(t -> finite(t.outcome().finalLoss()))
        .thenComparingDouble(Trial::lr);

    private static double finite(double v) {
      return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
  }

  /**
   * The result so far (after each round) or in the end.
   *
   * @param tuned the request's optimizer with the best rate
   * @param best the best trial
   * @param trials every run, sorted by rate
   * @param rounds the rounds done: 1 is the coarse grid alone
   * @param low the bracket around the best rate at the end of the last round
   * @param high its upper end
   */
  public record Result(OptimizerSpec tuned, Trial best, List<Trial> trials, int rounds,
      double low, double high) {
    public Result {
      trials = List.copyOf(trials);
    }

    public double bestRate() {
      return best.lr();
    }
  }

  private LearningRateTuner() {}

  /**
   * Tunes on the workers. The listener hears progress and every round's result (the coarse one
   * first); the last {@code pass} is the returned result.
   *
   * @throws CancellationException when cancelled before the end
   */
  public static Result tune(Request r, Workers workers, Cancellation cancel,
      AnalysisListener<Result> listener) {
    List<Trial> trials = new ArrayList<>();
    double logMin = Math.log(r.minRate());
    double logMax = Math.log(r.maxRate());
    double[] coarse = new double[r.coarsePoints()];
    for (int i = 0; i < coarse.length; i++) {
      coarse[i] = i == coarse.length - 1 ? r.maxRate()
          : Math.exp(logMin + (logMax - logMin) * i / (coarse.length - 1));
    }
    coarse[0] = r.minRate();
    // Progress: the coarse grid takes its share of the runs of a full search.
    double total = r.coarsePoints() + (double) r.refinePoints() * expectedRounds(r);
    double done = 0;
    run(r, coarse, trials, workers, cancel, listener, 0, Math.min(1, coarse.length / total));
    done += coarse.length;
    int rounds = 1;
    double[] bracket = bracket(trials);
    Result result = result(r, trials, rounds, bracket);
    listener.pass(result);
    while (bracket[1] / bracket[0] > 1 + r.relativePrecision() && rounds <= Request.MAX_ROUNDS) {
      double lo = Math.log(bracket[0]);
      double hi = Math.log(bracket[1]);
      int k = r.refinePoints();
      double[] rates = new double[k];
      for (int i = 0; i < k; i++) {
        rates[i] = Math.exp(lo + (hi - lo) * (i + 1) / (k + 1));
      }
      double from = Math.min(1, done / total);
      done += k;
      run(r, rates, trials, workers, cancel, listener, from, Math.min(1, done / total));
      rounds++;
      double[] next = bracket(trials);
      if (next[0] == bracket[0] && next[1] == bracket[1]) {
        break; // the precision of the arithmetic: no new rate fell inside
      }
      bracket = next;
      result = result(r, trials, rounds, bracket);
      listener.pass(result);
    }
    listener.progress(1);
    return result;
  }

  /** On a temporary pool, without cancellation (the command line). */
  public static Result tune(Request r) {
    try (Workers workers = new Workers()) {
      return tune(r, workers, new Cancellation(), AnalysisListener.none());
    }
  }

  private static double expectedRounds(Request r) {
    double cell = 2 * Math.log(r.maxRate() / r.minRate()) / (r.coarsePoints() - 1);
    double shrink = (r.refinePoints() + 1) / 2.0;
    double needed = Math.log(cell / Math.log1p(r.relativePrecision())) / Math.log(shrink);
    return Math.max(1, Math.ceil(needed));
  }

  private static void run(Request r, double[] rates, List<Trial> trials, Workers workers,
      Cancellation cancel, AnalysisListener<Result> listener, double from, double to) {
    Trial[] out = new Trial[rates.length];
    double[] start = r.start();
    workers.forEach(rates.length, () -> r.objective().copy(), (f, i) -> {
      OptimizerSpec spec = r.optimizer().with(Param.LR, rates[i]);
      RunOutcome o = RunOutcome.run(spec, f, start, r.steps(), r.noise(), r.seed(), r.target(),
          r.tolerance(), cancel);
      out[i] = new Trial(rates[i], o, score(r.criterion(), o, r.steps()));
    }, cancel, listener, from, to);
    trials.addAll(List.of(out));
    trials.sort(Comparator.comparingDouble(Trial::lr));
  }

  static double score(Criterion c, RunOutcome o, int steps) {
    if (o.diverged() || !Double.isFinite(o.finalLoss())) {
      return Double.POSITIVE_INFINITY;
    }
    return switch (c) {
      case FINAL_LOSS -> o.finalLoss();
      case STEPS_TO_TOLERANCE -> o.reached() ? o.stepsToTolerance() : steps + 1;
    };
  }

  /**
   * The rates either side of the best trial (trials sorted by rate); a best trial at an end of
   * the range is its own bound there.
   */
  private static double[] bracket(List<Trial> trials) {
    int best = 0;
    for (int i = 1; i < trials.size(); i++) {
      if (Trial.BEST_FIRST.compare(trials.get(i), trials.get(best)) < 0) {
        best = i;
      }
    }
    double lo = trials.get(Math.max(0, best - 1)).lr();
    double hi = trials.get(Math.min(trials.size() - 1, best + 1)).lr();
    return new double[] {lo, hi};
  }

  private static Result result(Request r, List<Trial> trials, int rounds, double[] bracket) {
    Trial best = trials.stream().min(Trial.BEST_FIRST).orElseThrow();
    return new Result(r.optimizer().with(Param.LR, best.lr()), best, trials, rounds, bracket[0],
        bracket[1]);
  }
}
