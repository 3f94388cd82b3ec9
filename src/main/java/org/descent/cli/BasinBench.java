package org.descent.cli;

import java.io.PrintWriter;
import org.descent.analysis.BasinMap;
import org.descent.analysis.BasinMaps;
import org.descent.analysis.BasinRequest;
import org.descent.function.Catalogue;
import org.descent.function.Landscape;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;

/**
 * {@code bench --basin}: the basin map of Himmelblau over [−5, 5]² with 500 steps of momentum
 * (lr 0.01, momentum 0.9), at 256×256 and 1024×1024 starts (or one size), on every core. The first run of
 * each size is reported on its own (it includes the JIT's warm-up, as a command's single run
 * does), then the best of the timed repetitions.
 */
final class BasinBench {

  /** Steps from every start. */
  static final int STEPS = 500;

  private final PrintWriter out;
  private final int repeat;
  private final int[] grids;

  BasinBench(PrintWriter out, int repeat, int[] grids) {
    this.out = out;
    this.repeat = repeat;
    this.grids = grids.clone();
  }

  static BasinRequest request(int grid) {
    Landscape himmelblau = Catalogue.find("himmelblau").orElseThrow().instantiate();
    OptimizerSpec momentum = OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.01,
        Param.MOMENTUM, 0.9);
    return BasinRequest.of(himmelblau, grid, momentum, STEPS).withCoarseToFine(false);
  }

  void run() {
    out.printf("Basin map of Himmelblau over [-5, 5]^2, momentum (lr 0.01, momentum 0.9), 500 "
        + "steps, %d threads:%n", Runtime.getRuntime().availableProcessors());
    for (int grid : grids) {
      BasinRequest r = request(grid);
      long t0 = System.nanoTime();
      BasinMap first = BasinMaps.compute(r);
      double firstMs = (System.nanoTime() - t0) / 1e6;
      double best = firstMs;
      for (int i = 0; i < repeat; i++) {
        long t = System.nanoTime();
        BasinMaps.compute(r);
        best = Math.min(best, (System.nanoTime() - t) / 1e6);
      }
      double stepsPerSecond = (double) grid * grid * STEPS / (best / 1000);
      out.printf("  %4d x %-4d first run %8.1f ms   best of %d %8.1f ms   %.3g start-steps/s%n",
          grid, grid, firstMs, repeat, best, stepsPerSecond);
      StringBuilder sb = new StringBuilder("             ");
      for (BasinMap.LegendEntry e : first.legend()) {
        sb.append(' ').append(e.text()).append(": ").append(e.cells()).append(';');
      }
      out.println(sb);
      out.flush();
    }
  }
}
