package org.descent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.descent.analysis.LearningRateTuner;
import org.descent.analysis.RunOutcome;
import org.descent.export.CsvText;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code descent tune FILE --optimizer I [--from A --to B] [--criterion loss|steps]}. */
@Command(name = "tune", mixinStandardHelpOptions = true,
    description = {"Finds the learning rate of one optimizer of the scenario (its steps, start, "
        + "noise and seed) with the lowest final loss, or the fewest steps to the tolerance: a "
        + "coarse log-spaced grid from A to B, then finer log-spaced rounds around the best.",
        "Writes every run as optimizer,lr,final_loss,steps_to_tol,diverged, sorted by lr (the "
            + "label quoted as CSV needs); the best rate goes to standard error.",
        "The work is bounded: at most 265 runs (25, then up to 30 rounds of 8) of the "
            + "scenario's steps, which the scenario itself bounds."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the runs were written",
        "2:invalid input: missing or malformed scenario, bad option, an optimizer without lr"})
final class TuneCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (YAML)")
  Path scenarioFile;

  @Option(names = "--optimizer", paramLabel = "I", defaultValue = "0",
      description = "the optimizer: its position in the list (from 0) or its label")
  String optimizer;

  @Option(names = "--from", paramLabel = "A", defaultValue = "1e-5",
      description = "smallest rate (default 1e-5)")
  double from;

  @Option(names = "--to", paramLabel = "B", defaultValue = "10",
      description = "largest rate (default 10)")
  double to;

  @Option(names = "--criterion", paramLabel = "C", defaultValue = "loss",
      description = "loss (the lowest final loss, default) or steps (the fewest steps to --tol)")
  String criterion;

  @Option(names = "--tol", paramLabel = "T", defaultValue = "1e-6",
      description = "tolerance on loss - f* for --criterion steps (default 1e-6)")
  double tolerance;

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    LearningRateTuner.Criterion c = switch (criterion) {
      case "loss" -> LearningRateTuner.Criterion.FINAL_LOSS;
      case "steps" -> LearningRateTuner.Criterion.STEPS_TO_TOLERANCE;
      default -> throw new InvalidInputException("tune: --criterion must be loss or steps, got '"
          + (criterion.length() > 40 ? criterion.substring(0, 40) + "..." : criterion) + "'");
    };
    checkOptions();
    Scenario scenario = ScenarioReader.read(scenarioFile);
    Landscape landscape = BasinCommand.landscape(scenario, scenarioFile);
    OptimizerSpec o = scenario.optimizers().get(optimizerIndex(scenario, optimizer));
    Vec2 start = scenario.startOn(landscape);
    LearningRateTuner.Request request;
    try {
      request = new LearningRateTuner.Request(landscape.formula().objective(),
          new double[] {start.x(), start.y()}, o, scenario.steps(), scenario.noise(),
          scenario.seed(), from, to, c, landscape.bestMinimumValue(), tolerance, 25, 8, 1e-4);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(scenarioFile + ": " + e.getMessage());
    }
    LearningRateTuner.Result r = LearningRateTuner.tune(request);
    PrintWriter out = spec.commandLine().getOut();
    out.println("optimizer,lr,final_loss,steps_to_tol,diverged");
    String label = CsvText.quote(o.label());
    for (LearningRateTuner.Trial t : r.trials()) {
      RunOutcome ro = t.outcome();
      out.println(label + "," + t.lr() + "," + ro.finalLoss() + ","
          + (ro.reached() ? Integer.toString(ro.stepsToTolerance()) : "") + ","
          + ro.diverged());
    }
    out.flush();
    if (out.checkError()) {
      return Cli.INVALID_INPUT; // Cli says why, on the only line: the best rate went nowhere
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("best lr for " + InvalidInputException.oneLine(o.label()) + ": "
        + r.bestRate() + " (final loss "
        + r.best().outcome().finalLoss() + (r.best().outcome().reached()
            ? ", tolerance reached at step " + r.best().outcome().stepsToTolerance() : "")
        + ")");
    err.flush();
    return Cli.OK;
  }

  /**
   * The options on their own, before the scenario is read: a bad range is the option's fault,
   * not the file's.
   */
  private void checkOptions() throws InvalidInputException {
    if (!(from > 0) || Double.isInfinite(from)) {
      throw new InvalidInputException("tune: --from must be a positive number, got --from "
          + Param.formatNumber(from));
    }
    if (!(to > 0) || Double.isInfinite(to)) {
      throw new InvalidInputException("tune: --to must be a positive number, got --to "
          + Param.formatNumber(to));
    }
    if (!(from < to)) {
      throw new InvalidInputException("tune: --from must be below --to, got --from "
          + Param.formatNumber(from) + " --to " + Param.formatNumber(to));
    }
    if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
      throw new InvalidInputException("tune: --tol must be a positive number, got --tol "
          + Param.formatNumber(tolerance));
    }
  }

  /** The optimizer named by its position (from 0) or its label. */
  static int optimizerIndex(Scenario s, String which) throws InvalidInputException {
    for (int i = 0; i < s.optimizers().size(); i++) {
      if (s.optimizers().get(i).label().equals(which)) {
        return i;
      }
    }
    try {
      int i = Integer.parseInt(which.trim());
      if (i >= 0 && i < s.optimizers().size()) {
        return i;
      }
    } catch (NumberFormatException e) {
      // not a number: reported below
    }
    throw new InvalidInputException("--optimizer: no optimizer '" + which + "'; give its "
        + "position from 0 to " + (s.optimizers().size() - 1) + " or its label");
  }
}
