package org.descent.cli;

import picocli.CommandLine.Command;

/** The top-level command; without a subcommand the launcher opens the desktop app instead. */
@Command(name = "descent", mixinStandardHelpOptions = true, version = "Descent 0.1",
    description = {"A laboratory for teaching how neural networks are optimized.",
        "Without a command, `java -jar descent.jar` opens the desktop app."},
    subcommands = {TraceCommand.class, TrainCommand.class, GradcheckCommand.class,
        ConnectCommand.class,
        BasinCommand.class, SweepCommand.class, TuneCommand.class, StepCommand.class,
        SpectrumCommand.class, RenderCommand.class, ListCommand.class,
        BenchCommand.class, OpenCommand.class})
public final class DescentCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
