package org.descent.training;

import java.util.List;
import org.descent.network.Architecture;
import org.descent.network.NetworkObjective;
import org.descent.network.PreparedData;

/**
 * Every run of a training at a moment, with the overall progress: immutable.
 *
 * @param generation which start or restart this belongs to (increasing); a listener drops
 *     snapshots of an older generation
 * @param stepsDone steps taken over all runs (a run that stopped early counts as done)
 * @param stepsTotal runs × steps
 * @param problem why the training could not start at all (a bad data or weights file), or
 *     empty; then there are no runs
 * @param data the split data (for drawing the points), null when there is a problem
 * @param architecture the network, null when there is a problem
 */
public record TrainingSnapshot(long generation, List<RunSnapshot> runs, long stepsDone,
    long stepsTotal, boolean finished, String problem, PreparedData data,
    Architecture architecture) {

  public TrainingSnapshot {
    runs = List.copyOf(runs);
  }

  /** Progress in [0, 1]. */
  public double progress() {
    return stepsTotal == 0 ? 1 : (double) stepsDone / stepsTotal;
  }

  /**
   * A fresh loss over the training set, for {@code LossSlice} (in training mode its value
   * does not depend on running averages); null when there is a problem.
   */
  public NetworkObjective lossOnTrainingSet() {
    return architecture == null ? null : new NetworkObjective(architecture, data.train());
  }
}
