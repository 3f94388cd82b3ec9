package org.descent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.descent.analysis.BasinMap;
import org.descent.analysis.BasinMaps;
import org.descent.analysis.BasinRequest;
import org.descent.export.AtomicFiles;
import org.descent.export.BasinCsv;
import org.descent.function.FormulaException;
import org.descent.function.Landscape;
import org.descent.optim.OptimizerSpec;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent basin FILE [--grid N] [--out CSV]}: the basin-of-attraction map of a
 * scenario's first optimizer over its view, with its steps, as CSV.
 */
@Command(name = "basin", mixinStandardHelpOptions = true,
    description = {"Runs the scenario's first optimizer (its steps, noise and seed) from every "
        + "start of an N x N grid over the scenario's view (both ends of each range included) "
        + "and labels each start by the minimum it ends nearest to.",
        "Columns: x,y,final_x,final_y,label, one row per start, y-major (the bottom row "
            + "y = y_min from left to right first). The label is the 0-based index of the "
            + "nearest minimum in the order `descent list` prints them, -1 for an end point "
            + "that is not finite. A summary (cells per minimum, not converged, diverged) goes "
            + "to standard error."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the map was written",
        "2:invalid input: missing or malformed scenario, bad option, too much work, "
            + "unwritable output"})
final class BasinCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (YAML)")
  Path scenarioFile;

  @Option(names = "--grid", paramLabel = "N", defaultValue = "256",
      description = "starts per side (default 256, from 2 to 4096)")
  int grid;

  @Option(names = {"-o", "--out"}, paramLabel = "CSV",
      description = "write the CSV here instead of standard output")
  String outName;

  @Option(names = "--quiet", description = "no summary on standard error")
  boolean quiet;

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    if (grid < 2 || grid > BasinRequest.MAX_GRID) {
      throw new InvalidInputException("--grid must be between 2 and " + BasinRequest.MAX_GRID
          + ", got " + grid);
    }
    Path out = OutputFile.of(outName);
    Scenario scenario = ScenarioReader.read(scenarioFile);
    Outputs.replacing().reads(scenarioFile, scenario).csv("--out", out).check();
    Landscape landscape = landscape(scenario, scenarioFile);
    OptimizerSpec optimizer = scenario.optimizers().get(0);
    BasinRequest request;
    try {
      request = new BasinRequest(landscape, landscape.view(), grid, optimizer,
          scenario.steps(), scenario.noise(), scenario.seed(),
          BasinRequest.defaultTolerance(landscape.view()), false);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(scenarioFile + ": " + e.getMessage());
    }
    BasinMap map = BasinMaps.compute(request);
    try {
      if (out == null) {
        PrintWriter stdout = spec.commandLine().getOut();
        BasinCsv.write(map, stdout);
        if (stdout.checkError()) {
          return Cli.INVALID_INPUT; // Cli names the failure, with its reason
        }
      } else {
        AtomicFiles.writeStream(out, o -> BasinCsv.write(map, o));
      }
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + out + ": " + TraceCommand.describe(e));
    }
    if (!quiet) {
      PrintWriter err = spec.commandLine().getErr();
      StringBuilder sb = new StringBuilder(optimizer.label() + ": " + grid + " x " + grid
          + " starts, " + scenario.steps() + " steps:");
      for (BasinMap.LegendEntry e : map.legend()) {
        sb.append(' ').append(e.text()).append(": ").append(e.cells()).append(';');
      }
      sb.setLength(sb.length() - 1);
      err.println(sb);
      err.flush();
    }
    return Cli.OK;
  }

  static Landscape landscape(Scenario scenario, Path file) throws InvalidInputException {
    try {
      return scenario.landscape();
    } catch (FormulaException e) {
      throw new InvalidInputException(file + ": function: " + e.getMessage());
    }
  }
}
