package org.descent.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.descent.function.Catalogue;
import org.descent.function.FormulaObjective;
import org.descent.function.Landscape;
import org.descent.render.Camera;
import org.descent.render.ColorMap;
import org.descent.render.ContourLevels;
import org.descent.render.FilledContours;
import org.descent.render.MarchingSquares;
import org.descent.render.ScalarGrid;
import org.descent.render.SurfaceMesh;
import org.descent.render.SurfacePath;
import org.descent.render.SurfaceRenderer;

/**
 * {@code descent bench --render}: the rendering work of the landscape views on Rosenbrock —
 * the filled contour field at 800 × 800 (sampling plus colouring, on one thread and on all
 * cores), its contour lines, and surface frames of a 100 × 100 mesh at 900 × 700 — as
 * percentiles over repetitions after a warm-up.
 */
final class RenderBench {

  static final int FIELD = 800;
  static final int MESH = 100;
  static final int FRAME_WIDTH = 900;
  static final int FRAME_HEIGHT = 700;
  static final int LEVELS = 15;

  private final PrintWriter out;
  private final int warmup;
  private final int repeat;
  private long checksum;

  RenderBench(PrintWriter out, int warmup, int repeat) {
    this.out = out;
    this.warmup = warmup;
    this.repeat = repeat;
  }

  void run() {
    Landscape rosenbrock = Catalogue.find("rosenbrock").orElseThrow().instantiate();
    FormulaObjective f = rosenbrock.formula().objective();
    ColorMap viridis = ColorMap.viridis();
    int threads = Runtime.getRuntime().availableProcessors();
    out.printf("Rosenbrock on %s; %d warm-up and %d timed repetitions; %d cores%n",
        rosenbrock.view(), warmup, repeat, threads);

    ContourLevels levels = ContourLevels.choose(
        ScalarGrid.sample(f, rosenbrock.view(), FIELD, FIELD), LEVELS);
    time(String.format("contour field %dx%d, 1 thread (sample + fill)", FIELD, FIELD), () -> {
      ScalarGrid g = ScalarGrid.sample(f, rosenbrock.view(), FIELD, FIELD);
      return FilledContours.render(g, levels, viridis)[FIELD * FIELD / 2];
    });
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads - 1));
    try {
      time(String.format("contour field %dx%d, %d threads (sample + fill)", FIELD, FIELD,
          threads), () -> {
            ScalarGrid g = ScalarGrid.sampleParallel(f, rosenbrock.view(), FIELD, FIELD, pool);
            return FilledContours.render(g, levels, viridis)[FIELD * FIELD / 2];
          });
    } finally {
      pool.shutdownNow();
    }
    ScalarGrid field = ScalarGrid.sample(f, rosenbrock.view(), FIELD, FIELD);
    time(String.format("contour lines %dx%d, %d levels (marching squares)", FIELD, FIELD,
        levels.size()), () -> MarchingSquares.segments(field, levels).length);

    SurfaceMesh mesh = SurfaceMesh.sample(f, rosenbrock.view(), MESH, MESH, levels, viridis);
    SurfaceRenderer renderer = new SurfaceRenderer();
    int[] image = new int[FRAME_WIDTH * FRAME_HEIGHT];
    int[] frame = {0};
    for (List<SurfacePath> paths : List.of(List.<SurfacePath>of(), racePaths())) {
      time(String.format("surface frame %dx%d mesh at %dx%d, %d paths", MESH, MESH,
          FRAME_WIDTH, FRAME_HEIGHT, paths.size()), () -> {
            // A slowly turning camera, as while the user drags.
            Camera camera = Camera.DEFAULT.rotated(0.01 * frame[0]++, 0);
            renderer.renderInto(image, mesh, camera, FRAME_WIDTH, FRAME_HEIGHT, 0xFFFFFFFF,
                paths);
            return image[image.length / 2];
          });
    }
    out.printf("  (checksum %d)%n", checksum);
    out.flush();
  }

  // Eight paths of 1,000 points along the valley, like a race of eight optimizers.
  private static List<SurfacePath> racePaths() {
    List<SurfacePath> paths = new ArrayList<>();
    for (int p = 0; p < 8; p++) {
      double[] xy = new double[2000];
      for (int k = 0; k < 1000; k++) {
        double x = -1.5 + 2.5 * k / 1000.0;
        xy[2 * k] = x;
        xy[2 * k + 1] = x * x + 0.05 * p;
      }
      paths.add(new SurfacePath(xy, 0xFFE4572E, 2f));
    }
    return paths;
  }

  private void time(String label, IntSupplier work) {
    for (int i = 0; i < warmup; i++) {
      checksum += work.getAsInt();
    }
    double[] millis = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      long t0 = System.nanoTime();
      checksum += work.getAsInt();
      millis[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(millis);
    out.printf("%s:%n  min %.2f ms   median %.2f ms   p90 %.2f ms   max %.2f ms%n", label,
        millis[0], millis[repeat / 2], millis[(int) (repeat * 0.9)], millis[repeat - 1]);
    out.flush();
  }
}
