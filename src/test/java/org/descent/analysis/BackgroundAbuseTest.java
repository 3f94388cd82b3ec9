package org.descent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.descent.function.Catalogue;
import org.descent.function.Landscape;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The maps as a restless view uses them: started, cancelled and restarted hundreds of times.
 * Nothing deadlocks (the timeouts only guard against hangs), no worker thread outlives its pool,
 * and memory stays bounded.
 */
class BackgroundAbuseTest {

  static long workerThreads() {
    return workers().size();
  }

  /** The analysis worker threads alive now. */
  static java.util.Set<Thread> workers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(Workers.THREAD_NAME) && t.isAlive())
        .collect(java.util.stream.Collectors.toSet());
  }

  /**
   * None of the worker threads alive now was started after {@code before} was taken: those a
   * test's pools started have ended with them (a thread of an earlier test's window may end
   * meanwhile, which is not this test's to count).
   */
  static void noWorkerStartedSince(java.util.Set<Thread> before) {
    java.util.Set<Thread> now = workers();
    now.removeAll(before);
    // A closed pool's awaitTermination returns once its last worker has signalled its exit,
    // a moment before that thread's run() has returned: give each that moment (a thread that
    // never ends still fails).
    for (Thread t : now) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    now.removeIf(t -> !t.isAlive());
    assertTrue(now.isEmpty(), "every worker thread ended with its pool, still alive: " + now);
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void startCancelRestartHundredsOfTimes() throws Exception {
    Landscape l = Catalogue.find("himmelblau").orElseThrow().instantiate();
    BasinRequest basin = BasinRequest.of(l, 128, OptimizerSpec.of(OptimizerType.MOMENTUM,
        Param.LR, 0.01), 300);
    BasinRequest slow = BasinRequest.of(l, 64, OptimizerSpec.of(OptimizerType.BFGS), 50);
    HyperMapRequest hyper = HyperMapRequest.learningRateMomentum(l.formula().objective(),
        new double[] {-4, 4}, OptimizerSpec.of(OptimizerType.MOMENTUM), 1e-4, 0.05, 24, 300,
        0, 1e-6);
    java.util.Set<Thread> before = workers();
    long memoryBefore = usedAfterGc();
    SplittableRandom random = new SplittableRandom(1);
    int completed = 0;
    int cancelled = 0;
    // The "Task" threads of a view: one computation at a time, each on its own thread.
    ExecutorService tasks = Executors.newSingleThreadExecutor();
    try (Workers workers = new Workers(2)) {
      for (int i = 0; i < 300; i++) {
        Cancellation cancel = new Cancellation();
        int kind = i % 3;
        Future<?> f = tasks.submit(() -> switch (kind) {
          case 0 -> BasinMaps.compute(basin, workers, cancel, AnalysisListener.none());
          case 1 -> BasinMaps.compute(slow, workers, cancel, AnalysisListener.none());
          default -> HyperMaps.compute(hyper, workers, cancel, AnalysisListener.none());
        });
        if (random.nextInt(10) > 0) {
          Thread.sleep(random.nextInt(3));
          if (random.nextBoolean()) {
            cancel.cancel();
          } else {
            f.cancel(true); // as Task.cancel() does: interrupts the waiting thread
          }
        }
        try {
          f.get(60, TimeUnit.SECONDS);
          completed++;
        } catch (CancellationException | java.util.concurrent.ExecutionException e) {
          Throwable cause = e.getCause() == null ? e : e.getCause();
          assertTrue(cause instanceof CancellationException, cause.toString());
          cancelled++;
        }
        assertTrue(workerThreads() <= before.size() + 2, "pool threads only");
      }
    } finally {
      tasks.shutdownNow();
      assertTrue(tasks.awaitTermination(30, TimeUnit.SECONDS));
    }
    assertTrue(cancelled > 100, cancelled + " cancelled");
    assertTrue(completed > 10, completed + " completed");
    noWorkerStartedSince(before);
    // Memory bounded: kept, the 100 basin maps of 128 x 128 alone would hold over 100 MB (the
    // other tests of the run share this heap, hence a difference).
    long growth = usedAfterGc() - memoryBefore;
    assertTrue(growth < 64L << 20, "memory grew by " + (growth >> 20) + " MB");
  }

  static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void poolsCreatedAndClosedLeaveNoThreads() {
    java.util.Set<Thread> before = workers();
    Landscape l = Catalogue.find("quadratic").orElseThrow().instantiate();
    for (int i = 0; i < 100; i++) {
      BasinMaps.compute(BasinRequest.of(l, 8, OptimizerSpec.of(OptimizerType.SGD), 10));
    }
    noWorkerStartedSince(before);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aCancellationSeenAfterTheLastBlockStillEndsCleanly() {
    Landscape l = Catalogue.find("quadratic").orElseThrow().instantiate();
    try (Workers workers = new Workers(2)) {
      Cancellation cancel = new Cancellation();
      cancel.cancel();
      try {
        BasinMaps.compute(BasinRequest.of(l, 8, OptimizerSpec.of(OptimizerType.SGD), 10),
            workers, cancel, AnalysisListener.none());
      } catch (CancellationException expected) {
        // the only acceptable failure
      }
      // The pool still works after a cancelled computation.
      BasinMap map = BasinMaps.compute(BasinRequest.of(l, 8, OptimizerSpec.of(
          OptimizerType.SGD), 10), workers, new Cancellation(), AnalysisListener.none());
      assertEquals(64, map.cells());
    }
  }
}
