package org.descent.network;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small random networks and data for the tests of this package. */
final class TestNets {

  private TestNets() {}

  /** m samples of d Gaussian features in k classes (labels at random). */
  static Dataset data(int m, int d, int k, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[m * d];
    int[] y = new int[m];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    for (int i = 0; i < m; i++) {
      y[i] = i < k ? i : r.nextInt(k);
    }
    List<String> features = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      features.add("x" + i);
    }
    List<String> classes = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      classes.add("c" + i);
    }
    return new Dataset("random", features, classes, x, y);
  }

  /** θ ~ N(0, s²) everywhere, batch-norm scales around 1. */
  static double[] theta(Architecture a, double s, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ParameterLayout p = a.layout();
    double[] t = new double[a.parameterCount()];
    for (int i = 0; i < t.length; i++) {
      t[i] = s * r.nextGaussian();
    }
    for (int l = 0; l < a.layers(); l++) {
      if (p.scale(l) >= 0) {
        for (int j = 0; j < a.unitsOf(l); j++) {
          t[p.scale(l) + j] = 1 + 0.3 * r.nextGaussian();
        }
      }
    }
    return t;
  }
}
