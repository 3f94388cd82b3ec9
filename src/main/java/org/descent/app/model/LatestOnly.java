package org.descent.app.model;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Coalesces requests for the same kind of work: while one computation runs, newer requests
 * replace each other and only the newest runs next. Every finished result is delivered (each is
 * newer than the last), so a view keeps moving even when requests come faster than results; a
 * slider dragged at 60 Hz never queues stale work. A callback that throws does not stop later
 * work. Use on the JavaFX thread.
 */
public final class LatestOnly<T> {

  private final Background background;
  private final Consumer<T> onResult;
  private final Consumer<Throwable> onError;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicReference<Callable<T>> pending = new AtomicReference<>();
  private final AtomicBoolean running = new AtomicBoolean();

  public LatestOnly(Background background, Consumer<T> onResult, Consumer<Throwable> onError) {
    this.background = background;
    this.onResult = onResult;
    this.onError = onError;
  }

  /** Asks for {@code work}; it supersedes every earlier request. */
  public void request(Callable<T> work) {
    generation.incrementAndGet();
    pending.set(work);
    if (running.compareAndSet(false, true)) {
      runNext();
    }
  }

  private void runNext() {
    Callable<T> work = pending.getAndSet(null);
    if (work == null) {
      running.set(false);
      return;
    }
    long requested = generation.get();
    background.submit(work, result -> {
      try {
        // Results arrive in request order, so this one is newer than what is shown: show it
        // even if a newer request is pending (during playback one always is).
        onResult.accept(result);
      } finally {
        runNext();
      }
    }, error -> {
      try {
        if (generation.get() == requested) {
          onError.accept(error);
        }
      } finally {
        runNext();
      }
    });
  }
}
