package org.descent.export;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.descent.picture.Look;
import org.descent.picture.Pictures;
import org.descent.picture.RaceScene;

/**
 * One picture of a view at a step: a PNG, or a PDF whose lines, markers and text are vectors
 * (the contour field and the surface are images inside it), for slides that scale. Written
 * under a temporary name and renamed when complete.
 */
public final class StillExport {

  private StillExport() {}

  /**
   * The PDF's fonts: the bundled DejaVu faces embedded (with Identity-H encoding), so the
   * minus signs, ∇ and the Greek letters of the labels print as they do on screen, which the
   * PDF base fonts cannot.
   */
  private static final class BundledFonts implements com.lowagie.text.pdf.FontMapper {
    private final java.util.Map<String, com.lowagie.text.pdf.BaseFont> loaded =
        new java.util.HashMap<>();

    @Override
    public com.lowagie.text.pdf.BaseFont awtToPdf(java.awt.Font font) {
      boolean mono = font.getFamily().toLowerCase(Locale.ROOT).contains("mono");
      String file = mono ? (font.isBold() ? "/fonts/DejaVuSansMono-Bold.ttf"
          : "/fonts/DejaVuSansMono.ttf")
          : font.isBold() ? "/fonts/DejaVuSans-Bold.ttf"
          : font.isItalic() ? "/fonts/DejaVuSans-Oblique.ttf" : "/fonts/DejaVuSans.ttf";
      return loaded.computeIfAbsent(file, f -> {
        try (var in = StillExport.class.getResourceAsStream(f)) {
          byte[] bytes = in.readAllBytes();
          return com.lowagie.text.pdf.BaseFont.createFont(f.substring(7),
              com.lowagie.text.pdf.BaseFont.IDENTITY_H, com.lowagie.text.pdf.BaseFont.EMBEDDED,
              true, bytes, null);
        } catch (IOException | RuntimeException e) {
          throw new IllegalStateException("the bundled font " + f + " cannot be read", e);
        }
      });
    }

    @Override
    public java.awt.Font pdfToAwt(com.lowagie.text.pdf.BaseFont font, int size) {
      return new java.awt.Font(org.descent.picture.Look.FONT, java.awt.Font.PLAIN, size);
    }
  }

  /** Writes the picture; the format follows the file's extension (.pdf, otherwise PNG). */
  public static void write(Path target, Pictures.View view, RaceScene scene, int step,
      int width, int height, Look look) throws IOException {
    if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      AtomicFiles.writeStream(target, out -> writePdf(out, view, scene, step, width, height,
          look));
    } else {
      BufferedImage img = new Pictures().draw(view, scene, step, width, height, look);
      AtomicFiles.writeStream(target, out -> PngFrames.writePng(img, out));
    }
  }

  private static void writePdf(OutputStream out, Pictures.View view, RaceScene scene, int step,
      int width, int height, Look look) throws IOException {
    Document doc = new Document(new Rectangle(width, height), 0, 0, 0, 0);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      doc.open();
      PdfContentByte cb = writer.getDirectContent();
      Graphics2D g = cb.createGraphics(width, height, new BundledFonts());
      try {
        new Pictures().drawInto(g, view, scene, step, width, height, look);
      } finally {
        g.dispose();
      }
      doc.close();
    } catch (com.lowagie.text.DocumentException e) {
      throw new IOException("PDF: " + e.getMessage(), e);
    }
  }
}
