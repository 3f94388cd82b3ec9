package org.descent.export;

import org.descent.picture.Look;
import org.descent.picture.Pictures;

/**
 * What an animation shows and how fast: a view of the race at steps {@code from}, from +
 * every, … up to {@code to} (the last step always included), each frame width × height pixels,
 * played at {@code stepsPerSecond}; the surface may turn slowly while it plays.
 */
public record Animation(Pictures.View view, int width, int height, int from, int to, int every,
    double stepsPerSecond, Look look, boolean turn) {

  /** The largest side of a frame: 4K. */
  public static final int MAX_SIDE = 3840;
  /** The most frames one export may hold. */
  public static final int MAX_FRAMES = 20_000;

  public Animation {
    if (width < 16 || height < 16 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException("frame size must be between 16 x 16 and " + MAX_SIDE
          + " x " + MAX_SIDE + ", got " + width + " x " + height);
    }
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("the steps must run from 0 or more up to a later "
          + "step, got " + from + " to " + to);
    }
    if (every < 1) {
      throw new IllegalArgumentException("every must be at least 1, got " + every);
    }
    if (!(stepsPerSecond > 0) || stepsPerSecond > 10_000) {
      throw new IllegalArgumentException("the speed must be between 0 and 10000 steps per "
          + "second, got " + stepsPerSecond);
    }
    if (frames(from, to, every) > MAX_FRAMES) {
      throw new IllegalArgumentException("too many frames: " + frames(from, to, every)
          + "; at most " + MAX_FRAMES + " (show every n-th step)");
    }
  }

  private static long frames(int from, int to, int every) {
    long n = ((long) to - from) / every + 1;
    return (to - from) % every == 0 ? n : n + 1;
  }

  /** The number of frames. */
  public int frames() {
    return (int) frames(from, to, every);
  }

  /** The step shown by frame i (0-based). */
  public int step(int frame) {
    return Math.min(to, from + frame * every);
  }

  /** How long a frame stays on screen, in seconds. */
  public double frameSeconds() {
    return every / stepsPerSecond;
  }

  /** Frames per second of the video. */
  public double framesPerSecond() {
    return stepsPerSecond / every;
  }

  /**
   * How far the surface has turned at a frame, in radians: a slow turn of about three
   * quarters of a degree per frame, a whole turn at most over the animation.
   */
  public double turnAt(int frame) {
    if (!turn) {
      return 0;
    }
    double total = Math.toRadians(Math.min(360, 0.75 * frames()));
    return frames() <= 1 ? 0 : total * frame / (frames() - 1);
  }
}
