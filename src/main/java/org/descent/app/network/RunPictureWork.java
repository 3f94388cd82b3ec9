package org.descent.app.network;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.descent.app.model.Background;
import org.descent.app.model.LatestOnly;

/**
 * One picture's computation for the run looked into (its spectrum, its two minima), on the
 * landscape's worker: a result is made for a key — which training, which run, which step — and
 * kept with it, so that a frame shows it only for the run it was made for. One computation at a
 * time; a key already held or asked for is not computed again, and a computation still running
 * sees when its key is no longer wanted. Use on the JavaFX thread.
 *
 * @param <T> the result
 */
final class RunPictureWork<T> {

  private record Keyed<T>(String key, T value) {}

  /** The computation, told whether its key has been superseded since it started. */
  @FunctionalInterface
  interface Compute<T> {
    T apply(BooleanSupplier superseded) throws Exception;
  }

  private final LatestOnly<Keyed<T>> work;
  private String key = "";
  private T result;
  private boolean running;
  private volatile String wanted = "";

  /**
   * @param changed told when a result (or its absence) is there to draw
   * @param failed told what went wrong; the key that failed is not tried again
   */
  RunPictureWork(Background worker, Runnable changed, Consumer<Throwable> failed) {
    work = new LatestOnly<>(worker, r -> {
      running = false;
      // A computation cancelled for another key leaves nothing to show.
      key = r.value() != null ? r.key() : "";
      if (r.value() != null) {
        result = r.value();
      }
      changed.run();
    }, e -> {
      running = false;
      key = wanted;
      result = null;
      failed.accept(e);
      changed.run();
    });
  }

  /**
   * Asks for the result of {@code newKey}, unless it is held or a computation runs (the next
   * frame asks again); {@code compute} is given whether its key has been superseded since and
   * returns null when it stopped for that.
   */
  void request(String newKey, Compute<T> compute) {
    wanted = newKey;
    if (newKey.equals(key) || running) {
      return;
    }
    running = true;
    work.request(() -> new Keyed<>(newKey, compute.apply(() -> !newKey.equals(wanted))));
  }

  /** The result made for {@code prefix} or for a key under it ({@code prefix/…}), or null. */
  T resultFor(String prefix) {
    return result != null && (key.equals(prefix) || key.startsWith(prefix + "/")) ? result
        : null;
  }
}
