package org.descent.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.util.List;
import org.descent.analysis.BasinMap;

/**
 * A basin map as CSV: {@code x,y,final_x,final_y,label}, one row per start, y-major (all
 * starts of the bottom row y = yMin from left to right, then the next row up), numbers in full
 * precision ({@code Double.toString}, as {@link TraceCsv}), so a script reads back the very
 * doubles computed. The label is the map's nearest-minimum label (−1 for a non-finite end).
 */
public final class BasinCsv {

  public static final List<String> HEADER = List.of("x", "y", "final_x", "final_y", "label");

  private BasinCsv() {}

  /** Rows formatted per task; a batch of tasks is formatted in parallel, then written. */
  private static final int ROWS_PER_TASK = 16;
  private static final int TASKS_PER_BATCH = 32;

  /** Writes the header and every row; flushes, does not close {@code out}. */
  public static void write(BasinMap map, Writer out) throws IOException {
    write(map, (bytes, length) -> out.write(new String(bytes, 0, length,
        StandardCharsets.ISO_8859_1)));
    out.flush();
  }

  /**
   * The same, as ASCII bytes straight to a stream (a file: no character encoder in the way);
   * flushes, does not close {@code out}.
   */
  public static void write(BasinMap map, OutputStream out) throws IOException {
    write(map, (bytes, length) -> out.write(bytes, 0, length));
    out.flush();
  }

  private interface Chunks {
    void accept(byte[] bytes, int length) throws IOException;
  }

  /**
   * Rows are assembled as ASCII bytes from pieces formatted once: the start coordinates (each
   * repeats along a row or a column), the labels, and the end points ({@link Texts}). A million
   * rows take longer to format than to compute, so batches of rows are assembled in parallel.
   */
  private static void write(BasinMap map, Chunks out) throws IOException {
    int nx = map.x().count();
    int ny = map.y().count();
    byte[][] xs = new byte[nx][];
    for (int i = 0; i < nx; i++) {
      xs[i] = ascii(Double.toString(map.startX(i)) + ",");
    }
    byte[][] labels = new byte[map.minima().size() + 1][];
    for (int l = -1; l < map.minima().size(); l++) {
      labels[l + 1] = ascii(l + "\n");
    }
    Texts cache = new Texts(map);
    byte[] header = ascii(String.join(",", HEADER) + "\n");
    out.accept(header, header.length);
    int tasks = (ny + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    for (int first = 0; first < tasks; first += TASKS_PER_BATCH) {
      int end = Math.min(tasks, first + TASKS_PER_BATCH);
      Rows[] chunks = java.util.stream.IntStream.range(first, end).parallel()
          .mapToObj(t -> rows(map, xs, labels, cache, t * ROWS_PER_TASK,
              Math.min(ny, (t + 1) * ROWS_PER_TASK)))
          .toArray(Rows[]::new);
      for (Rows c : chunks) {
        out.accept(c.bytes, c.length);
      }
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A run of formatted rows. */
  private record Rows(byte[] bytes, int length) {}

  private static Rows rows(BasinMap map, byte[][] xs, byte[][] labels, Texts cache,
      int fromRow, int toRow) {
    int nx = xs.length;
    byte[] buf = new byte[96 * nx * (toRow - fromRow) + 64];
    int at = 0;
    for (int iy = fromRow; iy < toRow; iy++) {
      byte[] y = ascii(Double.toString(map.startY(iy)) + ",");
      for (int ix = 0; ix < nx; ix++) {
        int label = map.label(ix, iy);
        byte[] fx = cache.text(map.finalX(ix, iy));
        byte[] fy = cache.text(map.finalY(ix, iy));
        byte[] lb = label + 1 < labels.length ? labels[label + 1] : ascii(label + "\n");
        int need = xs[ix].length + y.length + fx.length + fy.length + lb.length;
        if (at + need > buf.length) {
          buf = java.util.Arrays.copyOf(buf, Math.max(2 * buf.length, at + need));
        }
        at = put(xs[ix], buf, at);
        at = put(y, buf, at);
        at = put(fx, buf, at);
        at = put(fy, buf, at);
        at = put(lb, buf, at);
      }
    }
    return new Rows(buf, at);
  }

  private static int put(byte[] piece, byte[] buf, int at) {
    System.arraycopy(piece, 0, buf, at, piece.length);
    return at + piece.length;
  }

  /**
   * Double.toString of the end points, each distinct double formatted once. Starts in one basin
   * end on a few hundred thousand distinct doubles between them (a few ulps around each
   * minimum, after hundreds of steps), and formatting a 17-digit double costs some 300 ns on
   * Java 17: a table of the values, direct-mapped by their bits and formatted in parallel,
   * formats most of them once. A value whose slot another value took is formatted in place.
   */
  private static final class Texts {
    private final int shift;
    private final long[] bits;
    private final byte[][] texts;

    Texts(BasinMap map) {
      int cells = map.cells();
      int size = Integer.highestOneBit(Math.min(1 << 22, Math.max(1 << 10, 2 * cells)));
      shift = 64 - Integer.numberOfTrailingZeros(size);
      bits = new long[size];
      boolean[] used = new boolean[size];
      for (int iy = 0; iy < map.y().count(); iy++) {
        for (int ix = 0; ix < map.x().count(); ix++) {
          long bx = Double.doubleToRawLongBits(map.finalX(ix, iy));
          int i = slot(bx);
          bits[i] = bx;
          used[i] = true;
          long by = Double.doubleToRawLongBits(map.finalY(ix, iy));
          i = slot(by);
          bits[i] = by;
          used[i] = true;
        }
      }
      texts = new byte[size][];
      java.util.stream.IntStream.range(0, size).parallel().filter(i -> used[i])
          .forEach(i -> texts[i] = format(Double.longBitsToDouble(bits[i])));
    }

    private int slot(long b) {
      return (int) ((b * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** Double.toString(v) and a comma, as ASCII. */
    byte[] text(double v) {
      long b = Double.doubleToRawLongBits(v);
      int i = slot(b);
      byte[] t = texts[i];
      return t != null && bits[i] == b ? t : format(v);
    }

    private static byte[] format(double v) {
      return ascii(Double.toString(v) + ",");
    }
  }
}
