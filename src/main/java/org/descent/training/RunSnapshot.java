package org.descent.training;

import java.util.List;
import java.util.OptionalInt;
import org.descent.network.DecisionGrid;
import org.descent.network.LayerDiagnostics;

/**
 * The state of one optimizer's run at a moment: immutable, safe to hand to another thread.
 *
 * @param index the optimizer's position in the scenario
 * @param points the evaluations so far, oldest first, thinned to at most
 *     {@link Curve#MAX_POINTS} (the first and the latest are always there)
 * @param step optimizer steps taken
 * @param divergedAt the first step whose weights or loss were not finite
 * @param cannotStart why the run cannot start ("Newton needs the Hessian: ..."), or empty
 * @param grid the decision regions at a recent evaluation (2-D data), or null
 * @param layers per-hidden-layer diagnostics at a recent evaluation, or empty
 * @param trajectory weights at some evaluated steps, for the loss-landscape slice
 * @param best the evaluation with the lowest validation loss so far and its weights (early
 *     stopping), or null without a validation set or before the first evaluation
 * @param sharpness the Hessian's largest eigenvalue and the stability threshold, every
 *     {@link TrainingPlan#sharpnessEvery} steps so far, oldest first, thinned as the points
 *     are; empty when not asked for
 */
public record RunSnapshot(String label, int index, List<TrainingPoint> points, int step,
    int steps, OptionalInt divergedAt, String cannotStart, boolean finished, DecisionGrid grid,
    List<LayerDiagnostics> layers, Trajectory trajectory, Checkpoint best,
    List<Sharpness> sharpness) {

  public RunSnapshot {
    points = List.copyOf(points);
    layers = List.copyOf(layers);
    sharpness = List.copyOf(sharpness);
  }

  /** The latest evaluation, or null before the first. */
  public TrainingPoint latest() {
    return points.isEmpty() ? null : points.get(points.size() - 1);
  }

  public boolean diverged() {
    return divergedAt.isPresent();
  }

  /** The step with the lowest validation loss so far (early stopping), if there is one. */
  public OptionalInt bestValidationStep() {
    return best == null ? OptionalInt.empty() : OptionalInt.of(best.step());
  }

  /**
   * The weights after {@code k} steps, where they were kept: the best validation step's
   * always, other evaluated steps while the trajectory holds them (it is thinned).
   *
   * @throws IllegalArgumentException when the weights of step k were not kept
   */
  public double[] weightsAt(int k) {
    if (best != null && best.step() == k) {
      return best.weights();
    }
    for (int i = trajectory.size() - 1; i >= 0; i--) {
      if (trajectory.step(i) == k) {
        return trajectory.iterate(i);
      }
    }
    throw new IllegalArgumentException("the weights of step " + k + " were not kept");
  }

  /** The same run with its step counter moved on (between evaluations). */
  RunSnapshot atStep(int newStep) {
    return newStep == step ? this : new RunSnapshot(label, index, points, newStep, steps,
        divergedAt, cannotStart, finished, grid, layers, trajectory, best, sharpness);
  }
}
