package org.descent.picture;

import java.awt.Rectangle;

/**
 * Where a slide's parts go: the title on top, the map, beside it the surface (or the demo's
 * second loss, or the network's column), the charts under them. A small slide keeps the map,
 * the lesson's picture, and gives up the rest in order: first the charts, then what stands
 * beside the map, then the title. A part given up is null.
 *
 * @param titleHeight the height of the title's band; 0 when there is no title
 * @param map the contour map
 * @param beside the surface, the second loss or the network column; null when given up
 * @param charts the loss and distance charts; null when given up
 */
record SlideLayout(int titleHeight, Rectangle map, Rectangle beside, Rectangle charts) {

  /**
   * A map's tick labels and colour bar take about ten font heights across and four down (see
   * MapGeometry); with less than {@link #PLOT_MIN} pixels of plot besides, it shows no more
   * than its axes.
   */
  static final double MAP_MARGINS_ACROSS = 10;
  static final double MAP_MARGINS_DOWN = 4;
  static final int PLOT_MIN = 60;
  /** The charts' legend and two plots with their tick labels need this many font heights. */
  static final double CHARTS_MIN = 12;
  /** What stands beside the map (a surface, a network's two charts) needs this width. */
  static final double BESIDE_MIN = 8;
  /** A network's column needs room for its charts' tick labels. */
  static final double NETWORK_MIN = 12;

  /**
   * @param fs the font size
   * @param titleHeight the height the title would take, 0 for none
   * @param network whether a network's column stands beside (the whole height, as in the app)
   */
  static SlideLayout of(int w, int h, double fs, int titleHeight, boolean network) {
    double mapWidth = fs * MAP_MARGINS_ACROSS + PLOT_MIN;
    double mapHeight = fs * MAP_MARGINS_DOWN + PLOT_MIN;
    int top = titleHeight > 0 && h - titleHeight >= mapHeight ? titleHeight : 0;
    int available = h - top;
    int chartsHeight = Math.max((int) (fs * CHARTS_MIN), (int) (available * 0.32));
    boolean charts = available - chartsHeight >= mapHeight && w >= fs * CHARTS_MIN;
    int viewsHeight = charts ? available - chartsHeight : available;
    if (network) {
      int left = (int) Math.round(w * 0.6);
      boolean column = w - left >= fs * NETWORK_MIN && left >= mapWidth;
      int width = column ? left : w;
      return new SlideLayout(top, new Rectangle(0, top, width, viewsHeight),
          column ? new Rectangle(left, top, w - left, available) : null,
          charts ? new Rectangle(0, top + viewsHeight, width, chartsHeight) : null);
    }
    int contourWidth = (int) Math.round(w * 0.56);
    boolean beside = w - contourWidth >= fs * BESIDE_MIN && contourWidth >= mapWidth;
    int width = beside ? contourWidth : w;
    return new SlideLayout(top, new Rectangle(0, top, width, viewsHeight),
        beside ? new Rectangle(contourWidth, top, w - contourWidth, viewsHeight) : null,
        charts ? new Rectangle(0, top + viewsHeight, w, chartsHeight) : null);
  }
}
