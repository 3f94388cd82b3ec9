package org.descent.analysis;

import java.util.List;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;

/**
 * A hyperparameter sweep: each optimizer run from the same start once per value of one
 * hyperparameter, everything else as configured. Works on an {@link Objective} of any dimension
 * (a 2-D toy, or a network's loss over its weights).
 *
 * @param objective the exact function (each worker uses its own {@code copy()})
 * @param start not modified
 * @param optimizers those without the parameter are skipped (listed in the result)
 * @param axis the values; see {@link #defaultAxis}
 * @param target f*, the loss the tolerance is measured from; NaN when unknown (the tolerance
 *     then applies to the gradient norm), see {@link RunOutcome}
 * @param minimum a minimum near the start whose Hessian gives the 2/λmax line, or null
 */
public record SweepRequest(Objective objective, double[] start, List<OptimizerSpec> optimizers,
    Param param, Axis axis, int steps, double noise, long seed, double target, double tolerance,
    double[] minimum) {

  /** The most optimizer steps in all (optimizers × values × steps). */
  public static final long MAX_WORK = 400_000_000L;
  /** The most values on the axis. */
  public static final int MAX_POINTS = 10_000;

  public SweepRequest {
    start = start.clone();
    minimum = minimum == null ? null : minimum.clone();
    optimizers = List.copyOf(optimizers);
    if (start.length != objective.dimension()) {
      throw new IllegalArgumentException("the start has " + start.length
          + " coordinates, the function takes " + objective.dimension());
    }
    checkSweepable(param);
    if (axis.count() > MAX_POINTS) {
      throw new IllegalArgumentException("at most " + MAX_POINTS + " values, got "
          + axis.count());
    }
    checkValues(param, axis);
    checkRuns(steps, tolerance);
    long work = (long) optimizers.size() * axis.count() * steps;
    if (work > MAX_WORK) {
      throw new IllegalArgumentException("too much work: " + optimizers.size()
          + " optimizers x " + axis.count() + " values x " + steps + " steps = " + work
          + " steps; at most " + MAX_WORK + " (use fewer values or fewer steps)");
    }
  }

  @Override
  public double[] start() {
    return start.clone();
  }

  @Override
  public double[] minimum() {
    return minimum == null ? null : minimum.clone();
  }

  /** Refuses an axis with a value the parameter cannot take (a run would refuse it). */
  static void checkValues(Param p, Axis axis) {
    for (int i = 0; i < axis.count(); i++) {
      String problem = p.problem(value(p, axis.value(i))).orElse(null);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
  }

  /** Refuses runs of an impossible length or a tolerance that is not a positive number. */
  static void checkRuns(int steps, double tolerance) {
    if (steps < 0 || steps > BasinRequest.MAX_STEPS) {
      throw new IllegalArgumentException("steps must be between 0 and " + BasinRequest.MAX_STEPS
          + ", got " + steps);
    }
    if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("the tolerance must be positive, got " + tolerance);
    }
  }

  /** Refuses the parameters a sweep cannot vary (choices and switches). */
  static void checkSweepable(Param p) {
    if (p.kind() == Param.Kind.CHOICE || p.kind() == Param.Kind.BOOLEAN) {
      throw new IllegalArgumentException(p.key() + " is a choice, not a number to sweep");
    }
  }

  /** The value a run uses for an axis point: whole-number parameters are rounded. */
  static double value(Param p, double v) {
    return p.kind() == Param.Kind.INTEGER ? Math.rint(v) : v;
  }

  /**
   * The natural axis of a parameter, as the app's sliders: log-spaced for rates and δ
   * (Param.Kind.LOG), in 1 − value for momentum and decay rates (Param.Kind.DECAY), linear for
   * the others (damping, whole numbers).
   */
  public static Axis defaultAxis(Param p, double from, double to, int points) {
    checkSweepable(p);
    Axis.Scale scale = switch (p.kind()) {
      case DECAY -> Axis.Scale.LOG_ONE_MINUS;
      case LOG -> Axis.Scale.LOG;
      default -> Axis.Scale.LINEAR;
    };
    return new Axis(p.key(), from, to, points, scale);
  }
}
