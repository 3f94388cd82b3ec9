package org.descent.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.descent.function.FormulaObjective;
import org.descent.function.Landscape;
import org.descent.function.ViewBox;
import org.descent.trace.Trace;

/**
 * What the two race charts plot: the loss and the distance to the nearest minimum against the
 * step, one curve per run (and one per averaged iterate), each with the y range a student can
 * read.
 *
 * <p>The y range follows only the values of iterates inside the view: a run that diverges or
 * leaves the map leaves the chart through its edge (with a marker), and the others keep their
 * scale, so one exploding run cannot flatten every other curve. With a known minimum the loss
 * is the gap f − f* on a log axis; without one (a saddle, a function unbounded below) it is f
 * on a linear axis, which the in-view rule bounds by f's range over the view, so a plateau at a
 * saddle's value stays visible while an escaping run leaves through the bottom.
 */
public record RaceChartData(Panel loss, Panel distance, int steps) {

  /**
   * The same charts with every curve cut at step k, for reveal mode: the future is not drawn.
   * The y ranges stay those of the whole run, so the axes stand still while the playback goes
   * on (a range that followed the played part would rescale every frame).
   */
  public RaceChartData upTo(int k) {
    return new RaceChartData(cut(loss, k), cut(distance, k), steps);
  }

  private static Panel cut(Panel p, int k) {
    return new Panel(p.title(), p.yLabel(), p.scale(), p.yMin(), p.yMax(),
        p.curves().stream().map(c -> c.upTo(k)).toList(), p.xLabel(), p.guides(), p.logX());
  }

  /** Values at or below this are drawn at this floor of a log axis. */
  public static final double FLOOR = 1e-16;

  /** How a panel's y axis maps values. */
  public enum Scale {
    LOG, LINEAR
  }

  /**
   * One chart: its title, y-axis label, scale, y range and curves.
   *
   * @param yMin the bottom of the y range (positive on a log scale)
   */
  public record Panel(String title, String yLabel, Scale scale, double yMin, double yMax,
      List<Curve> curves, String xLabel, List<Guide> guides, boolean logX) {
    public Panel {
      curves = List.copyOf(curves);
      guides = List.copyOf(guides);
      xLabel = xLabel == null ? "step" : xLabel;
      if (!(yMax > yMin) || !Double.isFinite(yMin) || !Double.isFinite(yMax)
          || scale == Scale.LOG && !(yMin > 0)) {
        throw new IllegalArgumentException("bad y range [" + yMin + ", " + yMax + "]");
      }
    }

    /** A panel on a linear x axis. */
    public Panel(String title, String yLabel, Scale scale, double yMin, double yMax,
        List<Curve> curves, String xLabel, List<Guide> guides) {
      this(title, yLabel, scale, yMin, yMax, curves, xLabel, guides, false);
    }

    /** A panel against the step, without guide lines. */
    public Panel(String title, String yLabel, Scale scale, double yMin, double yMax,
        List<Curve> curves) {
      this(title, yLabel, scale, yMin, yMax, curves, "step", List.of());
    }
  }

  /**
   * A reference line across a panel: a value of y (horizontal) or of x (vertical), labelled
   * at its end, such as the threshold above which a gradient step goes uphill.
   */
  public record Guide(double value, boolean vertical, String label) {}

