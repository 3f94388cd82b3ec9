package org.descent.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.descent.app.model.Background;

/** Runs background work at once on the calling thread, so GUI tests are deterministic. */
final class InlineBackground implements Background {

  @Override
  public <T> void submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
    T result;
    try {
      result = work.call();
    } catch (Throwable e) {
      onError.accept(e);
      return;
    }
    onResult.accept(result);
  }
}
