package org.descent.training;

import java.util.Arrays;
import java.util.List;

/**
 * Some of a run's weight vectors, at evaluated steps (thinned like the curves, at most a few
 * hundred kept), for projecting the run onto a slice of the loss landscape. Immutable: the
 * vectors are never changed after they are stored, and {@link #iterate} copies.
 */
public final class Trajectory {

  private final int[] steps;
  private final List<double[]> iterates;

  Trajectory(int[] steps, List<double[]> iterates) {
    this.steps = steps.clone();
    this.iterates = List.copyOf(iterates);
  }

  static Trajectory empty() {
    return new Trajectory(new int[0], List.of());
  }

  public int size() {
    return steps.length;
  }

  /** The step of iterate i. */
  public int step(int i) {
    return steps[i];
  }

  /** Iterate i (a copy). */
  public double[] iterate(int i) {
    return iterates.get(i).clone();
  }

  /** Every iterate, as read-only arrays (do not modify them), for {@code LossSlice}. */
  public List<double[]> iterates() {
    return iterates;
  }

  /** The steps (a copy). */
  public int[] steps() {
    return Arrays.copyOf(steps, steps.length);
  }
}
