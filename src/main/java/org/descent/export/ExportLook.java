package org.descent.export;

import org.descent.picture.Look;

/**
 * The text and line sizes of an exported picture. A slide shows an export at about half its
 * height beside a bullet list, projected for the back of a hall: the app's 12 px at 720 lines
 * is then 6 px on a 1080-line projector, unreadable. Text grows with the picture's height, a
 * fortieth of it (18 px at 720 lines), a thirtieth for a presentation export; small
 * pictures keep the app's sizes. Lines thicken with the text.
 */
public final class ExportLook {

  /** Picture lines per text pixel: the export's text is height / LINES_PER_PIXEL. */
  static final double LINES = 40;
  static final double PRESENTATION_LINES = 30;

  private ExportLook() {}

  /** The theme's colours with the text and line sizes of an export {@code height} tall. */
  public static Look of(Look theme, boolean presentation, int height) {
    double font = presentation ? Math.max(18, height / PRESENTATION_LINES)
        : Math.max(12, height / LINES);
    double scale = presentation ? font / 9 : font / 12;
    return theme.scaled(scale, (float) font);
  }
}
