package org.descent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.descent.analysis.Axis;
import org.descent.analysis.Sweep;
import org.descent.analysis.SweepRequest;
import org.descent.analysis.Sweeps;
import org.descent.export.AtomicFiles;
import org.descent.export.SweepCsv;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.optim.Param;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent sweep FILE --param NAME --from A --to B --points K [--out CSV]}: each
 * optimizer of a scenario run once per value of one hyperparameter.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Runs every optimizer of the scenario that has the hyperparameter once per "
        + "value (its steps, start, noise and seed) and writes the final loss, the steps to "
        + "reach the tolerance and whether it diverged.",
        "Values: K points from A to B, both included, log-spaced for lr and delta, log-spaced in "
            + "1 - value for momentum, rho, beta1 and beta2 (0.9, 0.99, 0.999 evenly apart), "
            + "linear otherwise; --scale overrides.",
        "Columns: optimizer,value,final_loss,steps_to_tol,diverged. steps_to_tol is the first "
            + "step with loss - f* <= --tol (f* the lowest known minimum; without one, the "
            + "gradient norm <= --tol), empty when never. diverged: a value stopped being "
            + "finite, or the run ended above its starting loss. For lr, 2/lambda_max at the "
            + "start and at the nearest minimum go to standard error."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the sweep was written",
        "2:invalid input: missing or malformed scenario, bad option, too much work, "
            + "unwritable output"})
final class SweepCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (YAML)")
  Path scenarioFile;

  @Option(names = "--param", paramLabel = "NAME", required = true,
      description = "the hyperparameter: lr, momentum, rho, beta1, beta2, delta, damping, "
          + "restart, memory")
  String paramName;

  @Option(names = "--from", paramLabel = "A", required = true, description = "first value")
  double from;

  @Option(names = "--to", paramLabel = "B", required = true, description = "last value")
  double to;

  @Option(names = "--points", paramLabel = "K", defaultValue = "25",
      description = "number of values (default 25, from 1 to 10000)")
  int points;

  @Option(names = "--scale", paramLabel = "SCALE",
      description = "linear, log or log1m (log of 1 - value); default: by parameter")
  String scaleName;

  @Option(names = "--tol", paramLabel = "T", defaultValue = "1e-6",
      description = "tolerance on loss - f* (default 1e-6)")
  double tolerance;

  @Option(names = {"-o", "--out"}, paramLabel = "CSV",
      description = "write the CSV here instead of standard output")
  String outName;

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    Param param = Param.byKey(paramName).orElseThrow(() -> new InvalidInputException(
        "--param: unknown hyperparameter '" + paramName + "'; expected one of lr, momentum, "
            + "rho, beta1, beta2, delta, damping, restart, memory"));
    if (points < 1 || points > SweepRequest.MAX_POINTS) {
      throw new InvalidInputException("--points must be between 1 and "
          + SweepRequest.MAX_POINTS + ", got " + points);
    }
    if (!Double.isFinite(from) || !Double.isFinite(to)) {
      throw new InvalidInputException("--from and --to must be finite numbers, got " + from
          + " and " + to);
    }
    if (points > 1 ? !(from < to) : from != to) {
      throw new InvalidInputException(points > 1
          ? "--from must be less than --to, got " + from + " and " + to
          : "with --points 1, --from and --to must be equal, got " + from + " and " + to);
    }
    if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
      throw new InvalidInputException("--tol must be a positive number, got " + tolerance);
    }
    for (double v : new double[] {from, to}) {
      String problem = param.problem(v).orElse(null);
      if (problem != null) {
        throw new InvalidInputException((v == from ? "--from: " : "--to: ") + problem);
      }
    }
    Axis axis;
    try {
      axis = scaleName == null ? SweepRequest.defaultAxis(param, from, to, points)
          : new Axis(param.key(), from, to, points, scale(scaleName));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--param " + param.key() + ": " + e.getMessage());
    }
    Path out = OutputFile.of(outName);
    Scenario scenario = ScenarioReader.read(scenarioFile);
    Outputs.replacing().reads(scenarioFile, scenario).csv("--out", out).check();
    Landscape landscape = BasinCommand.landscape(scenario, scenarioFile);
    Vec2 start = scenario.startOn(landscape);
    double[] minimum = landscape.nearestMinimum(start.x(), start.y());
    SweepRequest request;
    try {
      request = new SweepRequest(landscape.formula().objective(),
          new double[] {start.x(), start.y()}, scenario.optimizers(), param, axis,
          scenario.steps(), scenario.noise(), scenario.seed(), landscape.bestMinimumValue(),
          tolerance, minimum);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(scenarioFile + ": " + e.getMessage());
    }
    if (scenario.optimizers().stream().noneMatch(o -> o.type().params().contains(param))) {
      throw new InvalidInputException(scenarioFile + ": no optimizer of the scenario has the "
          + "hyperparameter " + param.key());
    }
    Sweep sweep = Sweeps.compute(request);
    try {
      if (out == null) {
        PrintWriter stdout = spec.commandLine().getOut();
        SweepCsv.write(sweep, stdout);
        if (stdout.checkError()) {
          return Cli.INVALID_INPUT;
        }
      } else {
        AtomicFiles.writeText(out, w -> SweepCsv.write(sweep, w));
      }
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + out + ": " + TraceCommand.describe(e));
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!sweep.skipped().isEmpty()) {
      err.println("skipped (no " + param.key() + "): " + String.join(", ", sweep.skipped()));
    }
    if (sweep.showsStabilityLimit()) {
      err.println(String.format(Locale.ROOT, "2/lambda_max = %s at the start (%s, %s)%s",
          Double.toString(sweep.limitAtStart()), Double.toString(start.x()),
          Double.toString(start.y()), minimum == null ? "" : String.format(Locale.ROOT,
              ", %s at the minimum (%s, %s)", Double.toString(sweep.limitAtMinimum()),
              Double.toString(minimum[0]), Double.toString(minimum[1]))));
    }
    err.flush();
    return Cli.OK;
  }

  private static Axis.Scale scale(String name) throws InvalidInputException {
    return switch (name) {
      case "linear" -> Axis.Scale.LINEAR;
      case "log" -> Axis.Scale.LOG;
      case "log1m" -> Axis.Scale.LOG_ONE_MINUS;
      default -> throw new InvalidInputException("--scale must be linear, log or log1m, got '"
          + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'");
    };
  }

}
