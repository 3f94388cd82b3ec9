package org.descent.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.descent.network.Architecture;
import org.descent.network.NetworkInputException;
import org.descent.network.NetworkObjective;
import org.descent.network.NetworkSetup;
import org.descent.network.PreparedData;
import org.descent.network.WorkEstimate;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;

/**
 * A training ready to run: the data loaded and split, the network and its initial weights
 * (shared, read-only, by every run), and for each optimizer card the spec it runs with on the
 * network (the card's spec as is, with the card's network learning rate), whether it steps on
 * mini-batches or on the full batch, and why it cannot run, if it cannot. The work a plan may
 * ask for is bounded ({@link WorkEstimate#MAX_WORK}).
 */
public final class TrainingPlan {

  /** The largest network BFGS runs on: it keeps an n × n matrix. */
  public static final int MAX_BFGS_PARAMETERS = 2000;

  /**
   * One optimizer's part.
   *
   * @param spec the card's spec with the network learning rate
   * @param fullBatch whether every step sees the whole training set (line searches, Newton,
   *     exact coordinate descent, or a full batch size)
   * @param cannotStart why it cannot run, or empty
   */
  public record RunPlan(int index, String label, OptimizerSpec spec, boolean fullBatch,
      String cannotStart) {}

  private final NetworkSetup.Prepared prepared;
  private final List<RunPlan> runs;
  private final int sharpnessEvery;

  private TrainingPlan(NetworkSetup.Prepared prepared, List<RunPlan> runs, int sharpnessEvery) {
    this.prepared = prepared;
    this.runs = List.copyOf(runs);
    this.sharpnessEvery = sharpnessEvery;
  }

  /**
   * Loads the data and the weights and plans every run.
   *
   * @throws NetworkInputException for a bad file or a training beyond the limits
   */
  public static TrainingPlan prepare(TrainingRequest request) throws NetworkInputException {
    NetworkSetup.Prepared p = request.setup().prepare();
    int n = p.architecture().parameterCount();
    List<RunPlan> runs = new ArrayList<>();
    for (int i = 0; i < request.optimizers().size(); i++) {
      OptimizerSpec spec = request.optimizers().get(i);
      double rate = request.networkRates().get(i);
      if (!Double.isNaN(rate) && spec.type().params().contains(Param.LR)) {
        try {
          spec = spec.with(Param.LR, rate);
        } catch (IllegalArgumentException e) {
          throw new NetworkInputException(spec.label() + ": network_lr: " + e.getMessage());
        }
      }
      boolean full = p.setup().fullBatch(p.data().train().size()) || WorkEstimate.needsFullBatch(spec);
      runs.add(new RunPlan(i, spec.label(), spec, full, cannotStart(spec.type(), n)));
    }
    TrainingPlan plan = new TrainingPlan(p, runs, request.sharpnessEvery());
    String tooMuch = WorkEstimate.problem(plan.work(), runs.size(), p.setup().steps(), n);
    if (tooMuch != null) {
      throw new NetworkInputException(tooMuch);
    }
    return plan;
  }

  /** Why this method cannot train a network of n parameters, or empty. */
  static String cannotStart(OptimizerType type, int n) {
    if (type.needsHessian() && n > NetworkObjective.MAX_HESSIAN_PARAMETERS) {
      String name = type == OptimizerType.NEWTON ? "Newton" : type.displayName();
      return String.format(Locale.ROOT, "%s needs the Hessian: this network has %,d "
          + "parameters, at most %d", name, n, NetworkObjective.MAX_HESSIAN_PARAMETERS);
    }
    if (type == OptimizerType.BFGS && n > MAX_BFGS_PARAMETERS) {
      return String.format(Locale.ROOT, "BFGS keeps an n x n matrix: this network has %,d "
          + "parameters, at most %,d (L-BFGS has no such limit)", n, MAX_BFGS_PARAMETERS);
    }
    return "";
  }

  /**
   * Run {@code index} of this plan alone, from the initial weights the setup's initializer
   * draws with {@code seed} instead of the setup's own; the data, their split and the batch
   * order stay (two minima of one problem, for {@link ModeConnectivity}).
   *
   * @throws NetworkInputException when the weights come from a file (no seed draws them)
   */
  TrainingPlan runFromSeed(int index, long seed) throws NetworkInputException {
    NetworkSetup s = prepared.setup();
    if (s.init() instanceof org.descent.network.Initializer.FromFile) {
      throw new NetworkInputException("the network starts from a weights file: another seed "
          + "would start it at the same weights");
    }
    double[] start = org.descent.network.Initialization.initialize(prepared.architecture(),
        s.init(), s.bias(), seed, s.folder());
    return new TrainingPlan(new NetworkSetup.Prepared(s, prepared.data(),
        prepared.architecture(), start, prepared.batch()), List.of(runs.get(index)),
        sharpnessEvery);
  }

  /** The multiply-adds of the whole training ({@link WorkEstimate}), sharpness included. */
  public double work() {
    List<OptimizerSpec> started = runs.stream().filter(r -> r.cannotStart().isEmpty())
        .map(RunPlan::spec).toList();
    int n = prepared.architecture().parameterCount();
    int train = prepared.data().train().size();
    double work = WorkEstimate.multiplyAdds(prepared.setup(), started, n, train,
        prepared.data().validation().size(), prepared.batch());
    if (sharpnessEvery > 0) {
      double times = Math.ceil((double) steps() / sharpnessEvery) + 2;
      for (OptimizerSpec spec : started) {
        int lanczos = spec.type() == OptimizerType.ADAM ? 2 : 1;
        work += times * lanczos * WorkEstimate.lambdaMax(n, train);
      }
    }
    return work;
  }

  /**
   * Every how many steps the runs compute their {@link Sharpness} (and at step 0 and the
   * last); 0 for never.
   */
  public int sharpnessEvery() {
    return sharpnessEvery;
  }

  public NetworkSetup setup() {
    return prepared.setup();
  }

  public PreparedData data() {
    return prepared.data();
  }

  public Architecture architecture() {
    return prepared.architecture();
  }

  /** The initial weights (a copy). */
  public double[] initialWeights() {
    return prepared.start();
  }

  /** Samples per step of the mini-batch runs. */
  public int batch() {
    return prepared.batch();
  }

  public List<RunPlan> runs() {
    return runs;
  }

  /** Steps per run. */
  public int steps() {
    return prepared.setup().steps();
  }
}
