package org.descent.app.model;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Coalesces requests for the same kind of work: while one computation runs, newer requests
 * replace each other and only the newest runs next; results older than the newest request are
 * dropped. A slider dragged at 60 Hz thus never queues stale work. Use on the JavaFX thread.
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
      if (generation.get() == requested) {
        onResult.accept(result);
      }
      runNext();
    }, error -> {
      if (generation.get() == requested) {
        onError.accept(error);
      }
      runNext();
    });
  }
}
