package org.descent.export;

import org.descent.picture.Look;

/**
 * The text and line sizes of an exported picture. A slide shows an export at about half its
 * height beside a bullet list, projected for the back of a hall: the app's 12 px at 720 lines
 * is then 6 px on a 1080-line projector, unreadable. Text grows with the picture's height, a
 * fortieth of it (18 px at 720 lines), a thirtieth for a presentation export; small
 * pictures keep the app's sizes. Lines thicken with the text. In a picture too small for the
 * map's tick labels at that size (a presentation export of 160×120), the text shrinks until
 * the map fits: a map is the point of the picture.
 */
public final class ExportLook {

  /** Picture lines per text pixel: the export's text is height / LINES_PER_PIXEL. */
  static final double LINES = 40;
  static final double PRESENTATION_LINES = 30;

  private ExportLook() {}

  /**
   * A map's margins for its tick labels take about this many text sizes across (4.2 left, 3.4
   * and the colour bar right) and, with 40 pixels of plot, fit in the picture's narrower side.
   */
  static final double MAP_MARGINS = 10;

  /** The theme's colours with the text and line sizes of an export width × height. */
  public static Look of(Look theme, boolean presentation, int width, int height) {
    double font = presentation ? Math.max(18, height / PRESENTATION_LINES)
        : Math.max(12, height / LINES);
    font = Math.max(6, Math.min(font, (Math.min(width, height) - 40) / MAP_MARGINS));
    double scale = presentation ? font / 9 : font / 12;
    return theme.scaled(scale, (float) font);
  }
}
