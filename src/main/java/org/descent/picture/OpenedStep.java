package org.descent.picture;

import org.descent.function.Landscape;
import org.descent.function.Matrix2;
import org.descent.optim.StepDetail;
import org.descent.optim.UpdateRule;
import org.descent.trace.RaceSetup;
import org.descent.trace.StepReplay;

/**
 * One step of a race opened for the step inspector, as the app and the export both show it:
 * the step's rule with its numbers, and what the map draws at its iterate.
 *
 * @param picture the step's rule, numbers and, for a line search, φ(α)
 * @param inverseHessian the true H⁻¹ at θ_k beside a quasi-Newton method's M, or null
 */
public record OpenedStep(StepPicture picture, double[] inverseHessian) {

  /**
   * Replays step k of optimizer {@code index} of the race (see {@link StepReplay}); null when
   * the optimizer records no detail of its steps.
   *
   * @throws IllegalArgumentException when the run has no step k
   */
  public static OpenedStep replay(RaceSetup setup, Landscape landscape, int index, int k) {
    StepDetail detail = StepReplay.replay(setup, index, k).detail();
    if (detail == null) {
      return null;
    }
    double[] hInv = detail.has(StepDetail.Quantity.INVERSE_HESSIAN)
        ? Matrix2.inverseHessian(landscape.formula().objective(),
            detail.vector(StepDetail.Quantity.POINT).orElseThrow())
        : null;
    var spec = setup.optimizers().get(index);
    StepPicture picture = new StepPicture(spec.label() + ", step " + k + " → " + (k + 1),
        detail, landscape.formula().objective(), StepPicture.filledRule(UpdateRule.latex(spec),
            detail));
    return new OpenedStep(picture, hInv);
  }

  public StepDetail detail() {
    return picture.detail();
  }

  /** What the map draws at the iterate of run {@code run} (an index into the map's runs). */
  public MapScene.Inspection onMap(int run) {
    return new MapScene.Inspection(run, false, picture.detail(), inverseHessian);
  }
}
