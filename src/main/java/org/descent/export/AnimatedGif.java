package org.descent.export;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A looping animated GIF, written with the JDK's own GIF writer (each frame quantized to 256
 * colours by it): every frame has the animation's delay, and the NETSCAPE2.0 extension makes
 * slide software loop it forever. Written to a temporary file, renamed when complete; a
 * pipe or a device gets it frame by frame.
 */
public final class AnimatedGif implements FrameSink {

  private final Path target;
  private final double askedFps;
  private final int delayCentiseconds;
  private AtomicFiles.Staged staged;
  private ImageWriter writer;
  private OutputStream sink;
  private ImageOutputStream out;
  private int frames;

  /** @param frameSeconds how long each frame shows (GIF counts hundredths, at least 2) */
  public AnimatedGif(Path target, double frameSeconds) {
    this.target = target;
    this.askedFps = 1 / frameSeconds;
    this.delayCentiseconds = delayFor(frameSeconds);
  }

  /**
   * The delay a GIF can hold for a frame of this many seconds: whole hundredths of a second,
   * at least 2, since browsers and slide software play 0 or 1 as a tenth of a second.
   */
  public static int delayFor(double frameSeconds) {
    return (int) Math.max(2, Math.min(65_535, Math.round(frameSeconds * 100)));
  }

  /** The frame rate a GIF plays when asked for this one: 60 fps plays at 50. */
  public static double playedFps(double askedFps) {
    return 100.0 / delayFor(1 / askedFps);
  }

  /** Whether a GIF plays this frame rate as asked (to a tenth of a frame per second). */
  public static boolean playsAsAsked(double askedFps) {
    return Math.abs(playedFps(askedFps) - askedFps) < 0.05;
  }

  /** A frame rate as the messages write it: "50", "33.3", "7.5". */
  public static String fps(double fps) {
    String s = String.format(java.util.Locale.ROOT, "%.1f", fps);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  @Override
  public boolean parallel() {
    return false;
  }

  @Override
  public void accept(int index, BufferedImage frame) throws IOException {
    if (writer == null) {
      staged = AtomicFiles.stage(target);
      sink = new BufferedOutputStream(staged.open(), 1 << 16);
      // A stream, not a file: a pipe or a device gets the GIF as it is made. The writer never
      // seeks back over a frame, so each frame leaves the cache once written (see below).
      out = new MemoryCacheImageOutputStream(sink);
      writer = ImageIO.getImageWritersByFormatName("gif").next();
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
    }
    BufferedImage rgb = rgb(frame);
    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(
        rgb), null);
    String format = meta.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
    control.setAttribute("transparentColorIndex", "0");
    if (frames == 0) {
      IIOMetadataNode apps = child(root, "ApplicationExtensions");
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, 0, 0}); // loop forever
      apps.appendChild(app);
    }
    meta.setFromTree(format, root);
    writer.writeToSequence(new IIOImage(rgb, null, meta), null);
    out.flush(); // the frame is final: out of the memory cache, into the file
    frames++;
  }

  private static BufferedImage rgb(BufferedImage frame) {
    if (frame.getType() == BufferedImage.TYPE_INT_RGB) {
      return frame;
    }
    BufferedImage copy = new BufferedImage(frame.getWidth(), frame.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    copy.getGraphics().drawImage(frame, 0, 0, null);
    return copy;
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }

  @Override
  public void finish() throws IOException {
    if (writer == null) {
      return;
    }
    writer.endWriteSequence();
    out.close();
    sink.close();
    writer.dispose();
    writer = null;
    staged.commit();
  }

  @Override
  public void abort() {
    try {
      if (out != null) {
        out.close();
      }
      if (sink != null) {
        sink.close();
      }
    } catch (IOException e) {
      // the temporary file is removed below either way
    }
    if (writer != null) {
      writer.dispose();
      writer = null;
    }
    if (staged != null) {
      staged.discardQuietly();
    }
  }

  /**
   * "race.gif (120 frames at 50 fps, 1.2 MB; GIF delays are whole hundredths of a second:
   * 60 fps asked)": the rate said is the one the file plays, and the one asked when they
   * differ, so a lecturer is not surprised by a slower slide.
   */
  @Override
  public String describe() {
    String holds = frames + " frames at " + fps(100.0 / delayCentiseconds) + " fps";
    String note = playsAsAsked(askedFps) ? "" : "; GIF delays are whole hundredths of a "
        + "second: " + fps(askedFps) + " fps asked";
    String about = Sizes.ofAnimation(target, holds);
    return about.substring(0, about.length() - 1) + note + ")";
  }
}
