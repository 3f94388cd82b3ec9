package org.descent.optim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The immutable configuration of one optimizer in a race: its algorithm, label, hyperparameter
 * values, and the first-order options (gradient clipping by norm, learning-rate schedule,
 * iterate averaging). The constructor rejects invalid values with plain messages.
 *
 * @param values a value for every hyperparameter of the type (see {@link #of})
 * @param clip maximum gradient norm, or {@code Double.POSITIVE_INFINITY} for no clipping
 */
public record OptimizerSpec(OptimizerType type, String label, Map<Param, Double> values,
    double clip, LearningRateSchedule schedule, Averaging averaging) {

  public OptimizerSpec {
    EnumMap<Param, Double> copy = new EnumMap<>(Param.class);
    for (Param p : type.params()) {
      Double v = values.get(p);
      if (v == null) {
        v = type.defaultValue(p);
      }
      p.problem(v).ifPresent(msg -> {
        throw new IllegalArgumentException(msg);
      });
      copy.put(p, v);
    }
    for (Param p : values.keySet()) {
      if (!type.params().contains(p)) {
        throw new IllegalArgumentException(type.key() + " has no hyperparameter " + p.key()
            + (type.params().isEmpty() ? "" : "; it takes " + keys(type)));
      }
    }
    if (copy.containsKey(Param.C1) && copy.containsKey(Param.C2)
        && !(copy.get(Param.C1) < copy.get(Param.C2))) {
      throw new IllegalArgumentException("the Wolfe constants need c1 < c2, got c1 = "
          + Param.formatNumber(copy.get(Param.C1)) + ", c2 = "
          + Param.formatNumber(copy.get(Param.C2)));
    }
    values = Collections.unmodifiableMap(copy);
    if (label == null || label.isBlank()) {
      label = type.key();
    }
    if (!(clip > 0)) {
      throw new IllegalArgumentException("clip must be a positive gradient norm, got "
          + Param.formatNumber(clip));
    }
    if (schedule == null) {
      schedule = new LearningRateSchedule.Constant();
    }
    if (averaging == null) {
      averaging = new Averaging.None();
    }
    if (!type.firstOrder()) {
      if (clip != Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("clip applies to first-order methods only, not to "
            + type.key());
      }
      if (!(schedule instanceof LearningRateSchedule.Constant)) {
        throw new IllegalArgumentException("schedule applies to first-order methods only, not to "
            + type.key());
      }
    }
  }

  private static String keys(OptimizerType type) {
    return String.join(", ", type.params().stream().map(Param::key).toList());
  }

  /** The defaults of a type, no clipping, constant rate, no averaging. */
  public static OptimizerSpec of(OptimizerType type) {
    return new OptimizerSpec(type, type.key(), Map.of(), Double.POSITIVE_INFINITY,
        new LearningRateSchedule.Constant(), new Averaging.None());
  }

  /** The defaults of a type with some hyperparameters set: {@code of(ADAM, LR, 0.1)}. */
  public static OptimizerSpec of(OptimizerType type, Object... paramsAndValues) {
    EnumMap<Param, Double> v = new EnumMap<>(Param.class);
    for (int i = 0; i < paramsAndValues.length; i += 2) {
      v.put((Param) paramsAndValues[i], ((Number) paramsAndValues[i + 1]).doubleValue());
    }
    return new OptimizerSpec(type, type.key(), v, Double.POSITIVE_INFINITY,
        new LearningRateSchedule.Constant(), new Averaging.None());
  }

  public double get(Param p) {
    Double v = values.get(p);
    if (v == null) {
      throw new IllegalArgumentException(type.key() + " has no hyperparameter " + p.key());
    }
    return v;
  }

  public boolean clipped() {
    return clip != Double.POSITIVE_INFINITY;
  }

  public OptimizerSpec with(Param p, double value) {
    EnumMap<Param, Double> v = new EnumMap<>(values);
    v.put(p, value);
    return new OptimizerSpec(type, label, v, clip, schedule, averaging);
  }

  public OptimizerSpec withLabel(String newLabel) {
    return new OptimizerSpec(type, newLabel, values, clip, schedule, averaging);
  }

  public OptimizerSpec withClip(double maxNorm) {
    return new OptimizerSpec(type, label, values, maxNorm, schedule, averaging);
  }

  public OptimizerSpec withSchedule(LearningRateSchedule s) {
    return new OptimizerSpec(type, label, values, clip, s, averaging);
  }

  public OptimizerSpec withAveraging(Averaging a) {
    return new OptimizerSpec(type, label, values, clip, schedule, a);
  }

  /** A run cannot change its algorithm mid-way, only its hyperparameters. */
  void requireSameType(OptimizerSpec next) {
    if (next.type() != type) {
      throw new IllegalArgumentException("cannot turn " + type.key() + " into "
          + next.type().key() + " mid-run");
    }
  }

  /** A fresh run of this configuration (its own state, starting at step 0). */
  public Optimizer create() {
    return type.create(this);
  }
}
