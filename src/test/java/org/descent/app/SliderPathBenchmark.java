package org.descent.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.descent.app.model.AppThreads;
import org.descent.app.model.LabModel;
import org.descent.app.model.OptimizerEntry;
import org.descent.function.Catalogue;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.scenario.FunctionChoice;
import org.descent.scenario.Scenario;
import org.descent.trace.Race;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The slider path in the real window (Monocle, software rendering, worker threads): a learning
 * rate changes, the six traces of 1,000 steps are recomputed on a worker, and the contour view
 * draws the new paths. Prints the time from the change to the end of the frame that shows it,
 * and its parts. Figures only, no assertion on time:
 * {@code mvn test -Dtest=SliderPathBenchmark -Dexcluded.groups=none}.
 */
@Tag("benchmark")
class SliderPathBenchmark extends ApplicationTest {

  private LabModel model;
  private MainWindow window;
  private AppThreads threads;

  @Override
  public void start(Stage stage) throws Exception {
    threads = AppThreads.create();
    model = new LabModel(threads.race());
    window = new MainWindow(stage, model, new Appearance(), threads);
    List<OptimizerSpec> six = List.of(OptimizerSpec.of(OptimizerType.SGD),
        OptimizerSpec.of(OptimizerType.MOMENTUM), OptimizerSpec.of(OptimizerType.NESTEROV),
        OptimizerSpec.of(OptimizerType.ADAGRAD), OptimizerSpec.of(OptimizerType.RMSPROP),
        OptimizerSpec.of(OptimizerType.ADAM));
    model.load(new Scenario("bench", "", new FunctionChoice.Named("rosenbrock"), null,
        new org.descent.function.Vec2(-1.2, 1), 1000, 0, 0, six, null));
    model.currentStepProperty().set(1000);
    stage.setWidth(1400);
    stage.setHeight(900);
    stage.show();
  }

  @Test
  void sliderChangeToNewFrame() throws Exception {
    sleep(1500, TimeUnit.MILLISECONDS);
    List<Long> pulses = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Long> published = java.util.Collections.synchronizedList(new ArrayList<>());
    WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
      new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
          pulses.add(System.nanoTime());
        }
      }.start();
      model.raceProperty().addListener(o -> published.add(System.nanoTime()));
      return null;
    });
    OptimizerEntry sgd = WaitForAsyncUtils.waitForAsyncFx(5000, () -> model.optimizers().get(0));
    int repeats = 150;
    double[] endToEnd = new double[repeats];
    double[] draw = new double[repeats];
    List<Double> lrs = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      double lr = 0.0002 + 0.000005 * i;
      lrs.add(lr);
      long t0 = WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
        long now = System.nanoTime();
        sgd.setSpec(sgd.spec().with(Param.LR, lr));
        return now;
      });
      long[] frame;
      while (true) {
        frame = WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
          var race = window.contour().drawnRace();
          int k = race.entries().indexOf(sgd);
          boolean shown = k >= 0 && race.traces().get(k) != null
              && sgd.spec().get(Param.LR) == lr && race.entries().get(k).spec() == sgd.spec()
              && model.race() == race;
          return shown ? window.contour().lastDraw() : null;
        });
        if (frame != null && frame[0] > t0) {
          break;
        }
        Thread.sleep(1);
      }
      endToEnd[i] = (frame[0] - t0) / 1e6;
      draw[i] = frame[1] / 1e6;
    }
    var f = Catalogue.find("rosenbrock").orElseThrow().instantiate().formula().objective();
    List<OptimizerSpec> specs = WaitForAsyncUtils.waitForAsyncFx(5000, () ->
        model.optimizers().stream().map(OptimizerEntry::spec).toList());
    double[] compute = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t = System.nanoTime();
      Race.run(f, specs, new double[] {-1.2, 1}, 1000, 0, 0);
      compute[i] = (System.nanoTime() - t) / 1e6;
    }
    System.out.println("slider path, 6 optimizers x 1,000 steps on Rosenbrock, " + repeats
        + " changes:");
    print("  recompute the six traces (worker thread)", compute);
    print("  draw the contour view (JavaFX thread)   ", draw);
    print("  change -> frame that shows it (incl. waiting for the next 60 Hz pulse)", endToEnd);
    double[] gaps = new double[pulses.size() - 1];
    for (int i = 1; i < pulses.size(); i++) {
      gaps[i - 1] = (pulses.get(i) - pulses.get(i - 1)) / 1e6;
    }
    print("  time between pulses of the JavaFX thread", gaps);
    threads.close();
  }

  private static void print(String what, double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    System.out.printf("%s: median %.2f ms, p90 %.2f ms, max %.2f ms%n", what, s[s.length / 2],
        s[(int) (s.length * 0.9)], s[s.length - 1]);
  }
}
