package org.descent.cli;

import java.io.PrintWriter;
import org.descent.scenario.ScenarioException;
import picocli.CommandLine;

/** The headless command line: parses, runs, and maps failures to exit codes and messages. */
public final class Cli {

  /** Success. */
  public static final int OK = 0;
  /** A bug: reported with its stack trace, please file it. */
  public static final int INTERNAL_ERROR = 1;
  /** Invalid input: a missing file, a bad scenario, a bad option. */
  public static final int INVALID_INPUT = 2;

  private Cli() {}

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new DescentCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ScenarioException || e instanceof InvalidInputException) {
        err.println(e.getMessage());
        return INVALID_INPUT;
      }
      err.println("internal error: " + e);
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
