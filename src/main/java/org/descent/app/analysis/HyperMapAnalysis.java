package org.descent.app.analysis;

import java.awt.Graphics2D;
import java.util.List;
import java.util.Set;
import org.descent.analysis.AnalysisListener;
import org.descent.analysis.Axis;
import org.descent.analysis.HyperMapRequest;
import org.descent.analysis.HyperMaps;
import org.descent.analysis.QuadraticStability;
import org.descent.app.analysis.AnalysisView.MapResult;
import org.descent.app.model.OptimizerEntry;
import org.descent.function.FormulaObjective;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.picture.AnalysisPlot;
import org.descent.picture.HyperMapPicture;
import org.descent.picture.Look;

/**
 * A map of two hyperparameters of the chosen card, (learning rate, momentum) or Adam's
 * (β₁, β₂): the steps each cell takes to get most of the way. A click on a cell sets its two
 * values on the card.
 */
final class HyperMapAnalysis implements Analysis<MapResult> {

  /** Cells per side. */
  static final int CELLS = 40;

  private final AnalysisContext context;
  private final Param first;
  private final Param second;
  private final Set<OptimizerType> types;
  private final String forWhom;

  private HyperMapAnalysis(AnalysisContext context, Param first, Param second,
      Set<OptimizerType> types, String forWhom) {
    this.context = context;
    this.first = first;
    this.second = second;
    this.types = types;
    this.forWhom = forWhom;
  }

  static HyperMapAnalysis lrMomentum(AnalysisContext context) {
    return new HyperMapAnalysis(context, Param.LR, Param.MOMENTUM,
        Set.of(OptimizerType.MOMENTUM, OptimizerType.NESTEROV), "a momentum or Nesterov card");
  }

  static HyperMapAnalysis adamBetas(AnalysisContext context) {
    return new HyperMapAnalysis(context, Param.BETA1, Param.BETA2, Set.of(OptimizerType.ADAM),
        "an Adam card");
  }

  @Override
  public Plan<MapResult> plan(AnalysisInput in) {
    OptimizerSpec base = in.chosen().spec();
    if (!types.contains(base.type())) {
      return Plan.refused("this map is for " + forWhom + ": press one (the chosen card is "
          + base.type().displayName() + ")");
    }
    OptimizerEntry entry = in.chosen().entry();
    FormulaObjective f = in.landscape().formula().objective();
    double[] s = in.startPoint();
    int steps = in.steps();
    double target = in.landscape().bestMinimumValue();
    double tol = relativeTolerance(f, s, target);
    double[] lr = first == Param.LR ? learningRates(f, s, base) : null;
    double noise = in.noise();
    long seed = in.seed();
    return Plan.work(in.key() + "|" + SpecValues.without(base, first, second),
        "steps until f − f* is 1/1000 of the start's (bright: fast; ◯ the fastest). Click a "
            + "cell to set its values on the card (+).", "map of " + base.label(),
        (w, c, listener) -> {
          HyperMapRequest r = lr == null
              ? HyperMapRequest.adamBetas(f, s, base, CELLS, steps, target, tol)
              : learningRateMap(f, s, base, lr, second, steps, target, tol);
          HyperMaps.compute(r.withNoise(noise, seed), w, c, AnalysisListener.passing(listener,
              m -> new MapResult(m, steps, entry)));
        });
  }

  /** The card's own two values now, and its label. */
  @Override
  public Marks marks(MapResult m) {
    if (!context.isCard(m.entry())) {
      return new Marks(null, m.entry().spec().label());
    }
    OptimizerSpec spec = m.entry().spec();
    return new Marks(new double[] {spec.get(m.map().px()), spec.get(m.map().py())},
        spec.label());
  }

  @Override
  public AnalysisPlot[] draw(MapResult m, Marks marks, Graphics2D g, Look look, int w, int h) {
    return new AnalysisPlot[] {HyperMapPicture.draw(g, look, w, h, m.map(), m.steps(),
        marks.label(), new HyperMapPicture.Marks(marks.values(), List.of(), null, true))};
  }

  @Override
  public boolean click(MapResult m, AnalysisPlot[] plots, double x, double y) {
    double[] v = plots[0].valuesAt(x, y);
    if (v == null || !context.isCard(m.entry())) {
      return false;
    }
    int[] cell = m.map().cellNear(v[0], v[1]);
    OptimizerSpec spec = m.map().specAt(cell[0], cell[1]);
    Param px = m.map().px();
    Param py = m.map().py();
    m.entry().setSpec(m.entry().spec()
        .with(px, SpecValues.rounded(px, spec.get(px)))
        .with(py, SpecValues.rounded(py, spec.get(py))));
    return true;
  }

  /**
   * The map of the learning rate, over the range {@code lr} from {@link #learningRates},
   * against {@code second}.
   */
  static HyperMapRequest learningRateMap(FormulaObjective f, double[] s, OptimizerSpec base,
      double[] lr, Param second, int steps, double target, double tolerance) {
    return new HyperMapRequest(f, s, base, Param.LR, Axis.log("lr", lr[0], lr[1], CELLS), second,
        axisOf(second), steps, 0, 0, target, tolerance, true);
  }

  /**
   * A map's tolerance: 1/1000 of the start's gap f − f* (or of its gradient's norm when f* is
   * unknown), so that a map shows who gets most of the way, whatever the function's scale.
   */
  static double relativeTolerance(FormulaObjective f, double[] start, double target) {
    double[] g = new double[2];
    double f0 = f.valueAndGradient(start, g);
    double gap = Double.isFinite(target) ? f0 - target : Math.hypot(g[0], g[1]);
    return gap > 0 && Double.isFinite(gap) ? 1e-3 * gap : SpecValues.TOLERANCE;
  }

  /**
   * The learning rates a map spans: from 1/100 of the bound 2/λmax of the model at the start
   * to 2.5 times it, where momentum's wider stability (up to 2(1 + α)/λmax) still shows.
   */
  static double[] learningRates(FormulaObjective f, double[] start, OptimizerSpec base) {
    QuadraticStability q = QuadraticStability.at(f, start[0], start[1]);
    double bound = q.maxStableLearningRate();
    if (!(bound > 0) || Double.isInfinite(bound)) {
      double lr = base.get(Param.LR);
      return new double[] {lr / 100, lr * 100};
    }
    return new double[] {bound * 1e-2, bound * 2.5};
  }

  private static Axis axisOf(Param p) {
    return switch (p) {
      case MOMENTUM -> new Axis("momentum", 0, 0.999, CELLS, Axis.Scale.LOG_ONE_MINUS);
      case BETA2 -> new Axis("beta2", 0.9, 0.99999, CELLS, Axis.Scale.LOG_ONE_MINUS);
      case RHO -> new Axis("rho", 0, 0.999, CELLS, Axis.Scale.LOG_ONE_MINUS);
      default -> Axis.log(p.key(), 1e-10, 1e-2, CELLS);
    };
  }
}
