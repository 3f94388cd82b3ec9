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

  /**
   * Writes the header and every row; does not close {@code out}. Formatting a million rows
   * takes longer than computing them on one core, so batches of rows are formatted on the
   * common pool while the previous batch is written.
   */
  public static void write(BasinMap map, Writer out) throws IOException {
    write(map, text -> out.write(text));
    out.flush();
  }

  /**
   * The same, as ASCII bytes straight to a stream (a file: no character encoder in the way);
   * does not close {@code out}.
   */
  public static void write(BasinMap map, OutputStream out) throws IOException {
    write(map, text -> out.write(text.getBytes(StandardCharsets.ISO_8859_1)));
    out.flush();
  }

  private interface Chunks {
    void accept(String text) throws IOException;
  }

  private static void write(BasinMap map, Chunks out) throws IOException {
    int nx = map.x().count();
    int ny = map.y().count();
    // Each start coordinate repeats along a row or a column: format it once.
    String[] xs = new String[nx];
    for (int i = 0; i < nx; i++) {
      xs[i] = Double.toString(map.startX(i));
    }
    Texts cache = new Texts(map);
    out.accept(String.join(",", HEADER) + "\n");
    int tasks = (ny + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    for (int first = 0; first < tasks; first += TASKS_PER_BATCH) {
      int end = Math.min(tasks, first + TASKS_PER_BATCH);
      String[] texts = java.util.stream.IntStream.range(first, end).parallel()
          .mapToObj(t -> rows(map, xs, cache, t * ROWS_PER_TASK,
              Math.min(ny, (t + 1) * ROWS_PER_TASK)))
          .toArray(String[]::new);
      for (String text : texts) {
        out.accept(text);
      }
    }
  }

  private static String rows(BasinMap map, String[] xs, Texts cache, int fromRow, int toRow) {
    int nx = xs.length;
    StringBuilder sb = new StringBuilder(80 * nx * (toRow - fromRow));
    for (int iy = fromRow; iy < toRow; iy++) {
      String y = Double.toString(map.startY(iy));
      for (int ix = 0; ix < nx; ix++) {
        sb.append(xs[ix]).append(',').append(y).append(',')
            .append(cache.text(map.finalX(ix, iy))).append(',')
            .append(cache.text(map.finalY(ix, iy))).append(',')
            .append(map.label(ix, iy)).append('\n');
      }
    }
    return sb.toString();
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
    private final String[] texts;

    Texts(BasinMap map) {
      int cells = map.cells();
      int size = Integer.highestOneBit(Math.min(1 << 22, Math.max(1 << 10, 2 * cells)));
      shift = 64 - Integer.numberOfTrailingZeros(size);
      bits = new long[size];
      boolean[] used = new boolean[size];
      for (int iy = 0; iy < map.y().count(); iy++) {
        for (int ix = 0; ix < map.x().count(); ix++) {
          for (double v : new double[] {map.finalX(ix, iy), map.finalY(ix, iy)}) {
            long b = Double.doubleToRawLongBits(v);
            int i = slot(b);
            bits[i] = b;
            used[i] = true;
          }
        }
      }
      texts = new String[size];
      java.util.stream.IntStream.range(0, size).parallel().filter(i -> used[i])
          .forEach(i -> texts[i] = Double.toString(Double.longBitsToDouble(bits[i])));
    }

    private int slot(long b) {
      return (int) ((b * 0x9E3779B97F4A7C15L) >>> shift);
    }

    String text(double v) {
      long b = Double.doubleToRawLongBits(v);
      int i = slot(b);
      String t = texts[i];
      return t != null && bits[i] == b ? t : Double.toString(v);
    }
  }
}
