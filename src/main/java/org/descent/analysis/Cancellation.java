package org.descent.analysis;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag a view sets to stop a computation it no longer wants (the user moved a slider again,
 * or closed the map). Computations check it between blocks of work and then throw
 * {@link java.util.concurrent.CancellationException}; one token per computation.
 */
public final class Cancellation {

  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** Asks the computation to stop; safe from any thread, idempotent. */
  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }
}
