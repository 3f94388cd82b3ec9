package org.descent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.descent.export.AtomicFiles;
import org.descent.network.HessianSpectrum;
import org.descent.network.NetworkObjective;
import org.descent.network.WorkEstimate;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import org.descent.training.Trainer;
import org.descent.training.TrainingPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent spectrum FILE [--step K] [--optimizer I] [--out CSV]}: the eigenvalues of the
 * network's Hessian at the initial weights or after K steps of one optimizer, exact up to 500
 * parameters, a stochastic Lanczos quadrature density above.
 */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
    description = {"Writes the eigenvalues of the Hessian of the network's training loss "
        + "(mean cross-entropy over the whole training set, training mode) at the scenario's "
        + "initial weights, or after --step K steps of optimizer --optimizer I trained as "
        + "train trains it.",
        "Up to 500 parameters the spectrum is exact: the Hessian built from exact "
            + "Hessian-vector products and decomposed; one row per eigenvalue, ascending, "
            + "column eigenvalue. Above, a stochastic Lanczos quadrature density (10 "
            + "Rademacher probes, 80 Lanczos steps each, Gaussian kernels of width sigma = 1%% "
            + "of the spectrum's span, 1001 points): columns lambda,density.",
        "Standard error says which, with lambda_max, lambda_min and the fraction of negative "
            + "eigenvalues (exact: below -1e-9 max|lambda|; density: below -sigma, an "
            + "estimate).",
        "The work is bounded as train's: more than 5e+11 multiply-adds (the training to step "
            + "K, then about 4 x parameters^2 x samples for the exact Hessian, or 800 "
            + "Hessian-vector products for the density) is refused before it starts."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the spectrum was written",
        "2:invalid input: missing or malformed scenario, no network section, bad data or "
            + "weights file, no such optimizer or step, a run that cannot start or diverged "
            + "by that step, too much work, unwritable output"})
final class SpectrumCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (YAML)")
  Path scenarioFile;

  @Option(names = "--step", paramLabel = "K",
      description = "the weights after K steps (default: the initial weights)")
  Integer step;

  @Option(names = "--optimizer", paramLabel = "I",
      description = "with --step, the optimizer trained: its position in the list (from 0) or "
          + "its label (default 0)")
  String optimizer;

  @Option(names = {"-o", "--out"}, paramLabel = "CSV",
      description = "write the CSV here instead of standard output")
  String outName;

  /** The multiply-adds of the spectrum of n parameters on {@code train} samples. */
  static double work(int n, int train) {
    double p = n;
    if (n <= NetworkObjective.MAX_HESSIAN_PARAMETERS) {
      return 4 * p * p * train + 10 * p * p * p;
    }
    int m = Math.min(HessianSpectrum.STEPS, HessianSpectrum.maxSteps(n));
    return HessianSpectrum.PROBES * (m * 4.0 * train * p + (double) m * m * p);
  }

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    Path out = OutputFile.of(outName);
    Scenario scenario = ScenarioReader.read(scenarioFile);
    Outputs.replacing().reads(scenarioFile, scenario).csv("--out", out).check();
    TrainingPlan plan = TrainCommand.plan(scenario, scenarioFile);
    if (optimizer != null && step == null) {
      // the initial weights are every optimizer's: an --optimizer alone would be ignored
      throw new InvalidInputException("--optimizer applies with --step only: without it the "
          + "spectrum is of the initial weights");
    }
    int index = TuneCommand.optimizerIndex(scenario, optimizer == null ? "0" : optimizer);
    if (step != null && (step < 0 || step > plan.steps())) {
      throw new InvalidInputException("--step " + step + " is outside 0 to " + plan.steps()
          + ": " + scenarioFile + " trains for " + plan.steps() + " steps");
    }
    int n = plan.architecture().parameterCount();
    int train = plan.data().train().size();
    double work = work(n, train) + (step == null || step == 0 ? 0
        : plan.work() * step / plan.steps() / plan.runs().size());
    if (work > WorkEstimate.MAX_WORK) {
      throw new InvalidInputException(String.format(Locale.ROOT, "%s: too much work: about "
          + "%.2g multiply-adds for the spectrum of %,d parameters on %,d samples; at most "
          + "%.0g (use a smaller network or fewer samples)", scenarioFile, work, n, train,
          WorkEstimate.MAX_WORK));
    }
    double[] theta;
    try {
      theta = step == null ? plan.initialWeights() : Trainer.weightsAt(plan, index, step);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(scenarioFile + ": " + e.getMessage());
    }
    NetworkObjective f = new NetworkObjective(plan.architecture(), plan.data().train());
    String where = step == null ? "the initial weights"
        : "step " + step + " of " + InvalidInputException.oneLine(
            plan.runs().get(index).label());
    String summary;
    Content content;
    try {
      if (n <= NetworkObjective.MAX_HESSIAN_PARAMETERS) {
        double[] values = HessianSpectrum.eigenvalues(f, theta);
        content = w -> {
          w.write("eigenvalue\n");
          for (double v : values) {
            w.write(Double.toString(v) + "\n");
          }
        };
        summary = String.format(Locale.ROOT, "exact spectrum of %,d parameters at %s: "
            + "lambda_max %s, lambda_min %s, %.1f%% negative", n, where,
            Double.toString(values[n - 1]), Double.toString(values[0]),
            100 * HessianSpectrum.negativeFraction(values));
      } else {
        HessianSpectrum.Density d = HessianSpectrum.density(f, theta, HessianSpectrum.PROBES,
            HessianSpectrum.STEPS, plan.setup().seed());
        content = w -> {
          w.write("lambda,density\n");
          for (int i = 0; i < d.lambda().length; i++) {
            w.write(Double.toString(d.lambda()[i]) + "," + Double.toString(d.density()[i])
                + "\n");
          }
        };
        double lo = Double.POSITIVE_INFINITY;
        for (double x : d.nodes()) {
          lo = Math.min(lo, x);
        }
        summary = String.format(Locale.ROOT, "stochastic Lanczos quadrature density of %,d "
            + "parameters at %s (%d probes x %d steps, sigma %.3g): lambda_max about %s, "
            + "lambda_min about %s, about %.1f%% below -sigma", n, where, d.probes(),
            d.steps(), d.sigma(), Double.toString(d.top()[0]), Double.toString(lo),
            100 * d.negativeFraction());
      }
    } catch (ArithmeticException e) {
      throw new InvalidInputException(scenarioFile + ": the Hessian is not finite at " + where
          + "; no spectrum to write");
    }
    try {
      if (out == null) {
        PrintWriter stdout = spec.commandLine().getOut();
        content.write(stdout);
        stdout.flush();
        if (stdout.checkError()) {
          return Cli.INVALID_INPUT;
        }
      } else {
        AtomicFiles.writeText(out, content::write);
      }
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + out + ": " + TraceCommand.describe(e));
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(summary);
    err.flush();
    return Cli.OK;
  }

  /** The CSV's text. */
  private interface Content {
    void write(Writer w) throws IOException;
  }
}
