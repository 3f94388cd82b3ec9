package org.descent.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.descent.analysis.BasinRequest;
import org.descent.function.Catalogue;
import org.descent.function.Objective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.trace.Race;
import org.descent.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code descent bench}: the work redone on every slider drag — eight traces of 1,000 steps on
 * Rosenbrock — timed on one thread after a warm-up, as percentiles over many repetitions.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Times the slider path of the app on one core: 8 traces (sgd, momentum, "
        + "nesterov, adagrad, rmsprop, adam, newton, bfgs) of 1,000 steps each on Rosenbrock "
        + "from (-1.2, 1).", "Target: well under a 60 Hz frame (16 ms); goal under 2 ms.",
        "With --render, times the landscape views instead: the 800x800 contour field (target "
            + "under 100 ms) and 100x100 surface frames at 900x700 (target under 33 ms).",
        "With --network, times training steps of a 2-16-16-2 tanh network on 400 points, full "
            + "batch, Adam, one thread (target: at least 10,000 steps per second); with "
            + "--lambda-max also with the Hessian's largest eigenvalue every 10 steps.",
        "With --basin, times basin maps; with --export, a PNG sequence. An option the chosen "
            + "benchmark does not take is refused, and so is a run of more work than: 4e+08 "
            + "optimizer steps for the race (8 x --steps x (--warmup + --repeat)), 5e+11 "
            + "multiply-adds for --network (as train), 500 repetitions for --render, 4e+10 "
            + "start-steps for --basin (each map within basin's own limit)."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the timings were printed",
        "2:invalid input: bad option, options that do not go together, too much work"})
final class BenchCommand implements Callable<Integer> {

  static final List<OptimizerType> RACE = List.of(OptimizerType.SGD, OptimizerType.MOMENTUM,
      OptimizerType.NESTEROV, OptimizerType.ADAGRAD, OptimizerType.RMSPROP, OptimizerType.ADAM,
      OptimizerType.NEWTON, OptimizerType.BFGS);

  /** As many steps as a scenario may have. */
  static final int MAX_STEPS = org.descent.scenario.Scenario.MAX_STEPS;
  /** Repetitions: enough for stable percentiles; the timings are kept in memory. */
  static final int MAX_REPEAT = 100_000;

  @Spec
  CommandSpec spec;

  @Option(names = "--repeat",
      description = "timed repetitions (default 300; 50 with --render; 21 with --network; 3 "
          + "with --basin; at most 100000)")
  Integer repeat;

  @Option(names = "--warmup",
      description = "untimed repetitions first, for the JIT (default 300; 20 with --render; "
          + "10 with --network; at most 100000)")
  Integer warmup;

  @Option(names = "--render", description = "time the contour field and surface rendering")
  boolean render;

  @Option(names = "--export", description = "time a 1280x720 PNG sequence of a 200-step, "
      + "4-optimizer contour animation on all cores")
  boolean export;

  @Option(names = "--network", description = "time training steps of a small network")
  boolean network;

  @Option(names = "--lambda-max", description = "with --network: time the steps also with the "
      + "Hessian's largest eigenvalue computed every 10 steps (as train --lambda-max does), and "
      + "print both rates")
  boolean lambdaMax;

  @Option(names = "--basin", description = "time basin maps of Himmelblau (momentum, 500 "
      + "steps) at 256x256 and 1024x1024 starts on all cores")
  boolean basin;

  @Option(names = "--grid", paramLabel = "N",
      description = "with --basin: time only this grid size (2 to 4096)")
  Integer grid;

  @Option(names = "--steps", paramLabel = "<steps>",
      description = "steps per trace, or per repetition with --network (default 1000, at most "
          + "100000)")
  Integer stepsOption;

  /** The most optimizer steps the default race may take in all, as a sweep. */
  static final long MAX_RACE_WORK = org.descent.analysis.SweepRequest.MAX_WORK;
  /** The most repetitions (warm-up included) of --render's five renderings. */
  static final int MAX_RENDER_REPETITIONS = 500;
  /** The most start-steps --basin may compute in all: ten maps at the basin command's limit. */
  static final long MAX_BASIN_WORK = 10 * BasinRequest.MAX_WORK;

  private static void check(String option, int value, int min, int max)
      throws InvalidInputException {
    if (value < min || value > max) {
      throw new InvalidInputException(option + " must be between " + min + " and " + max
          + ", got " + value);
    }
  }

