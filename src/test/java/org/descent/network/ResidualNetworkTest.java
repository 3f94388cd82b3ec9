package org.descent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Skip connections, h_l = h_(l−1) + f(z_l): the forward pass against a plain network it must
 * equal, backprop against finite differences and Hessian-vector products against differences
 * of the gradient.
 */
class ResidualNetworkTest {

  static Stream<Arguments> networks() {
    return Stream.of(Activation.values()).flatMap(a -> Stream.of(
        Arguments.of(a, false), Arguments.of(a, true)));
  }

  private static Architecture residual(Activation act, boolean bn) {
    return new Architecture(3, List.of(4, 4, 4, 5), 3, act, bn, true);
  }

  @Test
  void onlyHiddenLayersAfterTheFirstWithTheirInputsWidthSkip() {
    Architecture a = residual(Activation.TANH, false);
    assertFalse(a.skips(0), "the first hidden layer changes the width");
    assertTrue(a.skips(1));
    assertTrue(a.skips(2));
    assertFalse(a.skips(3), "4 -> 5 units: no identity to add");
    assertFalse(a.skips(4), "the output layer");
    assertFalse(new Architecture(3, List.of(4, 4), 3, Activation.TANH, false).skips(1));
    assertEquals("3-4-4-4-5-3 tanh, residual", a.describe());
  }

  @Test
  void aSkippedLayerWithZeroWeightsPassesItsInputOnUnchanged() {
    // tanh(0) = 0: with layer 1 all zero, h_1 = h_0 + 0, so the network is the residual one
    // without that layer
    Architecture res = new Architecture(3, List.of(4, 4, 4), 3, Activation.TANH, false, true);
    Architecture plain = new Architecture(3, List.of(4, 4), 3, Activation.TANH, false, true);
    Dataset data = TestNets.data(20, 3, 3, 7);
    double[] small = TestNets.theta(plain, 0.7, 3);
    ParameterLayout pr = res.layout();
    ParameterLayout pp = plain.layout();
    double[] theta = new double[res.parameterCount()];
    // layer 0 of both, layer 2 of res = layer 1 of plain, output = output
    System.arraycopy(small, pp.weight(0), theta, pr.weight(0), 3 * 4 + 4);
    System.arraycopy(small, pp.weight(1), theta, pr.weight(2), 4 * 4 + 4);
    System.arraycopy(small, pp.weight(2), theta, pr.weight(3), 4 * 3 + 3);
    double expected = new NetworkObjective(plain, data).value(small);
    assertEquals(expected, new NetworkObjective(res, data).value(theta), 1e-14);
    // and without the skip, the zero layer would block everything: a different loss
    Architecture blocked = new Architecture(3, List.of(4, 4, 4), 3, Activation.TANH, false);
    assertTrue(Math.abs(new NetworkObjective(blocked, data).value(theta) - expected) > 1e-3);
  }

  @ParameterizedTest(name = "{0}, batch norm {1}")
  @MethodSource("networks")
  void backpropThroughSkipsMatchesCentralDifferences(Activation act, boolean bn) {
    NetworkObjective f = new NetworkObjective(residual(act, bn), TestNets.data(20, 3, 3, 7));
    double[] theta = TestNets.theta(f.architecture(), 0.7, 3);
    GradientCheck.Result r = GradientCheck.run(f, theta);
    assertTrue(r.maxRelativeError() < 1e-6, act + " bn " + bn + ": " + r + " at "
        + f.layout().describe(r.worst()));
  }

  @ParameterizedTest(name = "{0}, batch norm {1}")
  @MethodSource("networks")
  void hessianVectorProductsThroughSkipsMatchDifferencesOfTheGradient(Activation act,
      boolean bn) {
    NetworkObjective f = new NetworkObjective(residual(act, bn), TestNets.data(20, 3, 3, 7));
    double[] theta = TestNets.theta(f.architecture(), 0.7, 4);
    int n = theta.length;
    SplittableRandom r = new SplittableRandom(5);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    double[] hv = new double[n];
    f.hessianVectorProduct(theta, v, hv);
    double h = 1e-5;
    double[] plus = new double[n];
    double[] minus = new double[n];
    double[] tp = theta.clone();
    double[] tm = theta.clone();
    for (int i = 0; i < n; i++) {
      tp[i] += h * v[i];
      tm[i] -= h * v[i];
    }
    f.valueAndGradient(tp, plus);
    f.valueAndGradient(tm, minus);
    double err = 0;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      err = Math.max(err, Math.abs((plus[i] - minus[i]) / (2 * h) - hv[i]));
      scale = Math.max(scale, Math.abs(hv[i]));
    }
    assertTrue(scale > 1e-3, "a non-trivial product");
    assertTrue(err / scale < 1e-5, act + " bn " + bn + ": relative error " + err / scale);
  }
}
