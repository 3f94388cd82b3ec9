package org.descent.training;

import java.util.List;
import java.util.OptionalInt;
import org.descent.network.ActivationDiagnostics;
import org.descent.network.DecisionGrid;
import org.descent.network.LayerDiagnostics;
import org.descent.network.MiniBatches;
import org.descent.network.NetworkObjective;
import org.descent.network.PreparedData;
import org.descent.optim.Averaging;
import org.descent.optim.IterateAverage;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;
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
    optimizer.step(theta, watched);
    step++;
    if (watched.sawNonFinite() || !Vectors.allFinite(theta)) {
      divergedAt = step;
      return null;
    }
    if (average != null) {
      average.accept(step, theta);
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
        avgVal, watched.functionEvaluations(), watched.gradientEvaluations());
    curve.add(p);
    curve.addIterate(step, theta.clone());
    // early stopping keeps the weights of the lowest validation loss (the first on a tie)
    if (Double.isFinite(val.loss()) && (best == null || val.loss() < best.valLoss())) {
      best = new Checkpoint(step, val.loss(), theta);
    }
    return p;
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
        finished(), grid, layers, curve.trajectory(), best);
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
