package org.descent.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.descent.network.Activation;
import org.descent.network.DataSource;
import org.descent.network.HessianSpectrum;
import org.descent.network.Lanczos;
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
 * warm-up; the weights start afresh at every repetition. With the sharpness, the same steps
 * are timed again with λmax computed every {@link #SHARPNESS_EVERY} steps as a training with
 * it computes it (Lanczos on a second objective over the whole set, from the last Ritz vector
 * plus a fresh Gaussian), the two kinds of repetition alternating.
 */
final class NetworkBench {

  private final PrintWriter out;
  private final int warmup;
  private final int repeat;
  private final int steps;
  private final boolean sharpness;
  private long lanczosRuns;
  private long lanczosSteps;

  /** Steps between two λmax when the sharpness is timed. */
  static final int SHARPNESS_EVERY = 10;

  NetworkBench(PrintWriter out, int warmup, int repeat, int steps, boolean sharpness) {
    this.out = out;
    this.warmup = warmup;
    this.repeat = repeat;
    this.steps = steps;
    this.sharpness = sharpness;
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
  static String workProblem(int steps, int repetitions, boolean sharpness) {
    int parameters = SETUP.architecture(2, 2).parameterCount();
    double work = 3.0 * POINTS * parameters * steps * repetitions;
    if (sharpness) {
      work += work + repetitions * (steps / SHARPNESS_EVERY + 1.0)
          * WorkEstimate.lambdaMax(parameters, POINTS);
    }
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
    NetworkObjective probe = sharpness
        ? new NetworkObjective(p.architecture(), p.data().train()) : null;
    double checksum = 0;
    for (int i = 0; i < warmup; i++) {
      checksum += repetition(f, null, adam, p.start());
      if (sharpness) {
        checksum += repetition(f, probe, adam, p.start());
      }
    }
    double[] perSecond = new double[repeat];
    double[] withSharpness = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      long t0 = System.nanoTime();
      checksum += repetition(f, null, adam, p.start());
      perSecond[i] = steps / ((System.nanoTime() - t0) / 1e9);
      if (sharpness) {
        t0 = System.nanoTime();
        checksum += repetition(f, probe, adam, p.start());
        withSharpness[i] = steps / ((System.nanoTime() - t0) / 1e9);
      }
    }
    Arrays.sort(perSecond);
    Arrays.sort(withSharpness);
    out.printf("network %s on %d points (%,d parameters), full batch, Adam, one thread:%n",
        p.architecture().describe(), p.data().train().size(), p.architecture().parameterCount());
    out.printf("  %d repetitions of %d steps after %d warm-up:%n", repeat, steps, warmup);
    out.printf("  min %.0f   median %.0f   max %.0f steps per second%n", perSecond[0],
        perSecond[repeat / 2], perSecond[repeat - 1]);
    if (sharpness) {
      out.printf("  with lambda_max every %d steps: min %.0f   median %.0f   max %.0f steps per "
          + "second (%.0f%% of the rate without; %.1f Hessian-vector products per lambda_max)%n",
          SHARPNESS_EVERY, withSharpness[0], withSharpness[repeat / 2],
          withSharpness[repeat - 1], 100 * withSharpness[repeat / 2] / perSecond[repeat / 2],
          (double) lanczosSteps / lanczosRuns);
    }
    out.printf("  (checksum %.6g)%n", checksum);
    out.flush();
  }

  /**
   * One repetition from {@code theta}.
   *
   * @param probe the objective λmax is computed on, every {@link #SHARPNESS_EVERY} steps, or
   *     null for none
   */
  private double repetition(NetworkObjective f, NetworkObjective probe, OptimizerSpec spec,
      double[] theta) {
    Optimizer o = spec.create();
    double[] top = null;
    double sum = 0;
    for (int k = 0; k < steps; k++) {
      f.setFullBatch();
      o.step(theta, f);
      if (probe != null && (k + 1) % SHARPNESS_EVERY == 0) {
        Lanczos.Result r = HessianSpectrum.largest(probe, theta,
            HessianSpectrum.warmStart(top, k), k);
        top = r.topVector();
        sum += r.largest();
        lanczosRuns++;
        lanczosSteps += r.steps();
      }
    }
    return theta[0] + 1e-9 * sum;
  }
}
