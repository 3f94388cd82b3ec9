package org.descent.trace;

import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The immutable record of one optimizer's run: iterates (step 0 is the start), the exact loss
 * and gradient norm at each, cumulative function and gradient evaluation counts, the averaged
 * iterates when averaging is on, and where the run diverged. Only finite iterates are kept.
 */
public final class Trace {

  private final String label;
  private final int dimension;
  private final int requestedSteps;
  private final double[] iterates;
  private final double[] averaged;
  private final double[] losses;
  private final double[] gradNorms;
  private final long[] functionEvaluations;
  private final long[] gradientEvaluations;
  private final int divergedAt;

  Trace(String label, int dimension, int requestedSteps, double[] iterates, double[] averaged,
      double[] losses, double[] gradNorms, long[] functionEvaluations,
      long[] gradientEvaluations, int divergedAt) {
    this.label = label;
    this.dimension = dimension;
    this.requestedSteps = requestedSteps;
    this.iterates = iterates;
    this.averaged = averaged;
    this.losses = losses;
    this.gradNorms = gradNorms;
    this.functionEvaluations = functionEvaluations;
    this.gradientEvaluations = gradientEvaluations;
    this.divergedAt = divergedAt;
  }

  public String label() {
    return label;
  }

  public int dimension() {
    return dimension;
  }

  /** Steps asked for. */
  public int requestedSteps() {
    return requestedSteps;
  }

  /** Number of recorded iterates, the start included: steps run + 1 unless it diverged. */
  public int length() {
    return losses.length;
  }

  /** The last recorded step. */
  public int lastStep() {
    return losses.length - 1;
  }

  /** Coordinate i of the iterate at step k. */
  public double coordinate(int k, int i) {
    return iterates[k * dimension + i];
  }

  /** The first coordinate at step k (x of a 2-D landscape). */
  public double x(int k) {
    return iterates[k * dimension];
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

  /** The first step whose iterate or loss was not finite, if any. */
  public OptionalInt divergedAt() {
    return divergedAt < 0 ? OptionalInt.empty() : OptionalInt.of(divergedAt);
  }

  public boolean diverged() {
    return divergedAt >= 0;
  }

  /** The final loss recorded. */
  public double finalLoss() {
    return losses[losses.length - 1];
  }
}
