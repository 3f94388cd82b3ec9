package org.descent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.descent.network.GradientCheck;
import org.descent.network.WorkEstimate;
import org.descent.scenario.ScenarioException;
import org.descent.training.TrainingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent gradcheck FILE}: backprop against finite differences for every parameter of
 * the scenario's network at its initial weights.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
    description = {"Checks the network's backprop against central finite differences for "
        + "every parameter, at the scenario's initial weights, on the first training "
        + "samples (training mode), and prints the largest relative error "
        + "|g - g_fd| / max(|g|, |g_fd|, 1e-4 max(1, |loss|)).",
        "A correct backprop shows errors around 1e-9; a ReLU network may show a larger one "
            + "where a unit sits at its kink.",
        "The work is bounded as train's: a check of more than 5e+11 multiply-adds (about "
            + "4 x parameters^2 x samples) is refused before it starts."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the largest error was printed",
        "2:invalid input: missing or malformed scenario, no network section, bad data or "
            + "weights file, bad option, too much work"})
final class GradcheckCommand implements Callable<Integer> {

  static final int MAX_SAMPLES = 10_000;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (YAML)")
  Path scenarioFile;

  @Option(names = "--samples", defaultValue = "100",
      description = "training samples in the checked batch (default 100, at most 10000)")
  int samples;

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    if (samples < 1 || samples > MAX_SAMPLES) {
      throw new InvalidInputException("--samples must be between 1 and " + MAX_SAMPLES
          + ", got " + samples);
    }
    TrainingPlan plan = TrainCommand.plan(scenarioFile);
    int m = Math.min(samples, plan.data().train().size());
    if (plan.architecture().batchNorm() && m < 2) {
      throw new InvalidInputException("--samples must be at least 2 with batch normalization");
    }
    String tooMuch = WorkEstimate.gradientCheckProblem(plan.architecture().parameterCount(), m,
        "--samples");
    if (tooMuch != null) {
      throw new InvalidInputException(scenarioFile + ": " + tooMuch);
    }
    GradientCheck.Result r = GradientCheck.ofNetwork(plan.architecture(), plan.data().train(),
        plan.initialWeights(), m);
    if (!Double.isFinite(r.backprop()) || !Double.isFinite(r.finiteDifference())) {
      throw new InvalidInputException(scenarioFile + ": the loss or its gradient is not finite "
          + "at the initial weights; nothing to check");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "network %s: %,d parameters, %d samples, initial weights%n",
        plan.architecture().describe(), r.parameters(), m);
    out.printf(Locale.ROOT, "largest relative error %.3g at %s (backprop %.12g, finite "
        + "differences %.12g)%n", r.maxRelativeError(),
        plan.architecture().layout().describe(r.worst()),
        r.backprop(), r.finiteDifference());
    out.flush();
    return Cli.OK;
  }
}
