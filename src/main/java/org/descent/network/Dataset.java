package org.descent.network;

import java.util.Arrays;
import java.util.List;

/**
 * A labelled data set held in memory: n samples of d numeric features (row-major) and a class
 * index per sample. Immutable: the accessors copy, and the kernels of this package read the
 * arrays in place.
 */
public final class Dataset {

  private final String name;
  private final List<String> featureNames;
  private final List<String> classNames;
  private final double[] x;
  private final int[] y;
  private final FileOrigin origin;

  /**
   * @param x n × d features, row-major (copied)
   * @param y n class indices in [0, classNames.size()) (copied)
   */
  public Dataset(String name, List<String> featureNames, List<String> classNames, double[] x,
      int[] y) {
    this(name, featureNames, classNames, x, y, null);
  }

  /** @param origin where the samples are in their file; null when they come from no file */
  Dataset(String name, List<String> featureNames, List<String> classNames, double[] x,
      int[] y, FileOrigin origin) {
    this.origin = origin;
    this.name = name;
    this.featureNames = List.copyOf(featureNames);
    this.classNames = List.copyOf(classNames);
    int d = this.featureNames.size();
    if (d < 1 || x.length != (long) d * y.length) {
      throw new IllegalArgumentException("expected " + y.length + " x " + d + " features, got "
          + x.length + " values");
    }
    for (int label : y) {
      if (label < 0 || label >= this.classNames.size()) {
        throw new IllegalArgumentException("class index " + label + " out of range");
      }
    }
    this.x = x.clone();
    this.y = y.clone();
  }

  public String name() {
    return name;
  }

  public int size() {
    return y.length;
  }

  public int features() {
    return featureNames.size();
  }

  public int classes() {
    return classNames.size();
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public List<String> classNames() {
    return classNames;
  }

  /** Feature k of sample i. */
  public double feature(int i, int k) {
    return x[i * features() + k];
  }

  /**
   * Where feature k of sample i is, for a message: {@code points.csv:7: column 2 (x2)} for a
   * file's data, {@code digits: sample 7, feature 2 (pixel 2)} otherwise.
   */
  public String where(int i, int k) {
    return origin == null
        ? name + ": sample " + (i + 1) + ", feature " + (k + 1) + " (" + featureNames.get(k) + ")"
        : origin.file() + ":" + origin.lines()[i] + ": column " + origin.columns()[k] + " ("
            + featureNames.get(k) + ")";
  }

  /** Where sample i is: {@code line 7} of its file, or {@code sample 7}. */
  public String place(int i) {
    return origin == null ? "sample " + (i + 1) : "line " + origin.lines()[i];
  }

  /** The class index of sample i. */
  public int label(int i) {
    return y[i];
  }

  /** The features of sample i (a copy). */
  public double[] row(int i) {
    int d = features();
    return Arrays.copyOfRange(x, i * d, (i + 1) * d);
  }

  /** The samples at these indices, in this order. */
  public Dataset subset(int[] indices) {
    int d = features();
    double[] sx = new double[indices.length * d];
    int[] sy = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(x, indices[i] * d, sx, i * d, d);
      sy[i] = y[indices[i]];
    }
    return new Dataset(name, featureNames, classNames, sx, sy,
        origin == null ? null : origin.subset(indices));
  }

  /**
   * Every feature mapped to (x − mean)/scale; where x − mean overflows (values near ±1.8e308 of
   * both signs) the halves are subtracted instead, so a representable result is found.
   */
  public Dataset standardized(double[] mean, double[] scale) {
    int d = features();
    double[] sx = x.clone();
    for (int i = 0; i < sx.length; i++) {
      double m = mean[i % d];
      double s = scale[i % d];
      double dev = sx[i] - m;
      sx[i] = Double.isFinite(dev) ? dev / s : (sx[i] / 2 - m / 2) / (s / 2);
    }
    return new Dataset(name, featureNames, classNames, sx, y, origin);
  }

  /** The features, read in place by the kernels: never modify. */
  double[] rawFeatures() {
    return x;
  }

  /** The labels, read in place by the kernels: never modify. */
  int[] rawLabels() {
    return y;
  }
}
