package org.descent.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.descent.network.Activation;
import org.descent.network.DataSource;
import org.descent.network.NetworkInputException;
import org.descent.network.NetworkObjective;
import org.descent.network.NetworkSetup;
import org.descent.network.WorkEstimate;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;

/**
 * {@code descent bench --network}: training steps per second of a 2-16-16-2 tanh network on
 * 400 points (two spirals, all of them training data), full batch, Adam, on one thread: each
 * step sets the batch, computes the loss and its gradient by backprop and applies Adam's
 * update, as a training run does between evaluations. The median over repetitions after a
 * warm-up; the weights start afresh at every repetition.
 */
final class NetworkBench {

  private final PrintWriter out;
  private final int warmup;
  private final int repeat;
  private final int steps;

  NetworkBench(PrintWriter out, int warmup, int repeat, int steps) {
    this.out = out;
    this.warmup = warmup;
    this.repeat = repeat;
    this.steps = steps;
  }

  private static final int POINTS = 400;
  private static final NetworkSetup SETUP = NetworkSetup.defaults(
      new DataSource.Synthetic("spirals", POINTS, 0.05)).withValidation(0)
      .withHidden(List.of(16, 16)).withActivation(Activation.TANH)
      .withBatchSize(NetworkSetup.FULL_BATCH);

  /**
   * Why this many repetitions of so many steps are more than a training may do, or null: a
   * full-batch step costs as a training's step does ({@link WorkEstimate}).
   */
  static String workProblem(int steps, int repetitions) {
    int parameters = SETUP.architecture(2, 2).parameterCount();
    double work = 3.0 * POINTS * parameters * steps * repetitions;
    if (work <= WorkEstimate.MAX_WORK) {
      return null;
    }
    return String.format(Locale.ROOT, "too much work: about %.2g multiply-adds for %d "
        + "repetitions of %,d steps on %,d parameters; at most %.0g", work, repetitions, steps,
        parameters, WorkEstimate.MAX_WORK);
  }

  void run() {
    NetworkSetup setup = SETUP;
    NetworkSetup.Prepared p;
    try {
      p = setup.prepare();
    } catch (NetworkInputException e) {
      throw new IllegalStateException(e); // a built-in set: cannot fail
    }
    NetworkObjective f = new NetworkObjective(p.architecture(), p.data().train());
    OptimizerSpec adam = OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.01);
    double checksum = 0;
    for (int i = 0; i < warmup; i++) {
      checksum += repetition(f, adam, p.start());
    }
    double[] perSecond = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      double[] theta = p.start();
      long t0 = System.nanoTime();
      checksum += repetition(f, adam, theta);
      perSecond[i] = steps / ((System.nanoTime() - t0) / 1e9);
    }
    Arrays.sort(perSecond);
    out.printf("network %s on %d points (%,d parameters), full batch, Adam, one thread:%n",
        p.architecture().describe(), p.data().train().size(), p.architecture().parameterCount());
    out.printf("  %d repetitions of %d steps after %d warm-up:%n", repeat, steps, warmup);
    out.printf("  min %.0f   median %.0f   max %.0f steps per second%n", perSecond[0],
        perSecond[repeat / 2], perSecond[repeat - 1]);
    out.printf("  (checksum %.6g)%n", checksum);
    out.flush();
  }

  private double repetition(NetworkObjective f, OptimizerSpec spec, double[] theta) {
    Optimizer o = spec.create();
    for (int k = 0; k < steps; k++) {
      f.setFullBatch();
      o.step(theta, f);
    }
    return theta[0];
  }
}
