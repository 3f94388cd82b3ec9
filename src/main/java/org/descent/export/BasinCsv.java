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
    out.accept(String.join(",", HEADER) + "\n");
    int tasks = (ny + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    for (int first = 0; first < tasks; first += TASKS_PER_BATCH) {
      int end = Math.min(tasks, first + TASKS_PER_BATCH);
      String[] texts = java.util.stream.IntStream.range(first, end).parallel()
          .mapToObj(t -> rows(map, xs, t * ROWS_PER_TASK,
              Math.min(ny, (t + 1) * ROWS_PER_TASK)))
          .toArray(String[]::new);
      for (String text : texts) {
        out.accept(text);
      }
    }
  }

  private static String rows(BasinMap map, String[] xs, int fromRow, int toRow) {
    int nx = xs.length;
    StringBuilder sb = new StringBuilder(80 * nx * (toRow - fromRow));
    for (int iy = fromRow; iy < toRow; iy++) {
      String y = Double.toString(map.startY(iy));
      for (int ix = 0; ix < nx; ix++) {
        sb.append(xs[ix]).append(',').append(y).append(',')
            .append(map.finalX(ix, iy)).append(',')
            .append(map.finalY(ix, iy)).append(',')
            .append(map.label(ix, iy)).append('\n');
      }
    }
    return sb.toString();
  }
}
