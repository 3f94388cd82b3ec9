import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws Descent's icon: contour rings of a tilted valley and an optimizer's path zig-zagging
 * down to its minimum. The checked-in descent.png, descent.ico (Windows) and descent.icns
 * (macOS) come from here, so the icon can be redrawn instead of hand-edited:
 *
 * <pre>java src/packaging/IconMaker.java src/packaging</pre>
 *
 * The .ico and .icns wrap the PNG itself (both formats accept PNG entries), so the three
 * files show the same pixels.
 */
public final class IconMaker {

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : ".");
    byte[] png256 = png(draw(256));
    byte[] png512 = png(draw(512));
    Files.write(folder.resolve("descent.png"), png256);
    Files.write(folder.resolve("descent.ico"), ico(png256));
    Files.write(folder.resolve("descent.icns"), icns(png256, png512));
  }

  static BufferedImage draw(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.scale(size / 256.0, size / 256.0);

    // a rounded tile with a margin, as desktop icons are drawn
    RoundRectangle2D tile = new RoundRectangle2D.Double(8, 8, 240, 240, 52, 52);
    g.setPaint(new GradientPaint(0, 8, new Color(0x1d2b53), 0, 248, new Color(0x0e1630)));
    g.fill(tile);
    g.setClip(tile);

    // filled contour bands of a valley tilted by 30 degrees, darkest at the minimum
    double cx = 150, cy = 150;
    Color[] bands = {new Color(0x2c3e7a), new Color(0x2b5c8f), new Color(0x21798f),
        new Color(0x22958a), new Color(0x3bb07a), new Color(0x7cc95f), new Color(0xc7dc4a)};
    AffineTransform tilt = AffineTransform.getRotateInstance(Math.toRadians(-30), cx, cy);
    for (int i = 0; i < bands.length; i++) {
      double rx = 150 - i * 20, ry = 92 - i * 12.5;
      var ring = tilt.createTransformedShape(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx,
          2 * ry));
      g.setColor(bands[i]);
      g.fill(ring);
      g.setColor(new Color(255, 255, 255, 70));
      g.setStroke(new BasicStroke(1.6f));
      g.draw(ring);
    }

    // the descent: big steps bouncing across the valley, then settling at the minimum
    double[][] points = {{40, 52}, {92, 70}, {70, 112}, {120, 112}, {108, 140}, {138, 138},
        {135, 148}, {cx, cy}};
    Path2D path = new Path2D.Double();
    path.moveTo(points[0][0], points[0][1]);
    for (int i = 1; i < points.length; i++) {
      path.lineTo(points[i][0], points[i][1]);
    }
    g.setStroke(new BasicStroke(11f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(new Color(0, 0, 0, 90));
    g.draw(path);
    g.setStroke(new BasicStroke(6.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(new Color(0xff8c2e));
    g.draw(path);
    for (int i = 0; i < points.length - 1; i++) {
      dot(g, points[i][0], points[i][1], 6.5, new Color(0xff8c2e), Color.WHITE);
    }
    dot(g, cx, cy, 10, Color.WHITE, new Color(0xff8c2e));
    g.dispose();
    return image;
  }

  private static void dot(Graphics2D g, double x, double y, double r, Color fill, Color rim) {
    var disc = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
    g.setColor(fill);
    g.fill(disc);
    g.setColor(rim);
    g.setStroke(new BasicStroke(2.5f));
    g.draw(disc);
  }

  private static byte[] png(BufferedImage image) throws IOException {
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A one-image ICO whose entry is the 256-pixel PNG (width and height 0 mean 256). */
  private static byte[] ico(byte[] png) {
    ByteBuffer b = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) 0).putShort((short) 1).putShort((short) 1);
    b.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    b.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(6 + 16);
    b.put(png);
    return b.array();
  }

  /** An ICNS with the 256-pixel (ic08) and 512-pixel (ic09) PNGs. */
  private static byte[] icns(byte[] png256, byte[] png512) throws IOException {
    var out = new ByteArrayOutputStream();
    var data = new DataOutputStream(out);
    data.writeBytes("icns");
    data.writeInt(8 + 8 + png256.length + 8 + png512.length);
    data.writeBytes("ic08");
    data.writeInt(8 + png256.length);
    data.write(png256);
    data.writeBytes("ic09");
    data.writeInt(8 + png512.length);
    data.write(png512);
    return out.toByteArray();
  }
}