  /**
   * One curve: a value per point (NaN where there is none), drawn in a run's colour. Its
   * points are the steps 0, 1, 2, … or, for a network's sparse evaluations, the given x
   * positions (increasing).
   *
   * @param run the index of the run among the inputs
   * @param averaged whether this is the curve of the run's averaged iterate
   * @param faint drawn thin and pale (the raw iterates of a run whose average is the result)
   * @param divergedAt the step at which the run stopped with a non-finite value
   * @param xs the x position of each value, or null for 0, 1, 2, …
   * @param dashed drawn dashed (a validation curve beside its training curve)
   * @param style the run's line style (a dashed curve keeps its own dashes)
   */
  public record Curve(int run, String label, int argb, boolean averaged, boolean faint,
      double[] values, OptionalInt divergedAt, double[] xs, boolean dashed, LineStyle style) {
    public Curve {
      style = style == null ? LineStyle.SOLID : style;
      values = values.clone();
      if (xs != null) {
        if (xs.length != values.length) {
          throw new IllegalArgumentException(xs.length + " positions for " + values.length
              + " values");
        }
        xs = xs.clone();
      }
    }

    /** A solid curve. */
    public Curve(int run, String label, int argb, boolean averaged, boolean faint,
        double[] values, OptionalInt divergedAt, double[] xs, boolean dashed) {
      this(run, label, argb, averaged, faint, values, divergedAt, xs, dashed, LineStyle.SOLID);
    }

    /** A solid curve with a value at every step. */
    public Curve(int run, String label, int argb, boolean averaged, boolean faint,
        double[] values, OptionalInt divergedAt) {
      this(run, label, argb, averaged, faint, values, divergedAt, null, false);
    }

    /** A curve in a run's line style with a value at every step. */
    public Curve(int run, String label, int argb, boolean averaged, boolean faint,
        double[] values, OptionalInt divergedAt, LineStyle style) {
      this(run, label, argb, averaged, faint, values, divergedAt, null, false, style);
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    @Override
    public double[] xs() {
      return xs == null ? null : xs.clone();
    }

    public int length() {
      return values.length;
    }

    /** The value of point k (the step k when the curve has no positions). */
    public double value(int k) {
      return values[k];
    }

    /** The x position of point k. */
    public double x(int k) {
      return xs == null ? k : xs[k];
    }

    /**
     * The curve as seen at step k: its points 0..k (point k is step k, also against
     * evaluations), and its divergence only once k has reached the run's end.
     */
    public Curve upTo(int k) {
      if (k >= values.length - 1) {
        return this;
      }
      int n = Math.max(0, k + 1);
      return new Curve(run, label, argb, averaged, faint, java.util.Arrays.copyOf(values, n),
          OptionalInt.empty(), xs == null ? null : java.util.Arrays.copyOf(xs, n), dashed,
          style);
    }

    /** The last point before an x position (0 when there is none). */
    int lastBefore(double x) {
      if (xs == null) {
        return Math.max(0, Math.min(values.length - 1, (int) Math.ceil(x) - 1));
      }
      int last = 0;
      for (int k = 0; k < xs.length && xs[k] < x; k++) {
        last = k;
      }
      return last;
    }
  }

  /**
   * The charts of a race on a landscape.
   *
   * @param view what the map shows: only iterates inside it set the y ranges
   * @param steps the race's number of steps (the x axis runs from 0 to it)
   */
  public static RaceChartData of(Landscape landscape, ViewBox view, List<ChartInput> runs,
      int steps) {
    double best = landscape.bestMinimumValue();
    boolean gap = !Double.isNaN(best);
    boolean minima = !landscape.minima().isEmpty();
    FormulaObjective f = landscape.formula().objective();
    List<Curve> losses = new ArrayList<>();
    List<Curve> distances = new ArrayList<>();
    List<boolean[]> inside = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      ChartInput run = runs.get(r);
      Trace t = run.trace();
      int n = t.length();
      double[] loss = new double[n];
      double[] distance = new double[n];
      boolean[] in = new boolean[n];
      for (int k = 0; k < n; k++) {
        loss[k] = gap ? Math.max(FLOOR, t.loss(k) - best) : t.loss(k);
        distance[k] = nearest(landscape, minima, t.x(k), t.y(k));
        in[k] = view.contains(t.x(k), t.y(k));
      }
      losses.add(new Curve(r, run.label(), run.argb(), false, t.hasAverage(), loss,
          t.divergedAt(), run.style()));
      distances.add(new Curve(r, run.label(), run.argb(), false, t.hasAverage(), distance,
          t.divergedAt(), run.style()));
      inside.add(in);
      if (t.hasAverage()) {
        double[] avgLoss = new double[n];
        double[] avgDistance = new double[n];
        boolean[] avgIn = new boolean[n];
        for (int k = 0; k < n; k++) {
          double x = t.averagedCoordinate(k, 0);
          double y = t.averagedCoordinate(k, 1);
          double v = f.value(new double[] {x, y});
          avgLoss[k] = gap ? Math.max(FLOOR, v - best) : v;
          avgDistance[k] = nearest(landscape, minima, x, y);
          avgIn[k] = view.contains(x, y);
        }
        String label = run.label() + " (average)";
        losses.add(new Curve(r, label, run.argb(), true, false, avgLoss, t.divergedAt(),
            run.style()));
        distances.add(new Curve(r, label, run.argb(), true, false, avgDistance,
            t.divergedAt(), run.style()));
        inside.add(avgIn);
      }
    }
    long budget = 0;
    for (ChartInput run : runs) {
      budget = Math.max(budget, run.trace().budget());
    }
    if (budget > 0) {
      // At equal cost, the curves are drawn against what each run spent, not its steps.
      losses = againstEvaluations(losses, runs);
      distances = againstEvaluations(distances, runs);
    }
    Scale lossScale = gap ? Scale.LOG : Scale.LINEAR;
    double[] lossRange = range(losses, inside, lossScale);
    double[] distanceRange = range(distances, inside, Scale.LOG);
    String lossLabel = gap ? gapLabel(best) : "f";
    String x = budget > 0 ? EVALUATIONS : "step";
    Panel lossPanel = new Panel(gap ? "loss gap " + lossLabel : "loss f", lossLabel,
        lossScale, lossRange[0], lossRange[1], losses, x, List.of());
    Panel distancePanel = new Panel(minima ? "distance to the nearest minimum"
        : "distance to the nearest critical point", "distance", Scale.LOG, distanceRange[0],
        distanceRange[1], distances, x, List.of());
    return new RaceChartData(lossPanel, distancePanel, (int) Math.max(1,
        budget > 0 ? Math.min(Integer.MAX_VALUE, budget) : steps));
  }

