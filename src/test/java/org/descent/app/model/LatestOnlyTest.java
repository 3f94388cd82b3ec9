package org.descent.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestOnlyTest {

  /** A background whose work finishes only when the test says so, one job at a time. */
  static final class ManualBackground implements Background {
    final Deque<Runnable> jobs = new ArrayDeque<>();

    @Override
    public <T> void submit(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
      jobs.add(() -> {
        try {
          onResult.accept(work.call());
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          onError.accept(e);
        }
      });
    }

    void finishNext() {
      jobs.poll().run();
    }
  }

  @Test
  void requestsFasterThanResultsStillShowEveryFinishedResultAndSkipTheOverwritten() {
    ManualBackground bg = new ManualBackground();
    List<Integer> shown = new ArrayList<>();
    LatestOnly<Integer> latest = new LatestOnly<>(bg, shown::add, e -> { });
    latest.request(() -> 1);
    latest.request(() -> 2); // waits
    latest.request(() -> 3); // replaces 2
    bg.finishNext();          // 1 arrives although 3 is already asked for: show it
    bg.finishNext();          // then 3
    assertEquals(List.of(1, 3), shown);
    assertEquals(0, bg.jobs.size());
  }

  @Test
  void aCallbackThatThrowsDoesNotStopLaterWork() {
    ManualBackground bg = new ManualBackground();
    List<Integer> shown = new ArrayList<>();
    LatestOnly<Integer> latest = new LatestOnly<>(bg, v -> {
      if (v == 1) {
        throw new IllegalStateException("a view failed");
      }
      shown.add(v);
    }, e -> { });
    latest.request(() -> 1);
    try {
      bg.finishNext();
    } catch (IllegalStateException expected) {
      // the failure surfaces, but the pipeline goes on
    }
    latest.request(() -> 2);
    bg.finishNext();
    assertEquals(List.of(2), shown);
  }
}
