package org.descent.app.model;

import javafx.animation.AnimationTimer;

/**
 * At most one request per interval, however many changes came in between: a view marks itself
 * changed from any of its listeners, and the next JavaFX pulse at least {@code minNanos} after
 * the last request makes one (a chart redrawn on a worker, say; with 0, a canvas redrawn once
 * per pulse). The first pulse makes one. Use on the JavaFX thread.
 *
 * <p>A running AnimationTimer is held by the toolkit, and through its request the view and its
 * model: a view that is closed must {@link #stop} its throttle, or it lives as long as the JavaFX
 * toolkit (a window per test, in the test suite).
 */
public final class FrameThrottle {

  private final AnimationTimer timer;
  private boolean changed = true;
  private long last;

  public FrameThrottle(long minNanos, Runnable request) {
    timer = new AnimationTimer() {
      @Override
      public void handle(long now) {
        if (changed && now - last >= minNanos) {
          changed = false;
          last = now;
          request.run();
        }
      }
    };
    timer.start();
  }

  /** Something the next request must show has changed. */
  public void mark() {
    changed = true;
  }

  /** No request any more, whatever is marked: the view is closed. */
  public void stop() {
    timer.stop();
  }
}
