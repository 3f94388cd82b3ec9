package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.descent.network.DataSource;
import org.descent.network.NetworkObjective;
import org.descent.network.NetworkSetup;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.training.RunSnapshot;
import org.descent.training.Trainer;
import org.descent.training.TrainingPlan;
import org.descent.training.TrainingPoint;
import org.descent.training.TrainingRequest;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The network's pictures drawn from a real training, as the app and export draw them. */
class NetworkPicturesTest {

  private static TrainingPlan plan;
  private static List<RunSnapshot> runs;

  @BeforeAll
  static void train() throws Exception {
    NetworkSetup setup = NetworkSetup.defaults(DataSource.Synthetic.of("moons"))
        .withSteps(300).withEvalEvery(10).withBatchSize(NetworkSetup.FULL_BATCH);
    plan = TrainingPlan.prepare(new TrainingRequest(setup, List.of(
        OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.3).withLabel("sgd"),
        OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.02).withLabel("adam"))));
    runs = Trainer.train(plan);
  }

  private static List<NetworkChartData.Run> inputs() {
    List<NetworkChartData.Run> in = new ArrayList<>();
    for (RunSnapshot r : runs) {
      in.add(new NetworkChartData.Run(r.label(), Colors.color(r.index()), r));
    }
    return in;
  }

  @Test
  void eachRunGetsATrainingAndAValidationCurveAtItsEvaluatedSteps() {
    NetworkChartData d = NetworkChartData.of(inputs(), 300);
    assertEquals(4, d.loss().curves().size());
    RaceChartData.Curve train = d.loss().curves().get(0);
    RaceChartData.Curve val = d.loss().curves().get(1);
    List<TrainingPoint> points = runs.get(0).points();
    assertEquals(points.size(), train.length());
    for (int k = 0; k < points.size(); k++) {
      assertEquals(points.get(k).step(), train.x(k), 0);
      assertEquals(points.get(k).trainLoss(), train.value(k), 0);
      assertEquals(points.get(k).valLoss(), val.value(k), 0);
    }
    assertTrue(val.dashed() && !train.dashed());
    // The loss range holds every value (log scale).
    for (RaceChartData.Curve c : d.loss().curves()) {
      for (double v : c.values()) {
        assertTrue(v >= d.loss().yMin() && v <= d.loss().yMax(), v + " outside the range");
      }
    }
  }

  @Test
  void theCurvatureAlongTheGradientIsTheSecondOrderTermOverTheFirst() {
    NetworkChartData d = NetworkChartData.of(inputs(), 300);
    RaceChartData.Curve c = d.curvature().curves().get(0);
    TrainingPoint p = runs.get(0).points().get(3);
    assertEquals(0.3 * p.curvature() / p.gradNormSquared(), c.value(3), 1e-12);
    assertEquals(2, d.curvature().guides().get(0).value(), 0);
    assertTrue(d.curvature().yMax() > 2, "the threshold is on the chart");
  }

  @Test
  void aNarrowLogRangeStillNamesItsValues() {
    RaceChart.ReadableLogAxis axis = new RaceChart.ReadableLogAxis();
    axis.setRange(0.4, 0.9);
    BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    List<?> ticks = axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(0, 0, 300, 300),
        RectangleEdge.LEFT);
    g.dispose();
    List<String> labels = ticks.stream().map(t -> ((Tick) t).getText()).toList();
    assertEquals(List.of("0.4", "0.5", "0.6", "0.7", "0.8", "0.9"), labels);
  }

  @Test
  void theRegionsShowBothClassesAndTheSliceIsCentredOnTheRunsWeights() {
    var frame = new NetworkPictures.Frame(inputs(), 300, 1, plan.data(), null);
    BufferedImage img = draw(org.descent.network.NetworkPicture.REGIONS, frame);
    // Both classes' colours fill a good part of the plot: the network split the moons.
    int orange = 0;
    int blue = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int c = img.getRGB(x, y);
        int r = (c >> 16) & 255;
        int b = c & 255;
        if (r > b + 40) {
          orange++;
        } else if (b > r + 40) {
          blue++;
        }
      }
    }
    assertTrue(orange > 15_000 && blue > 15_000, "orange " + orange + ", blue " + blue);

    NetworkObjective f = new NetworkObjective(plan.architecture(), plan.data().train());
    SlicePicture.Field slice = SlicePicture.around(f, plan.architecture(), inputs(), 1, 12,
        null);
    assertNotNull(slice);
    double[][] adam = slice.paths().get(slice.paths().size() - 1).points();
    assertArrayEquals(new double[] {0, 0}, adam[adam.length - 1], 1e-9);
    // The loss at the centre of the plane is the run's final training-mode loss.
    double[] w = runs.get(1).trajectory().iterate(runs.get(1).trajectory().size() - 1);
    NetworkObjective full = f.copy();
    full.setFullBatch();
    assertEquals(full.value(w), slice.at(0, 0), 0.05 * full.value(w) + 1e-3);
    BufferedImage s = draw(org.descent.network.NetworkPicture.SLICE,
        new NetworkPictures.Frame(inputs(), 300, 1, plan.data(), slice));
    assertTrue(colours(s) > 50, "a map, not a blank");
  }

  @Test
  void everyKindDrawsWithoutAnExceptionAndFillsThePicture() {
    var frame = new NetworkPictures.Frame(inputs(), 300, 0, plan.data(), null);
    for (org.descent.network.NetworkPicture k : org.descent.network.NetworkPicture.values()) {
      if (k == org.descent.network.NetworkPicture.SLICE
          || k == org.descent.network.NetworkPicture.CONNECT
          || k == org.descent.network.NetworkPicture.SPECTRUM) {
        continue; // not computed yet, it says so (drawn in their own tests)
      }
      BufferedImage img = draw(k, frame);
      assertTrue(colours(img) > 3, k + " drew something");
    }
  }

  /**
   * Two minima: the straight line's dashed curve (the second palette colour) and the trained
   * curve's (the first) are both drawn, and the caption names the line's barrier.
   */
  @Test
  void theTwoMinimaPictureDrawsBothPathsAndNamesTheBarrier() {
    double[] t = {0, 0.5, 1};
    var r = new org.descent.training.ModeConnectivity.Result(0, 1, "Adam", t,
        new double[] {0.02, 0.5, 0.03}, new double[] {0.02, 0.01, 0.03}, 0.02, 0.03, 4.2, 100);
    var frame = new NetworkPictures.Frame(inputs(), 300, 1, plan.data(), null, r);
    BufferedImage img = draw(org.descent.network.NetworkPicture.CONNECT, frame);
    assertTrue(count(img, Colors.color(1)) > 20, "the straight line");
    assertTrue(count(img, Colors.color(0)) > 20, "the trained curve");
    assertEquals("Adam: barrier 0.47 on the line (dashed), none on the curve",
        NetworkPictures.caption(org.descent.network.NetworkPicture.CONNECT, frame));
    BufferedImage waiting = draw(org.descent.network.NetworkPicture.CONNECT,
        new NetworkPictures.Frame(inputs(), 300, 1, plan.data(), null));
    assertEquals(0, count(waiting, Colors.color(1)), "no path before it is computed");
  }

  /**
   * The spectrum: exact eigenvalues as bars (the first palette colour), the largest marked
   * (the second), and a caption that counts the negative ones.
   */
  @Test
  void theSpectrumPictureDrawsTheEigenvaluesAndCountsTheNegativeOnes() {
    var exact = new SpectrumPicture.Field("Adam", 10, 4, new double[] {-1, 0, 2, 5}, null,
        0.25, new double[] {5, 2, 0, -1});
    assertEquals("Adam at step 10: all 4 eigenvalues, 25 % clearly negative, largest 5",
        SpectrumPicture.caption(exact));
    var frame = new NetworkPictures.Frame(inputs(), 300, 1, plan.data(), null, null, exact);
    BufferedImage img = draw(org.descent.network.NetworkPicture.SPECTRUM, frame);
    assertTrue(count(img, Colors.color(0)) > 100, "the bars");
    assertTrue(count(img, Colors.color(1)) > 10, "the largest eigenvalues' marks");
    // A network's own: 354 weights, exact; every eigenvalue counted once.
    NetworkObjective f = new NetworkObjective(plan.architecture(), plan.data().train());
    f.setFullBatch();
    double[] w = runs.get(1).trajectory().iterate(runs.get(1).trajectory().size() - 1);
    var s = SpectrumPicture.of(f, w, "Adam", 300);
    assertTrue(s.exact());
    assertEquals(plan.architecture().parameterCount(), s.eigenvalues().length);
    assertEquals(s.eigenvalues()[s.eigenvalues().length - 1], s.top()[0], 0);
  }

  private static int count(BufferedImage img, int argb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == (argb & 0xFFFFFF)) {
          n++;
        }
      }
    }
    return n;
  }

  private static BufferedImage draw(org.descent.network.NetworkPicture kind, NetworkPictures.Frame frame) {
    BufferedImage img = new BufferedImage(600, 450, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    NetworkPictures.draw(g, Look.LIGHT, 600, 450, kind, frame, new RaceChart());
    g.dispose();
    return img;
  }

  private static int colours(BufferedImage img) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
