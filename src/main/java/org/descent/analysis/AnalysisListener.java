package org.descent.analysis;

/**
 * What a view hears while a map is computed. Both methods are called on the thread that called
 * the computation (a {@code javafx.concurrent.Task}'s thread in the app), never on a worker, so
 * a listener needs no locking; it should hand the values to the screen with
 * {@code Platform.runLater}, coalesced.
 *
 * @param <R> the result type: a coarse-to-fine computation reports each pass as a whole result
 */
public interface AnalysisListener<R> {

  /** How much of the whole computation is done, from 0 to 1, a few times a second. */
  default void progress(double fraction) {}

  /**
   * A complete result of one pass: a coarse map first, then finer ones; the last call carries
   * the result the computation returns.
   */
  default void pass(R result) {}

  /** A listener that ignores everything. */
  static <R> AnalysisListener<R> none() {
    return new AnalysisListener<>() {};
  }

  /**
   * A listener for a part of a larger result: progress goes through, each pass is turned into
   * the whole result by {@code into}.
   */
  static <P, R> AnalysisListener<P> passing(AnalysisListener<R> whole,
      java.util.function.Function<P, R> into) {
    return new AnalysisListener<>() {
      @Override
      public void progress(double fraction) {
        whole.progress(fraction);
      }

      @Override
      public void pass(P part) {
        whole.pass(into.apply(part));
      }
    };
  }
}
