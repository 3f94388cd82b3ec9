package org.descent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.descent.export.Animation;
import org.descent.export.AnimationExport;
import org.descent.export.PngFrames;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.picture.Look;
import org.descent.picture.Pictures;
import org.descent.picture.RaceScene;
import org.descent.scenario.FunctionChoice;
import org.descent.scenario.Scenario;

/**
 * {@code descent bench --export}: frames per second of a 1280×720 PNG sequence of a 200-step,
 * 4-optimizer contour animation (Rosenbrock), drawn and encoded on every core, and where the
 * time goes (drawing against encoding and writing). One warm-up pass, then three timed.
 */
final class ExportBench {

  private final PrintWriter out;

  ExportBench(PrintWriter out) {
    this.out = out;
  }

  void run() throws InvalidInputException {
    Scenario s = new Scenario("Racing down the banana", "", new FunctionChoice.Named(
        "rosenbrock"), null, new Vec2(-1.2, 1), 200, 0, 0, List.of(
            OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.001),
            OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.001),
            OptimizerSpec.of(OptimizerType.NESTEROV, Param.LR, 0.001),
            OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.05)), null);
    int threads = Runtime.getRuntime().availableProcessors();
    Animation a = new Animation(Pictures.View.CONTOUR, 1280, 720, 0, 200, 1, 30,
        Look.LIGHT, false);
    Path dir = null;
    try {
      RaceScene scene = RaceScene.of(s);
      dir = Files.createTempDirectory("descent-bench-");
      AnimationExport.Result best = null;
      for (int pass = 0; pass < 4; pass++) {
        Path frames = dir.resolve("pass" + pass);
        AnimationExport.Result r = AnimationExport.run(scene, a, List.of(new PngFrames(frames)),
            AnimationExport.Progress.NONE, threads);
        if (pass > 0 && (best == null || r.wallNanos() < best.wallNanos())) {
          best = r; // pass 0 warms the JIT up
        }
      }
      double seconds = best.wallNanos() / 1e9;
      out.printf("%d frames of 1280x720 (contour, 4 optimizers, 200 steps) as PNG on %d "
          + "threads, best of 3 after a warm-up:%n", best.frames(), threads);
      out.printf("  %.1f frames per second (%.2f s)%n", best.frames() / seconds, seconds);
      double draw = best.drawNanos() / 1e6 / best.frames();
      double encode = best.encodeNanos() / 1e6 / best.frames();
      out.printf("  per frame, on one thread: drawing %.1f ms, PNG encoding and writing %.1f ms"
          + " (%.0f %% drawing)%n", draw, encode, 100 * draw / (draw + encode));
      out.flush();
    } catch (Exception e) {
      throw new InvalidInputException("the export benchmark failed: " + e);
    } finally {
      if (dir != null) {
        try (Stream<Path> all = Files.walk(dir)) {
          all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
          // a temporary folder left behind
        }
      }
    }
  }
}
