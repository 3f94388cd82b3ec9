package org.descent.app.analysis;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.descent.analysis.AnalysisListener;
import org.descent.analysis.Cancellation;
import org.descent.analysis.Workers;

/**
 * Runs one analysis at a time (a basin map, a sweep, a map of two hyperparameters) on the
 * analysis workers, off the JavaFX thread: a new request cancels the one before, progress and
 * each coarse-to-fine pass come back on the JavaFX thread, coalesced, and a failure (a request
 * too large, say) becomes a message. Use on the JavaFX thread.
 */
public final class AnalysisRunner {

  /**
   * A computation: the workers, its cancellation and its listener given. What it shows goes to
   * the listener, pass by pass (the last pass is the result).
   */
  @FunctionalInterface
  public interface Computation<R> {
    void compute(Workers workers, Cancellation cancel, AnalysisListener<R> listener);
  }

  private final org.descent.app.model.AppThreads threads;
  private final Workers workers;
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper what = new ReadOnlyStringWrapper(this, "what", "");
  private Cancellation current;
  private long generation;

  /** A runner whose computations run on the app's analysis workers. */
  public AnalysisRunner(org.descent.app.model.AppThreads threads) {
    this.threads = threads;
    this.workers = threads.analysis();
  }

  /**
   * Starts a computation, cancelling the one running.
   *
   * @param description what it computes, for the progress line ("basins of Adam")
   * @param onPass each pass's result, on the JavaFX thread
   */
  public <R> void start(String description, Computation<R> work, Consumer<R> onPass) {
    cancel();
    Cancellation cancel = new Cancellation();
    current = cancel;
    long id = ++generation;
    what.set(description);
    message.set("");
    progress.set(0);
    running.set(true);
    threads.start("descent-analysis-task", () -> {
      double[] latest = {0};
      boolean[] queued = {false};
      AnalysisListener<R> listener = new AnalysisListener<>() {
        @Override
        public void progress(double fraction) {
          synchronized (latest) {
            latest[0] = fraction;
            if (queued[0]) {
              return;
            }
            queued[0] = true;
          }
          Platform.runLater(() -> {
            double f;
            synchronized (latest) {
              f = latest[0];
              queued[0] = false;
            }
            if (id == generation) {
              progress.set(f);
            }
          });
        }

        @Override
        public void pass(R result) {
          Platform.runLater(() -> {
            if (id == generation) {
              onPass.accept(result);
            }
          });
        }
      };
      try {
        work.compute(workers, cancel, listener);
        Platform.runLater(() -> finish(id, ""));
      } catch (CancellationException e) {
        Platform.runLater(() -> finish(id, "cancelled"));
      } catch (IllegalArgumentException e) {
        Platform.runLater(() -> finish(id, e.getMessage()));
      } catch (RuntimeException e) {
        Platform.runLater(() -> finish(id, "could not compute it: " + e));
      }
    });
  }

  private void finish(long id, String text) {
    if (id != generation) {
      return;
    }
    running.set(false);
    progress.set(text.isEmpty() ? 1 : progress.get());
    message.set(text);
  }

  /** Another runner on the same workers, for a computation that must not cancel this one's. */
  public AnalysisRunner sibling() {
    return new AnalysisRunner(threads);
  }

  /** Stops the computation running, if any. */
  public void cancel() {
    if (current != null) {
      current.cancel();
      current = null;
    }
    generation++;
    if (running.get()) {
      running.set(false);
      message.set("cancelled");
    }
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Why the last computation stopped ("cancelled", a refusal), or empty. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** What the current or last computation computes. */
  public ReadOnlyStringProperty whatProperty() {
    return what.getReadOnlyProperty();
  }
}
