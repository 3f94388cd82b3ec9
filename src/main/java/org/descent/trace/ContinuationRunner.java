package org.descent.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.descent.function.Blur;
import org.descent.function.Landscape;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Vectors;

/**
 * Runs one optimizer under a {@link Continuation} schedule: stage by stage on the blurred
 * function f_σ (a fresh optimizer per stage, since its state, a velocity or Adam's moments,
 * belongs to the previous function), each stage from the last stage's end. The trace records
 * the loss and gradient norm of the function itself, not of the blur, so that it can be drawn
 * and compared beside the plain runs.
 */
public final class ContinuationRunner {

  private ContinuationRunner() {}

  /**
   * The run, and where each stage begins.
   *
   * @param trace the whole run: iterates, and the unblurred loss and gradient norm
   * @param stages one per stage, in order
   */
  public record Result(Trace trace, List<Stage> stages) {
    public Result {
      stages = List.copyOf(stages);
    }
  }

  /**
   * One stage of the run.
   *
   * @param firstStep the step of the whole trace at which the stage begins
   */
  public record Stage(double sigma, int firstStep, int steps) {}

  /**
   * @param steps the steps of all stages together
   * @param noise gradient noise, as in {@link TraceRunner#run}
   */
  public static Result run(OptimizerSpec spec, Landscape landscape, Continuation schedule,
      double[] start, int steps, double noise, long seed) {
    Objective exact = landscape.formula().objective();
    int n = start.length;
    double[] iterates = new double[(steps + 1) * n];
    double[] losses = new double[steps + 1];
    double[] gradNorms = new double[steps + 1];
    long[] fevals = new long[steps + 1];
    long[] gevals = new long[steps + 1];
    List<Stage> stages = new ArrayList<>();
    double[] theta = start.clone();
    double[] g = new double[n];
    int k = 0; // steps recorded so far (the start is step 0)
    long fOffset = 0;
    long gOffset = 0;
    int divergedAt = -1;
    Trace.NonFinite cause = null;
    for (int i = 0; i < schedule.stages(); i++) {
      int stageSteps = schedule.steps(i, steps);
      double sigma = schedule.sigma(i);
      stages.add(new Stage(sigma, k, stageSteps));
      // each stage draws fresh noise: seed + stage keeps the stages independent and the run
      // reproducible
      Trace t = TraceRunner.run(spec, Blur.of(landscape, sigma), theta, stageSteps, noise,
          seed + i);
      int from = i == 0 ? 0 : 1; // a later stage's step 0 is the previous stage's end
      for (int s = from; s < t.length(); s++) {
        int at = k + s;
        System.arraycopy(t.iterate(s), 0, iterates, at * n, n);
        fevals[at] = fOffset + t.functionEvaluations(s);
        gevals[at] = gOffset + t.gradientEvaluations(s);
      }
      if (t.length() > 0) {
        theta = t.iterate(t.lastStep());
        fOffset += t.functionEvaluations(t.lastStep());
        gOffset += t.gradientEvaluations(t.lastStep());
      }
      if (t.diverged()) {
        divergedAt = k + t.divergedAt().getAsInt();
        cause = t.divergenceCause();
        break;
      }
      k += stageSteps;
    }
    int length = divergedAt < 0 ? steps + 1 : divergedAt;
    for (int s = 0; s < length; s++) {
      double[] at = Arrays.copyOfRange(iterates, s * n, (s + 1) * n);
      losses[s] = exact.valueAndGradient(at, g);
      gradNorms[s] = Vectors.norm(g);
    }
    Trace trace = new Trace(spec.label(), n, TraceRunner.NO_BUDGET,
        Arrays.copyOf(iterates, length * n), null,
        Arrays.copyOf(losses, length), Arrays.copyOf(gradNorms, length),
        Arrays.copyOf(fevals, length), Arrays.copyOf(gevals, length), divergedAt, cause);
    return new Result(trace, stages);
  }
}
