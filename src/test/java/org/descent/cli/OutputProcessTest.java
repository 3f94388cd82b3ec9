package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as its own process, as a shell runs it: killed while it writes, it leaves no
 * temporary file; /dev/stdout is written through, to a pipe or to the file a shell redirected
 * it to.
 */
class OutputProcessTest {

  @TempDir
  Path dir;

  /** {@code java -cp <the tests' class path> org.descent.Launcher args}, in {@code dir}. */
  private ProcessBuilder descent(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + dir.resolve("tmp"), "-Djava.awt.headless=true",
        "-cp", System.getProperty("java.class.path"), "org.descent.Launcher"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile());
  }

  private List<String> parts(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part"))
          .sorted().toList();
    }
  }

  /** Waits until {@code folder} holds {@code count} temporary files; false if the process ended. */
  private boolean awaitParts(Process p, Path folder, int count) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end && p.isAlive()) {
      if (parts(folder).size() >= count) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Sends SIGTERM (as kill and a closing terminal do) and waits for the end. */
  private static void terminate(Process p) throws InterruptedException {
    // on Windows destroy() ends the process at once, without its shutdown hooks
    assumeTrue(File.separatorChar == '/', "SIGTERM is POSIX");
    p.destroy();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process stops");
  }

  @Test
  void aTrainingKilledWhileItWritesLeavesNoTemporaryFile() throws Exception {
    Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(dir.resolve("long.yaml"), "function: booth\noptimizers: [{type: sgd}]\n"
        + "network: {data: moons, hidden: [16], steps: 100000, eval_every: 10}\n");
    Path out = Files.writeString(dir.resolve("curves.csv"), "old\n");
    Process p = descent("train", "long.yaml", "--out", "curves.csv")
        .redirectError(dir.resolve("err.txt").toFile()).start();
    try {
      assertTrue(awaitParts(p, dir, 1), "the CSV is being written: "
          + Files.readString(dir.resolve("err.txt")));
      Thread.sleep(200);
    } finally {
      terminate(p);
    }
    assertEquals(List.of(), parts(dir));
    assertEquals("old\n", Files.readString(out), "the file it was to replace is intact");
  }

  @Test
  void anAnimationKilledWhileItWritesLeavesNoTemporaryFile() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(dir.resolve("long.yaml"), "function: booth\nstart: [-2, 1]\n"
        + "steps: 5000\noptimizers: [{type: sgd, lr: 0.001}]\n");
    // a GIF and a video in the folder, and a video staged in the temporary folder for the
    // null device (which it reaches whole, at the end)
    Process p = descent("render", "long.yaml", "--gif", "a.gif", "--mp4", "a.mp4",
        "--frames", "frames", "--size", "160x120", "--view", "contour")
        .redirectError(dir.resolve("err.txt").toFile()).start();
    Process q = descent("render", "long.yaml", "--mp4", "/dev/null", "--size", "160x120",
        "--view", "contour").redirectError(dir.resolve("err2.txt").toFile()).start();
    try {
      assertTrue(awaitParts(p, dir, 2), "the GIF and the video are being written: "
          + Files.readString(dir.resolve("err.txt")));
      assertTrue(awaitParts(q, tmp, 1), "the video is staged: "
          + Files.readString(dir.resolve("err2.txt")));
      Thread.sleep(200);
    } finally {
      terminate(p);
      terminate(q);
    }
    assertEquals(List.of(), parts(dir));
    assertEquals(List.of(), parts(dir.resolve("frames")), "whole frames only");
    assertEquals(List.of(), parts(tmp));
    assertTrue(!Files.exists(dir.resolve("a.gif")) && !Files.exists(dir.resolve("a.mp4")));
  }

  @Test
  void standardOutputIsWrittenThroughToAPipeAndToARedirectedFile() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/stdout")), "no /dev/stdout here");
    Files.createDirectories(dir.resolve("tmp"));
    Files.writeString(dir.resolve("s.yaml"), "function: booth\nstart: [-2, 1]\nsteps: 4\n"
        + "optimizers: [{type: sgd, lr: 0.05}]\nnetwork: {data: xor, steps: 2}\n");
    // train --out /dev/stdout | cat
    Process train = descent("train", "s.yaml", "--out", "/dev/stdout").start();
    String csv = new String(train.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(train.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, train.waitFor(), err);
    assertTrue(csv.startsWith("optimizer,epoch,step,") && csv.lines().count() == 3, csv);
    // render --still /dev/stdout > picture.png, the file there already as a shell makes it
    File picture = Files.writeString(dir.resolve("picture.png"), "").toFile();
    Process render = descent("render", "s.yaml", "--still", "/dev/stdout", "--size",
        "320x180", "--view", "contour").redirectOutput(picture).start();
    err = new String(render.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, render.waitFor(), err);
    assertEquals("wrote /dev/stdout", err.strip(), "never 'exists; use --force'");
    assertEquals(320, ImageIO.read(picture).getWidth());
    assertEquals(List.of(), parts(dir));
  }
}
