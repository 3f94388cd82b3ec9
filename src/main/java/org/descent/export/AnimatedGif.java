package org.descent.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A looping animated GIF, written with the JDK's own GIF writer (each frame quantized to 256
 * colours by it): every frame has the animation's delay, and the NETSCAPE2.0 extension makes
 * slide software loop it forever. Written to a temporary file, renamed when complete.
 */
public final class AnimatedGif implements FrameSink {

  private final Path target;
  private final int delayCentiseconds;
  private AtomicFiles.Staged staged;
  private ImageWriter writer;
  private ImageOutputStream out;
  private int frames;

  /** @param frameSeconds how long each frame shows (GIF counts hundredths, at least 2) */
  public AnimatedGif(Path target, double frameSeconds) {
    this.target = target;
    this.delayCentiseconds = (int) Math.max(2, Math.min(65_535, Math.round(frameSeconds * 100)));
  }

  @Override
  public boolean parallel() {
    return false;
  }

  @Override
  public void accept(int index, BufferedImage frame) throws IOException {
    if (writer == null) {
      staged = AtomicFiles.stage(target);
      writer = ImageIO.getImageWritersByFormatName("gif").next();
      out = ImageIO.createImageOutputStream(staged.path().toFile());
      if (out == null) {
        throw new IOException("cannot open " + target + " for writing");
      }
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

  @Override
  public String describe() {
    return Sizes.ofAnimation(target, frames);
  }
}