  /**
   * The loss chart a rate demo asks for (Nesterov's O(1/k²) against gradient descent's
   * O(1/k)): f − f* against k, on log-log axes when asked, with the accelerated method's run
   * dashed in black and each guide c/k^p as a grey dashed line through the first run's gap
   * at the anchor step, so that parallel means the same rate.
   *
   * @param accelerated Nesterov's accelerated method's trace, or null
   */
  public RaceChartData withRateChart(org.descent.scenario.ChartSetting chart, double fstar,
      List<ChartInput> runs, Trace accelerated) {
    boolean gapY = chart.y() == org.descent.scenario.ChartSetting.Axis.LOG_GAP;
    boolean logX = chart.x() == org.descent.scenario.ChartSetting.Axis.LOG_STEPS;
    List<Curve> curves = new ArrayList<>();
    List<boolean[]> inside = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      Trace t = runs.get(r).trace();
      curves.add(new Curve(r, runs.get(r).label(), runs.get(r).argb(), false, false,
          gaps(t, fstar, gapY), t.divergedAt(), runs.get(r).style()));
    }
    if (accelerated != null) {
      curves.add(new Curve(-1, accelerated.label(), 0xFF000000, false, false,
          gaps(accelerated, fstar, gapY), accelerated.divergedAt(), null, true));
    }
    for (Curve c : curves) {
      boolean[] in = new boolean[c.length()];
      java.util.Arrays.fill(in, true);
      if (logX && in.length > 0) {
        in[0] = false; // step 0 is not on a log axis
      }
      inside.add(in);
    }
    Scale scale = gapY ? Scale.LOG : Scale.LINEAR;
    double[] yr = range(curves, inside, scale);
    if (gapY && !runs.isEmpty() && !curves.isEmpty()) {
      Curve first = curves.get(0);
      int a = Math.min(chart.anchor(), first.length() - 1);
      double at = a >= 1 ? first.value(a) : Double.NaN;
      for (org.descent.scenario.ChartSetting.Guide guide : chart.guides()) {
        if (!(at > 0)) {
          break;
        }
        double c = at * Math.pow(a, guide.power());
        double[] v = new double[steps + 1];
        v[0] = Double.NaN;
        for (int k = 1; k <= steps; k++) {
          v[k] = c / Math.pow(k, guide.power());
        }
        curves.add(new Curve(-1, "O(" + guide.key() + ")", 0xFF8C8C96, false, false, v,
            OptionalInt.empty(), null, true));
      }
    }
    Panel rate = new Panel(gapY ? "rate: f − f* against k" + (logX ? " (log-log)" : "")
        : "loss f", gapY ? gapLabel(fstar) : "f", scale, yr[0], yr[1], curves, "step",
        List.of(), logX);
    return new RaceChartData(rate, distance, steps);
  }

  private static double[] gaps(Trace t, double fstar, boolean gap) {
    double[] v = new double[t.length()];
    for (int k = 0; k < v.length; k++) {
      v[k] = gap ? Math.max(FLOOR, t.loss(k) - fstar) : t.loss(k);
    }
    return v;
  }

  /** The x axis's title when a race runs at an equal budget. */
  public static final String EVALUATIONS = "evaluations (f and ∇f)";

  private static List<Curve> againstEvaluations(List<Curve> curves, List<ChartInput> runs) {
    List<Curve> out = new ArrayList<>();
    for (Curve c : curves) {
      Trace t = runs.get(c.run()).trace();
      double[] xs = new double[c.length()];
      for (int k = 0; k < xs.length; k++) {
        xs[k] = t.evaluations(k);
      }
      out.add(new Curve(c.run(), c.label(), c.argb(), c.averaged(), c.faint(), c.values(),
          c.divergedAt(), xs, c.dashed(), c.style()));
    }
    return out;
  }

  /** "f − f*" with f* written out where it is not zero: "f − 1.87", "f + 1.032". */
  static String gapLabel(double best) {
    if (Math.abs(best) < 1e-9) { // zero at the precision of the refined minimum (1.9e-12)
      return "f − f*";
    }
    String v = org.descent.picture.Numbers.format(Math.abs(best));
    return best > 0 ? "f − " + v : "f + " + v;
  }

  private static double nearest(Landscape l, boolean minima, double x, double y) {
    double d = minima ? l.distanceToNearestMinimum(x, y) : l.distanceToNearestCriticalPoint(x, y);
    return Double.isNaN(d) ? Double.NaN : Math.max(FLOOR, d);
  }

  /**
   * The y range of a panel: the span of the finite values of iterates inside the view, padded
   * a little (a fifth of a decade on a log scale, 6 % on a linear one) and at least a decade
   * (log) or a unit-scaled span (linear) wide. Falls back to every finite value when no
   * iterate is inside the view, and to a default range when there is none at all.
   */
  static double[] range(List<Curve> curves, List<boolean[]> inside, Scale scale) {
    double[] span = span(curves, inside, scale, true);
    if (span == null) {
      span = span(curves, inside, scale, false);
    }
    if (scale == Scale.LOG) {
      if (span == null) {
        return new double[] {1e-3, 1e1};
      }
      double lo = Math.log10(span[0]);
      double hi = Math.log10(span[1]);
      if (hi - lo < 1) {
        double mid = 0.5 * (hi + lo);
        lo = mid - 0.5;
        hi = mid + 0.5;
      }
      lo = Math.max(Math.log10(FLOOR), lo - 0.2);
      hi = Math.min(300, hi + 0.2);
      return new double[] {Math.pow(10, lo), Math.pow(10, hi)};
    }
    if (span == null) {
      return new double[] {-1, 1};
    }
    double lo = span[0];
    double hi = span[1];
    double width = hi - lo;
    double minimum = Math.max(1e-9, 1e-6 * Math.max(Math.abs(lo), Math.abs(hi)));
    if (width < minimum) {
      double mid = 0.5 * (lo + hi);
      double half = Math.max(minimum, 0.1 * Math.abs(mid)) / 2;
      if (half == 0) {
        half = 0.5;
      }
      return new double[] {mid - half, mid + half};
    }
    return new double[] {lo - 0.06 * width, hi + 0.06 * width};
  }

  private static double[] span(List<Curve> curves, List<boolean[]> inside, Scale scale,
      boolean viewOnly) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < curves.size(); c++) {
      Curve curve = curves.get(c);
      boolean[] in = inside.get(c);
      for (int k = 0; k < curve.length(); k++) {
        double v = curve.value(k);
        if (!Double.isFinite(v) || viewOnly && !in[k] || scale == Scale.LOG && !(v > 0)) {
          continue;
        }
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return lo <= hi ? new double[] {lo, hi} : null;
  }
}
