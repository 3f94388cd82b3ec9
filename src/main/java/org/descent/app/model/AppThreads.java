package org.descent.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.descent.analysis.Workers;
import org.descent.training.TrainingListener;
import org.descent.training.TrainingService;

/**
 * Every thread the app starts is created, named and shut down here (JabRef's TaskExecutor
 * idea), and handed to the views and services that need one. The JavaFX thread never waits on
 * any of them: results come back with {@code Platform.runLater}.
 *
 * <ul>
 *   <li>{@code descent-race}, one thread: the traces, so a slider's new paths never queue
 *       behind a frame;
 *   <li>{@code descent-render}, cores − 1 threads: contour fields, surfaces, charts, pictures,
 *       thumbnails and the typeset update rules;
 *   <li>{@code descent-slice} and {@code descent-beside}, one each: the network's loss
 *       landscape and the function beside, slow pictures that must not hold up the map;
 *   <li>{@code descent-idle}, one thread: work nobody waits for (the demos' list, the lectures,
 *       a student's answers), held back until the window's first picture is on screen, so
 *       that on two cores it never competes with that picture;
 *   <li>{@code descent-analysis}: the analyses' and basins' parallel work;
 *   <li>{@code descent-training-…}: the network's training service;
 *   <li>named one-off threads ({@code descent-export}, an analysis's driver), started by
 *       {@link #start}.
 * </ul>
 */
public final class AppThreads implements AutoCloseable {

  private final Background race;
  private final Background render;
  private final Background map;
  private final List<Pool> pools = new ArrayList<>();
  private final Background slices;
  private final Background beside;
  private final Background idle;
  private final java.util.concurrent.CountDownLatch firstPicture =
      new java.util.concurrent.CountDownLatch(1);
  private final Workers analysis = new Workers();

  /** The app's threads. */
  public static AppThreads create() {
    return new AppThreads(null, null);
  }

  /**
   * Threads whose race and render work runs where the given backgrounds run it (tests pass
   * one that runs work at once); null for the app's own pools.
   */
  public AppThreads(Background race, Background render) {
    this.race = race != null ? race : pool("descent-race", 1);
    this.render = render != null ? render : pool("descent-render",
        Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    // The map's frames on a thread of their own: a field or a chart being computed never
    // holds up a slider's frame.
    map = render != null ? render : pool("descent-map", 1);
    slices = pool("descent-slice", 1);
    beside = pool("descent-beside", 1);
    if (render != null) {
      idle = render;
    } else {
      Pool p = pool("descent-idle", 1);
      // Its first job waits for the first picture; should that never come (a window that
      // fails to draw), the rest still runs.
      p.executor.execute(() -> {
        try {
          firstPicture.await(IDLE_AT_LATEST_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      idle = p;
    }
  }

  /** How long idle work waits at most for the first picture. */
  private static final long IDLE_AT_LATEST_MS = 5000;

  /**
   * Work nobody waits for, run once {@link #firstPictureShown} has been called (or 5 s after
   * the threads were made).
   */
  public Background idle() {
    return idle;
  }

  /** The window's first picture is on screen: the idle work may start. */
  public void firstPictureShown() {
    firstPicture.countDown();
  }

  private Pool pool(String name, int threads) {
    Pool p = new Pool(name, threads);
    pools.add(p);
    return p;
  }

  /** The traces. */
  public Background race() {
    return race;
  }

  /** Pictures, fields, charts and thumbnails. */
  public Background render() {
    return render;
  }

  /** The contour map's frames. */
  public Background map() {
    return map;
  }

  /** The network's loss landscape and gradient check. */
  public Background slices() {
    return slices;
  }

  /** The function beside a demo's own. */
  public Background beside() {
    return beside;
  }

  /** The analyses' parallel workers. */
  public Workers analysis() {
    return analysis;
  }

  /** A training service for the network, reporting to {@code listener} on its threads. */
  public TrainingService training(TrainingListener listener) {
    return new TrainingService(listener);
  }

  /** Starts {@code work} on a new daemon thread named {@code name} (a one-off job). */
  public void start(String name, Runnable work) {
    daemon(name, work).start();
  }

  /**
   * Loads ahead, at the lowest priority, what the first picture needs, while JavaFX starts
   * (before there is an AppThreads to ask).
   */
  public static void warmUp(Runnable work) {
    Thread t = daemon("descent-warm-up", work);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static Thread daemon(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    return t;
  }

  /** Stops every pool (running work is interrupted); the app is closing. */
  @Override
  public void close() {
    pools.forEach(Pool::shutdown);
    analysis.close();
  }

  /** Work on a pool of daemon threads, results on the JavaFX thread. */
  private static final class Pool implements Background {

    private final ExecutorService executor;

    Pool(String name, int threads) {
      AtomicInteger count = new AtomicInteger();
      executor = Executors.newFixedThreadPool(threads, r -> daemon(name + "-"
          + count.incrementAndGet(), r));
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<T> onResult,
        Consumer<Throwable> onError) {
      try {
        executor.execute(() -> {
          try {
            T result = work.call();
            Platform.runLater(() -> onResult.accept(result));
          } catch (Throwable e) {
            Platform.runLater(() -> onError.accept(e));
          }
        });
      } catch (RejectedExecutionException e) {
        // the app is closing: a result asked for by an event still queued has no one to see it
      }
    }

    void shutdown() {
      executor.shutdownNow();
    }
  }
}
