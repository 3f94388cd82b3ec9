package org.descent.app;

import org.descent.export.GifFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import org.descent.app.export.ExportDialog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Export dialog's form: names that follow the format, the window's mode, honest rates. */
class ExportDialogTest extends AppTest {

  private static final int FRAMES = 0;
  private static final int GIF = 1;
  private static final int MP4 = 2;
  private static final int STILL = 3;
  private static final int CSV = 4;

  @TempDir
  Path dir;

  private static TextField field(ExportDialog d, String id) {
    return (TextField) d.getDialogPane().lookup("#" + id);
  }

  private static void choose(ExportDialog d, int kind) {
    ((ChoiceBox<?>) d.getDialogPane().lookup("#export-kind")).getSelectionModel().select(kind);
  }

  private String targetAfter(ExportDialog d, int kind) {
    return fx(() -> {
      choose(d, kind);
      return field(d, "export-target").getText();
    });
  }

  @Test
  void theFileNameFollowsTheChosenFormatInTheChosenFolder() {
    ExportDialog d = fx(() -> {
      ExportDialog dialog = window.openExport();
      dialog.fill(GIF, 0, dir.resolve("race.gif").toString(), 320, 200);
      return dialog;
    });
    assertEquals(dir.resolve("race.mp4").toString(), targetAfter(d, MP4));
    assertEquals(dir.resolve("race").toString(), targetAfter(d, FRAMES), "a folder of frames");
    assertEquals(dir.resolve("race.png").toString(), targetAfter(d, STILL));
    assertEquals(dir.resolve("race.csv").toString(), targetAfter(d, CSV));
    assertEquals(dir.resolve("race.gif").toString(), targetAfter(d, GIF));
    fxRun(() -> field(d, "export-target").setText(dir.resolve("lecture-3.2.pdf").toString()));
    assertEquals(dir.resolve("lecture-3.2.pdf").toString(), targetAfter(d, STILL),
        "a still keeps the PDF asked for");
    assertEquals(dir.resolve("lecture-3.2.mp4").toString(), targetAfter(d, MP4),
        "a dot of the name's own stays");
    assertEquals(dir.resolve("lecture-3.2").toString(), targetAfter(d, FRAMES));
    assertEquals(dir.resolve("lecture-3.2.gif").toString(), targetAfter(d, GIF));
  }

  @Test
  void aGifSwitchedToMp4WritesAVideoUnderAVideosName() throws Exception {
    ExportDialog d = fx(() -> {
      ExportDialog dialog = window.openExport();
      dialog.fill(GIF, 1, dir.resolve("race.gif").toString(), 320, 200);
      choose(dialog, MP4);
      field(dialog, "export-to").setText("12");
      dialog.startExport();
      return dialog;
    });
    waitFor(d);
    Path mp4 = dir.resolve("race.mp4");
    assertTrue(fx(d::statusText).startsWith("wrote " + mp4), fx(d::statusText));
    assertFalse(Files.exists(dir.resolve("race.gif")));
    byte[] head = Files.readAllBytes(mp4);
    assertEquals("ftyp", new String(head, 4, 4, StandardCharsets.US_ASCII), "an MP4 box");
  }

  @Test
  void presentationSizesStartTickedInPresentationMode() {
    boolean usual = fx(() -> ((CheckBox) window.openExport().getDialogPane()
        .lookup("#export-large")).isSelected());
    boolean presenting = fx(() -> {
      appearance.presentationProperty().set(true);
      return ((CheckBox) window.openExport().getDialogPane().lookup("#export-large"))
          .isSelected();
    });
    assertFalse(usual);
    assertTrue(presenting);
  }

  @Test
  void aGifSaysTheFrameRateItPlays() throws Exception {
    Path gif = dir.resolve("fast.gif");
    ExportDialog d = fx(() -> {
      ExportDialog dialog = window.openExport();
      dialog.fill(GIF, 1, gif.toString(), 320, 200);
      field(dialog, "export-to").setText("5");
      field(dialog, "export-speed").setText("60");
      dialog.startExport();
      return dialog;
    });
    waitFor(d);
    String status = fx(d::statusText);
    assertTrue(status.startsWith("wrote " + gif + " (6 frames at 50 fps"), status);
    assertTrue(status.contains("GIF delays are whole hundredths of a second: 60 fps asked"),
        status);
    assertEquals("2", GifFiles.firstDelay(gif), "1/60 s is held as 2 hundredths");
  }

}
