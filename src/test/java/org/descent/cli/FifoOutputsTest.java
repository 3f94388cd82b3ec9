package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format a command writes, into a named pipe (as {@code | cat} or a process substitution
 * gives it): the reader gets the whole file — the same bytes as a regular file gets — and
 * nothing is left beside the pipe.
 */
class FifoOutputsTest {

  @TempDir
  Path dir;

  private static final String TOY = "function: booth\nstart: [-2, 1]\nsteps: 12\n"
      + "optimizers: [{type: sgd, lr: 0.05}, {type: momentum, lr: 0.02}]\n"
      + "network: {data: xor, steps: 4, eval_every: 2}\n";

  private Path scenario() throws IOException {
    return Files.writeString(dir.resolve("s.yaml"), TOY);
  }

  /**
   * Runs the command with {@code OUT} replaced by a new pipe and returns what a reader of the
   * pipe got; asserts exit 0.
   */
  private byte[] throughFifo(Object... args) throws Exception {
    return throughFifo("fifo-" + System.nanoTime(), args);
  }

  private byte[] throughFifo(String name, Object... args) throws Exception {
    Path fifo = dir.resolve(name);
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
        "mkfifo is not available");
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    CliTest.Result r = run(fifo, args);
    if (!read.isDone() && r.code() != 0) {
      // the command failed before opening the pipe: let the reader go
      try (OutputStream unblock = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
        unblock.flush();
      }
    }
    assertEquals(0, r.code(), r.err());
    byte[] bytes = read.get(60, TimeUnit.SECONDS);
    try (Stream<Path> files = Files.list(dir)) {
      List<String> left = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".part")).toList();
      assertEquals(List.of(), left, "nothing is staged beside a pipe");
    }
    return bytes;
  }

  /** Runs the command with {@code OUT} replaced by a new regular file and returns its bytes. */
  private byte[] throughFile(String name, Object... args) throws IOException {
    Path file = dir.resolve(name);
    CliTest.Result r = run(file, args);
    assertEquals(0, r.code(), r.err());
    return Files.readAllBytes(file);
  }

  private static CliTest.Result run(Path out, Object... args) {
    List<String> command = new ArrayList<>();
    for (Object a : args) {
      command.add(a.equals("OUT") ? out.toString() : String.valueOf(a));
    }
    return CliTest.run(command.toArray(String[]::new));
  }

  @Test
  void everyCsvArrivesWhole() throws Exception {
    String s = scenario().toString();
    Object[][] commands = {
        {"trace", s, "--out", "OUT"},
        {"train", s, "--out", "OUT"},
        {"sweep", s, "--param", "lr", "--from", "0.01", "--to", "0.1", "--points", "3",
            "--out", "OUT"},
        {"basin", s, "--grid", "4", "--quiet", "--out", "OUT"},
    };
    int[] rows = {1 + 2 * 13, 1 + 2 * 3, 1 + 2 * 3, 1 + 16};
    for (int i = 0; i < commands.length; i++) {
      byte[] piped = throughFifo(commands[i]);
      byte[] filed = throughFile(commands[i][0] + ".csv", commands[i]);
      assertArrayEquals(filed, piped, commands[i][0].toString());
      assertEquals(rows[i], new String(piped, StandardCharsets.UTF_8).lines().count(),
          commands[i][0].toString());
    }
  }

  @Test
  void aStillPictureArrivesWhole() throws Exception {
    Object[] png = {"render", scenario(), "--still", "OUT", "--size", "320x180", "--view",
        "contour"};
    byte[] piped = throughFifo(png);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(piped));
    assertEquals(320, img.getWidth());
    assertEquals(180, img.getHeight());
    assertArrayEquals(throughFile("still.png", png), piped);
    String pdf = new String(throughFifo("fifo.pdf", "render", scenario(), "--still", "OUT",
        "--size", "320x180", "--view", "contour"), StandardCharsets.ISO_8859_1);
    assertTrue(pdf.startsWith("%PDF-") && pdf.strip().endsWith("%%EOF"), "a whole PDF");
  }

  @Test
  void anAnimationArrivesWholeAsAGifAndAsAVideo() throws Exception {
    for (String option : List.of("--gif", "--mp4")) {
      Object[] args = {"render", scenario(), option, "OUT", "--size", "160x120", "--every",
          "3", "--view", "contour"};
      byte[] piped = throughFifo(args);
      byte[] filed = throughFile("a" + option.substring(2), args);
      assertTrue(piped.length > 100, option);
      assertArrayEquals(withoutTimes(filed), withoutTimes(piped), option);
    }
  }

  /**
   * The bytes with an MP4's creation and modification times (in its mvhd, tkhd and mdhd
   * boxes, version 0: after the box type, 4 bytes of version and flags, then 4 and 4) zeroed:
   * two runs a second apart differ there only.
   */
  private static byte[] withoutTimes(byte[] mp4) {
    byte[] b = mp4.clone();
    String text = new String(b, StandardCharsets.ISO_8859_1);
    for (String box : List.of("mvhd", "tkhd", "mdhd")) {
      for (int at = text.indexOf(box); at >= 0; at = text.indexOf(box, at + 4)) {
        if (b[at + 4] == 0) { // version 0: 32-bit times
          java.util.Arrays.fill(b, at + 8, Math.min(b.length, at + 16), (byte) 0);
        }
      }
    }
    return b;
  }
}
