package org.descent.app.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

  /**
   * Work nobody waits for (the demos' list, the lectures) waits for the first picture, so that
   * on two cores it does not compete with it, and runs once that picture is on screen, in the
   * order it was asked for.
   */
  @Test
  void idleWorkWaitsForTheFirstPicture() throws InterruptedException {
    AppThreads threads = AppThreads.create();
    try {
      CountDownLatch first = new CountDownLatch(1);
      CountDownLatch second = new CountDownLatch(1);
      threads.idle().submit(() -> {
        first.countDown();
        return 1;
      }, r -> { }, e -> { });
      threads.idle().submit(() -> {
        assertTrue(first.getCount() == 0);
        second.countDown();
        return 2;
      }, r -> { }, e -> { });
      // Long enough for a free thread to have run both many times over.
      assertFalse(first.await(300, TimeUnit.MILLISECONDS), "idle work ran before the picture");
      threads.firstPictureShown();
      assertTrue(second.await(10, TimeUnit.SECONDS), "idle work never ran");
    } finally {
      threads.close();
    }
  }
}
