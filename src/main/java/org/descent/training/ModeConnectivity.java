package org.descent.training;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.descent.function.Objective;
import org.descent.network.NetworkInputException;
import org.descent.network.NetworkObjective;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;

/**
 * Mode connectivity: the same network trained from two initializations ends in two minima
 * θ_A and θ_B. On the straight line (1 − t) θ_A + t θ_B between them the loss usually climbs
 * over a barrier; yet a quadratic Bézier curve φ(t) = (1 − t)² θ_A + 2t(1 − t) θ + t² θ_B,
 * whose control point θ is trained to minimize the loss averaged along the curve,
 * E_{t ~ U(0, 1)} L(φ(t)), usually finds a path on which it stays low (Garipov et al. 2018,
 * "Loss surfaces, mode connectivity, and fast ensembling of DNNs", section 3.2; Draxler et al.
 * 2018 find such paths by another method). The control point starts at the midpoint of the
 * two minima and is trained with the project's Adam, one t drawn per step, on
 * ∇_θ L(φ(t)) = 2t(1 − t) ∇L(φ(t)).
 *
 * <p>The loss is the mean cross-entropy over the whole training set (training mode; with
 * batch normalization, the whole set's statistics), a function of the weights alone. The
 * barrier of a path is how far its loss climbs above the worse of its two ends:
 * max_t L(path(t)) − max(L(θ_A), L(θ_B)); zero or below means no barrier.
 */
public final class ModeConnectivity {

  /** Adam's rate for the control point: the demos' weights are of order 1. */
  public static final double CURVE_RATE = 0.01;

  private ModeConnectivity() {}

  /**
   * The two minima and the loss along both paths.
   *
   * @param t where the paths are sampled, 0 (θ_A) to 1 (θ_B)
   * @param line the loss along the straight line at each t
   * @param curve the loss along the trained Bézier curve at each t
   * @param lossA the loss at θ_A
   * @param lossB the loss at θ_B
   * @param distance ‖θ_B − θ_A‖, how far apart the two minima are
   */
  public record Result(long seedA, long seedB, String optimizer, double[] t, double[] line,
      double[] curve, double lossA, double lossB, double distance, int curveSteps) {

    /** How far the straight line climbs above the worse end. */
    public double lineBarrier() {
      return barrier(line);
    }

    /** How far the trained curve climbs above the worse end. */
    public double curveBarrier() {
      return barrier(curve);
    }

    /** Where along the straight line (t) its loss is highest. */
    public double lineBarrierAt() {
      return t[argMax(line)];
    }

    private double barrier(double[] path) {
      return path[argMax(path)] - Math.max(lossA, lossB);
    }

    private static int argMax(double[] v) {
      int best = 0;
      for (int i = 1; i < v.length; i++) {
        if (!(v[i] <= v[best])) {
          best = i;
        }
      }
      return best;
    }
  }

