package org.descent.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.descent.picture.Fonts;
import org.descent.picture.Look;
import org.junit.jupiter.api.Test;

/**
 * An export is shown on a slide at about half the slide's height. On a 1080-line projector
 * that is 540 lines: for the back of a hall a capital letter should then be at least 9 px
 * tall, a sixtieth of the picture, whatever size the export was made at; a presentation export
 * larger still. Measured in pixels of a rendered "H" in the export's own font.
 */
class ExportTextSizeTest {

  /** The height in pixels of the ink of a capital H drawn in the font. */
  private static int capitalHeight(Font font) {
    BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 400, 400);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setFont(font);
    g.drawString("H", 20, 300);
    g.dispose();
    int top = -1;
    int bottom = -1;
    for (int y = 0; y < 400; y++) {
      for (int x = 0; x < 400; x++) {
        if ((img.getRGB(x, y) & 0xFF) < 128) {
          top = top < 0 ? y : top;
          bottom = y;
          break;
        }
      }
    }
    return top < 0 ? 0 : bottom - top + 1;
  }

  @Test
  void textIsASixtiethOfThePictureAtLeast() {
    Fonts.registerWithJava2d();
    for (int height : new int[] {480, 720, 1080, 2160}) {
      for (boolean presentation : new boolean[] {false, true}) {
        Look look = ExportLook.of(Look.LIGHT, presentation, 16 * height / 9, height);
        int cap = capitalHeight(look.font(Font.PLAIN, look.fontSize()));
        double wanted = height / (presentation ? 45.0 : 60.0);
        assertTrue(cap >= wanted, (presentation ? "presentation" : "normal") + " export "
            + height + " lines tall: a capital is " + cap + " px, at least " + wanted
            + " wanted (shown at half a slide it would be " + cap * 540.0 / height + " px)");
      }
    }
  }

  @Test
  void aPresentationExportHasLargerTextThanANormalOne() {
    for (int height : new int[] {360, 720, 1080}) {
      int width = 16 * height / 9;
      assertTrue(ExportLook.of(Look.LIGHT, true, width, height).fontSize()
          > ExportLook.of(Look.LIGHT, false, width, height).fontSize(), height + " lines");
    }
  }
}
