package org.descent.training;

import java.util.List;
import java.util.OptionalInt;
import org.descent.network.ActivationDiagnostics;
import org.descent.network.DecisionGrid;
import org.descent.network.HessianSpectrum;
import org.descent.network.LayerDiagnostics;
import org.descent.network.Lanczos;
import org.descent.network.MiniBatches;
import org.descent.network.NetworkObjective;
import org.descent.network.PreparedData;
import org.descent.optim.Averaging;
import org.descent.optim.IterateAverage;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.optim.StabilityThreshold;
import org.descent.optim.StepDetail;
import org.descent.optim.Vectors;

/**
 * One optimizer training one copy of the network: the optimizer of its card (created from the
 * spec, never re-implemented) stepping on θ, the batches in the setup's order, an evaluation
 * every eval_every steps and at the last, and the divergence check. Both {@link Trainer} and
 * {@link TrainingService} drive runs through {@link #start} and {@link #advance}, so the
 * command line and the app compute the same numbers. Not thread-safe: one thread drives a run.
 *
 * <p>A run diverges at step k when θ_k is not all finite, when a loss the optimizer saw while
 * stepping from θ_(k−1) was not finite, or when the evaluation of θ_k gives a training loss that
 * is not finite; it stops there, and its points are those of the steps before.
 *
 * <p>When the plan asks for it, the run computes its {@link Sharpness} every k steps (and at
 * step 0 and the last): Lanczos on the Hessian of the whole training set, started from the
 * last Ritz vector plus an equal part of a fresh seeded Gaussian (so that an eigenvalue that
 * overtakes the old top one still has a component to grow from); for Adam the moments of the
 * step before are recorded for the preconditioner.
 */
final class TrainingRun {

  /** gᵀHg is computed when a Hessian-vector product over the training set is this cheap. */
  static final long MAX_CURVATURE_CELLS = 50_000_000;

  private final TrainingPlan plan;
  private final TrainingPlan.RunPlan run;
  private final PreparedData data;
  private final NetworkObjective objective;
  private final NetworkObjective probe;
  private final WatchedObjective watched;
  private final MiniBatches batches;
  private final Optimizer optimizer;
  private final IterateAverage average;
  private final double[] theta;
  private final double[] gradient;
  private final double[] hv;
  private final double[] mean;
  private final Curve curve;
  private final boolean curvature;
  private int step;
  private int divergedAt = -1;
  private boolean started;
  private DecisionGrid grid;
  private List<LayerDiagnostics> layers = List.of();
  private Checkpoint best;
  private final int sharpnessEvery;
  private double[] topVector;
  private double[] preconditionedVector;
  private double[] preconditioner;
  private Sharpness sharpness;

  TrainingRun(TrainingPlan plan, int index) {
    this.plan = plan;
    this.run = plan.runs().get(index);
    this.data = plan.data();
    int n = plan.architecture().parameterCount();
    this.theta = plan.initialWeights();
    this.objective = new NetworkObjective(plan.architecture(), data.train());
    this.probe = new NetworkObjective(plan.architecture(), data.train());
    this.watched = new WatchedObjective(objective);
    int batch = run.fullBatch() ? data.train().size() : plan.batch();
    this.batches = new MiniBatches(data.train().size(), batch, plan.setup().seed());
    this.optimizer = run.cannotStart().isEmpty() ? run.spec().create() : null;
    boolean averaging = !(run.spec().averaging() instanceof Averaging.None);
    this.average = averaging ? new IterateAverage(run.spec().averaging(), n) : null;
    this.gradient = new double[n];
    this.hv = new double[n];
    this.mean = averaging ? new double[n] : null;
    this.curve = new Curve(n);
    this.curvature = (long) n * data.train().size() <= MAX_CURVATURE_CELLS;
    this.sharpnessEvery = plan.sharpnessEvery();
  }

  String label() {
    return run.label();
  }

  int index() {
    return run.index();
  }

  int step() {
    return step;
  }

  /** Whether the run has nothing more to do: done, diverged, or unable to start. */
  boolean finished() {
    return optimizer == null || divergedAt >= 0 || step >= plan.steps();
  }

  /** Evaluates the initial weights; returns the point of step 0 (null if it diverged). */
  TrainingPoint start() {
    if (started) {
      throw new IllegalStateException("the run has started");
    }
    started = true;
    if (optimizer == null) {
      return null;
    }
    if (!Vectors.allFinite(theta)) {
      divergedAt = 0;
      return null;
    }
    if (average != null) {
      average.accept(0, theta);
    }
    if (sharpnessDue(0)) {
      measureSharpness();
    }
    return evaluate();
  }

  /**
   * One optimizer step (on the next batch), and the evaluation if one is due.
   *
   * @return the new point, or null when none was due or the run diverged at this step
   */
  TrainingPoint advance() {
    if (!started) {
      throw new IllegalStateException("start the run first");
    }
    if (finished()) {
      return null;
    }
    batches.next(objective);
    watched.reset();
    boolean due = sharpnessDue(step + 1);
    boolean moments = due && run.spec().type() == OptimizerType.ADAM;
    if (moments) {
      optimizer.recordDetails(true);
    }
    optimizer.step(theta, watched);
    if (moments) {
      preconditioner = adamPreconditioner(optimizer.lastDetail());
      optimizer.recordDetails(false);
    }
    step++;
    if (watched.sawNonFinite() || !Vectors.allFinite(theta)) {
      divergedAt = step;
      return null;
    }
    if (average != null) {
      average.accept(step, theta);
    }
    if (due) {
      measureSharpness();
    }
    if (step % plan.setup().evalEvery() == 0 || step == plan.steps()) {
      return evaluate();
    }
    return null;
  }

