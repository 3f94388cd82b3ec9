package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        {"unknown view 'map'; expected contour, surface, charts or layout", "--gif",
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
