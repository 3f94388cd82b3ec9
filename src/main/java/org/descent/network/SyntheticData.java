package org.descent.network;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded 2-D data sets of the lectures and of TensorFlow Playground, each a picture a
 * student can hold in mind: the classes are evenly sized, listed class by class, and each
 * coordinate gets Gaussian noise of the given standard deviation.
 *
 * <ul>
 *   <li>{@code spirals}: two interleaved spirals of 1.5 turns, radius 0.05 to 1;
 *   <li>{@code moons}: two interleaving half circles of radius 1 (as scikit-learn's);
 *   <li>{@code circles}: a ring of radius 1 around a disc's edge of radius 0.5;
 *   <li>{@code xor}: points uniform in [−1, 1]², class by the sign of x·y (the quadrants);
 *   <li>{@code blobs}: three round Gaussian blobs around the unit circle (noise = their spread).
 * </ul>
 */
final class SyntheticData {

  static final List<String> NAMES = List.of("spirals", "moons", "circles", "xor", "blobs");
  static final int DEFAULT_SIZE = 400;

  private SyntheticData() {}

  static double defaultNoise(String name) {
    return switch (name) {
      case "moons" -> 0.1;
      case "blobs" -> 0.3;
      default -> 0.05;
    };
  }

  static Dataset generate(String name, int size, double noise, long seed) {
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, Seeds.DATA));
    int classes = name.equals("blobs") ? 3 : 2;
    double[] x = new double[2 * size];
    int[] y = new int[size];
    int i = 0;
    for (int c = 0; c < classes; c++) {
      int count = size / classes + (c < size % classes ? 1 : 0);
      for (int s = 0; s < count; s++, i++) {
        double t = count == 1 ? 0 : (double) s / (count - 1);
        double px;
        double py;
        switch (name) {
          case "spirals" -> {
            double radius = 0.05 + 0.95 * t;
            double angle = 3 * Math.PI * t + c * Math.PI;
            px = radius * Math.cos(angle);
            py = radius * Math.sin(angle);
          }
          case "moons" -> {
            double a = Math.PI * r.nextDouble();
            px = c == 0 ? Math.cos(a) - 0.5 : 0.5 - Math.cos(a);
            py = c == 0 ? Math.sin(a) - 0.25 : 0.25 - Math.sin(a);
          }
          case "circles" -> {
            double a = 2 * Math.PI * r.nextDouble();
            double radius = c == 0 ? 1 : 0.5;
            px = radius * Math.cos(a);
            py = radius * Math.sin(a);
          }
          case "xor" -> {
            // a point in the quadrants of class c: same signs for class 0, opposite for 1
            double ax = r.nextDouble();
            double ay = r.nextDouble();
            boolean flip = r.nextBoolean();
            px = flip ? -ax : ax;
            py = (c == 0) == flip ? -ay : ay;
          }
          default -> {
            double a = Math.PI / 2 + 2 * Math.PI * c / 3;
            px = Math.cos(a);
            py = Math.sin(a);
          }
        }
        x[2 * i] = px + noise * r.nextGaussian();
        x[2 * i + 1] = py + noise * r.nextGaussian();
        y[i] = c;
      }
    }
    List<String> classNames = classes == 3 ? List.of("0", "1", "2") : List.of("0", "1");
    return new Dataset(name, List.of("x", "y"), classNames, x, y);
  }
}
