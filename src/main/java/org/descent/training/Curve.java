package org.descent.training;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's evaluations and stored iterates with bounded memory however long it trains: when
 * {@link #MAX_POINTS} points are kept, every other one is dropped and from then on only every
 * second evaluation is kept (the spacing doubles each time), so a run of a million steps keeps
 * between 1,000 and 2,000 evenly spaced points; the latest evaluation is always kept too.
 * Iterates are thinned the same way, at most {@link #MAX_ITERATES} of them and at most
 * {@link #MAX_ITERATE_VALUES} numbers in all. The sharpness is thinned as the points are.
 */
final class Curve {

  static final int MAX_POINTS = 2000;
  static final int MAX_ITERATES = 200;
  static final long MAX_ITERATE_VALUES = 16_000_000;

  private final List<TrainingPoint> points = new ArrayList<>();
  private TrainingPoint latest;
  private long offered;
  private long stride = 1;

  private final List<double[]> iterates = new ArrayList<>();
  private final List<Integer> iterateSteps = new ArrayList<>();
  private double[] latestIterate;
  private int latestIterateStep;
  private long iteratesOffered;
  private long iterateStride = 1;
  private final int iterateCap;

  private final List<Sharpness> sharpness = new ArrayList<>();
  private Sharpness latestSharpness;
  private long sharpnessOffered;
  private long sharpnessStride = 1;

  Curve(int parameters) {
    iterateCap = (int) Math.max(2, Math.min(MAX_ITERATES, MAX_ITERATE_VALUES / parameters));
  }

  /** Adds an evaluation. */
  void add(TrainingPoint p) {
    if (offered++ % stride == 0) {
      points.add(p);
      if (points.size() > MAX_POINTS) {
        thin(points);
        stride *= 2;
      }
    }
    latest = p;
  }

  /** Adds the weights of an evaluated step (kept, not copied: the caller gives a copy). */
  void addIterate(int step, double[] theta) {
    if (iteratesOffered++ % iterateStride == 0) {
      iterates.add(theta);
      iterateSteps.add(step);
      if (iterates.size() > iterateCap) {
        thin(iterates);
        thin(iterateSteps);
        iterateStride *= 2;
      }
    }
    latestIterate = theta;
    latestIterateStep = step;
  }

  /** Adds a sharpness, thinned as the points are. */
  void addSharpness(Sharpness x) {
    if (sharpnessOffered++ % sharpnessStride == 0) {
      sharpness.add(x);
      if (sharpness.size() > MAX_POINTS) {
        thin(sharpness);
        sharpnessStride *= 2;
      }
    }
    latestSharpness = x;
  }

  /** The kept sharpness and the latest. */
  List<Sharpness> sharpness() {
    List<Sharpness> out = new ArrayList<>(sharpness);
    if (latestSharpness != null && (out.isEmpty() || out.get(out.size() - 1) != latestSharpness)) {
      out.add(latestSharpness);
    }
    return out;
  }

  private static <T> void thin(List<T> list) {
    int w = 0;
    for (int r = 0; r < list.size(); r += 2) {
      list.set(w++, list.get(r));
    }
    list.subList(w, list.size()).clear();
  }

  /** The kept points and the latest. */
  List<TrainingPoint> points() {
    List<TrainingPoint> out = new ArrayList<>(points);
    if (latest != null && (out.isEmpty() || out.get(out.size() - 1) != latest)) {
      out.add(latest);
    }
    return out;
  }

  Trajectory trajectory() {
    List<double[]> its = new ArrayList<>(iterates);
    List<Integer> steps = new ArrayList<>(iterateSteps);
    if (latestIterate != null && (its.isEmpty() || its.get(its.size() - 1) != latestIterate)) {
      its.add(latestIterate);
      steps.add(latestIterateStep);
    }
    return new Trajectory(steps.stream().mapToInt(Integer::intValue).toArray(), its);
  }
}
