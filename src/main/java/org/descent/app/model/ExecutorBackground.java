package org.descent.app.model;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Work on daemon worker threads, results on the JavaFX thread via {@code Platform.runLater}. */
public final class ExecutorBackground implements Background {

  private final ExecutorService executor;

  /** A pool of daemon threads named after {@code name}. */
  public ExecutorBackground(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public <T> void submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
    executor.execute(() -> {
      try {
        T result = work.call();
        Platform.runLater(() -> onResult.accept(result));
      } catch (Throwable e) {
        Platform.runLater(() -> onError.accept(e));
      }
    });
  }

  public void shutdown() {
    executor.shutdownNow();
  }
}
