package org.descent.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.descent.network.NetworkInputException;

/**
 * Trains the network in the background: one run per optimizer card, all from the same initial
 * weights and batch order, side by side on the machine's cores, publishing immutable
 * {@link TrainingSnapshot}s to a listener at most about 30 times a second. No method blocks
 * the caller: {@link #start}, {@link #restart}, {@link #pause}, {@link #resume} and
 * {@link #cancel} return at once and take effect within one optimizer step of each run.
 *
 * <p>Threads: a fixed pool of daemon workers ({@code descent-training-worker-N}) and one
 * daemon timer ({@code descent-training-timer}) that publishes and debounces, created here and
 * ended by {@link #close}. A run does a slice of about 20 ms of steps and then goes back in the
 * queue, so more runs than cores still advance together. Loading the data and weights happens
 * on a worker too; a bad file comes back as a snapshot whose {@code problem} says why.
 *
 * <p>Restarts are debounced here: {@link #restart} stops the current training at once, and the
 * new one starts when no other restart has come for the debounce time (200 ms by default), so a
 * slider dragged across its range starts one training, not a hundred. {@link #start} starts at
 * once.
 *
 * <p>Pausing is a state of the service: a training started or restarted while paused waits,
 * after evaluating its initial weights, for {@link #resume}.
 *
 * <p>The decision regions and the activation diagnostics of a run are recomputed at an
 * evaluation when {@value #VISUALS_INTERVAL_MS} ms have passed since the last, at the end of
 * the run, and at the first evaluation after {@link #requestDiagnostics}.
 */
public final class TrainingService implements AutoCloseable {

  /** The prefix of every thread of a service. */
  public static final String THREAD_PREFIX = "descent-training-";
  /** The least time between two snapshots. */
  public static final long PUBLISH_INTERVAL_MS = 33;
  /** The least time between two recomputations of a run's grid and diagnostics. */
  public static final long VISUALS_INTERVAL_MS = 150;
  public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(200);
  private static final long SLICE_NANOS = 20_000_000;

  private final TrainingListener listener;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final long debounceNanos;
  private final Object lock = new Object();
  private volatile Generation current;
  private long generations;
  private ScheduledFuture<?> pendingRestart;
  private volatile boolean paused;
  private boolean closed;
  private final AtomicInteger busy = new AtomicInteger();

  /** A service on every core, with the default debounce. */
  public TrainingService(TrainingListener listener) {
    this(listener, Runtime.getRuntime().availableProcessors(), DEFAULT_DEBOUNCE);
  }

