package org.descent.app.model;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where work that may exceed a frame runs. The app uses worker threads that hand results back
 * on the JavaFX thread; tests can run work inline, deterministically.
 */
public interface Background {

  /**
   * Runs {@code work} and delivers its result (or its failure) to the callbacks on the JavaFX
   * thread. Never blocks the caller.
   */
  <T> void submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError);
}
