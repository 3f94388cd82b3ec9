package org.descent.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.descent.picture.Pictures;
import org.descent.picture.RaceScene;
import org.descent.render.Camera;

/**
 * Draws an animation's frames on several threads (frames are independent: each thread has its
 * own painters) and hands them to the sinks: PNG frames are encoded where they are drawn, a
 * GIF or a video gets them in order on the calling thread. Cancellation is checked between
 * frames; a cancelled or failed export leaves whole files only, and says what it wrote.
 */
public final class AnimationExport {

  /** Progress reports, and the way to cancel. */
  public interface Progress {
    /** {@code done} of {@code total} frames have been written. */
    void frames(int done, int total);

    /** Whether the user asked to stop. */
    boolean cancelled();

    /** An export nobody watches and nobody stops (a benchmark, a test). */
    Progress NONE = new Progress() {
      @Override
      public void frames(int done, int total) {
      }

      @Override
      public boolean cancelled() {
        return false;
      }
    };
  }

  /**
   * What an export did.
   *
   * @param drawNanos time spent drawing, over all threads
   * @param encodeNanos time spent encoding and writing, over all threads
   */
  public record Result(int frames, int total, boolean cancelled, List<String> written,
      long drawNanos, long encodeNanos, long wallNanos) {

    /** "wrote 200 frames in out/; race.gif (200 frames, 3.1 MB)", or what was left. */
    public String summary() {
      String what = String.join("; ", written);
      return cancelled ? "cancelled after " + frames + " of " + total + " frames"
          + (what.isEmpty() ? "" : ": kept " + what) : "wrote " + what;
    }
  }

  private AnimationExport() {}

  /**
   * Runs the export.
   *
   * @param threads drawing threads (the machine's cores)
   * @throws IOException when a sink cannot write (a {@link SinkFailure}, which names it; then
   *     nothing half-written is left)
   */
  public static Result run(RaceScene scene, Animation a, List<FrameSink> sinks,
      Progress progress, int threads) throws IOException {
    long start = System.nanoTime();
    int total = a.frames();
    AtomicLong draw = new AtomicLong();
    AtomicLong encode = new AtomicLong();
    List<FrameSink> parallel = sinks.stream().filter(FrameSink::parallel).toList();
    List<FrameSink> ordered = sinks.stream().filter(s -> !s.parallel()).toList();
    int n = Math.max(1, threads);
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "descent-export-" + names.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ThreadLocal<Pictures> painters = ThreadLocal.withInitial(Pictures::new);
    Deque<Future<BufferedImage>> inFlight = new ArrayDeque<>();
    int done = 0;
    boolean cancelled = false;
    try {
      int next = 0;
      while (done < total) {
        while (next < total && inFlight.size() < 2 * n && !progress.cancelled()) {
          int frame = next++;
          inFlight.add(pool.submit(() -> {
            long t0 = System.nanoTime();
            RaceScene seen = a.turn() ? scene.withCamera(turned(scene.camera(), a, frame))
                : scene;
            BufferedImage img = painters.get().draw(a.view(), seen, a.step(frame), a.width(),
                a.height(), a.look());
            long t1 = System.nanoTime();
            draw.addAndGet(t1 - t0);
            for (FrameSink s : parallel) {
              accept(s, frame, img);
            }
            encode.addAndGet(System.nanoTime() - t1);
            return img;
          }));
        }
        if (progress.cancelled()) {
          cancelled = true;
          break;
        }
        BufferedImage img = await(inFlight.poll());
        long t0 = System.nanoTime();
        for (FrameSink s : ordered) {
          accept(s, done, img);
        }
        encode.addAndGet(System.nanoTime() - t0);
        done++;
        progress.frames(done, total);
      }
      if (!cancelled) {
        for (FrameSink s : sinks) {
          try {
            s.finish();
          } catch (IOException e) {
            throw new SinkFailure(s, e);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      for (FrameSink s : sinks) {
        s.abort();
      }
      throw e;
    } finally {
      for (Future<BufferedImage> f : inFlight) {
        f.cancel(true);
      }
      pool.shutdownNow();
      // A frame being encoded when the export stops would otherwise finish (or clean up its
      // temporary file) after the caller was told what is on disk.
      awaitWorkers(pool);
    }
    if (cancelled) {
      for (FrameSink s : sinks) {
        s.abort();
      }
    }
    List<String> written = new ArrayList<>();
    for (FrameSink s : sinks) {
      if (!cancelled || s.parallel()) {
        written.add(s.describe());
      }
    }
    return new Result(done, total, cancelled, written, draw.get(), encode.get(),
        System.nanoTime() - start);
  }

  /**
   * A sink that could not write, with the sink: with a GIF, a video and frames written at once,
   * the message must say which file failed. The message is the cause's.
   */
  public static final class SinkFailure extends IOException {
    private final transient FrameSink sink;

    SinkFailure(FrameSink sink, IOException cause) {
      super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
      this.sink = sink;
    }

    /** The sink that failed. */
    public FrameSink sink() {
      return sink;
    }

    /** What went wrong, as the sink's writer reported it. */
    public IOException reason() {
      return (IOException) getCause();
    }
  }

  private static void accept(FrameSink s, int frame, BufferedImage img) throws SinkFailure {
    try {
      s.accept(frame, img);
    } catch (SinkFailure e) {
      throw e;
    } catch (IOException e) {
      throw new SinkFailure(s, e);
    }
  }

  private static void awaitWorkers(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
        return; // a worker stuck in a write: what it leaves, its own clean-up removes
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Camera turned(Camera c, Animation a, int frame) {
    return new Camera(c.azimuth() + a.turnAt(frame), c.elevation(), c.zoom());
  }

  private static BufferedImage await(Future<BufferedImage> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause.toString(), cause);
    }
  }
}
