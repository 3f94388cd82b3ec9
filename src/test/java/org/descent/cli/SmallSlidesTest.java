package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every view renders at every size render accepts, down to the documented minimum of 160×120
 * and at extreme shapes, in both text sizes: the slide gives up its charts, then the picture
 * beside the map, and keeps the map (it used to throw "bad image size 70 x -50").
 */
class SmallSlidesTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      "momentum-ravine, 160x120, false", "momentum-ravine, 160x120, true",
      "momentum-ravine, 320x240, true", "momentum-ravine, 7680x120, false",
      "momentum-ravine, 7680x120, true", "momentum-ravine, 160x7680, true",
      "momentum-ravine, 240x160, false",
      "surrogate-loss, 160x120, true", "surrogate-loss, 7680x120, false",
      "network-zero-init, 160x120, true", "network-zero-init, 320x240, false",
      "network-zero-init, 7680x120, true"})
  void everyViewRendersAtExtremeSizes(String demo, String size, boolean presentation)
      throws Exception {
    boolean network = demo.startsWith("network");
    String[] views = network ? new String[] {"layout", "network", "contour", "charts"}
        : new String[] {"layout", "contour", "surface", "charts", "step"};
    for (String view : views) {
      Path out = dir.resolve(demo + "-" + view + ".png");
      String[] args = presentation
          ? new String[] {"render", "scenarios/" + demo + ".yaml", "--still", out.toString(),
              "--size", size, "--view", view, "--force", "--presentation"}
          : new String[] {"render", "scenarios/" + demo + ".yaml", "--still", out.toString(),
              "--size", size, "--view", view, "--force"};
      CliTest.Result r = CliTest.run(args);
      assertEquals(0, r.code(), view + ": " + r.err());
      BufferedImage img = ImageIO.read(out.toFile());
      assertEquals(size, img.getWidth() + "x" + img.getHeight(), view);
      assertTrue(colours(img) > 12, view + " at " + size + " draws something, not a blank");
    }
  }

  @Test
  void theSmallestSlideIsMostlyMap() throws Exception {
    for (String size : new String[] {"160x120", "320x240"}) {
      Path slide = dir.resolve("slide.png");
      CliTest.Result r = CliTest.run("render", "scenarios/momentum-ravine.yaml", "--still",
          slide.toString(), "--size", size, "--presentation", "--force");
      assertEquals(0, r.code(), r.err());
      Path contour = dir.resolve("contour.png");
      CliTest.run("render", "scenarios/momentum-ravine.yaml", "--still", contour.toString(),
          "--size", size, "--presentation", "--view", "contour", "--force");
      double onSlide = coloured(ImageIO.read(slide.toFile()));
      double alone = coloured(ImageIO.read(contour.toFile()));
      assertTrue(onSlide > 0.6 * alone, size + ": the slide's landscape covers " + onSlide
          + " of it, the map alone " + alone + ": the map must stay, not only the surface");
    }
  }

  /** The share of the picture in colour: the landscape's, not the white and the text's. */
  private static double coloured(BufferedImage img) {
    int n = 0;
    float[] hsb = new float[3];
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int c = img.getRGB(x, y);
        java.awt.Color.RGBtoHSB(c >> 16 & 255, c >> 8 & 255, c & 255, hsb);
        n += hsb[1] > 0.3f ? 1 : 0;
      }
    }
    return n / (double) (img.getWidth() * img.getHeight());
  }

  @Test
  void belowTheMinimumTheMinimumIsNamed() throws Exception {
    CliTest.Result r = CliTest.run("render", "scenarios/momentum-ravine.yaml", "--still",
        dir.resolve("x.png").toString(), "--size", "159x120");
    assertEquals(2, r.code());
    assertEquals("--size must be WIDTHxHEIGHT between 160x120 and 7680x7680, e.g. 1920x1080; "
        + "got '159x120'", r.err().strip());
  }

  private static int colours(BufferedImage img) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
