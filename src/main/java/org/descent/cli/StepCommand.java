package org.descent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.descent.function.Landscape;
import org.descent.optim.LineSearchRecord;
import org.descent.optim.StepDetail;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import org.descent.trace.RaceSetup;
import org.descent.trace.ReplayedStep;
import org.descent.trace.StepReplay;
import org.descent.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent step FILE --optimizer I --step K}: what made step k of one run, replayed
 * exactly as {@code trace} computes it.
 */
@Command(name = "step", mixinStandardHelpOptions = true,
    description = {"Replays one optimizer of the scenario up to step K and prints what made the "
        + "update from iterate K to K + 1: the gradient (and the clipped one), the method's "
        + "state (v, s, r, bias-corrected moments, the per-coordinate learning rate), the "
        + "search direction and the line search's trial points (alpha, phi, phi'), the "
        + "Hessian or the inverse-Hessian model, and the step."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the step was printed",
        "2:invalid input: missing or malformed scenario, no such optimizer or step (a step "
            + "past the end of a run that converged or ran out of its budget)"})
final class StepCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (YAML)")
  Path scenarioFile;

  @Option(names = "--optimizer", paramLabel = "I", defaultValue = "0",
      description = "the optimizer: its position in the list (from 0) or its label")
  String optimizer;

  @Option(names = "--step", paramLabel = "K", required = true,
      description = "the step, from 0 (the update from the start)")
  int step;

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    Scenario scenario = ScenarioReader.read(scenarioFile);
    Landscape landscape = BasinCommand.landscape(scenario, scenarioFile);
    int index = TuneCommand.optimizerIndex(scenario, optimizer);
    if (step < 0 || step >= scenario.steps()) {
      throw new InvalidInputException("step: --step " + step + " is outside 0 to "
          + (scenario.steps() - 1) + ": " + scenarioFile + " has " + scenario.steps()
          + " steps");
    }
    RaceSetup race = scenario.race(landscape);
    refusePastTheEnd(race, index);
    ReplayedStep r;
    try {
      r = StepReplay.replay(race, index, step);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(scenarioFile + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    StepDetail d = r.detail();
    out.println(scenario.optimizers().get(index).label() + ", step " + step);
    for (Map.Entry<StepDetail.Quantity, double[]> e : d.vectors().entrySet()) {
      out.println(e.getKey().symbol() + " (" + e.getKey().description() + "): "
          + numbers(e.getValue()));
    }
    for (Map.Entry<StepDetail.Scalar, Double> e : d.scalars().entrySet()) {
      out.println(e.getKey().symbol() + " (" + e.getKey().description() + "): "
          + Double.toString(e.getValue()));
    }
    LineSearchRecord ls = d.lineSearch();
    if (ls != null) {
      out.println("line search: c1 = " + ls.c1() + ", c2 = " + ls.c2() + ", phi(0) = "
          + ls.phi0() + ", phi'(0) = " + ls.slope0());
      out.println("alpha,phi,dphi,accepted");
      for (int i = 0; i < ls.trials().size(); i++) {
        LineSearchRecord.Trial t = ls.trials().get(i);
        out.println(t.alpha() + "," + t.phi() + "," + t.slope() + ","
            + (i == ls.accepted() ? "yes" : "no"));
      }
    }
    out.flush();
    return out.checkError() ? Cli.INVALID_INPUT : Cli.OK;
  }

  /**
   * A run with a budget can end before its steps, and the trace shows it ending there: a step
   * past that end would print an update the trace never made. A run that diverged keeps its
   * last step, the one that left the finite numbers, which is worth seeing.
   */
  private void refusePastTheEnd(RaceSetup race, int index) throws InvalidInputException {
    Trace t = race.trace(index);
    int last = t.lastStep();
    if (t.diverged() || step < last || last == race.steps()) {
      return;
    }
    String why;
    try {
      StepReplay.replay(race, index, last);
      why = "it converged (its next step evaluates nothing and stays put)";
    } catch (IllegalArgumentException e) {
      why = "its budget of " + race.budget() + " evaluations ran out (" + t.evaluations(last)
          + " used; its next step would exceed it)";
    }
    throw new InvalidInputException("step: --step " + step + " is past the end of "
        + t.label() + "'s trace in " + scenarioFile + ": it ends at step " + last + ", where "
        + why);
  }

  private static String numbers(double[] v) {
    StringBuilder sb = new StringBuilder();
    for (double x : v) {
      sb.append(sb.length() == 0 ? "" : " ").append(x);
    }
    return sb.toString();
  }
}
