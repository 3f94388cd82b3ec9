package org.descent.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Trains every run of a plan to the end on the calling thread, one after the other: what the
 * command line and the tests use. The runs are the same {@link TrainingRun}s the
 * {@link TrainingService} drives, so both give the same numbers, bit for bit.
 */
public final class Trainer {

  private Trainer() {}

  /** Told of each evaluation as it is made, and of each run when it ends. */
  public interface Observer {
    /** A new evaluation of run {@code run}. */
    default void point(int run, String label, TrainingPoint p) throws IOException {}

    /** A run has ended (done, diverged, or unable to start), with its decision grid and diagnostics. */
    default void finished(RunSnapshot run) throws IOException {}
  }

  /** Trains every run; returns their final snapshots. */
  public static List<RunSnapshot> train(TrainingPlan plan) {
    try {
      return train(plan, new Observer() {}, () -> false);
    } catch (IOException e) {
      throw new AssertionError(e); // the empty observer throws nothing
    }
  }

  /**
   * The weights of run {@code run} after {@code step} steps (0: the initial weights), trained
   * as {@link #train} trains it.
   *
   * @throws IllegalArgumentException when the run cannot start, or diverges by that step,
   *     or the step is outside 0 to the plan's steps; the message says which
   */
  public static double[] weightsAt(TrainingPlan plan, int run, int step) {
    if (step < 0 || step > plan.steps()) {
      throw new IllegalArgumentException("step " + step + " is outside 0 to " + plan.steps());
    }
    TrainingRun r = new TrainingRun(plan, run);
    r.start();
    while (r.step() < step && !r.finished()) {
      r.advance();
    }
    RunSnapshot s = r.snapshot();
    if (!s.cannotStart().isEmpty()) {
      throw new IllegalArgumentException(s.label() + " cannot start: " + s.cannotStart());
    }
    if (s.diverged()) {
      throw new IllegalArgumentException(s.label() + " diverged at step "
          + s.divergedAt().getAsInt() + ": its weights of step " + step + " are not finite");
    }
    return r.weights();
  }

  /**
   * Trains every run, telling the observer as it goes.
   *
   * @param cancelled asked before every step: true stops the training (the runs so far are
   *     returned)
   */
  public static List<RunSnapshot> train(TrainingPlan plan, Observer observer,
      BooleanSupplier cancelled) throws IOException {
    List<RunSnapshot> out = new ArrayList<>();
    for (int i = 0; i < plan.runs().size(); i++) {
      TrainingRun run = new TrainingRun(plan, i);
      TrainingPoint p = run.start();
      if (p != null) {
        observer.point(i, run.label(), p);
      }
      while (!run.finished()) {
        if (cancelled.getAsBoolean()) {
          return out;
        }
        p = run.advance();
        if (p != null) {
          observer.point(i, run.label(), p);
        }
      }
      run.refreshVisuals();
      RunSnapshot s = run.snapshot();
      observer.finished(s);
      out.add(s);
    }
    return out;
  }
}
