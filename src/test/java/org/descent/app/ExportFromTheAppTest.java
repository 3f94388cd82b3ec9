package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.descent.app.export.ExportDialog;
import org.descent.picture.Pictures;
import org.descent.picture.RaceScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Exporting from the window: the dialog writes what it says, the same picture as the view. */
class ExportFromTheAppTest extends AppTest {

  @TempDir
  Path dir;

  @Test
  void theDialogWritesAGifOfTheRaceInTheBackground() throws Exception {
    Path gif = dir.resolve("race.gif");
    ExportDialog d = fx(() -> {
      ExportDialog dialog = window.openExport();
      dialog.fill(1, 1, gif.toString(), 320, 200);
      return dialog;
    });
    fxRun(() -> {
      model.stepsProperty().set(30);
      d.startExport();
    });
    waitFor(d);
    assertTrue(fx(d::statusText).startsWith("wrote " + gif), fx(d::statusText));
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      // the dialog read the race's steps when it opened: the default race's 600 steps
      assertEquals(601, reader.getNumImages(true));
      reader.dispose();
    }
  }

  @Test
  void anExistingFileIsNotReplacedWithoutAsking() throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "mine");
    ExportDialog d = fx(() -> {
      ExportDialog dialog = window.openExport();
      dialog.fill(4, 0, csv.toString(), 320, 200);
      dialog.startExport(); // no dialogs in tests: the answer is "no"
      return dialog;
    });
    assertEquals("mine", Files.readString(csv));
    assertEquals(null, fx(d::job));
  }

  @Test
  void aHeadlessFrameMatchesTheWindowsOwnMap() throws Exception {
    fxRun(() -> {
      model.playingProperty().set(false);
      model.currentStepProperty().set(120);
    });
    sleep(500, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage shot = fx(() -> window.contour().snapshot(new SnapshotParameters(), null));
    BufferedImage app = SwingFXUtils.fromFXImage(shot, null);
    int w = app.getWidth();
    int h = app.getHeight();
    RaceScene scene = RaceScene.of(fx(model::toScenario));
    BufferedImage headless = new Pictures().draw(Pictures.View.CONTOUR, scene, 120, w, h,
        fx(appearance::look));
    long sum = 0;
    int close = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int a = app.getRGB(x, y);
        int b = headless.getRGB(x, y);
        int d = Math.max(Math.abs(((a >> 16) & 255) - ((b >> 16) & 255)),
            Math.max(Math.abs(((a >> 8) & 255) - ((b >> 8) & 255)),
                Math.abs((a & 255) - (b & 255))));
        sum += d;
        close += d <= 24 ? 1 : 0;
      }
    }
    double mean = sum / (double) (w * h);
    double share = close / (double) (w * h);
    ImageIO.write(app, "png", dir.resolve("app.png").toFile());
    assertTrue(mean < 4 && share > 0.97, "mean difference " + mean + ", " + share
        + " of the pixels within 24 levels (" + w + " x " + h + ")");
  }
}
