package org.descent.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.descent.app.model.AppThreads;
import org.descent.app.model.LabModel;
import org.descent.app.model.OptimizerEntry;
import org.descent.optim.Param;
import org.descent.scenario.ScenarioReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Is the JavaFX thread ever blocked? In the real window (Monocle, software rendering, worker
 * threads) the network trains beside the map, the basins of the chosen card are computed again
 * and again (the view moves every 1.5 s), and a learning-rate slider is dragged at 60 changes a
 * second; meanwhile every pulse of the JavaFX thread is timed. Prints the gaps between pulses,
 * no assertion on time: {@code mvn test -Dtest=PulseGapBenchmark -Dexcluded.groups=none}.
 */
@Tag("benchmark")
class PulseGapBenchmark extends ApplicationTest {

  private LabModel model;
  private MainWindow window;
  private final AppThreads threads = AppThreads.create();

  @Override
  public void start(Stage stage) throws Exception {
    model = new LabModel(threads.race());
    window = new MainWindow(stage, model, new Appearance(), threads);
    model.load(ScenarioReader.read(Path.of("scenarios/network-minibatch-size.yaml")));
    stage.setWidth(1366);
    stage.setHeight(768);
    stage.show();
  }

  @Override
  public void stop() {
    window.dispose();
  }

  /**
   * Samples the JavaFX thread's stack every 2 ms and counts the innermost Descent frame of
   * each sample, so the figures say where the thread's time goes.
   */
  private static Thread sampler(java.util.Map<String, Integer> counts, boolean[] stop,
      List<Object[]> timeline) {
    Thread t = new Thread(() -> {
      Thread fx = Thread.getAllStackTraces().keySet().stream()
          .filter(x -> x.getName().equals("JavaFX Application Thread")).findFirst()
          .orElse(null);
      while (fx != null && !stop[0]) {
        StackTraceElement[] st = fx.getStackTrace();
        String top = "(idle or JavaFX itself)";
        for (StackTraceElement e : st) {
          if (e.getClassName().startsWith("org.descent")) {
            top = e.getClassName().replace("org.descent.", "") + "." + e.getMethodName();
            break;
          }
        }
        if (st.length > 0 && st[0].getMethodName().contains("park")) {
          top = "(waiting for events)";
        } else if (top.startsWith("(idle")) {
          // JavaFX's own work: name its frame below the event loop (layout, CSS, rendering).
          for (int i = st.length - 1; i >= 0; i--) {
            String c = st[i].getClassName();
            if (c.startsWith("javafx.scene.") || c.startsWith("com.sun.javafx.tk.quantum.")
                && st[i].getMethodName().contains("render")) {
              top = "(JavaFX) " + c.substring(c.lastIndexOf('.') + 1) + "."
                  + st[i].getMethodName();
              break;
            }
          }
        }
        timeline.add(new Object[] {System.nanoTime(), top});
        synchronized (counts) {
          counts.merge(top, 1, Integer::sum);
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "fx-sampler");
    t.setDaemon(true);
    return t;
  }

  @Test
  void pulsesWhileTrainingMappingAndDragging() throws Exception {
    sleep(2000, TimeUnit.MILLISECONDS);
    List<Long> pulses = java.util.Collections.synchronizedList(new ArrayList<>());
    int[] maps = {0};
    WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
      OptimizerEntry dragged = model.optimizers().get(model.optimizers().size() - 1);
      model.inspectedProperty().set(model.optimizers().get(0));
      window.basins().mapProperty().addListener(o -> maps[0]++);
      window.options().basinsProperty().set(true);
      window.training().togglePause();
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          pulses.add(System.nanoTime());
        }
      }.start();
      double lr0 = dragged.spec().get(Param.LR);
      int[] tick = {0};
      Timeline drag = new Timeline(new KeyFrame(Duration.millis(1000.0 / 60), e -> {
        tick[0]++;
        double f = 1 + 0.5 * Math.sin(tick[0] / 20.0);
        dragged.setSpec(dragged.spec().with(Param.LR, lr0 * f));
        if (tick[0] % 90 == 0) {
          model.viewProperty().set(model.viewProperty().get().shifted(0.01, 0));
        }
      }));
      drag.setCycleCount(60 * 10);
      drag.play();
      return null;
    });
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    boolean[] stop = {false};
    List<Object[]> timeline = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread sampler = sampler(counts, stop, timeline);
    sampler.start();
    sleep(10_500, TimeUnit.MILLISECONDS);
    stop[0] = true;
    long trained = WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
      var s = window.training().snapshotProperty().get();
      return s == null || s.runs().isEmpty() ? 0L : (long) s.runs().get(0).step();
    });
    double[] gaps;
    synchronized (pulses) {
      gaps = new double[pulses.size() - 1];
      for (int i = 1; i < pulses.size(); i++) {
        gaps[i - 1] = (pulses.get(i) - pulses.get(i - 1)) / 1e6;
      }
    }
    // What the thread did during the gaps longer than 50 ms.
    java.util.Map<String, Integer> inGaps = new java.util.HashMap<>();
    synchronized (pulses) {
      for (int i = 1; i < pulses.size(); i++) {
        long a = pulses.get(i - 1);
        long b = pulses.get(i);
        if (b - a > 50_000_000L) {
          synchronized (timeline) {
            for (Object[] t : timeline) {
              long at = (Long) t[0];
              if (at > a && at < b) {
                inGaps.merge((String) t[1], 1, Integer::sum);
              }
            }
          }
        }
      }
    }
    Arrays.sort(gaps);
    System.out.printf("pulse gaps over 10 s (%d pulses) while the network trained (%d steps of "
        + "its first run), %d basin maps arrived and a slider moved 60 times a second:%n"
        + "  median %.1f ms, p99 %.1f ms, max %.1f ms%n", gaps.length + 1, trained, maps[0],
        gaps[gaps.length / 2], gaps[(int) (gaps.length * 0.99)], gaps[gaps.length - 1]);
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println("  where the JavaFX thread was (share of 2 ms samples):");
    counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(14)
        .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / total,
            e.getKey()));
    int inGapTotal = inGaps.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println("  during the gaps over 50 ms (share of their samples):");
    inGaps.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(10)
        .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue()
            / Math.max(1, inGapTotal), e.getKey()));
  }
}
