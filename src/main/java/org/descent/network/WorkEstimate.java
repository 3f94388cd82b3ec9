package org.descent.network;

import java.util.List;
import org.descent.optim.Averaging;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;

/**
 * How much computing a training asks for, in multiply-adds, so that a file cannot ask for
 * hours: a sample's forward pass costs about one per parameter, backward two, a
 * Hessian-vector product four; a line-search step is taken as three gradients, a Newton step
 * as n Hessian-vector products and a linear solve; each evaluation costs a pass over the
 * training set for the loss, one for the gradient, one for gᵀHg and one over the validation
 * set. The scenario reader and the trainer refuse more than {@link #MAX_WORK}, and so does
 * the gradient check ({@link #gradientCheck}).
 */
public final class WorkEstimate {

  /** The most multiply-adds a training may need (a minute or two of a laptop's cores). */
  public static final double MAX_WORK = 5e11;

  private WorkEstimate() {}

  private static boolean exact(OptimizerSpec spec) {
    return spec.type().params().contains(Param.EXACT) && spec.get(Param.EXACT) != 0;
  }

  /**
   * Line searches need one function, and Newton's Hessian is of the whole loss: these see the
   * full batch whatever the batch size.
   */
  public static boolean needsFullBatch(OptimizerSpec spec) {
    // From the table's own properties, so a new optimizer needs no case here: the methods
    // that are not first-order (line searches, Newton) and exact coordinate minimization.
    return !spec.type().firstOrder() || exact(spec);
  }

  /**
   * @param parameters of the network
   * @param train samples in the training set
   * @param validation samples in the validation set
   * @param batch samples per mini-batch step
   */
  public static double multiplyAdds(NetworkSetup setup, List<OptimizerSpec> optimizers,
      int parameters, int train, int validation, int batch) {
    double n = parameters;
    double evaluations = Math.ceil((double) setup.steps() / setup.evalEvery()) + 1;
    double total = 0;
    for (OptimizerSpec spec : optimizers) {
      boolean full = setup.fullBatch(train) || needsFullBatch(spec);
      double b = full ? train : Math.min(batch, train);
      double perStep;
      if (spec.type().needsHessian()) {
        perStep = n > NetworkObjective.MAX_HESSIAN_PARAMETERS ? 0
            : b * (3 + 4 * n) + n * n * n / b;
      } else if (spec.type().params().contains(Param.EXACT)) {
        perStep = full ? b * (9 + (n <= NetworkObjective.MAX_HESSIAN_PARAMETERS ? 4 * n : 0))
            : 3 * b;
      } else if (!spec.type().firstOrder()) {
        // a line search; BFGS also updates its n × n matrix
        perStep = 9 * b + (spec.type() == org.descent.optim.OptimizerType.BFGS ? n : 0);
      } else {
        // sharpness-aware minimization (the one with a radius) takes a second gradient, at
        // the ascended point, every step
        perStep = 3 * b * (spec.type().params().contains(Param.RADIUS) ? 2 : 1);
      }
      double perEval = 8.0 * train + validation;
      if (!(spec.averaging() instanceof Averaging.None)) {
        perEval += train + validation;
      }
      total += (setup.steps() * perStep + evaluations * perEval) * n;
    }
    return total;
  }

  /** Lanczos steps a λmax is taken as: measured 10 to 40 on the built-in networks. */
  static final int LAMBDA_MAX_STEPS = 40;

  /**
   * The multiply-adds of one Lanczos λmax of the Hessian over {@code train} samples, taken as
   * {@link #LAMBDA_MAX_STEPS} steps (a run may take up to {@link HessianSpectrum#maxSteps}):
   * a Hessian-vector product each, and the reorthogonalization against the vectors so far.
   */
  public static double lambdaMax(int parameters, int train) {
    double n = parameters;
    double m = Math.min(LAMBDA_MAX_STEPS, HessianSpectrum.maxSteps(parameters));
    return m * 4 * train * n + m * m * n;
  }

  /**
   * A gradient check's multiply-adds: {@link GradientCheck} evaluates the loss 4n + 1 times
   * (and the gradient once) over its samples, a forward pass costing n a sample.
   */
  public static double gradientCheck(int parameters, int samples) {
    double n = parameters;
    return (4 * n + 3) * samples * n;
  }

  /**
   * The message for a gradient check beyond {@link #MAX_WORK}, or null.
   *
   * @param samplesName what the user calls the number of samples (an option, a field)
   */
  public static String gradientCheckProblem(int parameters, int samples, String samplesName) {
    double work = gradientCheck(parameters, samples);
    if (work <= MAX_WORK) {
      return null;
    }
    return String.format(java.util.Locale.ROOT, "too much work: about %.2g multiply-adds for "
        + "a gradient check of %,d parameters on %d samples; at most %.0g (use fewer %s or a "
        + "smaller network)", work, parameters, samples, MAX_WORK, samplesName);
  }

  /** The message for a training beyond the limit, or null. */
  public static String problem(double work, int runs, int steps, int parameters) {
    if (work <= MAX_WORK) {
      return null;
    }
    return String.format(java.util.Locale.ROOT, "too much work: about %.2g multiply-adds for "
        + "%d runs of %,d steps on %,d parameters; at most %.0g (use fewer steps, a smaller "
        + "network, smaller batches or fewer evaluations)", work, runs, steps, parameters,
        MAX_WORK);
  }
}