  /** Evaluates θ at the current step into a point (and the curve), or marks the divergence. */
  private TrainingPoint evaluate() {
    NetworkObjective.Evaluation train = objective.evaluate(theta, data.train());
    if (!Double.isFinite(train.loss())) {
      divergedAt = step;
      return null;
    }
    NetworkObjective.Evaluation val = objective.evaluate(theta, data.validation());
    double g2;
    double gHg = Double.NaN;
    probe.valueAndGradient(theta, gradient);
    g2 = Vectors.dot(gradient, gradient);
    if (curvature && Double.isFinite(g2)) {
      probe.hessianVectorProduct(theta, gradient, hv);
      gHg = Vectors.dot(gradient, hv);
    }
    OptimizerSpec spec = run.spec();
    double lr = spec.type().firstOrder() && spec.type().params().contains(Param.LR)
        ? spec.schedule().rate(spec.get(Param.LR), step) : Double.NaN;
    double avgTrain = Double.NaN;
    double avgVal = Double.NaN;
    if (average != null) {
      average.averageInto(mean);
      avgTrain = objective.evaluate(mean, data.train()).loss();
      avgVal = objective.evaluate(mean, data.validation()).accuracy();
    }
    TrainingPoint p = new TrainingPoint(step, batches.epochAfter(step), train.loss(),
        train.accuracy(), val.loss(), val.accuracy(), Math.sqrt(g2), lr, g2, gHg, avgTrain,
        avgVal, watched.functionEvaluations(), watched.gradientEvaluations(),
        sharpness != null && sharpness.step() == step ? sharpness : Sharpness.none(step));
    curve.add(p);
    curve.addIterate(step, theta.clone());
    // early stopping keeps the weights of the lowest validation loss (the first on a tie)
    if (Double.isFinite(val.loss()) && (best == null || val.loss() < best.valLoss())) {
      best = new Checkpoint(step, val.loss(), theta);
    }
    return p;
  }

  private boolean sharpnessDue(int k) {
    return sharpnessEvery > 0 && (k % sharpnessEvery == 0 || k == plan.steps());
  }

  /**
   * Adam's P = (1 − ρ₁ᵗ)(diag(√r̂) + δ) from its recorded step (Cohen et al. 2022 write Adam
   * as θ ← θ − ε P⁻¹ s with s the exponential average of the gradients), or null.
   */
  private double[] adamPreconditioner(StepDetail d) {
    if (d == null || !d.has(StepDetail.Quantity.SECOND_MOMENT_HAT)) {
      return null;
    }
    double c1 = d.scalar(StepDetail.Scalar.FIRST_CORRECTION).orElse(Double.NaN);
    double delta = run.spec().get(Param.DELTA);
    double[] r = d.get(StepDetail.Quantity.SECOND_MOMENT_HAT);
    double[] p = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      p[i] = c1 * (Math.sqrt(r[i]) + delta);
      if (!(p[i] > 0) || !Double.isFinite(p[i])) {
        return null;
      }
    }
    return p;
  }

  /** The sharpness at the current weights, into the curve. */
  private void measureSharpness() {
    long seed = plan.setup().seed() + step;
    double lambda = Double.NaN;
    double pre = Double.NaN;
    try {
      Lanczos.Result r = HessianSpectrum.largest(probe, theta,
          HessianSpectrum.warmStart(topVector, seed), seed);
      lambda = r.largest();
      topVector = r.topVector();
      if (preconditioner != null) {
        Lanczos.Result q = HessianSpectrum.largestPreconditioned(probe, theta, preconditioner,
            HessianSpectrum.warmStart(preconditionedVector, seed), seed);
        pre = q.largest();
        preconditionedVector = q.topVector();
      }
    } catch (ArithmeticException e) {
      // a Hessian that is not finite here: NaN, and the next measurement starts afresh
      topVector = null;
      preconditionedVector = null;
    }
    OptimizerSpec spec = run.spec();
    StabilityThreshold t = spec.type().params().contains(Param.LR)
        ? StabilityThreshold.of(spec, spec.schedule().rate(spec.get(Param.LR), step))
        : StabilityThreshold.NONE;
    sharpness = new Sharpness(step, lambda, pre, t.value(), t.preconditioned(), t.formula());
    curve.addSharpness(sharpness);
  }

  /**
   * Recomputes the decision regions (2-D data) and the activation diagnostics at the current
   * weights (the training set, evaluation mode); the next snapshots carry them.
   */
  void refreshVisuals() {
    if (optimizer == null || divergedAt == 0) {
      return;
    }
    if (data.train().features() == 2) {
      grid = DecisionGrid.compute(objective, theta, data, DecisionGrid.DEFAULT_SIZE);
    }
    layers = ActivationDiagnostics.compute(objective, theta, data.train());
  }

  /** The run now, as an immutable record. */
  RunSnapshot snapshot() {
    return new RunSnapshot(run.label(), run.index(), curve.points(), step, plan.steps(),
        divergedAt < 0 ? OptionalInt.empty() : OptionalInt.of(divergedAt), run.cannotStart(),
        finished(), grid, layers, curve.trajectory(), best, curve.sharpness());
  }

  /** The weights now (a copy). */
  double[] weights() {
    return theta.clone();
  }

  /** The run's own objective (its batch-norm running averages). */
  NetworkObjective objective() {
    return objective;
  }
}
