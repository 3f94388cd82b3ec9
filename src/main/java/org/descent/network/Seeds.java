package org.descent.network;

/**
 * Independent seeds for the independent random choices of one setup (the data, the split, the
 * initial weights, the batch order, the slice directions, the start vectors of the curvature's Lanczos runs), derived from its one seed, so that
 * changing the batch size does not change the initial weights, and the same seed always gives
 * the same run.
 */
public final class Seeds {

  public static final long DATA = 1;
  public static final long SPLIT = 2;
  public static final long INIT = 3;
  public static final long BATCHES = 4;
  public static final long DIRECTIONS = 5;
  public static final long CURVATURE = 6;

  private Seeds() {}

  /** The seed for one purpose: SplitMix64's finalizer of seed + purpose × the golden gamma. */
  public static long derive(long seed, long purpose) {
    long z = seed + purpose * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
