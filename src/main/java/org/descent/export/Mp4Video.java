package org.descent.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/**
 * An H.264 MP4 video, which slide software embeds, encoded in pure Java by JCodec (no external
 * ffmpeg). H.264 wants even sides, so an odd width or height is padded by one pixel. Written
 * to a temporary file, renamed when complete.
 */
public final class Mp4Video implements FrameSink {

  private final Path target;
  private final double fps;
  private AtomicFiles.Staged staged;
  private SeekableByteChannel channel;
  private AWTSequenceEncoder encoder;
  private int frames;

  public Mp4Video(Path target, double framesPerSecond) {
    this.target = target;
    this.fps = Math.max(1, Math.min(120, framesPerSecond));
  }

  @Override
  public boolean parallel() {
    return false;
  }

  @Override
  public void accept(int index, BufferedImage frame) throws IOException {
    if (encoder == null) {
      staged = AtomicFiles.stage(target);
      channel = NIOUtils.writableChannel(staged.path().toFile());
      // frames per second as a fraction in thousandths: 7.5 fps is 7500/1000
      encoder = new AWTSequenceEncoder(channel, Rational.R((int) Math.round(fps * 1000), 1000));
    }
    encoder.encodeImage(even(frame));
    frames++;
  }

  /** The frame as 3-byte BGR with even sides, as the encoder wants it. */
  private static BufferedImage even(BufferedImage frame) {
    int w = frame.getWidth() + (frame.getWidth() % 2);
    int h = frame.getHeight() + (frame.getHeight() % 2);
    if (w == frame.getWidth() && h == frame.getHeight()
        && frame.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return frame;
    }
    BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    var g = bgr.createGraphics();
    g.drawImage(frame, 0, 0, null);
    if (w != frame.getWidth() || h != frame.getHeight()) {
      g.drawImage(frame, w - frame.getWidth(), h - frame.getHeight(), null); // repeat the edge
      g.drawImage(frame, 0, 0, null);
    }
    g.dispose();
    return bgr;
  }

  @Override
  public void finish() throws IOException {
    if (encoder == null) {
      return;
    }
    encoder.finish();
    NIOUtils.closeQuietly(channel);
    encoder = null;
    staged.commit();
  }

  @Override
  public void abort() {
    if (channel != null) {
      NIOUtils.closeQuietly(channel);
    }
    encoder = null;
    if (staged != null) {
      staged.discardQuietly();
    }
  }

  @Override
  public String describe() {
    return Sizes.ofAnimation(target, frames);
  }
}