  @Override
  public Integer call() throws InvalidInputException {
    int repeat = this.repeat != null ? this.repeat : render ? 50 : network ? 21 : 300;
    int warmup = this.warmup != null ? this.warmup : render ? 20 : network ? 10 : 300;
    int steps = stepsOption != null ? stepsOption : 1000;
    check("--steps", steps, 1, MAX_STEPS);
    check("--repeat", repeat, 1, MAX_REPEAT);
    check("--warmup", warmup, 0, MAX_REPEAT);
    if ((render ? 1 : 0) + (network ? 1 : 0) + (export ? 1 : 0) > 1) {
      throw new InvalidInputException(
          "--render, --network and --export time different things; give one");
    }
    String mode = render ? "--render" : network ? "--network" : export ? "--export" : null;
    if (basin && mode != null) {
      throw new InvalidInputException("--basin and " + mode + " time different things; give "
          + "one");
    }
    if (grid != null && !basin) {
      throw new InvalidInputException("--grid applies to --basin only");
    }
    if (lambdaMax && !network) {
      throw new InvalidInputException("--lambda-max applies to --network only");
    }
    refuseUnused(basin ? "--basin" : mode);
    PrintWriter out = spec.commandLine().getOut();
    if (basin) {
      int timed = this.repeat != null ? repeat : 3;
      int[] grids = grid != null ? new int[] {grid} : new int[] {256, 1024};
      checkBasinWork(grids, timed);
      new BasinBench(out, timed, grids).run();
      return Cli.OK;
    }
    if (export) {
      new ExportBench(out).run();
      return Cli.OK;
    }
    int repetitions = warmup + repeat;
    String fewer = "(use fewer --steps, --repeat or --warmup)";
    if (network) {
      String tooMuch = NetworkBench.workProblem(steps, repetitions, lambdaMax);
      if (tooMuch != null) {
        throw new InvalidInputException(tooMuch + " " + fewer);
      }
      new NetworkBench(out, warmup, repeat, steps, lambdaMax).run();
      return Cli.OK;
    }
    if (render) {
      if (repetitions > MAX_RENDER_REPETITIONS) {
        throw new InvalidInputException("too much work: " + repetitions + " repetitions ("
            + warmup + " warm-up + " + repeat + " timed) of the five renderings; at most "
            + MAX_RENDER_REPETITIONS + " (use fewer --repeat or --warmup)");
      }
      new RenderBench(out, warmup, repeat).run();
      return Cli.OK;
    }
    long work = (long) RACE.size() * steps * repetitions;
    if (work > MAX_RACE_WORK) {
      throw new InvalidInputException("too much work: " + RACE.size() + " traces x " + steps
          + " steps x " + repetitions + " repetitions (" + warmup + " warm-up + " + repeat
          + " timed) = " + String.format(Locale.ROOT, "%.3g", (double) work) + " optimizer "
          + "steps; at most " + String.format(Locale.ROOT, "%.3g", (double) MAX_RACE_WORK)
          + " " + fewer);
    }
    Objective f = Catalogue.find("rosenbrock").orElseThrow().instantiate().formula().objective();
    List<OptimizerSpec> specs = RACE.stream().map(OptimizerSpec::of).toList();
    double[] start = {-1.2, 1};
    long checksum = 0;
    for (int i = 0; i < warmup; i++) {
      checksum += Race.run(f, specs, start, steps, 0, 1).size();
    }
    double[] millis = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      long t0 = System.nanoTime();
      List<Trace> traces = Race.run(f, specs, start, steps, 0, 1);
      millis[i] = (System.nanoTime() - t0) / 1e6;
      checksum += traces.get(0).length();
    }
    Arrays.sort(millis);
    out.printf("8 traces x %d steps on Rosenbrock, one thread, %d repetitions after %d warm-up:%n",
        steps, repeat, warmup);
    out.printf("  min %.3f ms   median %.3f ms   p90 %.3f ms   max %.3f ms%n", millis[0],
        millis[repeat / 2], millis[(int) (repeat * 0.9)], millis[repeat - 1]);
    out.printf("  %.0f optimizer steps per second (median)%n",
        8.0 * steps / (millis[repeat / 2] / 1000));
    out.printf("  (checksum %d)%n", checksum);
    out.flush();
    return Cli.OK;
  }
  /**
   * Options another benchmark takes, given to one that does not, would be ignored in silence:
   * a user who asks for them is told instead.
   */
  private void refuseUnused(String mode) throws InvalidInputException {
    if (mode == null || mode.equals("--network")) {
      return; // the race and --network take --steps, --repeat and --warmup
    }
    if (stepsOption != null) {
      throw new InvalidInputException("--steps does not apply to " + mode);
    }
    if (warmup != null && !mode.equals("--render")) {
      throw new InvalidInputException("--warmup does not apply to " + mode);
    }
    if (repeat != null && mode.equals("--export")) {
      throw new InvalidInputException("--repeat does not apply to " + mode);
    }
  }

  /** Each map within the basin command's limit, and all of them within {@link #MAX_BASIN_WORK}. */
  private static void checkBasinWork(int[] grids, int repeat) throws InvalidInputException {
    double work = 0;
    for (int g : grids) {
      check("--grid", g, 2, BasinRequest.MAX_GRID);
      try {
        BasinBench.request(g);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("--grid " + g + ": " + e.getMessage());
      }
      work += (double) g * g * BasinBench.STEPS * (1 + repeat);
    }
    if (work > MAX_BASIN_WORK) {
      throw new InvalidInputException(String.format(Locale.ROOT, "too much work: %d maps (a "
          + "first run and %d timed per size) = %.3g start-steps; at most %.3g (use a smaller "
          + "--repeat or one --grid)", grids.length * (1 + repeat), repeat, work,
          (double) MAX_BASIN_WORK));
    }
  }
}
