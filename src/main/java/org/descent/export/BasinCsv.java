package org.descent.export;

import java.io.IOException;
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

  /** Writes the header and every row; does not close {@code out}. */
  public static void write(BasinMap map, Writer out) throws IOException {
    int nx = map.x().count();
    int ny = map.y().count();
    // Each start coordinate repeats along a row or a column: format it once.
    String[] xs = new String[nx];
    for (int i = 0; i < nx; i++) {
      xs[i] = Double.toString(map.startX(i));
    }
    StringBuilder sb = new StringBuilder(64 * nx + 64);
    sb.append(String.join(",", HEADER)).append('\n');
    for (int iy = 0; iy < ny; iy++) {
      String y = Double.toString(map.startY(iy));
      for (int ix = 0; ix < nx; ix++) {
        sb.append(xs[ix]).append(',').append(y).append(',')
            .append(Double.toString(map.finalX(ix, iy))).append(',')
            .append(Double.toString(map.finalY(ix, iy))).append(',')
            .append(map.label(ix, iy)).append('\n');
      }
      out.append(sb);
      sb.setLength(0);
    }
    out.flush();
  }
}
