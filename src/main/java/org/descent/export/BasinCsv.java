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
   * Rows are assembled as ASCII bytes: the start coordinates are formatted once (each repeats
   * along a row or a column), the end points one by one with the Schubfach algorithm (Giulietti,
   * "The Schubfach way to render doubles", 2020; Java 19's Double.toString), which is several
   * times faster than Java 17's Double.toString and allocates little. A million rows still take
   * longer to format than to compute, so batches of rows are assembled in parallel.
   */
  private static void write(BasinMap map, Chunks out) throws IOException {
    int nx = map.x().count();
    int ny = map.y().count();
    byte[][] xs = new byte[nx][];
    for (int i = 0; i < nx; i++) {
      xs[i] = ascii(ShortestDecimal.of(map.startX(i)) + ",");
    }
    byte[][] labels = new byte[map.minima().size() + 1][];
    for (int l = -1; l < map.minima().size(); l++) {
      labels[l + 1] = ascii(l + "\n");
    }
    byte[] header = ascii(String.join(",", HEADER) + "\n");
    out.accept(header, header.length);
    int tasks = (ny + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    for (int first = 0; first < tasks; first += TASKS_PER_BATCH) {
      int end = Math.min(tasks, first + TASKS_PER_BATCH);
      Rows[] chunks = java.util.stream.IntStream.range(first, end).parallel()
          .mapToObj(t -> rows(map, xs, labels, t * ROWS_PER_TASK,
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

  /** The longest row: two starts, two end points (25 characters each at most) and a label. */
  private static final int MAX_ROW = 4 * 26 + 13;

  private static Rows rows(BasinMap map, byte[][] xs, byte[][] labels, int fromRow,
      int toRow) {
    int nx = xs.length;
    byte[] buf = new byte[MAX_ROW * nx * (toRow - fromRow)];
    int at = 0;
    for (int iy = fromRow; iy < toRow; iy++) {
      byte[] y = ascii(ShortestDecimal.of(map.startY(iy)) + ",");
      for (int ix = 0; ix < nx; ix++) {
        int label = map.label(ix, iy);
        at = put(xs[ix], buf, at);
        at = put(y, buf, at);
        at = put(ShortestDecimal.of(map.finalX(ix, iy)), buf, at);
        buf[at++] = ',';
        at = put(ShortestDecimal.of(map.finalY(ix, iy)), buf, at);
        buf[at++] = ',';
        at = put(label + 1 < labels.length ? labels[label + 1] : ascii(label + "\n"), buf, at);
      }
    }
    return new Rows(buf, at);
  }

  private static int put(byte[] piece, byte[] buf, int at) {
    System.arraycopy(piece, 0, buf, at, piece.length);
    return at + piece.length;
  }

  private static int put(String piece, byte[] buf, int at) {
    int n = piece.length();
    for (int k = 0; k < n; k++) {
      buf[at + k] = (byte) piece.charAt(k);
    }
    return at + n;
  }
}
