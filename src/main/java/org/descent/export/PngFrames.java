package org.descent.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A PNG sequence {@code frame_0001.png, frame_0002.png, …} in a folder. Each frame is written
 * under a temporary name and renamed when complete, so a cancelled export leaves whole frames
 * only, and says how many. Frames are independent files: they are encoded in parallel, with a
 * fast deflate level (a slide deck does not need the last 10 % of compression).
 */
public final class PngFrames implements FrameSink {

  private final Path folder;
  private final AtomicInteger written = new AtomicInteger();

  public PngFrames(Path folder) {
    this.folder = folder;
  }

  /** The file of frame i (0-based): frame_0001.png for the first. */
  public static String name(int index) {
    return String.format(java.util.Locale.ROOT, "frame_%04d.png", index + 1);
  }

  /** Whether the folder already holds frames this export would replace. */
  public static boolean wouldReplace(Path folder, int frames) {
    for (int i = 0; i < Math.min(frames, 3); i++) {
      if (Files.exists(folder.resolve(name(i)))) {
        return true;
      }
    }
    return frames > 0 && Files.exists(folder.resolve(name(frames - 1)));
  }

  @Override
  public boolean parallel() {
    return true;
  }

  @Override
  public void accept(int index, BufferedImage frame) throws IOException {
    Files.createDirectories(folder);
    AtomicFiles.writeStream(folder.resolve(name(index)), out -> writePng(frame, out));
    written.incrementAndGet();
  }

  /**
   * Writes a PNG with a fast compression level. The writer seeks back to fill in each chunk's
   * length: it does so in memory, so that a pipe or a device (which cannot seek, and /dev/null
   * whose position stays 0) gets the bytes in order.
   */
  static void writePng(BufferedImage image, OutputStream sink) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(sink)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (param.canWriteCompressed()) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.75f); // deflate level 2 of 9: fast, files a little larger
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  @Override
  public void finish() {
    // every frame is final as soon as it is written
  }

  @Override
  public void abort() {
    // whole frames stay: they are what "describe" reports
  }

  @Override
  public String describe() {
    return written.get() + " frames in " + folder;
  }
}
