package org.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.descent.network.WeightsFile;
import org.descent.training.TrainingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files the commands write (issue 16, the output side): every output is checked before
 * anything is written, never replaces an input, names what it is about, and special files get
 * the bytes. Each mistake is one line on standard error and exit status 2.
 */
class CliOutputsTest {

  @TempDir
  Path dir;

  private static final String TOY = "function: booth\nstart: [-2, 1]\nsteps: 12\n"
      + "optimizers: [{type: sgd, lr: 0.05}]\n";

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertOneLine(CliTest.Result r, String message) {
    assertEquals(message, r.err().strip());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals(2, r.code());
  }

  private static CliTest.Result run(Object... args) {
    return CliTest.run(Stream.of(args).map(String::valueOf).toArray(String[]::new));
  }

  /** A network scenario reading data.csv (and weights.json when asked), both in dir. */
  private Path networkScenario(boolean weights) throws Exception {
    StringBuilder csv = new StringBuilder("x1,x2,label\n");
    for (int i = 0; i < 12; i++) {
      csv.append(i % 3).append(',').append(i % 4).append(',').append(i % 2).append('\n');
    }
    file("data.csv", csv.toString());
    String network = "network: {data: {csv: data.csv}, hidden: [3], steps: 2";
    Path s = file("n.yaml", TOY + network + "}\n");
    if (weights) {
      TrainingPlan plan = TrainCommand.plan(s);
      try (Writer w = Files.newBufferedWriter(dir.resolve("weights.json"))) {
        WeightsFile.write(plan.architecture(), plan.initialWeights(), w);
      }
      s = file("n.yaml", TOY + network + ", init: {weights: weights.json}}\n");
    }
    return s;
  }

  // cause 2: a special file is written, not a crash

  @Test
  void everyPictureFormatGoesToTheNullDevice() throws IOException {
    Path s = file("s.yaml", TOY);
    CliTest.Result still = run("render", s, "--still", "/dev/null", "--size", "320x180",
        "--view", "contour");
    assertEquals(0, still.code(), still.err());
    assertEquals("wrote /dev/null", still.err().strip());
    CliTest.Result both = run("render", s, "--gif", "/dev/null", "--mp4", "/dev/null",
        "--size", "160x120", "--view", "contour");
    assertEquals(0, both.code(), both.err());
    assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")));
  }

  // cause 3: a special file is never "exists; use --force"

