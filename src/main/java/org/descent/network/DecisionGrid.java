package org.descent.network;

/**
 * A 2-D network's class probabilities on a size × size grid of cell centres over the data's
 * range (the bounding box of all samples, widened by 10% on each side), in the data's own
 * coordinates: what the GUI colours under the data points. Row r is y = yMin + (r + ½)·dy, so
 * row 0 is the bottom; column c is x = xMin + (c + ½)·dx. Immutable.
 */
public final class DecisionGrid {

  /** The default grid: 64 × 64 cells. */
  public static final int DEFAULT_SIZE = 64;
  public static final int MAX_SIZE = 512;

  private final int size;
  private final int classes;
  private final double xMin;
  private final double xMax;
  private final double yMin;
  private final double yMax;
  private final double[] probabilities;
  private final int[] predicted;

  private DecisionGrid(int size, int classes, double xMin, double xMax, double yMin,
      double yMax, double[] probabilities) {
    this.size = size;
    this.classes = classes;
    this.xMin = xMin;
    this.xMax = xMax;
    this.yMin = yMin;
    this.yMax = yMax;
    this.probabilities = probabilities;
    this.predicted = new int[size * size];
    for (int cell = 0; cell < predicted.length; cell++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (probabilities[cell * classes + c] > probabilities[cell * classes + best]) {
          best = c;
        }
      }
      predicted[cell] = best;
    }
  }

  /**
   * The grid of a network on 2-D data.
   *
   * @throws IllegalArgumentException when the data are not 2-D
   */
  public static DecisionGrid compute(NetworkObjective f, double[] theta, PreparedData data,
      int size) {
    if (data.rawTrain().features() != 2) {
      throw new IllegalArgumentException("decision regions need 2-D data, these have "
          + data.rawTrain().features() + " features");
    }
    if (size < 2 || size > MAX_SIZE) {
      throw new IllegalArgumentException("the grid size must be between 2 and " + MAX_SIZE);
    }
    double[] box = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (Dataset d : new Dataset[] {data.rawTrain(), data.rawValidation()}) {
      for (int i = 0; i < d.size(); i++) {
        box[0] = Math.min(box[0], d.feature(i, 0));
        box[1] = Math.max(box[1], d.feature(i, 0));
        box[2] = Math.min(box[2], d.feature(i, 1));
        box[3] = Math.max(box[3], d.feature(i, 1));
      }
    }
    double padX = Math.max(0.1 * (box[1] - box[0]), 1e-3);
    double padY = Math.max(0.1 * (box[3] - box[2]), 1e-3);
    double x0 = box[0] - padX;
    double x1 = box[1] + padX;
    double y0 = box[2] - padY;
    double y1 = box[3] + padY;
    double[] points = new double[2 * size * size];
    double[] raw = new double[2];
    double[] std = new double[2];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        raw[0] = x0 + (c + 0.5) * (x1 - x0) / size;
        raw[1] = y0 + (r + 0.5) * (y1 - y0) / size;
        data.standardize(raw, std);
        points[2 * (r * size + c)] = std[0];
        points[2 * (r * size + c) + 1] = std[1];
      }
    }
    int classes = f.architecture().classes();
    double[] p = new double[size * size * classes];
    f.probabilities(theta, points, size * size, p);
    return new DecisionGrid(size, classes, x0, x1, y0, y1, p);
  }

  public int size() {
    return size;
  }

  public int classes() {
    return classes;
  }

  public double xMin() {
    return xMin;
  }

  public double xMax() {
    return xMax;
  }

  public double yMin() {
    return yMin;
  }

  public double yMax() {
    return yMax;
  }

  /** The probability of class c in cell (row, column). */
  public double probability(int row, int column, int c) {
    return probabilities[(row * size + column) * classes + c];
  }

  /** The most probable class in cell (row, column). */
  public int predicted(int row, int column) {
    return predicted[row * size + column];
  }

  /** All probabilities, cell by cell (row-major) and class by class within a cell (a copy). */
  public double[] probabilities() {
    return probabilities.clone();
  }
}
