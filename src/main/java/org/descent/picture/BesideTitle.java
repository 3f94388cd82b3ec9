package org.descent.picture;

import java.util.List;
import org.descent.function.Landscape;
import org.descent.function.Objective;
import org.descent.function.ViewBox;
import org.descent.trace.Trace;

/**
 * What the picture of a demo's function beside its own is called. A catalogue function has
 * its title; a typed formula only its text, which for the 0-1 loss is three lines of
 * max/min/tanh: a loss whose gradient is zero almost everywhere is called what it is, and a
 * picture whose runs never left their start says so, or a student looks for paths that are
 * not there.
 */
public final class BesideTitle {

  /** Samples a side of the grid on which a piecewise-constant function is recognised. */
  static final int SAMPLES = 24;

  private BesideTitle() {}

  /** The title of the function beside, with why no path shows when the runs never moved. */
  public static String of(Landscape beside, List<Trace> runs) {
    String name = !"formula".equals(beside.name()) ? beside.title()
        : piecewiseConstant(beside.formula().objective(), beside.view())
            ? "a step loss: its gradient is 0 almost everywhere"
            : "f(x, y) = " + beside.formula().text();
    if (!runs.isEmpty() && runs.stream().allMatch(BesideTitle::neverMoved)) {
      return name + " (the runs stay at their start: ∇f = 0 there)";
    }
    return name;
  }

  /** Whether the gradient is exactly zero at nine in ten points of a grid over the view. */
  static boolean piecewiseConstant(Objective f, ViewBox view) {
    double[] g = new double[2];
    int zero = 0;
    for (int i = 0; i < SAMPLES; i++) {
      for (int j = 0; j < SAMPLES; j++) {
        // Off the grid's lines through the origin, where a step's edge may sit.
        double x = view.xMin() + (i + 0.37) / SAMPLES * view.width();
        double y = view.yMin() + (j + 0.41) / SAMPLES * view.height();
        f.valueAndGradient(new double[] {x, y}, g);
        zero += g[0] == 0 && g[1] == 0 ? 1 : 0;
      }
    }
    return zero >= 0.9 * SAMPLES * SAMPLES;
  }

  private static boolean neverMoved(Trace t) {
    double x0 = t.coordinate(0, 0);
    double y0 = t.coordinate(0, 1);
    for (int k = 1; k < t.length(); k++) {
      if (t.coordinate(k, 0) != x0 || t.coordinate(k, 1) != y0) {
        return false;
      }
    }
    return true;
  }
}