  /**
   * @param threads worker threads (1 to 64)
   * @param debounce how long {@link #restart} waits for quiet
   */
  public TrainingService(TrainingListener listener, int threads, Duration debounce) {
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be between 1 and 64, got " + threads);
    }
    this.listener = listener;
    this.debounceNanos = debounce.toNanos();
    this.workers = Executors.newFixedThreadPool(threads, named("worker-"));
    this.timer = Executors.newSingleThreadScheduledExecutor(named("timer"));
    timer.scheduleAtFixedRate(this::publishSafely, PUBLISH_INTERVAL_MS, PUBLISH_INTERVAL_MS,
        TimeUnit.MILLISECONDS);
  }

  private static ThreadFactory named(String kind) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, THREAD_PREFIX + kind
          + (kind.endsWith("-") ? Integer.toString(count.incrementAndGet()) : ""));
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops whatever trains and starts this training now. */
  public void start(TrainingRequest request) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      cancelLocked();
      Generation g = new Generation(++generations, request);
      current = g;
      submit(g::prepare);
    }
  }

  /**
   * Stops whatever trains now and starts this training once no other restart has come for the
   * debounce time.
   */
  public void restart(TrainingRequest request) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      cancelLocked();
      pendingRestart = timer.schedule(() -> start(request), debounceNanos,
          TimeUnit.NANOSECONDS);
    }
  }

  /** Stops the training (and a pending restart); its snapshots stop. */
  public void cancel() {
    synchronized (lock) {
      cancelLocked();
    }
  }

  private void cancelLocked() {
    if (pendingRestart != null) {
      pendingRestart.cancel(false);
      pendingRestart = null;
    }
    Generation g = current;
    if (g != null) {
      g.cancelled = true;
      current = null;
    }
  }

  /** Holds every run after its current step; snapshots keep coming (unchanged). */
  public void pause() {
    paused = true;
  }

  /** Lets the runs go on. */
  public void resume() {
    paused = false;
    Generation g = current;
    if (g != null) {
      for (Driver d : g.drivers()) {
        if (d.parked.compareAndSet(true, false)) {
          submit(d);
        }
      }
    }
  }

  public boolean isPaused() {
    return paused;
  }

  /** The runs recompute their grids and diagnostics at their next evaluation. */
  public void requestDiagnostics() {
    Generation g = current;
    if (g != null) {
      for (Driver d : g.drivers()) {
        d.visualsWanted = true;
      }
    }
  }

  /** The generation of the training now (0 before the first start). */
  public long generation() {
    Generation g = current;
    return g == null ? 0 : g.id;
  }

  /** Cancels the training and ends the service's threads; the service cannot start again. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      cancelLocked();
    }
    timer.shutdownNow();
    workers.shutdownNow();
  }

  /** Waits until the threads have ended after {@link #close}. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    return workers.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)
        && timer.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** For tests: whether no worker is busy (after a cancel, once the last steps are done). */
  boolean idle() {
    return busy.get() == 0;
  }

  /** For tests: the step of every run of the current or the given generation. */
  static int[] steps(Generation g) {
    List<Driver> ds = g.drivers();
    int[] s = new int[ds.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = ds.get(i).run.step();
    }
    return s;
  }

  Generation currentGeneration() {
    return current;
  }

  private void submit(Runnable task) {
    try {
      workers.execute(() -> {
        busy.incrementAndGet();
        try {
          task.run();
        } finally {
          busy.decrementAndGet();
        }
      });
    } catch (RejectedExecutionException e) {
      // closed meanwhile: nothing more to run
    }
  }

  private void publishSafely() {
    try {
      Generation g = current;
      if (g != null) {
        g.publish(false);
      }
    } catch (RuntimeException e) {
      // a failing listener must not stop the timer; the next snapshot is tried again
    }
  }

  /** One start of a training: its runs, its cancellation flag, what it last published. */
  final class Generation {
    final long id;
    final TrainingRequest request;
    volatile boolean cancelled;
    private volatile List<Driver> drivers = List.of();
    private volatile TrainingPlan plan;
    private volatile String problem = "";
    private volatile boolean prepared;
    private final AtomicLong version = new AtomicLong();
    private long publishedVersion = -1;
    private long publishedSteps = -1;
    private boolean publishedFinal;

    Generation(long id, TrainingRequest request) {
      this.id = id;
      this.request = request;
    }

    List<Driver> drivers() {
      return drivers;
    }

    void prepare() {
      if (cancelled) {
        return;
      }
      try {
        TrainingPlan p = TrainingPlan.prepare(request);
        List<Driver> ds = new ArrayList<>();
        for (int i = 0; i < p.runs().size(); i++) {
          ds.add(new Driver(this, new TrainingRun(p, i)));
        }
        plan = p;
        drivers = List.copyOf(ds);
      } catch (NetworkInputException | IllegalArgumentException e) {
        problem = e.getMessage();
      } catch (RuntimeException e) {
        problem = "internal error: " + e;
      }
      prepared = true;
      version.incrementAndGet();
      for (Driver d : drivers) {
        submit(d);
      }
      if (!problem.isEmpty()) {
        publishSoon();
      }
    }

    void changed() {
      version.incrementAndGet();
    }

    /** Asks the timer for a snapshot now (when a run ends), within the rate limit. */
    void publishSoon() {
      try {
        timer.execute(() -> {
          try {
            publish(true);
          } catch (RuntimeException e) {
            // as publishSafely
          }
        });
      } catch (RejectedExecutionException e) {
        // closed
      }
    }

    /** Publishes when something changed (called on the timer thread only). */
    void publish(boolean onlyIfFinal) {
      if (cancelled || !prepared || publishedFinal) {
        return;
      }
      long v = version.get();
      long stepsDone = 0;
      boolean finished = true;
      List<RunSnapshot> runs = new ArrayList<>();
      int steps = plan == null ? 0 : plan.steps();
      for (Driver d : drivers) {
        RunSnapshot s = d.latest;
        boolean done = d.done;
        int step = d.step;
        finished &= done;
        stepsDone += done ? steps : step;
        if (s != null) {
          runs.add(s.atStep(step));
        }
      }
      finished &= runs.size() == drivers.size();
      if (onlyIfFinal && !finished) {
        return;
      }
      if (v == publishedVersion && stepsDone == publishedSteps && !finished) {
        return;
      }
      publishedVersion = v;
      publishedSteps = stepsDone;
      publishedFinal = finished;
      TrainingPlan p = plan;
      listener.onSnapshot(new TrainingSnapshot(id, runs, stepsDone,
          (long) steps * drivers.size(), finished, problem, p == null ? null : p.data(),
          p == null ? null : p.architecture()));
    }
  }

  /** Drives one run in slices of about 20 ms on the workers. */
  final class Driver implements Runnable {
    final Generation generation;
    final TrainingRun run;
    final AtomicBoolean parked = new AtomicBoolean();
    volatile RunSnapshot latest;
    volatile int step;
    volatile boolean done;
    volatile boolean visualsWanted = true;
    private boolean started;
    private long lastVisuals;

    Driver(Generation generation, TrainingRun run) {
      this.generation = generation;
      this.run = run;
    }

    @Override
    public void run() {
      long deadline = System.nanoTime() + SLICE_NANOS;
      try {
        if (!started) {
          started = true;
          TrainingPoint p = run.start();
          after(p != null);
        }
        while (true) {
          if (generation.cancelled) {
            return;
          }
          if (run.finished()) {
            return;
          }
          if (paused) {
            parked.set(true);
            if (paused || !parked.compareAndSet(true, false)) {
              return; // resume() submits this driver again
            }
          }
          TrainingPoint p = run.advance();
          step = run.step();
          if (p != null || run.finished()) {
            after(p != null);
            if (run.finished()) {
              return;
            }
          }
          if (System.nanoTime() > deadline) {
            submit(this);
            return;
          }
        }
      } catch (RuntimeException e) {
        generation.problem = "internal error in " + run.label() + ": " + e;
        done = true;
        generation.changed();
      }
    }

    /** After an evaluation or the end: a new snapshot, with fresh visuals when due. */
    private void after(boolean evaluated) {
      long now = System.nanoTime();
      boolean finished = run.finished();
      if (finished || visualsWanted
          || (evaluated && now - lastVisuals >= VISUALS_INTERVAL_MS * 1_000_000)) {
        run.refreshVisuals();
        visualsWanted = false;
        lastVisuals = System.nanoTime();
      }
      latest = run.snapshot();
      step = run.step();
      done = finished;
      generation.changed();
      if (finished) {
        generation.publishSoon();
      }
    }
  }
}
