package org.descent.training;

/**
 * Receives the snapshots of a {@link TrainingService}, at most about 30 times a second, on one
 * of the service's threads (never the caller's): a GUI hands them to its own thread
 * (Platform.runLater) and must not block here. Snapshots of one service arrive one at a time,
 * in order; one of an older generation may still arrive just after a restart and should be
 * dropped (compare {@link TrainingSnapshot#generation()}).
 */
@FunctionalInterface
public interface TrainingListener {
  void onSnapshot(TrainingSnapshot snapshot);
}
