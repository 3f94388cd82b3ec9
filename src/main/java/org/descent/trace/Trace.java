package org.descent.trace;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The immutable record of one optimizer's run: iterates (step 0 is the start), the exact loss
 * and gradient norm at each, cumulative function and gradient evaluation counts, the averaged
 * iterates when averaging is on, and where the run diverged. Only iterates with a finite
 * loss and gradient are kept.
 */
public final class Trace {

  /** What was not finite at the step where a run diverged. */
  public enum NonFinite {
    ITERATE("the iterate"), LOSS("the loss"), GRADIENT("the gradient");

    private final String description;

    NonFinite(String description) {
      this.description = description;
    }

    /** "the gradient", for messages such as "the gradient is not finite". */
    public String description() {
      return description;
    }
  }

  private final String label;
  private final int dimension;
  private final long budget;
  private final double[] iterates;
  private final double[] averaged;
  private final double[] losses;
  private final double[] gradNorms;
  private final long[] functionEvaluations;
  private final long[] gradientEvaluations;
  private final int divergedAt;
  private final NonFinite cause;
  // The steps this trace shows: all that were recorded, or fewer for a run seen up to a step
  // (upTo), which shares the arrays.
  private final int length;

  Trace(String label, int dimension, long budget, double[] iterates,
      double[] averaged,
      double[] losses, double[] gradNorms, long[] functionEvaluations,
      long[] gradientEvaluations, int divergedAt, NonFinite cause) {
    this(label, dimension, budget, iterates, averaged, losses, gradNorms, functionEvaluations,
        gradientEvaluations, divergedAt, cause, losses.length);
  }

  private Trace(String label, int dimension, long budget, double[] iterates,
      double[] averaged, double[] losses, double[] gradNorms, long[] functionEvaluations,
      long[] gradientEvaluations, int divergedAt, NonFinite cause, int length) {
    this.length = length;
    this.label = label;
    this.dimension = dimension;
    this.budget = budget;
    this.iterates = iterates;
    this.averaged = averaged;
    this.losses = losses;
    this.gradNorms = gradNorms;
    this.functionEvaluations = functionEvaluations;
    this.gradientEvaluations = gradientEvaluations;
    this.divergedAt = divergedAt;
    this.cause = cause;
  }

  public String label() {
    return label;
  }

  public int dimension() {
    return dimension;
  }

  /** The evaluation budget the run stopped at, 0 when it had none (see {@link TraceRunner}). */
  public long budget() {
    return budget;
  }

  /**
   * The cost up to step k that a budget counts: function evaluations + gradient evaluations.
   */
  public long evaluations(int k) {
    return functionEvaluations[k] + gradientEvaluations[k];
  }

  /** Number of recorded iterates, the start included: steps run + 1 unless it diverged. */
  public int length() {
    return length;
  }

  /** The last recorded step. */
  public int lastStep() {
    return length - 1;
  }

  /** Coordinate i of the iterate at step k. */
  public double coordinate(int k, int i) {
    return iterates[k * dimension + i];
  }

  /** The first coordinate at step k (x of a 2-D landscape). */
  public double x(int k) {
    return iterates[k * dimension];
  }

  /**
   * The first step whose iterate lies outside {@code view} (a 2-D landscape's window), or
   * empty. In the landscape's coordinates, never the picture's: the step a lecturer reads is
   * the same at any window size.
   */
  public OptionalInt firstStepOutside(org.descent.function.ViewBox view) {
    for (int k = 0; k < length(); k++) {
      if (!view.contains(x(k), y(k))) {
        return OptionalInt.of(k);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The step at which the path, outside {@code view} at step k, last left it: the first step of
   * the excursion k belongs to (0 when it started outside). In the landscape's coordinates.
   */
  public int stepLeft(org.descent.function.ViewBox view, int k) {
    int n = k;
    while (n > 0 && !view.contains(x(n - 1), y(n - 1))) {
      n--;
    }
    return n;
  }

  /** The second coordinate at step k (y of a 2-D landscape). */
  public double y(int k) {
    return iterates[k * dimension + 1];
  }

  /** The iterate at step k (a copy). */
  public double[] iterate(int k) {
    return Arrays.copyOfRange(iterates, k * dimension, (k + 1) * dimension);
  }

  public boolean hasAverage() {
    return averaged != null;
  }

  /** Coordinate i of the averaged iterate at step k; requires {@link #hasAverage()}. */
  public double averagedCoordinate(int k, int i) {
    return averaged[k * dimension + i];
  }

  /** The exact loss f(θ_k) (without gradient noise). */
  public double loss(int k) {
    return losses[k];
  }

  /** The exact gradient norm ‖∇f(θ_k)‖. */
  public double gradNorm(int k) {
    return gradNorms[k];
  }

  /** Function evaluations the optimizer made up to step k (0 at the start). */
  public long functionEvaluations(int k) {
    return functionEvaluations[k];
  }

  /** Gradient evaluations the optimizer made up to step k (0 at the start). */
  public long gradientEvaluations(int k) {
    return gradientEvaluations[k];
  }

  /**
   * The first step whose iterate, loss or gradient was not finite, if any; the trace holds the
   * steps before it.
   */
  public OptionalInt divergedAt() {
    return divergedAt < 0 ? OptionalInt.empty() : OptionalInt.of(divergedAt);
  }

  public boolean diverged() {
    return divergedAt >= 0;
  }

  /** What was not finite at {@link #divergedAt()}; null when the run did not diverge. */
  public NonFinite divergenceCause() {
    return cause;
  }

  /** The final loss recorded; NaN when not even the start was finite. */
  public double finalLoss() {
    return length == 0 ? Double.NaN : losses[length - 1];
  }

  /**
   * The run as seen at step k: its steps 0..k, and no divergence unless k has reached the last
   * step (where the run stopped). For reveal mode, where nothing past the playback is drawn.
   * Shares this trace's arrays: O(1), cheap enough for every frame.
   */
  public Trace upTo(int k) {
    if (k >= lastStep()) {
      return this;
    }
    int n = Math.max(0, k + 1);
    return new Trace(label, dimension, budget, iterates, averaged, losses, gradNorms,
        functionEvaluations, gradientEvaluations, -1, null, n);
  }
}
