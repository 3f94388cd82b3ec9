package org.descent.app.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AppThreadsTest {

  /**
   * The app quits while events that ask for work are still queued (the packaging build quits
   * right after the first picture): work asked for after close is dropped, not thrown at the
   * JavaFX thread as a RejectedExecutionException.
   */
  @Test
  void workAskedForAfterCloseIsDropped() {
    AppThreads threads = AppThreads.create();
    threads.close();
    AtomicBoolean ran = new AtomicBoolean();
    assertDoesNotThrow(() -> threads.race().submit(() -> {
      ran.set(true);
      return 1;
    }, r -> { }, e -> { }));
    assertDoesNotThrow(() -> threads.render().submit(() -> 1, r -> { }, e -> { }));
    assertFalse(ran.get());
  }
}
