package org.descent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.descent.export.AtomicFiles;
import org.descent.export.TraceCsv;
import org.descent.function.FormulaException;
import org.descent.function.Landscape;
import org.descent.function.ViewBox;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import org.descent.trace.Race;
import org.descent.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent trace FILE [--out CSV]}: every optimizer of a scenario, as CSV. Each trace is
 * written as soon as it is computed, so memory holds one trace, however many the scenario has.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = {"Runs every optimizer of a scenario and writes their traces as CSV.",
        "Columns: optimizer,step,x,y,loss,grad_norm,fevals,gevals,avg_x,avg_y (step 0 is the "
            + "start). An optimizer that diverged (its iterate, loss or gradient not finite) "
            + "is reported on standard error and keeps its finite rows; one that left the "
            + "scenario's view is reported there too."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the traces were written (also when an optimizer diverged)",
        "2:invalid input: missing or malformed scenario, bad option, unwritable output"})
final class TraceCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (YAML)")
  Path scenarioFile;

  // A String, not a Path: Path drops the trailing slash of "results/", which names a folder.
  @Option(names = {"-o", "--out"}, paramLabel = "CSV",
      description = "write the CSV here instead of standard output")
  String outName;

  /** Thrown out of the CSV writing when standard output fails: Cli reports it, once. */
  private static final class StandardOutputFailed extends IOException {}

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    Path out = output();
    Scenario scenario = ScenarioReader.read(scenarioFile);
    Outputs.replacing().reads(scenarioFile, scenario).csv("--out", out).check();
    Landscape landscape;
    try {
      landscape = scenario.landscape();
    } catch (FormulaException e) {
      throw new InvalidInputException(scenarioFile + ": function: " + e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (out == null) {
        PrintWriter stdout = spec.commandLine().getOut();
        TraceCsv csv = TraceCsv.open(stdout); // not closed: standard output stays open
        writeTraces(scenario, landscape, csv, stdout, err);
      } else {
        AtomicFiles.writeText(out, w -> {
          try (TraceCsv csv = TraceCsv.open(w)) {
            writeTraces(scenario, landscape, csv, null, err);
          }
        });
      }
    } catch (StandardOutputFailed e) {
      return Cli.INVALID_INPUT; // Cli names the failure, with its reason
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + out + ": " + describe(e));
    }
    return Cli.OK;
  }

  /** The --out file, or null for standard output. */
  private Path output() throws InvalidInputException {
    return OutputFile.of(outName);
  }

  /**
   * Runs the optimizers one after the other and writes each trace as it is done.
   *
   * @param stdout standard output when writing there: checked after each trace, so that a
   *     closed pipe or a full disk stops the run instead of computing traces no one reads
   */
  private static void writeTraces(Scenario scenario, Landscape landscape, TraceCsv csv,
      PrintWriter stdout, PrintWriter err) throws IOException {
    Race.forEach(scenario.race(landscape), t -> {
      csv.append(t);
      csv.flush();
      if (stdout != null && stdout.checkError()) {
        throw new StandardOutputFailed();
      }
      report(t, landscape.view(), err);
    });
  }

  private static void report(Trace t, ViewBox view, PrintWriter err) {
    if (t.diverged()) {
      err.println(t.label() + " diverged at step " + t.divergedAt().getAsInt() + ": "
          + t.divergenceCause().description() + " is not finite there");
    } else {
      // Leaving the view is how a lecturer sees a run blow up before it overflows.
      t.firstStepOutside(view).ifPresent(k ->
          err.println(t.label() + " left the view at step " + k));
    }
    if (t.budget() > 0) {
      err.println(t.label() + ": " + t.lastStep() + " steps for " + t.evaluations(t.lastStep())
          + " of its " + t.budget() + " evaluations");
    }
    err.flush();
  }

  static String describe(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such folder, or no file can be created there";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
