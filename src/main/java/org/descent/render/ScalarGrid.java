package org.descent.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.descent.function.FormulaObjective;
import org.descent.function.ViewBox;

/**
 * Immutable samples of f(x, y) at the nodes of a regular grid over a {@link ViewBox}. Node
 * (i, j) lies at x = xMin + i·(xMax − xMin)/(columns − 1),
 * y = yMax − j·(yMax − yMin)/(rows − 1): row 0 is the top edge, as in an image, so node
 * (i, j) is pixel (i, j) of a picture of the grid.
 *
 * <p>Values may be NaN or ±∞ (a formula's log of a negative number, an overflow); {@link #min()}
 * and {@link #max()} look at finite values only, so one bad node cannot flatten the colours.
 */
public final class ScalarGrid {

  private static final BooleanSupplier NEVER = () -> false;

  private final ViewBox view;
  private final int columns;
  private final int rows;
  private final double[] values;
  private final double min;
  private final double max;

  private ScalarGrid(ViewBox view, int columns, int rows, double[] values) {
    this.view = view;
    this.columns = columns;
    this.rows = rows;
    this.values = values;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    this.min = lo <= hi ? lo : Double.NaN;
    this.max = lo <= hi ? hi : Double.NaN;
  }

  /**
   * A grid from values already computed, row-major ({@code values[j * columns + i]}); the array
   * is copied. For data that does not come from a formula, such as a network's loss slice.
   */
  public static ScalarGrid of(ViewBox view, int columns, int rows, double[] values) {
    checkSize(columns, rows);
    if (values.length != columns * rows) {
      throw new IllegalArgumentException("expected " + columns * rows + " values for a "
          + columns + " x " + rows + " grid, got " + values.length);
    }
    return new ScalarGrid(view, columns, rows, values.clone());
  }

  /** Samples f on the calling thread. {@code f} is used, so it must not be shared meanwhile. */
  public static ScalarGrid sample(FormulaObjective f, ViewBox view, int columns, int rows) {
    return sample(f, view, columns, rows, NEVER);
  }

  /**
   * Samples f on the calling thread, asking {@code cancelled} before each row.
   *
   * @throws CancellationException when {@code cancelled} answers true; no grid is returned
   */
  public static ScalarGrid sample(FormulaObjective f, ViewBox view, int columns, int rows,
      BooleanSupplier cancelled) {
    checkSize(columns, rows);
    double[] values = new double[columns * rows];
    for (int j = 0; j < rows; j++) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("sampling cancelled");
      }
      fillRow(f, view, columns, rows, j, values);
    }
    return new ScalarGrid(view, columns, rows, values);
  }

  /** {@link #sampleParallel(FormulaObjective, ViewBox, int, int, ExecutorService,
   * BooleanSupplier)} without cancellation. */
  public static ScalarGrid sampleParallel(FormulaObjective f, ViewBox view, int columns,
      int rows, ExecutorService pool) {
    return sampleParallel(f, view, columns, rows, pool, NEVER);
  }

  /**
   * Samples f with the pool's threads and the calling thread together, each with its own
   * {@link FormulaObjective#copy()} (an evaluator is not thread-safe). Rows are handed out one
   * at a time from a shared counter, so a busy or small pool only means less help: the calling
   * thread alone can finish the grid, and it never waits for a task that has not started.
   * Every node is computed by the same code as {@link #sample}, so the grid is identical.
   *
   * @param cancelled asked before each row, from several threads at once (so it must be
   *     thread-safe, as {@code Task::isCancelled} is)
   * @throws CancellationException when {@code cancelled} answers true or the calling thread is
   *     interrupted while it waits; no grid is returned
   */
  public static ScalarGrid sampleParallel(FormulaObjective f, ViewBox view, int columns,
      int rows, ExecutorService pool, BooleanSupplier cancelled) {
    checkSize(columns, rows);
    double[] values = new double[columns * rows];
    AtomicInteger nextRow = new AtomicInteger();
    CountDownLatch rowsDone = new CountDownLatch(rows);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int helpers = Math.min(rows, Runtime.getRuntime().availableProcessors()) - 1;
    // Copies are made here, not in the workers: f belongs to the calling thread.
    List<FormulaObjective> copies = new ArrayList<>();
    for (int k = 0; k < helpers; k++) {
      copies.add(f.copy());
    }
    for (FormulaObjective copy : copies) {
      try {
        pool.execute(() -> sampleRows(copy, view, columns, rows, values, nextRow, rowsDone,
            stop, failure, cancelled));
      } catch (RejectedExecutionException e) {
        break; // a pool that is shut down or full: the calling thread does the rest
      }
    }
    sampleRows(f, view, columns, rows, values, nextRow, rowsDone, stop, failure, cancelled);
    try {
      rowsDone.await();
    } catch (InterruptedException e) {
      stop.set(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while sampling");
    }
    if (failure.get() != null) {
      throw new IllegalStateException("sampling failed: " + failure.get(), failure.get());
    }
    if (stop.get()) {
      throw new CancellationException("sampling cancelled");
    }
    return new ScalarGrid(view, columns, rows, values);
  }

  /** Claims rows until none is left; every claimed row is counted down, done or skipped. */
  private static void sampleRows(FormulaObjective f, ViewBox view, int columns, int rows,
      double[] values, AtomicInteger nextRow, CountDownLatch rowsDone, AtomicBoolean stop,
      AtomicReference<Throwable> failure, BooleanSupplier cancelled) {
    for (int j = nextRow.getAndIncrement(); j < rows; j = nextRow.getAndIncrement()) {
      try {
        if (!stop.get() && cancelled.getAsBoolean()) {
          stop.set(true);
        }
        if (!stop.get()) {
          fillRow(f, view, columns, rows, j, values);
        }
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
        stop.set(true);
      } finally {
        rowsDone.countDown();
      }
    }
  }

  private static void fillRow(FormulaObjective f, ViewBox view, int columns, int rows, int j,
      double[] values) {
    double y = y(view, rows, j);
    int base = j * columns;
    for (int i = 0; i < columns; i++) {
      values[base + i] = f.value(x(view, columns, i), y);
    }
  }

  private static void checkSize(int columns, int rows) {
    if (columns < 2 || rows < 2) {
      throw new IllegalArgumentException(
          "a grid needs at least 2 x 2 nodes, got " + columns + " x " + rows);
    }
    if ((long) columns * rows > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("grid too large: " + columns + " x " + rows);
    }
  }

  // The last node is set to the edge itself, so the grid covers the view exactly.
  private static double x(ViewBox view, int columns, int i) {
    return i == columns - 1 ? view.xMax() : view.xMin() + i * view.width() / (columns - 1);
  }

  private static double y(ViewBox view, int rows, int j) {
    return j == rows - 1 ? view.yMin() : view.yMax() - j * view.height() / (rows - 1);
  }

  public ViewBox view() {
    return view;
  }

  public int columns() {
    return columns;
  }

  public int rows() {
    return rows;
  }

  /** f at node (i, j); may be NaN or infinite. */
  public double value(int i, int j) {
    return values[j * columns + i];
  }

  /** The x of column i. */
  public double x(int i) {
    return x(view, columns, i);
  }

  /** The y of row j (row 0 is the top, y = yMax). */
  public double y(int j) {
    return y(view, rows, j);
  }

  /** The smallest finite value, or NaN when no value is finite. */
  public double min() {
    return min;
  }

  /** The largest finite value, or NaN when no value is finite. */
  public double max() {
    return max;
  }

  /** A copy of the values, row-major ({@code [j * columns + i]}). */
  public double[] values() {
    return values.clone();
  }
}