  /**
   * Trains run {@code run} of the plan from two seeds, then the curve between its two minima.
   *
   * @param points samples along each path (at least 2)
   * @param curveSteps Adam steps for the curve's control point
   * @param cancelled asked between steps: true stops with null
   * @return the result, or null when cancelled
   * @throws NetworkInputException when a run cannot start or diverges, or the weights come
   *     from a file
   */
  public static Result compute(TrainingPlan plan, int run, long seedA, long seedB, int points,
      int curveSteps, BooleanSupplier cancelled) throws NetworkInputException {
    if (points < 2) {
      throw new IllegalArgumentException("points must be at least 2, got " + points);
    }
    if (seedA == seedB) {
      throw new NetworkInputException("the two seeds are the same (" + seedA + "): the two "
          + "runs would end in the same minimum");
    }
    double[] a = trainFrom(plan, run, seedA, cancelled);
    double[] b = a == null ? null : trainFrom(plan, run, seedB, cancelled);
    if (b == null) {
      return null;
    }
    NetworkObjective loss = new NetworkObjective(plan.architecture(), plan.data().train());
    loss.setFullBatch();
    double[] control = trainCurve(loss, a, b, curveSteps, seedA ^ (seedB * 31), cancelled);
    if (control == null) {
      return null;
    }
    double[] t = new double[points];
    double[] line = new double[points];
    double[] curve = new double[points];
    double[] at = new double[a.length];
    for (int k = 0; k < points; k++) {
      t[k] = (double) k / (points - 1);
      line[k] = loss.value(onLine(a, b, t[k], at));
      curve[k] = loss.value(onCurve(a, control, b, t[k], at));
    }
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += (b[i] - a[i]) * (b[i] - a[i]);
    }
    return new Result(seedA, seedB, plan.runs().get(run).label(), t, line, curve,
        loss.value(a), loss.value(b), Math.sqrt(d), curveSteps);
  }

  /** The run's final weights from the seed's initial weights; null when cancelled. */
  private static double[] trainFrom(TrainingPlan plan, int run, long seed,
      BooleanSupplier cancelled) throws NetworkInputException {
    String cannot = plan.runs().get(run).cannotStart();
    if (!cannot.isEmpty()) {
      throw new NetworkInputException(plan.runs().get(run).label() + ": " + cannot);
    }
    TrainingRun r = new TrainingRun(plan.runFromSeed(run, seed), 0);
    r.start();
    while (!r.finished()) {
      if (cancelled.getAsBoolean()) {
        return null;
      }
      r.advance();
    }
    if (r.snapshot().diverged()) {
      throw new NetworkInputException(String.format(java.util.Locale.ROOT,
          "%s from seed %d diverged at step %d: no minimum to connect", r.label(), seed,
          r.snapshot().divergedAt().getAsInt()));
    }
    return r.weights();
  }

  /** The control point θ of the Bézier curve, trained from the midpoint; null when cancelled. */
  static double[] trainCurve(NetworkObjective loss, double[] a, double[] b, int steps, long seed,
      BooleanSupplier cancelled) {
    double[] control = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      control[i] = 0.5 * (a[i] + b[i]);
    }
    Optimizer adam = OptimizerSpec.of(OptimizerType.ADAM).with(Param.LR, CURVE_RATE).create();
    Objective alongCurve = new CurveLoss(loss, a, b, new SplittableRandom(seed));
    for (int k = 0; k < steps; k++) {
      if (cancelled.getAsBoolean()) {
        return null;
      }
      adam.step(control, alongCurve);
    }
    return control;
  }

  static double[] onLine(double[] a, double[] b, double t, double[] out) {
    for (int i = 0; i < a.length; i++) {
      out[i] = (1 - t) * a[i] + t * b[i];
    }
    return out;
  }

  static double[] onCurve(double[] a, double[] control, double[] b, double t, double[] out) {
    double wa = (1 - t) * (1 - t);
    double wc = 2 * t * (1 - t);
    double wb = t * t;
    for (int i = 0; i < a.length; i++) {
      out[i] = wa * a[i] + wc * control[i] + wb * b[i];
    }
    return out;
  }

  /**
   * The loss at φ(t) as a function of the control point, for a t drawn anew at every
   * evaluation: a stochastic objective whose expected gradient is that of E_t L(φ(t)).
   */
  static final class CurveLoss implements Objective {
    private final NetworkObjective loss;
    private final double[] a;
    private final double[] b;
    private final SplittableRandom random;
    private final double[] at;
    private final double[] g;

    CurveLoss(NetworkObjective loss, double[] a, double[] b, SplittableRandom random) {
      this.loss = loss;
      this.a = a;
      this.b = b;
      this.random = random;
      this.at = new double[a.length];
      this.g = new double[a.length];
    }

    @Override
    public int dimension() {
      return a.length;
    }

    @Override
    public double value(double[] control) {
      return loss.value(onCurve(a, control, b, random.nextDouble(), at));
    }

    @Override
    public double valueAndGradient(double[] control, double[] gradient) {
      double t = random.nextDouble();
      double v = loss.valueAndGradient(onCurve(a, control, b, t, at), g);
      double w = 2 * t * (1 - t);
      for (int i = 0; i < g.length; i++) {
        gradient[i] = w * g[i];
      }
      return v;
    }

    @Override
    public boolean hasHessian() {
      return false;
    }

    @Override
    public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
      throw new UnsupportedOperationException("the curve is trained with gradients only");
    }

    @Override
    public Objective copy() {
      return new CurveLoss(loss.copy(), a, b, random.split());
    }
  }
}