  @Test
  void aPipeIsNeverAFileThatExists() throws Exception {
    Path s = file("s.yaml", TOY);
    Path fifo = dir.resolve("fifo");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    CliTest.Result r = run("render", s, "--still", fifo, "--size", "320x180");
    assertEquals(0, r.code(), r.err());
    assertEquals("wrote " + fifo, r.err().strip());
    byte[] png = read.get(30, TimeUnit.SECONDS);
    assertEquals(320, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png))
        .getWidth());
  }

  // cause 4: an output is never an input, compared by the file

  @Test
  void anOutputNeverReplacesTheScenarioItReads() throws IOException {
    Path s = file("s.yaml", TOY);
    Files.createDirectory(dir.resolve("a"));
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), Path.of("s.yaml"));
    Path hard = Files.createLink(dir.resolve("hard.yaml"), s);
    Path dotted = dir.resolve("a/../s.yaml");
    String reads = ", which this command reads; write to another file";
    assertOneLine(run("trace", s, "--out", s),
        "--out " + s + " would overwrite the scenario " + s + reads);
    assertOneLine(run("trace", link, "--out", dotted),
        "--out " + dotted + " would overwrite the scenario " + link + reads);
    assertOneLine(run("basin", s, "--grid", "3", "--out", link),
        "--out " + link + " would overwrite the scenario " + s + reads);
    assertOneLine(run("sweep", s, "--param", "lr", "--from", "0.01", "--to", "0.1",
        "--points", "2", "--out", hard),
        "--out " + hard + " would overwrite the scenario " + s + reads);
    assertOneLine(run("render", s, "--still", link, "--force", "--size", "320x180"),
        "--still " + link + " would overwrite the scenario " + s + reads);
    assertOneLine(run("render", s, "--gif", dir.resolve("x.gif"), "--mp4", hard, "--force",
        "--size", "320x180"), "--mp4 " + hard + " would overwrite the scenario " + s + reads);
    assertEquals(TOY, Files.readString(s));
  }

  @Test
  void anOutputNeverReplacesTheNetworksDataOrWeights() throws Exception {
    Path s = networkScenario(true);
    Path data = dir.resolve("data.csv");
    Path weights = dir.resolve("weights.json");
    String dataBefore = Files.readString(data);
    String weightsBefore = Files.readString(weights);
    String reads = ", which this command reads; write to another file";
    assertOneLine(run("train", s, "--out", data),
        "--out " + data + " would overwrite the network's data file " + data + reads);
    assertOneLine(run("train", s, "--out", dir.resolve("a/../weights.json")),
        "--out " + dir.resolve("a/../weights.json") + " would overwrite the network's "
            + "weights file " + weights + reads);
    assertOneLine(run("trace", s, "--out", data),
        "--out " + data + " would overwrite the network's data file " + data + reads);
    assertOneLine(run("render", s, "--still", data, "--force", "--size", "320x180"),
        "--still " + data + " would overwrite the network's data file " + data + reads);
    assertEquals(dataBefore, Files.readString(data));
    assertEquals(weightsBefore, Files.readString(weights));
    assertEquals(0, run("train", s, "--out", dir.resolve("curves.csv")).code());
  }

  // cause 11: a message names the option or the file it is about

  @Test
  void aFolderThatIsAFileIsNamedAsSuch() throws Exception {
    Path s = file("s.yaml", TOY);
    Path f = file("f", "x");
    for (String command : List.of("trace", "train", "basin")) {
      Path scenario = command.equals("train") ? networkScenario(false) : s;
      assertOneLine(run(command, scenario, "--out", f.resolve("x.csv")),
          "cannot write " + f.resolve("x.csv") + ": " + f + " is a file, not a folder");
    }
    assertOneLine(run("render", s, "--still", f.resolve("deep/x.png"), "--size", "320x180"),
        "cannot write " + f.resolve("deep/x.png") + ": " + f + " is a file, not a folder");
    assertOneLine(run("render", s, "--gif", f.resolve("x.gif"), "--size", "320x180"),
        "cannot write the animation: --gif " + f.resolve("x.gif") + ": " + f
            + " is a file, not a folder; nothing half-written was left");
    assertOneLine(run("render", s, "--frames", f.resolve("frames"), "--size", "320x180"),
        "cannot write the animation: --frames " + f.resolve("frames") + ": " + f
            + " is a file, not a folder; nothing half-written was left");
  }

  @Test
  void anAnimationThatFailsWhileWritingIsNamedAmongTheOthers() throws Exception {
    Path s = file("s.yaml", TOY);
    Path fifo = dir.resolve("fifo.gif");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
    // the reader goes away at once: writing the GIF into the pipe fails, the others do not
    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
      try {
        Files.newInputStream(fifo).close();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    Path frames = dir.resolve("frames");
    Path mp4 = dir.resolve("a.mp4");
    CliTest.Result r = run("render", s, "--frames", frames, "--gif", fifo, "--mp4", mp4,
        "--size", "160x120", "--view", "contour");
    reader.get(30, TimeUnit.SECONDS);
    assertOneLine(r, "cannot write the animation: --gif " + fifo + ": Broken pipe");
    assertFalse(Files.exists(mp4), "the video is not committed when the export fails");
    try (Stream<Path> left = Files.list(dir)) {
      assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
    }
  }

  // cause 12: every output is checked before the first byte, combinations too

  @Test
  void nothingIsWrittenWhenALaterOutputIsRefused() throws IOException {
    Path s = file("s.yaml", TOY);
    Path still = dir.resolve("new.png");
    Path gif = file("existing.gif", "mine");
    assertOneLine(run("render", s, "--still", still, "--gif", gif, "--size", "320x180"),
        gif + " exists; use --force to replace it");
    assertFalse(Files.exists(still));
    assertOneLine(run("render", s, "--still", still, "--gif", dir.resolve("a.gif"), "--from",
        "5", "--to", "3", "--size", "320x180"),
        "--from and --to must satisfy 0 <= from <= to <= 12 (the scenario's steps), got 5 and 3");
    assertFalse(Files.exists(still));
    assertEquals("mine", Files.readString(gif));
  }

  @Test
  void twoOutputsThatAreOneFileAreRefused() throws IOException {
    Path s = file("s.yaml", TOY);
    Path f = dir.resolve("f");
    assertOneLine(run("render", s, "--gif", f, "--mp4", f, "--size", "320x180"),
        "--gif " + f + " and --mp4 " + f + " are the same file; give each its own");
    Path frames = dir.resolve("frames");
    Path inside = frames.resolve("frame_0002.png");
    assertOneLine(run("render", s, "--frames", frames, "--still", inside, "--size", "320x180"),
        "--still " + inside + " is one of the frames that --frames " + frames + " writes; "
            + "give it another name");
    assertFalse(Files.exists(f) || Files.exists(frames));
  }

  @Test
  void labelsAreQuotedAsRfc4180InEveryCsv() throws IOException {
    String label = "a \\\"quoted\\\", two-line\\nlabel\\r";
    String expected = "a \"quoted\", two-line\nlabel\r";
    Path s = file("q.yaml", "function: booth\nsteps: 3\noptimizers: [{type: sgd, lr: 0.05, "
        + "label: \"" + label + "\"}]\nnetwork: {data: xor, steps: 2}\n");
    for (List<String> args : List.of(List.of("trace"), List.of("train"),
        List.of("sweep", "--param", "lr", "--from", "0.01", "--to", "0.1", "--points", "2"))) {
      Path out = dir.resolve(args.get(0) + ".csv");
      String[] command = Stream.concat(Stream.of(args.get(0), s.toString(), "--out",
          out.toString()), args.stream().skip(1)).toArray(String[]::new);
      CliTest.Result r = CliTest.run(command);
      assertEquals(0, r.code(), r.err());
      List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(Files.readString(out)))
          .getRecords();
      assertTrue(rows.size() > 1, args.get(0));
      for (CSVRecord row : rows.subList(1, rows.size())) {
        assertEquals(expected, row.get(0), args.get(0));
        assertEquals(rows.get(0).size(), row.size(), args.get(0));
      }
    }
    assertEquals("\"a \"\"b\"\", c\nd\"", org.descent.export.CsvText.quote("a \"b\", c\nd"));
    assertEquals("\"a\rb\"", org.descent.export.CsvText.quote("a\rb"));
    assertEquals("plain label", org.descent.export.CsvText.quote("plain label"));
  }
}
