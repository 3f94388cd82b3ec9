package org.descent.app;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the main window is, remembered per arrangement of screens: the laptop alone and the
 * laptop beside a projector are two places, each restored when that arrangement is back. A
 * place is restored only if its title bar is still on a screen; otherwise the window fills
 * the primary screen, as on a first start.
 */
final class WindowPlace {

  // The height of the strip at the top of a window that must be on a screen: where a title
  // bar is, so the user can grab it and move the window.
  private static final double TITLE_BAR = 30;

  private final Stage stage;
  // The bounds of the window when last neither maximized nor full screen, or null
  private Settings.Place normal;

  private WindowPlace(Stage stage) {
    this.stage = stage;
  }

  /**
   * Places the stage where it was on these screens, or fills the primary screen; then keeps
   * track of its bounds for {@link #save}.
   */
  static WindowPlace restore(Stage stage, Settings settings) {
    List<Screen> screens = Screen.getScreens();
    List<Rectangle2D> bounds = screens.stream().map(Screen::getBounds).toList();
    List<Rectangle2D> visual = screens.stream().map(Screen::getVisualBounds).toList();
    Optional<Settings.Place> saved = settings.place(arrangement(bounds))
        .filter(p -> onAScreen(p, visual));
    if (saved.isPresent()) {
      Settings.Place p = saved.get();
      stage.setX(p.x());
      stage.setY(p.y());
      stage.setWidth(p.width());
      stage.setHeight(p.height());
      stage.setMaximized(p.maximized());
    } else {
      fillPrimaryScreen(stage);
    }
    WindowPlace place = new WindowPlace(stage);
    place.normal = saved.orElse(null);
    javafx.beans.InvalidationListener moved = o -> place.moved(visual);
    stage.xProperty().addListener(moved);
    stage.yProperty().addListener(moved);
    stage.widthProperty().addListener(moved);
    stage.heightProperty().addListener(moved);
    return place;
  }

  /**
   * Fills the screen (a laptop's 1366×768 as well as a 1920×1080 projector): every pixel goes
   * to the landscape. Maximized where a window manager honours it, sized to the screen's
   * usable area otherwise.
   */
  private static void fillPrimaryScreen(Stage stage) {
    var bounds = Screen.getPrimary().getVisualBounds();
    stage.setX(bounds.getMinX());
    stage.setY(bounds.getMinY());
    stage.setWidth(Math.max(900, bounds.getWidth()));
    stage.setHeight(Math.max(600, bounds.getHeight()));
    stage.setMaximized(true);
  }

  /**
   * Keeps the bounds a window has of its own: not while maximized or full screen, nor those
   * of a window that exactly fills a screen's usable area, which is how a maximize looks
   * before the window says it is maximized.
   */
  private void moved(List<Rectangle2D> visual) {
    if (stage.isMaximized() || stage.isFullScreen() || stage.isIconified()) {
      return;
    }
    Rectangle2D now = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(),
        stage.getHeight());
    if (visual.contains(now) || !(now.getWidth() > 0 && now.getHeight() > 0)) {
      return;
    }
    normal = new Settings.Place(now.getMinX(), now.getMinY(), now.getWidth(), now.getHeight(),
        false);
  }

  /** Remembers where the window is, for the screens there are now. */
  void save(Settings settings) {
    Settings.Place p = normal != null ? normal
        : new Settings.Place(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
            false);
    List<Rectangle2D> bounds = Screen.getScreens().stream().map(Screen::getBounds).toList();
    settings.place(arrangement(bounds), new Settings.Place(p.x(), p.y(), p.width(),
        p.height(), stage.isMaximized()));
  }

  /**
   * The arrangement of screens as a key, "1366x768@0,0+1920x1080@1366,0": their bounds,
   * left to right, so the same screens give the same key whatever order they are listed in.
   */
  static String arrangement(List<Rectangle2D> screens) {
    return screens.stream()
        .sorted(Comparator.comparingDouble(Rectangle2D::getMinX)
            .thenComparingDouble(Rectangle2D::getMinY))
        .map(r -> String.format(java.util.Locale.ROOT, "%.0fx%.0f@%.0f,%.0f", r.getWidth(),
            r.getHeight(), r.getMinX(), r.getMinY()))
        .collect(Collectors.joining("+"));
  }

  /**
   * Whether a window placed there can be seen and moved: the middle of its title bar is on a
   * screen's usable area, and it is no larger than all the screens together.
   */
  static boolean onAScreen(Settings.Place p, List<Rectangle2D> visual) {
    double midX = p.x() + p.width() / 2;
    double barY = p.y() + TITLE_BAR / 2;
    double minX = visual.stream().mapToDouble(Rectangle2D::getMinX).min().orElse(0);
    double maxX = visual.stream().mapToDouble(Rectangle2D::getMaxX).max().orElse(0);
    double minY = visual.stream().mapToDouble(Rectangle2D::getMinY).min().orElse(0);
    double maxY = visual.stream().mapToDouble(Rectangle2D::getMaxY).max().orElse(0);
    return p.width() <= maxX - minX && p.height() <= maxY - minY
        && visual.stream().anyMatch(r -> r.contains(midX, barY));
  }
}
