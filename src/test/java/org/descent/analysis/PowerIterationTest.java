package org.descent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioReader;
import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;
import org.junit.jupiter.api.Test;

/** The power method: iterates against the closed form W^t = V Λ^t V⁻¹, and the demo. */
class PowerIterationTest {

  private static final Path DEMO = Path.of(System.getProperty("basedir", "."))
      .resolve("scenarios/power-method.yaml");

  @Test
  void theIteratesAreTheClosedFormPowersOfW() {
    PowerIteration.Setup s = new PowerIteration.Setup(1.3, -0.6, 20, 75, 0.4, -1.1, 30);
    double[] v1 = s.eigenvector(0);
    double[] v2 = s.eigenvector(1);
    RealMatrix v = new Array2DRowRealMatrix(new double[][] {{v1[0], v2[0]}, {v1[1], v2[1]}});
    RealMatrix vInv = MatrixUtils.inverse(v);
    double[] w = s.matrix();
    RealMatrix wClosed = v.multiply(MatrixUtils.createRealDiagonalMatrix(new double[] {1.3,
        -0.6})).multiply(vInv);
    assertEquals(wClosed.getEntry(0, 1), w[1], 1e-14);
    assertEquals(wClosed.getEntry(1, 0), w[2], 1e-14);
    PowerIteration.Iterates it = s.compute();
    assertEquals(31, it.length());
    double[] c0 = vInv.operate(new double[] {0.4, -1.1});
    for (int t = 0; t <= 30; t++) {
      RealMatrix lt = MatrixUtils.createRealDiagonalMatrix(new double[] {Math.pow(1.3, t),
          Math.pow(-0.6, t)});
      double[] expected = v.multiply(lt).multiply(vInv).operate(new double[] {0.4, -1.1});
      double scale = Math.max(1, Math.hypot(expected[0], expected[1]));
      assertEquals(expected[0], it.x(t), 1e-12 * scale, "x at t = " + t);
      assertEquals(expected[1], it.y(t), 1e-12 * scale, "y at t = " + t);
      assertEquals(c0[0] * Math.pow(1.3, t), it.component1(t), 1e-12 * scale);
      assertEquals(c0[1] * Math.pow(-0.6, t), it.component2(t), 1e-12 * scale);
    }
  }

  @Test
  void parallelEigenvectorsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new PowerIteration.Setup(1, 2, 30, 210, 1, 1, 10));
  }

  /** The demo: one component explodes, the other vanishes; gradient descent is the same map. */
  @Test
  void theDemoExplodesAlongOneEigenvectorAndVanishesAlongTheOther() throws Exception {
    Scenario s = ScenarioReader.read(DEMO);
    PowerIteration.Iterates it = s.power().compute();
    int n = s.power().steps();
    assertEquals(0.01, it.component1(0), 1e-7);
    assertEquals(2, it.component2(0), 1e-7);
    System.out.printf("t = 20: %.3g, %.3g; t = %d: %.3g, %.3g%n", it.component1(20),
        it.component2(20), n, it.component1(n), it.component2(n));
    assertEquals(it.component1(0) * Math.pow(1.1, n), it.component1(n), 1e-12);
    assertEquals(3.04, it.component1(n), 0.01);
    assertEquals(it.component2(0) * Math.pow(0.8, n), it.component2(n), 1e-15);
    assertTrue(it.component2(n) < 4e-6);
    // gradient descent with lr 0.1 on the saddle is x <- W x: its path is the iterates
    Landscape l = s.landscape();
    Vec2 start = s.startOn(l);
    Trace t = TraceRunner.run(s.optimizers().get(0), l.formula().objective(),
        new double[] {start.x(), start.y()}, s.steps(), 0, 0);
    for (int k = 0; k <= n; k++) {
      assertEquals(it.x(k), t.x(k), 1e-12, "step " + k);
      assertEquals(it.y(k), t.y(k), 1e-12, "step " + k);
    }
    assertTrue(l.view().contains(t.x(n), t.y(n)), "the path ends inside the view");
  }
}
