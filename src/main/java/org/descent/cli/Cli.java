package org.descent.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.descent.scenario.ScenarioException;
import picocli.CommandLine;

/**
 * The headless command line: parses, runs, and maps failures to exit codes and messages. Every
 * failure a user can cause is one line on standard error and exit status 2; status 1 is for
 * bugs, and even then no stack trace reaches the user for an {@link Error}.
 */
public final class Cli {

  /** Success. */
  public static final int OK = 0;
  /** A bug: reported with its stack trace, please file it. */
  public static final int INTERNAL_ERROR = 1;
  /** Invalid input: a missing file, a bad scenario, a bad option, unwritable output. */
  public static final int INVALID_INPUT = 2;

  private Cli() {}

  /**
   * Runs on the process's standard streams. Standard output is written through a stream that
   * reports its failures (System.out swallows them), so {@code trace x.yaml > /dev/full} says
   * that it could not write, and why.
   */
  public static int runOnConsole(String[] args) {
    FailureRecordingWriter stdout = new FailureRecordingWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(stdout, false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    return run(args, out, err, stdout::failure);
  }

  /**
   * Whether a word names a command ("trace", "open"): given first, it runs that command even
   * where a file of that name exists.
   */
  public static boolean isCommand(String word) {
    return new CommandLine(new DescentCommand()).getSubcommands().containsKey(word);
  }

  /** Runs a command; output goes to {@code out}, messages to {@code err}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Optional::empty);
  }

  /**
   * @param outFailure why writing to {@code out} failed, when it did (a PrintWriter only keeps
   *     that it failed)
   */
  static int run(String[] args, PrintWriter out, PrintWriter err,
      Supplier<Optional<IOException>> outFailure) {
    int code;
    try {
      code = execute(args, out, err);
    } catch (StackOverflowError e) {
      err.println("internal error: the input is too deeply nested to process (stack overflow);"
          + " please report it");
      code = INTERNAL_ERROR;
    } catch (OutOfMemoryError e) {
      err.println("internal error: out of memory; try fewer steps or optimizers, or give Java "
          + "more memory (java -Xmx4g -jar ...)");
      code = INTERNAL_ERROR;
    } catch (Error e) {
      err.println("internal error: " + e + "; please report it");
      code = INTERNAL_ERROR;
    }
    out.flush();
    if (out.checkError()) {
      err.println("cannot write to standard output" + outFailure.get()
          .map(e -> ": " + TraceCommand.describe(e)).orElse(""));
      code = code == OK || code == INVALID_INPUT ? INVALID_INPUT : code;
    }
    err.flush();
    return code;
  }

  private static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new DescentCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((e, params) -> {
      // picocli would print the usage too: one line, and where to read more, is clearer.
      CommandLine c = e.getCommandLine();
      err.println(c.getCommandName() + ": " + e.getMessage() + " (see: "
          + c.getCommandSpec().qualifiedName() + " --help)");
      return INVALID_INPUT;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ScenarioException || e instanceof InvalidInputException) {
        err.println(e.getMessage());
        return INVALID_INPUT;
      }
      err.println("internal error: " + e);
      e.printStackTrace(err);
      return INTERNAL_ERROR;
    });
    return cli.execute(args);
  }
}
