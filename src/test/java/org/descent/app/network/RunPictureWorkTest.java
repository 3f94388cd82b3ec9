package org.descent.app.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.descent.app.model.Background;
import org.junit.jupiter.api.Test;

/** A run's picture computed for a key, shown only for that run, never computed twice. */
class RunPictureWorkTest {

  /** Runs work at once, on the caller's thread. */
  private static final Background INLINE = new Background() {
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
  };

  @Test
  void aResultIsShownForItsRunAndAHeldKeyIsNotComputedAgain() {
    int[] computed = {0};
    int[] changed = {0};
    RunPictureWork<String> w = new RunPictureWork<>(INLINE, () -> changed[0]++, e -> { });
    w.request("3/1/40", superseded -> "spectrum " + ++computed[0]);
    assertEquals("spectrum 1", w.resultFor("3/1"));
    assertNull(w.resultFor("3/2"), "another card");
    assertNull(w.resultFor("3/10"), "not a prefix of another run's key");
    assertNull(w.resultFor("4/1"), "another training");
    w.request("3/1/40", superseded -> "spectrum " + ++computed[0]);
    assertEquals(1, computed[0], "held: not computed again");
    w.request("3/1/50", superseded -> "spectrum " + ++computed[0]);
    assertEquals("spectrum 2", w.resultFor("3/1"));
    assertEquals(2, changed[0]);
  }

  @Test
  void aFailedKeyIsToldOnceAndNotTriedAgain() {
    int[] tried = {0};
    StringBuilder told = new StringBuilder();
    RunPictureWork<String> w = new RunPictureWork<>(INLINE, () -> { },
        e -> told.append(e.getMessage()));
    for (int i = 0; i < 3; i++) {
      w.request("1/0", superseded -> {
        tried[0]++;
        throw new IllegalArgumentException("no minimum");
      });
    }
    assertEquals(1, tried[0]);
    assertEquals("no minimum", told.toString());
    assertNull(w.resultFor("1/0"));
  }

  @Test
  void aComputationCancelledForAnotherKeyLeavesNothing() {
    RunPictureWork<String> w = new RunPictureWork<>(INLINE, () -> { }, e -> { });
    w.request("1/0", superseded -> null);
    assertNull(w.resultFor("1/0"));
    w.request("1/0", superseded -> "two minima");
    assertEquals("two minima", w.resultFor("1/0"), "asked again after the cancel");
  }
}
