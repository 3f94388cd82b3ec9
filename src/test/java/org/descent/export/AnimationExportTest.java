package org.descent.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.picture.Look;
import org.descent.picture.Pictures;
import org.descent.picture.RaceScene;
import org.descent.scenario.FunctionChoice;
import org.descent.scenario.Scenario;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Animations as slides get them: the frames asked for, decodable files, nothing half-done. */
class AnimationExportTest {

  @TempDir
  Path dir;

  private static RaceScene scene() throws Exception {
    return RaceScene.of(new Scenario("Ravine", "", new FunctionChoice.Named("quadratic"), null,
        new Vec2(-2.5, 1), 40, 0, 0, List.of(OptimizerSpec.of(OptimizerType.SGD, Param.LR,
            0.15), OptimizerSpec.of(OptimizerType.MOMENTUM, Param.LR, 0.05)), null));
  }

  private static AnimationExport.Progress never() {
    return new AnimationExport.Progress() {
      @Override
      public void frames(int done, int total) {
      }

      @Override
      public boolean cancelled() {
        return false;
      }
    };
  }

  @Test
  void framesHaveTheAskedSizeAndCount() throws Exception {
    Animation a = new Animation(Pictures.View.CONTOUR, 320, 200, 0, 40, 3, 30, Look.LIGHT,
        false);
    assertEquals(15, a.frames()); // steps 0, 3, ..., 39, and the last step 40
    assertEquals(40, a.step(14));
    Path frames = dir.resolve("frames");
    AnimationExport.Result r = AnimationExport.run(scene(), a, List.of(new PngFrames(frames)),
        never(), 2);
    assertEquals(15, r.frames());
    try (Stream<Path> files = Files.list(frames)) {
      List<Path> all = files.sorted().toList();
      assertEquals(15, all.size(), all.toString());
      assertEquals("frame_0001.png", all.get(0).getFileName().toString());
      assertEquals("frame_0015.png", all.get(14).getFileName().toString());
      for (Path p : all) {
        BufferedImage img = ImageIO.read(p.toFile());
        assertEquals(320, img.getWidth());
        assertEquals(200, img.getHeight());
      }
    }
  }

  @Test
  void theGifAndTheVideoReadBackWithEveryFrame() throws Exception {
    Animation a = new Animation(Pictures.View.LAYOUT, 320, 240, 0, 40, 2, 20, Look.LIGHT,
        true);
    Path gif = dir.resolve("race.gif");
    Path mp4 = dir.resolve("race.mp4");
    AnimationExport.Result r = AnimationExport.run(scene(), a, List.of(new AnimatedGif(gif,
        a.frameSeconds()), new Mp4Video(mp4, a.framesPerSecond())), never(), 2);
    assertEquals(21, r.frames());
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      assertEquals(21, reader.getNumImages(true));
      assertEquals(320, reader.read(0).getWidth());
      reader.dispose();
    }
    assertTrue(Files.readString(gif, java.nio.charset.StandardCharsets.ISO_8859_1)
        .contains("NETSCAPE2.0"), "the GIF loops");
    FrameGrab grab = FrameGrab.createFrameGrab(NIOUtils.readableChannel(mp4.toFile()));
    int decoded = 0;
    Picture p;
    while ((p = grab.getNativeFrame()) != null) {
      assertEquals(320, p.getWidth());
      assertEquals(240, p.getHeight());
      decoded++;
    }
    assertEquals(21, decoded);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("race.gif", "race.mp4"), files.map(f -> f.getFileName().toString())
          .sorted().toList(), "no temporary file left");
    }
  }

  @Test
  void aCancelledExportLeavesNoPartialFile() throws Exception {
    Animation a = new Animation(Pictures.View.CONTOUR, 200, 160, 0, 40, 1, 30, Look.LIGHT,
        false);
    Path gif = dir.resolve("half.gif");
    Path mp4 = dir.resolve("half.mp4");
    Path frames = dir.resolve("frames");
    AnimationExport.Result r = AnimationExport.run(scene(), a, List.of(new AnimatedGif(gif,
        0.05), new Mp4Video(mp4, 20), new PngFrames(frames)), new AnimationExport.Progress() {
          private int seen;

          @Override
          public void frames(int done, int total) {
            seen = done;
          }

          @Override
          public boolean cancelled() {
            return seen >= 5;
          }
        }, 2);
    assertTrue(r.cancelled());
    assertTrue(r.summary().startsWith("cancelled after 5 of 41 frames"), r.summary());
    assertFalse(Files.exists(gif));
    assertFalse(Files.exists(mp4));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("frames"), files.map(f -> f.getFileName().toString()).toList(),
          "only the folder of whole frames is left");
    }
    try (Stream<Path> files = Files.list(frames)) {
      files.forEach(f -> assertTrue(f.getFileName().toString().matches("frame_\\d{4}\\.png"),
          "a partial frame: " + f));
    }
  }

  @Test
  void anUnwritableTargetIsReportedAndLeavesNothing() throws Exception {
    Path file = dir.resolve("not-a-folder");
    Files.writeString(file, "x");
    Animation a = new Animation(Pictures.View.CONTOUR, 64, 64, 0, 3, 1, 30, Look.LIGHT, false);
    assertThrows(IOException.class, () -> AnimationExport.run(scene(), a,
        List.of(new AnimatedGif(file.resolve("a.gif"), 0.1)), never(), 1));
    assertEquals("x", Files.readString(file));
  }

  @Test
  void aStillPdfIsAPdfAndAStillPngHasItsSize() throws Exception {
    Path pdf = dir.resolve("still.pdf");
    Path png = dir.resolve("still.png");
    StillExport.write(pdf, Pictures.View.LAYOUT, scene(), 20, 640, 360, Look.LIGHT);
    StillExport.write(png, Pictures.View.SURFACE, scene(), 20, 640, 360, Look.LIGHT);
    assertTrue(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets
        .US_ASCII).startsWith("%PDF-"));
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(640, img.getWidth());
    assertEquals(360, img.getHeight());
  }
}
