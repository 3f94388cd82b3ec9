package org.descent.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The threads the maps are computed on: a fixed pool of daemon threads named
 * {@value #THREAD_NAME}-N, one per core by default. The app keeps one for its lifetime; a
 * command creates one and closes it. {@link #forEach} splits work into numbered blocks that the
 * threads take in turn, and returns only when no worker is still busy with it, so a cancelled
 * map never keeps computing behind the next one.
 */
public final class Workers implements AutoCloseable {

  /** The prefix of every worker thread's name (tests count them). */
  public static final String THREAD_NAME = "descent-analysis";

  /** How often the calling thread reports progress while it waits. */
  private static final long PROGRESS_MILLIS = 50;

  private final int threads;
  private final ExecutorService pool;

  /** One thread per core. */
  public Workers() {
    this(Runtime.getRuntime().availableProcessors());
  }

  public Workers(int threads) {
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be between 1 and 1024, got " + threads);
    }
    this.threads = threads;
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, THREAD_NAME + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.pool = Executors.newFixedThreadPool(threads, factory);
  }

  public int threads() {
    return threads;
  }

  /** A piece of work on one block, with the worker's own scratch state. */
  @FunctionalInterface
  public interface Block<S> {
    void run(S state, int block);
  }

  /**
   * Runs {@code body} for every block 0 ≤ b &lt; count on the pool; each worker thread makes
   * its own state once ({@code perWorker}: evaluators and buffers are not thread-safe). Blocks
   * are taken in increasing order. The calling thread waits, reporting the fraction of blocks
   * done to {@code progress} (mapped into [from, to] of the whole computation).
   *
   * @throws CancellationException when {@code cancel} was set, or the calling thread was
   *     interrupted, before every block was done; no worker is still running the work then
   */
  public <S> void forEach(int count, Supplier<S> perWorker, Block<S> body,
      Cancellation cancel, AnalysisListener<?> listener, double from, double to) {
    if (count <= 0) {
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Cancellation stop = new Cancellation();
    int n = Math.min(threads, count);
    CountDownLatch finished = new CountDownLatch(n);
    List<Runnable> tasks = new ArrayList<>(n);
    for (int w = 0; w < n; w++) {
      tasks.add(() -> {
        try {
          S state = perWorker.get();
          int b;
          while (!stop.isCancelled() && !cancel.isCancelled()
              && (b = next.getAndIncrement()) < count) {
            body.run(state, b);
            done.incrementAndGet();
          }
        } catch (CancellationException e) {
          stop.cancel();
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
          stop.cancel();
        } finally {
          finished.countDown();
        }
      });
    }
    for (Runnable task : tasks) {
      try {
        pool.execute(task);
      } catch (RejectedExecutionException e) {
        // Closed while a computation was starting: run that share here.
        task.run();
      }
    }
    boolean interrupted = false;
    while (true) {
      try {
        if (finished.await(PROGRESS_MILLIS, TimeUnit.MILLISECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        // Interrupted (Task.cancel(true)): the same as a cancel, also for the blocks running.
        interrupted = true;
        stop.cancel();
        cancel.cancel();
      }
      listener.progress(from + (to - from) * done.get() / count);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
    if (done.get() < count) {
      throw new CancellationException("cancelled");
    }
    listener.progress(to);
  }

  /** Stops the threads (waiting briefly for running blocks to see their flag). */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
