package org.descent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.descent.export.AtomicFiles;
import org.descent.export.TrainingCsv;
import org.descent.network.NetworkInputException;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import org.descent.training.RunSnapshot;
import org.descent.training.Trainer;
import org.descent.training.TrainingPlan;
import org.descent.training.TrainingPoint;
import org.descent.training.TrainingRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent train FILE [--out CSV] [--lambda-max]}: trains the scenario's network with each of its
 * optimizers (one after the other, on one thread: the same runs as the app's background
 * trainer) and writes a CSV row per evaluation as it is made.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Trains the scenario's network with each of its optimizers and writes the "
        + "curves as CSV.",
        "Columns: " + "optimizer,epoch,step,train_loss,val_loss,val_accuracy,grad_norm,"
            + "train_accuracy,learning_rate,grad_norm_squared,gHg,avg_train_loss,"
            + "avg_val_accuracy,fevals,gevals,lambda_max,preconditioned_lambda_max,"
            + "stability_threshold; one row per evaluation (every eval_every steps "
            + "and the last step; step 0 is the initial weights). Empty cells: no validation "
            + "set, no learning rate, no averaging, no --lambda-max.",
        "With --lambda-max, every row also has the largest eigenvalue of the Hessian of the "
            + "training loss (whole training set, training mode; Lanczos on exact "
            + "Hessian-vector products, to 1e-10 relative residual), Adam's preconditioned "
            + "sharpness (the largest eigenvalue of P^-1 H, P = (1 - beta1^t)(diag(sqrt(r_hat))"
            + " + delta), Cohen et al. 2022) and the threshold the method turns unstable at: "
            + "2/lr for gradient descent, (2 + 2 momentum)/lr for momentum, (2 + 2 momentum)/"
            + "((1 + 2 momentum) lr) for Nesterov, (2 + 2 beta1)/((1 - beta1) lr) (38/lr at "
            + "beta1 = 0.9) for Adam's preconditioned sharpness. It costs 10 to 40 "
            + "Hessian-vector products per evaluation (at most 200), counted in the work limit "
            + "as 40.",
        "A run that diverges is reported on "
            + "standard error (LABEL diverged at step K) and keeps its rows before that "
            + "step; one that cannot run (Newton on a large network) says why."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the curves were written (also when an optimizer diverged)",
        "2:invalid input: missing or malformed scenario, no network section, bad data or "
            + "weights file, bad option, unwritable output"})
final class TrainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (YAML)")
  Path scenarioFile;

  @Option(names = {"-o", "--out"}, paramLabel = "CSV",
      description = "write the CSV here instead of standard output")
  String outName;

  @Option(names = "--lambda-max", description = "fill the lambda_max, "
      + "preconditioned_lambda_max and stability_threshold columns (costly: see above)")
  boolean lambdaMax;

  /** Thrown out of the CSV writing when standard output fails: Cli reports it. */
  private static final class StandardOutputFailed extends IOException {}

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    Path out = OutputFile.of(outName);
    Scenario scenario = ScenarioReader.read(scenarioFile);
    Outputs.replacing().reads(scenarioFile, scenario).csv("--out", out).check();
    TrainingPlan plan = plan(scenario, scenarioFile, lambdaMax);
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (out == null) {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingCsv csv = TrainingCsv.open(stdout); // not closed: standard output stays open
        write(plan, csv, stdout, err);
      } else {
        AtomicFiles.writeText(out, w -> {
          try (TrainingCsv csv = TrainingCsv.open(w)) {
            write(plan, csv, null, err);
          }
        });
      }
    } catch (StandardOutputFailed e) {
      return Cli.INVALID_INPUT;
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + out + ": " + TraceCommand.describe(e));
    }
    return Cli.OK;
  }

  /** The scenario's training, loaded and checked; every problem is one line. */
  static TrainingPlan plan(Path file) throws ScenarioException, InvalidInputException {
    return plan(ScenarioReader.read(file), file);
  }

  /** The training of a scenario read from {@code file}. */
  static TrainingPlan plan(Scenario s, Path file) throws InvalidInputException {
    return plan(s, file, false);
  }

  /**
   * The training of a scenario read from {@code file}, with the sharpness at every evaluated
   * step when asked for.
   */
  static TrainingPlan plan(Scenario s, Path file, boolean sharpness)
      throws InvalidInputException {
    if (s.network() == null) {
      throw new InvalidInputException(file + ": the scenario has no 'network' section; add "
          + "one (see docs/scenarios.md) to train a network");
    }
    try {
      return TrainingPlan.prepare(new TrainingRequest(s.network(), s.optimizers(),
          s.networkRates(), sharpness ? s.network().evalEvery() : 0));
    } catch (NetworkInputException e) {
      throw new InvalidInputException(file + ": network: " + e.getMessage());
    }
  }

  private static void write(TrainingPlan plan, TrainingCsv csv, PrintWriter stdout,
      PrintWriter err) throws IOException {
    Trainer.train(plan, new Trainer.Observer() {
      @Override
      public void point(int run, String label, TrainingPoint p) throws IOException {
        csv.append(label, p);
      }

      @Override
      public void finished(RunSnapshot r) throws IOException {
        csv.flush();
        if (stdout != null && stdout.checkError()) {
          throw new StandardOutputFailed();
        }
        if (!r.cannotStart().isEmpty()) {
          err.println(r.label() + " cannot start: " + r.cannotStart());
        } else if (r.diverged()) {
          err.println(r.label() + " diverged at step " + r.divergedAt().getAsInt());
        }
        err.flush();
      }
    }, () -> false);
  }
}
