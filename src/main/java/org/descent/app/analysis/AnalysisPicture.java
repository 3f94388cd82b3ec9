package org.descent.app.analysis;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.descent.export.AtomicFiles;
import org.descent.picture.AnalysisPlot;

/**
 * An analysis drawn: its pixels and the plots that map them back to values, which a click
 * reads.
 *
 * @param of the result drawn, with its analysis
 * @param argb width × height premultiplied ARGB pixels, row by row
 */
public record AnalysisPicture(Computed<?> of, int[] argb, int width, int height,
    AnalysisPlot[] plots) {

  /** Draws into a fresh image of the given size; {@code drawing} returns its plots. */
  static AnalysisPicture draw(Computed<?> of, int width, int height,
      Function<Graphics2D, AnalysisPlot[]> drawing) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = img.createGraphics();
    AnalysisPlot[] plots;
    try {
      plots = drawing.apply(g);
    } finally {
      g.dispose();
    }
    int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    return new AnalysisPicture(of, px, width, height, plots);
  }

  public AnalysisView.Result result() {
    return of.result();
  }

  /** Writes the pixels as a PNG file; nothing half-written is left on a failure. */
  void writePng(Path target) throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, width, height, argb, 0, width);
    AtomicFiles.write(target, p -> {
      if (!ImageIO.write(img, "png", p.toFile())) {
        throw new IOException("no PNG writer");
      }
    });
  }
}
