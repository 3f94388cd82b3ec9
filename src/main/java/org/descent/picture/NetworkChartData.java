package org.descent.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;
import org.descent.picture.RaceChartData.Curve;
import org.descent.picture.RaceChartData.Guide;
import org.descent.picture.RaceChartData.Panel;
import org.descent.picture.RaceChartData.Scale;
import org.descent.training.RunSnapshot;
import org.descent.training.TrainingPoint;

/**
 * What the network's charts plot, one curve per optimizer card in the card's colour against
 * the step: the loss (training solid, validation dashed), the accuracy, the gradient norm, the
 * learning rate, and the curvature along the gradient, ε gᵀHg / ‖g‖², whose value above 2
 * means the gradient step of that size goes uphill (Goodfellow et al. eq. 8.10: the
 * second-order term ½ε²gᵀHg then outweighs the first-order decrease εgᵀg); and the
 * sharpness, the Hessian's largest eigenvalue (Adam's preconditioned one), solid, against the
 * threshold above which the card's step is unstable on a quadratic, dashed in the same colour
 * (2/ε for gradient descent): where progressive sharpening meets the edge of stability (Cohen
 * et al. 2021, 2022).
 *
 * @param steps the x axis runs from 0 to this step
 */
public record NetworkChartData(Panel loss, Panel accuracy, Panel gradient, Panel rate,
    Panel curvature, Panel sharpness, int steps) {

  /** One card's run, with the label and colour its card shows. */
  public record Run(String label, int argb, RunSnapshot snapshot) {}

  public static NetworkChartData of(List<Run> runs, int steps) {
    List<Curve> loss = new ArrayList<>();
    List<Curve> accuracy = new ArrayList<>();
    List<Curve> gradient = new ArrayList<>();
    List<Curve> rate = new ArrayList<>();
    List<Curve> curvature = new ArrayList<>();
    List<Curve> sharpness = new ArrayList<>();
    boolean preconditioned = false;
    boolean validation = false;
    List<Guide> stops = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      Run run = runs.get(r);
      RunSnapshot s = run.snapshot();
      List<TrainingPoint> points = s.points();
      if (points.isEmpty()) {
        continue;
      }
      double[] xs = new double[points.size()];
      for (int k = 0; k < xs.length; k++) {
        xs[k] = points.get(k).step();
      }
      OptionalInt diverged = s.divergedAt();
      loss.add(curve(r, run, run.label(), points, xs, TrainingPoint::trainLoss, false,
          diverged));
      accuracy.add(curve(r, run, run.label(), points, xs, TrainingPoint::trainAccuracy, false,
          diverged));
      if (points.stream().anyMatch(p -> Double.isFinite(p.valLoss()))) {
        validation = true;
        loss.add(curve(r, run, run.label() + " (validation)", points, xs,
            TrainingPoint::valLoss, true, OptionalInt.empty()));
        accuracy.add(curve(r, run, run.label() + " (validation)", points, xs,
            TrainingPoint::valAccuracy, true, OptionalInt.empty()));
        // Early stopping: where the validation loss was lowest, once it has risen since.
        OptionalInt best = s.bestValidationStep();
        TrainingPoint last = points.get(points.size() - 1);
        if (best.isPresent() && best.getAsInt() < last.step() && s.best() != null
            && last.valLoss() > s.best().valLoss() * 1.02) {
          // Short: two runs' lines may stand close together.
          stops.add(new Guide(best.getAsInt(), true, "stop " + best.getAsInt()));
        }
      }
      gradient.add(curve(r, run, run.label(), points, xs, TrainingPoint::gradNorm, false,
          diverged));
      if (points.stream().anyMatch(p -> Double.isFinite(p.learningRate()))) {
        rate.add(curve(r, run, run.label(), points, xs, TrainingPoint::learningRate, false,
            OptionalInt.empty()));
        curvature.add(curve(r, run, run.label(), points, xs, NetworkChartData::stepCurvature,
            false, OptionalInt.empty()));
      }
      List<TrainingPoint> sharp = points.stream()
          .filter(p -> p.sharpness() != null && Double.isFinite(p.sharpness().lambdaMax()))
          .toList();
      if (!sharp.isEmpty()) {
        double[] at = sharp.stream().mapToDouble(TrainingPoint::step).toArray();
        boolean pre = sharp.get(sharp.size() - 1).sharpness().thresholdPreconditioned();
        preconditioned |= pre;
        sharpness.add(curve(r, run, run.label(), sharp, at, p -> pre
            ? p.sharpness().preconditioned() : p.sharpness().lambdaMax(), false, diverged));
        if (sharp.stream().anyMatch(p -> Double.isFinite(p.sharpness().threshold()))) {
          String formula = sharp.get(sharp.size() - 1).sharpness().formula();
          sharpness.add(curve(r, run, run.label() + " (" + formula + ")", sharp, at,
              p -> p.sharpness().threshold(), true, OptionalInt.empty()));
        }
      }
    }
    String lossTitle = validation ? "loss (dashed: validation)" : "training loss";
    return new NetworkChartData(
        panel(lossTitle, "cross-entropy", Scale.LOG, loss, stops),
        new Panel(validation ? "accuracy (dashed: validation)" : "training accuracy",
            "accuracy", Scale.LINEAR, 0, 1.02, accuracy, "step", List.of()),
        panel("gradient norm ‖g‖", "‖g‖", Scale.LOG, gradient, List.of()),
        panel("learning rate ε", "ε", Scale.LOG, rate, List.of()),
        panel("curvature along g: ε gᵀHg / ‖g‖²", "ε gᵀHg / ‖g‖²", Scale.LINEAR, curvature,
            List.of(new Guide(2, false, "above 2: the step goes uphill"))),
        panel(preconditioned ? "sharpness λmax (Adam: λ1(P⁻¹H)); dashed: where the step is "
            + "unstable" : "sharpness λmax; dashed: where the step is unstable (2/ε)",
            "λmax", Scale.LOG, sharpness, List.of()),
        Math.max(1, steps));
  }

  /**
   * ε gᵀHg / ‖g‖²: the step's second-order term over its first-order one, times two. The
   * loss along −εg is f − ε‖g‖² (1 − ½ ε gᵀHg / ‖g‖²) to second order.
   */
  static double stepCurvature(TrainingPoint p) {
    double v = p.learningRate() * p.curvature() / p.gradNormSquared();
    return Double.isFinite(v) ? v : Double.NaN;
  }

  private static Curve curve(int index, Run run, String label, List<TrainingPoint> points,
      double[] xs, ToDoubleFunction<TrainingPoint> value, boolean dashed,
      OptionalInt diverged) {
    double[] v = new double[points.size()];
    for (int k = 0; k < v.length; k++) {
      double y = value.applyAsDouble(points.get(k));
      v[k] = Double.isFinite(y) ? y : Double.NaN;
    }
    return new Curve(index, label, run.argb(), false, false, v, diverged, xs, dashed);
  }

  private static Panel panel(String title, String yLabel, Scale scale, List<Curve> curves,
      List<Guide> guides) {
    List<boolean[]> inside = new ArrayList<>();
    List<Curve> ranged = new ArrayList<>();
    for (Curve c : curves) {
      boolean[] in = new boolean[c.length()];
      java.util.Arrays.fill(in, true);
      inside.add(in);
      ranged.add(c);
    }
    double[] range = RaceChartData.range(ranged, inside, scale);
    double lo = range[0];
    double hi = range[1];
    for (Guide g : guides) {
      if (!g.vertical() && scale == Scale.LINEAR) {
        // The threshold stays on the chart, with room above it for its label.
        lo = Math.min(lo, Math.min(0, g.value()));
        hi = Math.max(hi, g.value() * 1.35);
      }
    }
    return new Panel(title, yLabel, scale, lo, hi, curves, "step", guides);
  }
}
