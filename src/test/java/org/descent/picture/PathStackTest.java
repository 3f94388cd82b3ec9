package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathStackTest {

  private static final double CELL = 6;

  @Test
  void aPathIsWidenedOnlyWhereAnotherLiesOverIt() {
    // The long path runs under the short one for 150 px, then turns away alone for 100 px.
    double[] under = {0, 50, 200, 50, 200, 150};
    double[] over = {0, 50, 150, 50};
    PathStack.Layout layout = PathStack.of(List.of(List.of(under), List.of(over)), CELL);
    assertArrayEquals(new int[] {0, 1}, layout.order());
    List<PathStack.Rim> rims = layout.rims().get(0);
    assertTrue(!rims.isEmpty(), "the covered stretch has no rim");
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (PathStack.Rim r : rims) {
      double[] p = r.points();
      for (int i = 0; i < p.length; i += 2) {
        // A rim may run on past the end of the path over it by about a cell.
        assertTrue(p[i] <= 150 + 1.5 * CELL && p[i + 1] == 50, "a rim at " + p[i] + ", "
            + p[i + 1] + ": outside the covered stretch");
        lo = Math.min(lo, p[i]);
        hi = Math.max(hi, p[i]);
      }
    }
    assertTrue(lo <= CELL && hi >= 150 - CELL, "the rim runs from " + lo + " to " + hi);
    assertTrue(layout.rims().get(1).isEmpty(), "the path on top has a rim");
  }

  @Test
  void aPathThatShowsOnItsOwnOverMostOfItsLengthGetsNoRim() {
    // Under the other for 60 px of its 300: a crossing, not a hidden path.
    double[] mostlyAlone = {0, 50, 300, 50};
    double[] over = {0, 50, 60, 50, 60, 40, 0, 40};
    PathStack.Layout layout = PathStack.of(List.of(List.of(mostlyAlone), List.of(over)),
        CELL);
    assertTrue(layout.rims().get(0).isEmpty(), "a rim on a path that is mostly seen");
  }

  @Test
  void rimsAreCappedWhereverManyPathsCoincide() {
    List<List<double[]>> paths = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // Each a little longer than the next, so that they stack in this order.
      paths.add(List.of(new double[] {0, 50, 300 - 10 * i, 50}));
    }
    PathStack.Layout layout = PathStack.of(paths, CELL);
    int deepest = 0;
    for (List<PathStack.Rim> rims : layout.rims()) {
      for (PathStack.Rim r : rims) {
        deepest = Math.max(deepest, r.level());
      }
    }
    assertTrue(deepest == PathStack.MAX_LEVEL, "the deepest path has " + deepest + " rims");
  }
}
