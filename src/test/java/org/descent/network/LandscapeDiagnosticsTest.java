package org.descent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.descent.optim.Optimizer;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;

/** Decision regions and loss-landscape slices of a trained 2-D network. */
class LandscapeDiagnosticsTest {

  private static final Architecture NET = new Architecture(2, List.of(8), 2, Activation.TANH,
      false);

  private static PreparedData moons() {
    return PreparedData.split(SyntheticData.generate("moons", 200, 0.1, 3), 0.2, true, 3);
  }

  /** Trains from Glorot's start, keeping every 10th iterate. */
  private static List<double[]> train(NetworkObjective f, int steps) throws Exception {
    double[] theta = Initialization.initialize(NET, new Initializer.Glorot(), 0, 1, null);
    Optimizer o = OptimizerSpec.of(OptimizerType.ADAM, Param.LR, 0.05).create();
    List<double[]> path = new ArrayList<>();
    for (int k = 0; k <= steps; k++) {
      if (k % 10 == 0) {
        path.add(theta.clone());
      }
      f.setFullBatch();
      o.step(theta, f);
    }
    return path;
  }

  @Test
  void decisionRegionsClassifyAsTheNetworkDoesAndCoverTheData() throws Exception {
    PreparedData data = moons();
    NetworkObjective f = new NetworkObjective(NET, data.train());
    List<double[]> path = train(f, 300);
    double[] theta = path.get(path.size() - 1);
    DecisionGrid g = DecisionGrid.compute(f, theta, data, 32);
    Dataset raw = data.rawTrain();
    double[] p = new double[2];
    double[] std = new double[2];
    int agree = 0;
    for (int i = 0; i < raw.size(); i++) {
      double x = raw.feature(i, 0);
      double y = raw.feature(i, 1);
      assertTrue(x > g.xMin() && x < g.xMax() && y > g.yMin() && y < g.yMax());
      int col = (int) ((x - g.xMin()) / (g.xMax() - g.xMin()) * 32);
      int row = (int) ((y - g.yMin()) / (g.yMax() - g.yMin()) * 32);
      data.standardize(new double[] {x, y}, std);
      f.probabilities(theta, std, 1, p);
      if ((p[1] > p[0] ? 1 : 0) == g.predicted(row, col)) {
        agree++;
      }
      assertEquals(1, g.probability(row, col, 0) + g.probability(row, col, 1), 1e-12);
    }
    assertTrue(agree >= 0.9 * raw.size(), "the cell of a point mostly predicts as the point: "
        + agree);
  }

  @Test
  void theLossSliceThroughTheWeightsIsTheLossThereAndTrajectoriesProjectOntoIt()
      throws Exception {
    PreparedData data = moons();
    NetworkObjective f = new NetworkObjective(NET, data.train());
    List<double[]> path = train(f, 200);
    double[] end = path.get(path.size() - 1);
    LossSlice.Plane pca = LossSlice.principal(end, path, 1);
    double[] d1 = pca.first();
    double[] d2 = pca.second();
    assertEquals(1, dot(d1, d1), 1e-12);
    assertEquals(1, dot(d2, d2), 1e-12);
    assertEquals(0, dot(d1, d2), 1e-12);
    assertTrue(pca.explainedFirst() >= pca.explainedSecond() && pca.explainedFirst() > 0.5);
    double[][] xy = pca.project(path);
    assertEquals(0, xy[xy.length - 1][0], 1e-12, "the final weights at the origin");
    double[] on = new double[end.length];
    pca.point(0.3, -0.7, on);
    double[][] back = pca.project(List.of(on));
    assertEquals(0.3, back[0][0], 1e-12);
    assertEquals(-0.7, back[0][1], 1e-12);

    double[] grid = LossSlice.values(f, pca, -1, 1, -1, 1, 5, null);
    NetworkObjective full = new NetworkObjective(NET, data.train());
    assertEquals(full.value(end), grid[2 * 5 + 2], 1e-15, "the centre of the grid");
    assertNull(LossSlice.values(f, pca, -1, 1, -1, 1, 5, (done, total) -> done < 2));

    LossSlice.Plane random = LossSlice.filterNormalized(NET, end, 7);
    double[] r1 = random.first();
    ParameterLayout p = NET.layout();
    for (int j = 0; j < 8; j++) { // each unit's incoming weights: the norm of that unit's
      double dn = 0;
      double wn = 0;
      for (int k = 0; k < 2; k++) {
        dn += r1[p.weight(0) + j * 2 + k] * r1[p.weight(0) + j * 2 + k];
        wn += end[p.weight(0) + j * 2 + k] * end[p.weight(0) + j * 2 + k];
      }
      assertEquals(Math.sqrt(wn), Math.sqrt(dn), 1e-12);
    }
    assertEquals(0, r1[p.bias(0)], "no component along biases");
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
