package org.descent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.descent.export.AtomicFiles;
import org.descent.network.NetworkInputException;
import org.descent.network.WorkEstimate;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import org.descent.training.ModeConnectivity;
import org.descent.training.TrainingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent connect FILE}: the scenario's network trained from two seeds, and the loss
 * along the straight line and along a trained Bézier curve between the two minima
 * ({@link ModeConnectivity}).
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
    description = {"Trains the scenario's network with one optimizer from two seeds (the data, "
        + "their split and the batch order stay; only the initial weights change), then "
        + "trains a quadratic Bezier curve between the two minima (Garipov et al. 2018), and "
        + "writes the training loss along the straight line and along the curve as CSV: "
        + "t,line_loss,curve_loss, t from 0 (the first minimum) to 1 (the second).",
        "Prints each path's barrier: how far its loss climbs above the worse of the two "
            + "minima.",
        "The work is bounded as train's: the two trainings and the curve's steps together "
            + "may not exceed 5e+11 multiply-adds."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the paths were written",
        "2:invalid input: missing or malformed scenario, no network section, bad option, a "
            + "run that diverges, weights from a file, too much work"})
final class ConnectCommand implements Callable<Integer> {

  static final int MAX_POINTS = 10_001;
  static final int MAX_CURVE_STEPS = 1_000_000;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (YAML)")
  Path scenarioFile;

  @Option(names = "--optimizer", paramLabel = "I", defaultValue = "0",
      description = "the card that trains the two networks: its position in the list (from 0) "
          + "or its label (default 0)")
  String optimizer;

  @Option(names = "--seeds", paramLabel = "A,B", split = ",",
      description = "the two seeds of the initial weights (default: the network's seed and the "
          + "next, as the app's Two minima picture)")
  long[] seeds;

  @Option(names = "--points", defaultValue = "41",
      description = "samples along each path (default 41, 2 to 10001)")
  int points;

  @Option(names = "--curve-steps", defaultValue = "1000",
      description = "Adam steps for the curve's control point (default 1000)")
  int curveSteps;

  @Option(names = {"-o", "--out"}, paramLabel = "CSV",
      description = "the CSV file (default: standard output)")
  String outName;

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    if (seeds != null && seeds.length != 2) {
      throw new InvalidInputException("--seeds takes two seeds, e.g. --seeds 1,2; got "
          + seeds.length);
    }
    if (points < 2 || points > MAX_POINTS) {
      throw new InvalidInputException("--points must be between 2 and " + MAX_POINTS
          + ", got " + points);
    }
    if (curveSteps < 0 || curveSteps > MAX_CURVE_STEPS) {
      throw new InvalidInputException("--curve-steps must be between 0 and "
          + MAX_CURVE_STEPS + ", got " + curveSteps);
    }
    Path out = OutputFile.of(outName);
    Scenario scenario = ScenarioReader.read(scenarioFile);
    Outputs.replacing().reads(scenarioFile, scenario).csv("--out", out).check();
    TrainingPlan plan = TrainCommand.plan(scenario, scenarioFile);
    int index = TuneCommand.optimizerIndex(scenario, optimizer);
    int n = plan.architecture().parameterCount();
    int train = plan.data().train().size();
    // Two trainings (the train command's estimate for one card, twice) and the curve's steps
    // and samples, each a full-batch forward and backward pass (about 3 n multiply-adds per
    // sample).
    double work = 2 * plan.work() / plan.runs().size()
        + 3.0 * n * train * ((double) curveSteps + 2.0 * points);
    if (work > WorkEstimate.MAX_WORK) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "%s: this would take about %.1e multiply-adds, more than %.0e: use fewer steps, "
              + "curve steps or points", scenarioFile, work, WorkEstimate.MAX_WORK));
    }
    long own = plan.setup().seed();
    long[] two = seeds != null ? seeds : new long[] {own, own + 1};
    ModeConnectivity.Result r;
    try {
      r = ModeConnectivity.compute(plan, index, two[0], two[1], points, curveSteps,
          () -> false);
    } catch (NetworkInputException e) {
      throw new InvalidInputException(scenarioFile + ": " + e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    try {
      if (out == null) {
        write(r, stdout);
        stdout.flush();
      } else {
        AtomicFiles.writeText(out, w -> write(r, w));
      }
    } catch (java.io.IOException e) {
      throw new InvalidInputException("cannot write " + out + ": " + TraceCommand.describe(e));
    }
    PrintWriter report = out == null ? spec.commandLine().getErr() : stdout;
    report.printf(Locale.ROOT, "%s from seeds %d and %d: losses %.6g and %.6g, %.4g apart; "
            + "barrier on the straight line %s (at t = %.3g), on the trained curve %s%n",
        r.optimizer(), r.seedA(), r.seedB(), r.lossA(), r.lossB(), r.distance(),
        barrier(r.lineBarrier()), r.lineBarrierAt(), barrier(r.curveBarrier()));
    report.flush();
    return Cli.OK;
  }

  /** A barrier's height, or "none" when the path never climbs above the worse minimum. */
  private static String barrier(double b) {
    return b <= 0 ? "none" : String.format(Locale.ROOT, "%.6g", b);
  }

  private static void write(ModeConnectivity.Result r, java.io.Writer w)
      throws java.io.IOException {
    w.write("t,line_loss,curve_loss\n");
    for (int k = 0; k < r.t().length; k++) {
      w.write(org.descent.export.ShortestDecimal.of(r.t()[k]) + ","
          + org.descent.export.ShortestDecimal.of(r.line()[k]) + ","
          + org.descent.export.ShortestDecimal.of(r.curve()[k]) + "\n");
    }
  }
}
