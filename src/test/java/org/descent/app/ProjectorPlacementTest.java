package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/**
 * Where the projector window goes: on the screen that does not hold the main window, full
 * screen; with one screen, a preview window inside it.
 */
class ProjectorPlacementTest {

  private static final ProjectorPlacement.Area LAPTOP = area(0, 0, 1366, 768, 40);
  private static final ProjectorPlacement.Area PROJECTOR = area(1366, 0, 1920, 1080, 0);

  /** A screen with a task bar of {@code bar} pixels along its bottom. */
  private static ProjectorPlacement.Area area(double x, double y, double w, double h,
      double bar) {
    return new ProjectorPlacement.Area(new Rectangle2D(x, y, w, h),
        new Rectangle2D(x, y, w, h - bar));
  }

  @Test
  void withTwoScreensTheProjectorFillsTheOneWithoutTheMainWindow() {
    ProjectorPlacement p = ProjectorPlacement.choose(List.of(LAPTOP, PROJECTOR),
        new Rectangle2D(0, 0, 1366, 728));
    assertTrue(p.fullScreen());
    assertEquals(PROJECTOR.bounds(), p.bounds());
    // The main window on the large screen: the projector is the laptop's screen.
    ProjectorPlacement q = ProjectorPlacement.choose(List.of(LAPTOP, PROJECTOR),
        new Rectangle2D(1400, 10, 1800, 1000));
    assertTrue(q.fullScreen());
    assertEquals(LAPTOP.bounds(), q.bounds(), "its whole area, the task bar's too");
  }

  @Test
  void aMainWindowAcrossTwoScreensBelongsToTheOneWithItsCentre() {
    ProjectorPlacement p = ProjectorPlacement.choose(List.of(PROJECTOR, LAPTOP),
        new Rectangle2D(-200, 0, 1366, 768));
    assertEquals(PROJECTOR.bounds(), p.bounds());
    // Centre outside every screen: the one it overlaps most is the laptop's.
    ProjectorPlacement q = ProjectorPlacement.choose(List.of(LAPTOP, PROJECTOR),
        new Rectangle2D(-1300, -700, 1400, 800));
    assertEquals(PROJECTOR.bounds(), q.bounds());
  }

  @Test
  void withThreeScreensTheLargestOtherOneIsTheProjector() {
    ProjectorPlacement.Area side = area(-1280, 0, 1280, 1024, 0);
    ProjectorPlacement.Area wall = area(3286, 0, 3840, 2160, 0);
    ProjectorPlacement p = ProjectorPlacement.choose(List.of(side, LAPTOP, PROJECTOR, wall),
        new Rectangle2D(100, 100, 800, 600));
    assertEquals(wall.bounds(), p.bounds());
  }

  @Test
  void withOneScreenItIsAPreviewInsideTheUsableArea() {
    ProjectorPlacement p = ProjectorPlacement.choose(List.of(LAPTOP),
        new Rectangle2D(0, 0, 1366, 728));
    assertFalse(p.fullScreen());
    Rectangle2D b = p.bounds();
    assertTrue(LAPTOP.visual().contains(b), b.toString());
    assertEquals(16.0 / 9, b.getWidth() / b.getHeight(), 1e-9);
    assertTrue(b.getWidth() >= 0.4 * 1366 && b.getWidth() <= 0.5 * 1366, b.toString());
    // A small screen still gets a preview it can hold.
    ProjectorPlacement small = ProjectorPlacement.choose(List.of(area(0, 0, 800, 600, 0)),
        new Rectangle2D(0, 0, 800, 600));
    assertTrue(new Rectangle2D(0, 0, 800, 600).contains(small.bounds()),
        small.bounds().toString());
  }
}
