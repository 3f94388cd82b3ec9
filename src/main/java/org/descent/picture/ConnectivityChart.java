package org.descent.picture;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.descent.training.ModeConnectivity;

/**
 * The loss between two minima of one network ({@link ModeConnectivity}): along the straight
 * line, dashed, and along the trained curve, solid, from the first minimum (0 %) to the second
 * (100 %), with the worse minimum's loss as a level line, so that the barrier is the height
 * above it. The caption names both barriers.
 */
final class ConnectivityChart {

  /** The x axis: percent of the way from the first minimum to the second. */
  static final int WIDTH = 100;

  private ConnectivityChart() {}

  static RaceChartData.Panel panel(ModeConnectivity.Result r, Look look, String title) {
    double[] xs = new double[r.t().length];
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (int k = 0; k < xs.length; k++) {
      xs[k] = WIDTH * r.t()[k];
      for (double v : new double[] {r.line()[k], r.curve()[k]}) {
        if (Double.isFinite(v) && v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(hi > 0)) {
      lo = 1e-3;
      hi = 1;
    }
    double worse = Math.max(r.lossA(), r.lossB());
    var line = new RaceChartData.Curve(0, "straight line", Colors.color(1), false, false,
        r.line(), OptionalInt.empty(), xs, true);
    var curve = new RaceChartData.Curve(1, "trained curve", Colors.color(0), false, false,
        r.curve(), OptionalInt.empty(), xs, false);
    var level = new RaceChartData.Guide(worse, false,
        "the worse minimum, " + Numbers.format(worse));
    return new RaceChartData.Panel(title, "training loss", RaceChartData.Scale.LOG, lo / 1.6,
        hi * 1.6, List.of(line, curve),
        "% of the way from the seed " + r.seedA() + " minimum to the seed " + r.seedB() + " one",
        List.of(level));
  }

  /** What the picture shows, its barriers named. */
  static String caption(ModeConnectivity.Result r, String who) {
    if (r == null) {
      return who.isEmpty() ? "two minima" : who + " from two seeds";
    }
    return String.format(Locale.ROOT, "%s: barrier %s on the line (dashed), %s on the "
        + "curve", r.optimizer(), barrier(r.lineBarrier()), barrier(r.curveBarrier()));
  }

  private static String barrier(double b) {
    return !Double.isFinite(b) ? Numbers.format(b) : b <= 0 ? "none" : Numbers.format(b);
  }
}
