package org.descent.cli;

import org.descent.export.GifFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render as a lecturer runs it to make slides: pictures written, mistakes one line, exit 2. */
class RenderCommandTest {

  @TempDir
  Path dir;

  private Path scenario() throws Exception {
    Path p = dir.resolve("s.yaml");
    Files.writeString(p, """
        title: A small race
        function: quadratic
        start: [-2, 1]
        steps: 12
        optimizers:
          - {type: sgd, lr: 0.1}
          - {type: momentum, lr: 0.05}
        """);
    return p;
  }

  @Test
  void aStillHasTheAskedSizeAndAStep() throws Exception {
    Path out = dir.resolve("still.png");
    CliTest.Result r = CliTest.run("render", scenario().toString(), "--still", out.toString(),
        "--size", "640x360", "--step", "5", "--view", "contour", "--theme", "dark");
    assertEquals(0, r.code(), r.err());
    BufferedImage img = ImageIO.read(out.toFile());
    assertEquals(640, img.getWidth());
    assertEquals(360, img.getHeight());
  }

  @Test
  void framesAGifAndAVideoInOneRun() throws Exception {
    Path frames = dir.resolve("frames");
    CliTest.Result r = CliTest.run("render", scenario().toString(), "--frames",
        frames.toString(), "--gif", dir.resolve("a.gif").toString(), "--mp4",
        dir.resolve("a.mp4").toString(), "--size", "320x180", "--every", "4");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().startsWith("wrote 4 frames in " + frames), r.err());
    assertTrue(Files.size(dir.resolve("a.gif")) > 0 && Files.size(dir.resolve("a.mp4")) > 0);
  }

  @Test
  void theNetworkIsTrainedAndDrawnBesideTheMapOrAlone() throws Exception {
    Path demo = Path.of("scenarios/network-minibatch-size.yaml");
    Path alone = dir.resolve("network.png");
    CliTest.Result r = CliTest.run("render", demo.toString(), "--still", alone.toString(),
        "--size", "800x900", "--view", "network");
    assertEquals(0, r.code(), r.err());
    BufferedImage img = ImageIO.read(alone.toFile());
    // The lower half is the moons' decision regions: Playground's orange and blue, both.
    int orange = 0;
    int blue = 0;
    for (int y = 450; y < 900; y += 2) {
      for (int x = 0; x < 800; x += 2) {
        int c = img.getRGB(x, y);
        int red = (c >> 16) & 255;
        int b = c & 255;
        orange += red > b + 60 ? 1 : 0;
        blue += b > red + 60 ? 1 : 0;
      }
    }
    assertTrue(orange > 2000 && blue > 2000, "orange " + orange + ", blue " + blue);
    CliTest.Result layout = CliTest.run("render", demo.toString(), "--still",
        dir.resolve("slide.png").toString(), "--size", "1280x720");
    assertEquals(0, layout.code(), layout.err());
    CliTest.Result none = CliTest.run("render", scenario().toString(), "--still",
        dir.resolve("x.png").toString(), "--view", "network");
    assertEquals(2, none.code());
    assertEquals(scenario() + " trains no network: --view network needs a network: section",
        none.err().trim());
  }

  @Test
  void aGifSaysTheFrameRateItReallyPlays() throws Exception {
    Path fast = dir.resolve("fast.gif");
    CliTest.Result r = CliTest.run("render", scenario().toString(), "--gif", fast.toString(),
        "--size", "320x180", "--speed", "60");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().startsWith("wrote " + fast + " (13 frames at 50 fps, "), r.err());
    assertTrue(r.err().contains("; GIF delays are whole hundredths of a second: 60 fps asked)"),
        r.err());
    assertEquals("2", GifFiles.firstDelay(fast));
    Path even = dir.resolve("even.gif");
    CliTest.Result r25 = CliTest.run("render", scenario().toString(), "--gif", even.toString(),
        "--size", "320x180", "--speed", "50", "--every", "2");
    assertEquals(0, r25.code(), r25.err());
    assertTrue(r25.err().startsWith("wrote " + even + " (7 frames at 25 fps, "), r25.err());
    assertFalse(r25.err().contains("asked"), "25 fps is what a GIF plays: " + r25.err());
    assertEquals("4", GifFiles.firstDelay(even));
  }


  @Test
  void anExistingFileIsKeptUnlessForced() throws Exception {
    Path out = dir.resolve("a.gif");
    Files.writeString(out, "mine");
    CliTest.Result r = CliTest.run("render", scenario().toString(), "--gif", out.toString(),
        "--size", "320x180");
    assertEquals(2, r.code());
    assertEquals(out + " exists; use --force to replace it", r.err().trim());
    assertEquals("mine", Files.readString(out));
    CliTest.Result forced = CliTest.run("render", scenario().toString(), "--gif",
        out.toString(), "--size", "320x180", "--force");
    assertEquals(0, forced.code(), forced.err());
    assertTrue(Files.size(out) > 100);
  }

  @Test
  void mistakesAreOneLineWithExitTwo() throws Exception {
    String s = scenario().toString();
    Path file = dir.resolve("file");
    Files.writeString(file, "x");
    String[][] cases = {
        {"nothing to write: give --still, --frames, --gif or --mp4"},
        {"--size must be WIDTHxHEIGHT between 160x120 and 7680x7680, e.g. 1920x1080; got "
            + "'big'", "--still", dir.resolve("a.png").toString(), "--size", "big"},
        {"unknown view 'map'; expected contour, surface, charts, layout, network or step", "--gif",
            dir.resolve("a.gif").toString(), "--view", "map"},
        {"--step must be between 0 and 12 (the scenario's steps), got 13", "--still",
            dir.resolve("a.png").toString(), "--step", "13"},
        {"--from and --to must satisfy 0 <= from <= to <= 12 (the scenario's steps), got 5 "
            + "and 3", "--gif", dir.resolve("a.gif").toString(), "--from", "5", "--to", "3"},
        {"--every must be at least 1, got 0", "--gif", dir.resolve("a.gif").toString(),
            "--every", "0"},
        {"cannot write frames into " + file + ": it is a file", "--frames", file.toString()},
        {"cannot write " + dir + ": it is a folder", "--still", dir.toString()},
    };
    for (String[] c : cases) {
      String[] args = new String[c.length + 1];
      args[0] = "render";
      args[1] = s;
      System.arraycopy(c, 1, args, 2, c.length - 1);
      CliTest.Result r = CliTest.run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(c[0], r.err().trim(), String.join(" ", args));
    }
  }

  @Test
  void anUnwritableFolderIsOneLine() throws Exception {
    Path file = dir.resolve("plain");
    Files.writeString(file, "x");
    CliTest.Result r = CliTest.run("render", scenario().toString(), "--mp4",
        file.resolve("a.mp4").toString(), "--size", "320x180");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("cannot write the animation: ") && r.err().trim()
        .endsWith("nothing half-written was left"), r.err());
  }
}
