package org.descent.app;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the presenter view's projector window goes, decided from the screens alone (a pure
 * function, so that a test can ask it about two screens where the headless toolkit has one):
 * with two screens or more, covering the largest screen that does not hold the main
 * window; with one, a preview window in a corner of it, which the lecturer may move and
 * resize.
 *
 * @param fullScreen whether the window covers a screen of its own (undecorated, the whole
 *     screen)
 * @param bounds where the window goes, in the screens' coordinates
 */
record ProjectorPlacement(boolean fullScreen, Rectangle2D bounds) {

  /** A screen's whole area and the part of it not taken by task bars and docks. */
  record Area(Rectangle2D bounds, Rectangle2D visual) {}

  /** The preview's share of the screen's width: the main window stays usable beside it. */
  static final double PREVIEW_SHARE = 0.45;

  /**
   * @param screens every screen, in the toolkit's order (at least one)
   * @param mainWindow the main window's bounds (the laptop's screen holds its centre)
   */
  static ProjectorPlacement choose(List<Area> screens, Rectangle2D mainWindow) {
    if (screens.isEmpty()) {
      throw new IllegalArgumentException("no screen");
    }
    Area laptop = screenOf(screens, mainWindow);
    Area projector = null;
    for (Area a : screens) {
      if (a != laptop && (projector == null || area(a.bounds()) > area(projector.bounds()))) {
        projector = a;
      }
    }
    if (projector != null) {
      return new ProjectorPlacement(true, projector.bounds());
    }
    // One screen: a 16:9 preview in its lower left corner, over the map, which it shows anyway,
    // and away from the cards and the notes on the right.
    Rectangle2D v = laptop.visual();
    double w = Math.max(Math.min(640, v.getWidth()), v.getWidth() * PREVIEW_SHARE);
    double h = Math.min(v.getHeight(), w * 9 / 16);
    return new ProjectorPlacement(false, new Rectangle2D(v.getMinX() + 16,
        Math.max(v.getMinY(), v.getMaxY() - h - 16), w, h));
  }

  /** The screen that holds the window's centre, else the one it overlaps most. */
  private static Area screenOf(List<Area> screens, Rectangle2D window) {
    double cx = window.getMinX() + window.getWidth() / 2;
    double cy = window.getMinY() + window.getHeight() / 2;
    Area best = screens.get(0);
    double most = -1;
    for (Area a : screens) {
      if (a.bounds().contains(cx, cy)) {
        return a;
      }
      double overlap = overlap(a.bounds(), window);
      if (overlap > most) {
        most = overlap;
        best = a;
      }
    }
    return best;
  }

  private static double overlap(Rectangle2D a, Rectangle2D b) {
    double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
    double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
    return w > 0 && h > 0 ? w * h : 0;
  }

  private static double area(Rectangle2D r) {
    return r.getWidth() * r.getHeight();
  }
}
