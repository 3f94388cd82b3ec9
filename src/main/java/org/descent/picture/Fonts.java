package org.descent.picture;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The DejaVu fonts that ship with Descent (resources/fonts, Bitstream Vera licence), so that
 * every picture is drawn and measured with the same font on every machine: a label measured
 * by Java2D and drawn by JavaFX then has the width it was measured at, and an exported slide
 * looks like the window.
 */
public final class Fonts {

  /** The bundled font files, as class-path resources. */
  public static final List<String> FILES = List.of("/fonts/DejaVuSans.ttf",
      "/fonts/DejaVuSans-Bold.ttf", "/fonts/DejaVuSans-Oblique.ttf", "/fonts/DejaVuSansMono.ttf",
      "/fonts/DejaVuSansMono-Bold.ttf");

  private Fonts() {}

  /**
   * Registers the bundled fonts with Java2D (idempotent; works headless). A missing or broken
   * file is skipped: Java2D then falls back to its own sans-serif font.
   */
  public static void registerWithJava2d() {
    Holder.REGISTERED.hashCode();
  }

  /** Initialization-on-demand: registers once, thread-safely, without mutable statics. */
  private static final class Holder {
    static final Boolean REGISTERED = register();

    private static Boolean register() {
      GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
      boolean all = true;
      for (String file : FILES) {
        try (InputStream in = Fonts.class.getResourceAsStream(file)) {
          if (in == null) {
            all = false;
            continue;
          }
          env.registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
        } catch (IOException | FontFormatException e) {
          all = false;
        }
      }
      return all;
    }
  }
}
