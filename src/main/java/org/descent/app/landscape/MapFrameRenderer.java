package org.descent.app.landscape;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import org.descent.function.ViewBox;
import org.descent.picture.Look;
import org.descent.picture.MapField;
import org.descent.picture.MapGeometry;
import org.descent.picture.MapPainter;
import org.descent.picture.MapScene;

/**
 * Paints the contour map's frames with Java2D into one pixel array, on a worker thread: the
 * JavaFX thread then copies a finished picture and the render pass draws one image, instead of
 * replaying thousands of path strokes on the software pipeline at every frame. The layers that
 * stay while the runs change (field, critical points, axes, colour bar) are kept as an image
 * while the view and size stay the same.
 *
 * <p>Not thread-safe: one job at a time (a {@code LatestOnly} runs them in turn), and the pixels
 * of a frame are valid until the next job starts.
 */
final class MapFrameRenderer {

  private final MapPainter painter = new MapPainter();
  private BufferedImage frame;
  private BufferedImage base;
  private BaseKey baseKey;

  /**
   * A painted frame.
   *
   * @param argb premultiplied ARGB, {@code pixelWidth × pixelHeight}, row by row (the
   *     renderer's own buffer: copy it before the next job)
   * @param geometry the plot as drawn (to map the mouse), or null when too small for one
   * @param marks the divergence and edge marks' texts
   * @param nanos how long painting took
   */
  record Frame(MapScene scene, Look look, double width, double height, int pixelWidth,
      int pixelHeight, int[] argb, MapGeometry geometry, List<String> marks, long nanos) {}

  /** What the kept base layers were drawn for. */
  private record BaseKey(MapField field, double width, double height, double scale, Look look,
      boolean gradientField, ViewBox view) {}

  /**
   * Paints {@code scene} at {@code width × height} in view units, with {@code scale} pixels per
   * unit (the screen's output scale: sharp on a high-density display).
   */
  Frame paint(MapScene scene, Look look, double width, double height, double scale) {
    long t0 = System.nanoTime();
    int pw = Math.max(1, (int) Math.ceil(width * scale));
    int ph = Math.max(1, (int) Math.ceil(height * scale));
    if (frame == null || frame.getWidth() != pw || frame.getHeight() != ph) {
      frame = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
    }
    Graphics2D g = frame.createGraphics();
    MapGeometry a;
    try {
      g.scale(scale, scale);
      a = MapGeometry.layout(scene.view(), width, height, look);
      MapField field = scene.field();
      boolean steady = a != null && field != null && field.landscape() == scene.landscape()
          && field.view().equals(a.view());
      if (!steady) {
        // While the view moves (a pan, a zoom) the base is drawn directly, moved with it.
        base = null;
        a = painter.paint(g, scene, look, width, height, painter.java2d);
      } else {
        g.setComposite(java.awt.AlphaComposite.Src);
        g.drawImage(base(scene, look, width, height, scale, pw, ph), 0, 0, (int) width,
            (int) height, null);
        g.setComposite(java.awt.AlphaComposite.SrcOver);
        painter.paintOverlay(g, scene, look, a);
      }
    } finally {
      g.dispose();
    }
    int[] argb = ((DataBufferInt) frame.getRaster().getDataBuffer()).getData();
    return new Frame(scene, look, width, height, pw, ph, argb, a,
        a == null ? List.of() : painter.lastMarks(), System.nanoTime() - t0);
  }

  private BufferedImage base(MapScene scene, Look look, double width, double height,
      double scale, int pw, int ph) {
    BaseKey key = new BaseKey(scene.field(), width, height, scale, look, scene.gradientField(),
        scene.view());
    if (base == null || !key.equals(baseKey)) {
      base = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
      Graphics2D g = base.createGraphics();
      try {
        g.scale(scale, scale);
        painter.paintBase(g, scene, look, width, height, painter.java2d);
      } finally {
        g.dispose();
      }
      baseKey = key;
    }
    return base;
  }
}
