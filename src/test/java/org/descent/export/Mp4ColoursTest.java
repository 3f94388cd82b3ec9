package org.descent.export;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.descent.picture.Look;
import org.descent.picture.Pictures;
import org.descent.picture.RaceScene;
import org.descent.scenario.BuiltInScenarios;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.scale.AWTUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video shows the colours of the picture it was made from: a frame decoded from the MP4,
 * by JCodec and by ffmpeg, against the PNG still of the same step drawn by the same code.
 */
class Mp4ColoursTest {

  /** The mean error allowed per channel, in levels of 255: H.264 is lossy, a tint is not. */
  private static final double TOLERANCE = 3;
  private static final int WIDTH = 640;
  private static final int HEIGHT = 360;
  /** The frame compared: the video's fourth frame, step 3 (a P-frame, not only the first). */
  private static final int FRAME = 3;

  @TempDir
  static Path dir;
  private static Path mp4;
  private static BufferedImage still;

  @BeforeAll
  static void encode() throws Exception {
    RaceScene scene = RaceScene.of(BuiltInScenarios.read("momentum-ravine.yaml"));
    Animation a = new Animation(Pictures.View.LAYOUT, WIDTH, HEIGHT, 0, 6, 1, 10, Look.LIGHT,
        false);
    mp4 = dir.resolve("race.mp4");
    AnimationExport.run(scene, a, List.of(new Mp4Video(mp4, a.framesPerSecond())),
        AnimationExport.Progress.NONE, 1);
    Path png = dir.resolve("still.png");
    StillExport.write(png, Pictures.View.LAYOUT, scene, a.step(FRAME), WIDTH, HEIGHT,
        Look.LIGHT);
    still = ImageIO.read(png.toFile());
  }

  @Test
  void jcodecDecodesTheColoursOfTheStill() throws Exception {
    FrameGrab grab = FrameGrab.createFrameGrab(NIOUtils.readableChannel(mp4.toFile()));
    BufferedImage frame = null;
    for (int i = 0; i <= FRAME; i++) {
      frame = AWTUtil.toBufferedImage(grab.getNativeFrame());
    }
    assertClose(still, frame, "JCodec");
  }

  @Test
  void ffmpegDecodesTheColoursOfTheStill() throws Exception {
    assumeTrue(ffmpeg(), "ffmpeg is not installed");
    Path png = dir.resolve("ffmpeg.png");
    Process p = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-i", mp4.toString(),
        "-vf", "select=eq(n\\," + FRAME + ")", "-frames:v", "1", png.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg: " + out);
    assertClose(still, ImageIO.read(png.toFile()), "ffmpeg");
  }

  @Test
  void theStreamSaysHowItsColoursAreToBeRead() throws Exception {
    assumeTrue(ffmpeg(), "ffmpeg is not installed");
    Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0",
        "-show_entries", "stream=color_range,color_space", "-of", "default=nw=1",
        mp4.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffprobe: " + out);
    // limited range ("tv") and the BT.601 matrix, as the samples are written
    assertTrue(out.contains("color_range=tv") && out.contains("color_space=smpte170m"), out);
  }

  private static boolean ffmpeg() {
    try {
      Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void assertClose(BufferedImage expected, BufferedImage actual, String by) {
    double[] sum = new double[3];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int a = expected.getRGB(x, y);
        int b = actual.getRGB(x, y);
        for (int c = 0; c < 3; c++) {
          sum[c] += Math.abs(((a >> (16 - 8 * c)) & 255) - ((b >> (16 - 8 * c)) & 255));
        }
      }
    }
    int n = WIDTH * HEIGHT;
    String means = String.format(Locale.ROOT, "mean error R %.2f, G %.2f, B %.2f (of 255)",
        sum[0] / n, sum[1] / n, sum[2] / n);
    for (double s : sum) {
      assertTrue(s / n <= TOLERANCE, "the frame decoded by " + by + " differs from the still: "
          + means + "; at most " + TOLERANCE + " allowed");
    }
  }
}
