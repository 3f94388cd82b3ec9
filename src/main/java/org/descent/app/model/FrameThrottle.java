package org.descent.app.model;

import javafx.animation.AnimationTimer;

/**
 * At most one request per interval, however many changes came in between: a view marks itself
 * changed from any of its listeners, and the next JavaFX pulse at least {@code minNanos} after
 * the last request makes one (a chart redrawn on a worker, say). Use on the JavaFX thread.
 */
public final class FrameThrottle {

  private boolean changed = true;
  private long last;
  private final AnimationTimer timer;

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

  /** No more requests: the view is gone (a running timer would keep it reachable). */
  public void stop() {
    timer.stop();
  }

  /** Something the next request must show has changed. */
  public void mark() {
    changed = true;
  }
}
