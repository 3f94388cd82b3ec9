package org.descent.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * An H.264 MP4 video, which slide software embeds, encoded in pure Java by JCodec (no external
 * ffmpeg). H.264 wants even sides, so an odd width or height is padded by one pixel. Written
 * to a temporary file, renamed when complete (a pipe or a device gets the complete file).
 *
 * <p>The colours are converted here, not by JCodec's {@code AWTSequenceEncoder}: that one
 * converts to full-range ("JPEG") YUV but writes a stream that says nothing of its range, so
 * every decoder — JCodec's own, ffmpeg, the players — reads it as limited range and stretches
 * it: light greys turn white, the page background loses its tint, and saturated colours grow
 * 14% stronger. The frames are written as the decoders read them: BT.601 limited range
 * (Y 16–235, Cb/Cr 16–240), 4:2:0 with each chroma sample the mean of its four pixels, and the
 * stream's VUI says so (with sRGB primaries and transfer), so players that would otherwise
 * guess BT.709 for HD sizes decode it with the same matrix.
 */
public final class Mp4Video implements FrameSink {

  private final Path target;
  private final double fps;
  private AtomicFiles.Staged staged;
  private SeekableByteChannel channel;
  private MP4Muxer muxer;
  private MuxerTrack track;
  private H264Encoder encoder;
  private Picture yuv;
  private ByteBuffer buffer;
  private int timescale;
  private int duration;
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
    int w = frame.getWidth() + (frame.getWidth() % 2);
    int h = frame.getHeight() + (frame.getHeight() % 2);
    if (encoder == null) {
      // The muxer seeks back to write the index: a pipe or a device gets the whole file when
      // it is complete, from a temporary copy.
      staged = AtomicFiles.stageSeekable(target);
      channel = new FileChannelWrapper(FileChannel.open(staged.path(),
          StandardOpenOption.WRITE)); // not CREATE: see AtomicFiles.Staged.open
      muxer = MP4Muxer.createMP4MuxerToChannel(channel);
      track = muxer.addVideoTrack(Codec.H264, VideoCodecMeta.createSimpleVideoCodecMeta(
          new Size(w, h), ColorSpace.YUV420));
      encoder = new Bt601Encoder();
      // JCodec's encoder takes only pictures tagged YUV420J; it codes the samples as they
      // are, whatever their range, so the limited-range ones below pass through unchanged.
      yuv = Picture.create(w, h, ColorSpace.YUV420J);
      buffer = ByteBuffer.allocate(encoder.estimateBufferSize(yuv));
      // frames per second as a fraction in thousandths: 7.5 fps is 7500/1000
      timescale = (int) Math.round(fps * 1000);
      duration = 1000;
    }
    toYuv(frame, yuv);
    buffer.clear();
    VideoEncoder.EncodedFrame encoded = encoder.encodeFrame(yuv, buffer);
    track.addFrame(Packet.createPacket(NIOUtils.clone(encoded.getData()),
        (long) frames * duration, timescale, duration, frames,
        encoded.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER, null));
    frames++;
  }

  /**
   * The frame as BT.601 limited-range 4:2:0 into {@code out} (JCodec stores a sample as its
   * value − 128 in a signed byte); an odd last column or row repeats the edge.
   */
  static void toYuv(BufferedImage frame, Picture out) {
    int fw = frame.getWidth();
    int fh = frame.getHeight();
    int w = out.getWidth();
    int h = out.getHeight();
    int[] rows = new int[2 * fw];
    byte[] luma = out.getPlaneData(0);
    byte[] cb = out.getPlaneData(1);
    byte[] cr = out.getPlaneData(2);
    for (int y = 0; y < h; y += 2) {
      frame.getRGB(0, Math.min(y, fh - 1), fw, 1, rows, 0, fw);
      frame.getRGB(0, Math.min(y + 1, fh - 1), fw, 1, rows, fw, fw);
      for (int x = 0; x < w; x += 2) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int dy = 0; dy < 2; dy++) {
          for (int dx = 0; dx < 2; dx++) {
            int rgb = rows[dy * fw + Math.min(x + dx, fw - 1)];
            int pr = (rgb >> 16) & 255;
            int pg = (rgb >> 8) & 255;
            int pb = rgb & 255;
            // 219/255 of BT.601's weights, in 1/65536: Y = 16 + 0.257 R + 0.504 G + 0.098 B
            int l = (16_829 * pr + 33_039 * pg + 6_416 * pb + 32_768 >> 16) + 16;
            luma[(y + dy) * w + x + dx] = (byte) (l - 128);
            r += pr;
            g += pg;
            b += pb;
          }
        }
        // the sums of four pixels: 224/255 of BT.601's colour differences, over 4
        int u = (-9_714 * r - 19_070 * g + 28_784 * b + 131_072 >> 18) + 128;
        int v = (28_784 * r - 24_103 * g - 4_681 * b + 131_072 >> 18) + 128;
        int c = (y >> 1) * (w >> 1) + (x >> 1);
        cb[c] = (byte) (u - 128);
        cr[c] = (byte) (v - 128);
      }
    }
  }

  /**
   * The quantizer of every macroblock. JCodec's default rate control starts at 20 and coarsens
   * busy frames further: flat areas then drift by a level or two (the page background loses
   * its tint) and the mean error against the still stays near 4/255. At 12 it is about 2/255,
   * what 4:2:0 chroma costs along coloured lines, for some 20% more bytes.
   */
  private static final int QUALITY = 12;

  /** One quantizer for the whole video: slides have thin lines and text, and no bit budget. */
  private record ConstantQuality(int qp) implements org.jcodec.codecs.h264.encode.RateControl {
    @Override
    public int startPicture(Size size, int maxSize, org.jcodec.codecs.h264.io.model.SliceType t) {
      return qp;
    }

    @Override
    public int initialQpDelta() {
      return 0;
    }

    @Override
    public int accept(int bits) {
      return 0;
    }
  }

  /** JCodec's encoder with a sequence header that says how its samples are to be read. */
  private static final class Bt601Encoder extends H264Encoder {
    Bt601Encoder() {
      super(new ConstantQuality(QUALITY));
    }

    @Override
    public SeqParameterSet initSPS(Size size) {
      SeqParameterSet sps = super.initSPS(size);
      VUIParameters vui = new VUIParameters();
      vui.videoSignalTypePresentFlag = true;
      vui.videoFormat = 5; // unspecified
      vui.videoFullRangeFlag = false;
      vui.colourDescriptionPresentFlag = true;
      vui.colourPrimaries = 1; // BT.709, which sRGB shares
      vui.transferCharacteristics = 13; // sRGB (IEC 61966-2-1)
      vui.matrixCoefficients = 6; // BT.601 (SMPTE 170M), what every decoder assumes untold
      sps.vuiParams = vui;
      return sps;
    }
  }

  @Override
  public void finish() throws IOException {
    if (encoder == null) {
      return;
    }
    muxer.finish();
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
