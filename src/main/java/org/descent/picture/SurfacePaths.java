package org.descent.picture;

import java.util.ArrayList;
import java.util.List;
import org.descent.function.ViewBox;
import org.descent.render.SurfacePath;
import org.descent.trace.Trace;

/** A run's path as the surface draws it: only the parts inside the window. */
public final class SurfacePaths {

  private SurfacePaths() {}

  /**
   * The parts of a path inside the surface's window from step {@code first} to {@code last},
   * one polyline each: a run that leaves the window (a divergence, a catapult off a cliff) is
   * cut where it leaves, not stretched across the box.
   */
  public static void addInsideRuns(List<SurfacePath> out, Trace t, int first, int last,
      ViewBox view, int argb, float width) {
    addInsideRuns(out, t, first, last, view, argb, width, LineStyle.SOLID);
  }

  /** The same in a run's line style. */
  public static void addInsideRuns(List<SurfacePath> out, Trace t, int first, int last,
      ViewBox view, int argb, float width, LineStyle style) {
    float[] dashes = style.dashes(width, true);
    List<Double> run = new ArrayList<>();
    for (int n = Math.max(0, first); n <= last; n++) {
      if (view != null && view.contains(t.x(n), t.y(n))) {
        run.add(t.x(n));
        run.add(t.y(n));
        continue;
      }
      flush(out, run, argb, width, dashes);
    }
    flush(out, run, argb, width, dashes);
  }

  private static void flush(List<SurfacePath> out, List<Double> run, int argb, float width,
      float[] dashes) {
    if (run.size() >= 4) {
      double[] xy = new double[run.size()];
      for (int i = 0; i < xy.length; i++) {
        xy[i] = run.get(i);
      }
      out.add(new SurfacePath(xy, argb, width, dashes));
    }
    run.clear();
  }
}
