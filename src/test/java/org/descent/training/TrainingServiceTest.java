package org.descent.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.descent.network.DataSource;
import org.descent.network.NetworkSetup;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/**
 * The background trainer: its snapshots, its threads, and its controls at any moment. No test
 * asserts a duration; waits are for events, with generous limits.
 */
class TrainingServiceTest {

  private static final Duration LONG = Duration.ofSeconds(60);

  private static TrainingRequest request(int steps) {
    NetworkSetup s = NetworkSetup.defaults(DataSource.Synthetic.of("moons")).withSteps(steps)
        .withEvalEvery(50);
    return new TrainingRequest(s, List.of(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.1),
        OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.01),
        OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.05)));
  }

  /** Collects snapshots, and the threads that delivered them. */
  private static final class Collector implements TrainingListener {
    final LinkedBlockingQueue<TrainingSnapshot> queue = new LinkedBlockingQueue<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    public void onSnapshot(TrainingSnapshot s) {
      threads.add(Thread.currentThread().getName());
      queue.add(s);
    }

    TrainingSnapshot until(java.util.function.Predicate<TrainingSnapshot> p)
        throws InterruptedException {
      long end = System.nanoTime() + LONG.toNanos();
      while (System.nanoTime() < end) {
        TrainingSnapshot s = queue.poll(100, TimeUnit.MILLISECONDS);
        if (s != null && p.test(s)) {
          return s;
        }
      }
      throw new AssertionError("no such snapshot within " + LONG);
    }
  }

  private static long threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
  }

  private static void awaitIdle(TrainingService service) throws InterruptedException {
    long end = System.nanoTime() + LONG.toNanos();
    while (!service.idle() && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertTrue(service.idle(), "the workers went idle");
  }

  @Test
  void theServiceComputesWhatTheTrainerComputesOnItsOwnThreads() throws Exception {
    Collector c = new Collector();
    try (TrainingService service = new TrainingService(c, 2, Duration.ofMillis(50))) {
      service.start(request(200));
      TrainingSnapshot last = c.until(TrainingSnapshot::finished);
      assertEquals(3, last.runs().size());
      assertEquals(600, last.stepsDone());
      assertEquals(600, last.stepsTotal());
      assertEquals(1.0, last.progress());
      List<RunSnapshot> sync = Trainer.train(TrainingPlan.prepare(request(200)));
      for (int i = 0; i < 3; i++) {
        RunSnapshot r = last.runs().get(i);
        assertEquals(sync.get(i).label(), r.label());
        assertEquals(i, r.index());
        assertEquals(sync.get(i).points(), r.points(), "bit for bit: " + r.label());
        assertTrue(r.finished() && r.grid() != null && r.layers().size() == 2);
      }
      assertTrue(last.data() != null && last.architecture() != null);
      for (String t : c.threads) {
        assertTrue(t.startsWith(TrainingService.THREAD_PREFIX), t);
      }
    }
  }

  @Test
  void theSharpnessComesInTheSnapshotsAsTheTrainerComputesIt() throws Exception {
    Collector c = new Collector();
    try (TrainingService service = new TrainingService(c, 2, Duration.ofMillis(50))) {
      TrainingRequest request = request(60).withSharpnessEvery(25);
      service.start(request);
      TrainingSnapshot last = c.until(TrainingSnapshot::finished);
      List<RunSnapshot> sync = Trainer.train(TrainingPlan.prepare(request));
      for (int i = 0; i < 3; i++) {
        RunSnapshot r = last.runs().get(i);
        assertEquals(List.of(0, 25, 50, 60), r.sharpness().stream().map(Sharpness::step)
            .toList(), r.label());
        assertEquals(sync.get(i).sharpness(), r.sharpness(), "bit for bit: " + r.label());
        assertTrue(r.sharpness().stream().allMatch(x -> x.lambdaMax() > 0), r.label());
      }
    }
  }

  @Test
  void cancelStopsEveryRunWithinOneStep() throws Exception {
    Collector c = new Collector();
    try (TrainingService service = new TrainingService(c, 2, Duration.ofMillis(50))) {
      service.start(request(1_000_000));
      c.until(s -> !s.runs().isEmpty() && s.runs().stream().allMatch(r -> r.step() > 10));
      TrainingService.Generation g = service.currentGeneration();
      service.cancel();
      int[] atCancel = TrainingService.steps(g);
      awaitIdle(service);
      int[] after = TrainingService.steps(g);
      for (int i = 0; i < after.length; i++) {
        assertTrue(after[i] <= atCancel[i] + 1, "run " + i + ": " + atCancel[i] + " -> "
            + after[i]);
      }
      Thread.sleep(200);
      assertEquals(java.util.Arrays.toString(after),
          java.util.Arrays.toString(TrainingService.steps(g)), "nothing runs after a cancel");
      c.queue.clear();
      Thread.sleep(200);
      assertTrue(c.queue.stream().noneMatch(s -> s.generation() == g.id),
          "no snapshot of a cancelled training");
    }
  }

  @Test
  void pauseHoldsTheRunsAndResumeLetsThemFinish() throws Exception {
    Collector c = new Collector();
    try (TrainingService service = new TrainingService(c, 2, Duration.ofMillis(50))) {
      service.start(request(20_000));
      c.until(s -> !s.runs().isEmpty() && s.runs().stream().allMatch(r -> r.step() > 0));
      service.pause();
      TrainingService.Generation g = service.currentGeneration();
      awaitIdle(service);
      int[] held = TrainingService.steps(g);
      Thread.sleep(200);
      assertEquals(java.util.Arrays.toString(held),
          java.util.Arrays.toString(TrainingService.steps(g)));
      assertTrue(service.isPaused());
      service.resume();
      TrainingSnapshot done = c.until(TrainingSnapshot::finished);
      assertEquals(60_000, done.stepsDone());
    }
  }

  @Test
  void restartsInQuickSuccessionStartOneTraining() throws Exception {
    Collector c = new Collector();
    try (TrainingService service = new TrainingService(c, 2, Duration.ofMillis(300))) {
      service.start(request(1_000_000));
      c.until(s -> !s.runs().isEmpty());
      long first = service.generation();
      for (int i = 0; i < 10; i++) {
        service.restart(request(100 + i));
      }
      assertEquals(0, service.generation(), "restarting: the old training has stopped");
      TrainingSnapshot s = c.until(x -> x.generation() != first && x.finished());
      assertEquals(first + 1, s.generation(), "one new training, not ten");
      assertEquals(3 * 109, s.stepsTotal(), "the last request");
    }
  }

  @Test
  void aBadFileComesBackAsAProblemNotAnException() throws Exception {
    Collector c = new Collector();
    try (TrainingService service = new TrainingService(c, 1, Duration.ofMillis(50))) {
      NetworkSetup s = NetworkSetup.defaults(new DataSource.Csv("/nonexistent/points.csv"));
      service.start(new TrainingRequest(s, List.of(OptimizerSpec.of(OptimizerType.SGD))));
      TrainingSnapshot t = c.until(TrainingSnapshot::finished);
      assertEquals("/nonexistent/points.csv: no such file", t.problem());
      assertTrue(t.runs().isEmpty());
    }
  }

  @Test
  void twoHundredStartCancelRestartCyclesLeaveNoThreadBehind() throws Exception {
    String prefix = TrainingService.THREAD_PREFIX;
    // Services of earlier tests (the app's windows) end their threads asynchronously after
    // close(): wait for them, so that every thread counted below is this test's.
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (threads(prefix) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long before = threads(prefix);
    assertEquals(0, before, "no training threads before the test");
    CopyOnWriteArrayList<Long> peaks = new CopyOnWriteArrayList<>();
    TrainingService service = new TrainingService(s -> { }, 2, Duration.ofMillis(5));
    for (int i = 0; i < 200; i++) {
      service.start(request(100_000));
      if (i % 2 == 0) {
        service.cancel();
      }
      service.restart(request(1000));
      if (i % 5 == 0) {
        service.pause();
        service.resume();
      }
      peaks.add(threads(prefix));
    }
    service.close();
    assertTrue(service.awaitTermination(LONG));
    for (long p : peaks) {
      assertTrue(p <= 3, "at most 2 workers and the timer: " + p);
    }
    for (int i = 0; i < 20; i++) { // services made and closed
      TrainingService s = new TrainingService(x -> { });
      s.start(request(1000));
      s.close();
      assertTrue(s.awaitTermination(LONG));
    }
    long end = System.nanoTime() + LONG.toNanos();
    while (threads(prefix) > 0 && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertEquals(0, threads(prefix), "every training thread has ended");
    service.start(request(10)); // a closed service ignores requests
    assertFalse(threads(prefix) > 0);
  }
}
