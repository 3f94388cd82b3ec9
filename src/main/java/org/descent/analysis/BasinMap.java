package org.descent.analysis;

import java.util.ArrayList;
import java.util.List;
import org.descent.function.CriticalPoint;
import org.descent.optim.OptimizerSpec;

/**
 * A basin-of-attraction map: for each start of a grid, where the optimizer ended and which
 * minimum that is. Cells are numbered y-major, {@code cell = iy * nx + ix}: row iy = 0 is the
 * bottom of the view (y = yMin), and x grows along a row; the CSV writes them in this order.
 * A view draws cell (ix, iy) at (x.value(ix), y.value(iy)) in the colour of
 * {@link #label(int, int)} (or of the status for the legend's "not converged" and "diverged").
 *
 * <p>The label is the 0-based index, in {@link #minima()} order (the order of
 * {@code Landscape.minima()}, which {@code descent list} prints), of the minimum nearest to the
 * end point (the lower index on a tie); −1 when the end point is not finite, or when the
 * function has no known minimum.
 *
 * @param x the starts' x values; {@code y} their y values
 * @param tolerance the distance that tells converged ends from the others (see {@link Status})
 */
public record BasinMap(Axis x, Axis y, OptimizerSpec optimizer, int steps,
    List<CriticalPoint> minima, double tolerance, int[] labels, byte[] statuses,
    double[] finalX, double[] finalY) {

  /**
   * What the legend tells apart. CONVERGED: the end point is finite and within the tolerance of
   * the minimum it is labelled with. NOT_CONVERGED: finite, but farther than the tolerance from
   * every minimum (still moving, stuck on a plateau or at a saddle, or ended near a point that
   * is not a known minimum); its label still names the nearest minimum. DIVERGED: the end point
   * is not finite (label −1). The gradient is not part of the test: near a minimum with
   * curvatures up to λmax it is at most about λmax × distance, so the distance says it.
   */
  public enum Status {
    CONVERGED, NOT_CONVERGED, DIVERGED;

    private static final Status[] ALL = values();

    static Status of(byte b) {
      return ALL[b];
    }
  }

  /** One entry of the map's legend, with how many cells it covers. */
  public record LegendEntry(int label, Status status, String text, int cells) {}

  public BasinMap {
    minima = List.copyOf(minima);
    int n = x.count() * y.count();
    if (labels.length != n || statuses.length != n || finalX.length != n
        || finalY.length != n) {
      throw new IllegalArgumentException("one value per cell: " + n + " cells");
    }
  }

  /** The index of cell (ix, iy). */
  public int cell(int ix, int iy) {
    return iy * x.count() + ix;
  }

  public int cells() {
    return labels.length;
  }

  public int label(int ix, int iy) {
    return labels[cell(ix, iy)];
  }

  public Status status(int ix, int iy) {
    return Status.of(statuses[cell(ix, iy)]);
  }

  public double finalX(int ix, int iy) {
    return finalX[cell(ix, iy)];
  }

  public double finalY(int ix, int iy) {
    return finalY[cell(ix, iy)];
  }

  /** The start of cell (ix, iy). */
  public double startX(int ix) {
    return x.value(ix);
  }

  public double startY(int iy) {
    return y.value(iy);
  }

  /** A copy of the labels, y-major. */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public byte[] statuses() {
    return statuses.clone();
  }

  @Override
  public double[] finalX() {
    return finalX.clone();
  }

  @Override
  public double[] finalY() {
    return finalY.clone();
  }

  /** How many cells carry each label (index label + 1: entry 0 counts −1). */
  public int[] labelCounts() {
    int[] counts = new int[minima.size() + 1];
    for (int l : labels) {
      counts[l + 1]++;
    }
    return counts;
  }

  /** How many cells have the status. */
  public int count(Status s) {
    int c = 0;
    for (byte b : statuses) {
      if (b == s.ordinal()) {
        c++;
      }
    }
    return c;
  }

  /**
   * The legend: one entry per minimum (its converged cells), then "not converged" and
   * "diverged" when any cell is so.
   */
  public List<LegendEntry> legend() {
    int[] converged = new int[minima.size()];
    for (int i = 0; i < labels.length; i++) {
      if (statuses[i] == Status.CONVERGED.ordinal()) {
        converged[labels[i]]++;
      }
    }
    List<LegendEntry> entries = new ArrayList<>();
    for (int m = 0; m < minima.size(); m++) {
      CriticalPoint p = minima.get(m);
      entries.add(new LegendEntry(m, Status.CONVERGED, String.format(java.util.Locale.ROOT,
          "minimum %d at (%.4g, %.4g)", m, p.x(), p.y()), converged[m]));
    }
    int notConverged = count(Status.NOT_CONVERGED);
    if (notConverged > 0) {
      entries.add(new LegendEntry(-1, Status.NOT_CONVERGED, "not converged", notConverged));
    }
    int diverged = count(Status.DIVERGED);
    if (diverged > 0) {
      entries.add(new LegendEntry(-1, Status.DIVERGED, "diverged", diverged));
    }
    return entries;
  }
}
