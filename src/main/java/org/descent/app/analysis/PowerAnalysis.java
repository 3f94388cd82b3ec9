package org.descent.app.analysis;

import java.awt.Graphics2D;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.descent.analysis.PowerIteration;
import org.descent.app.analysis.AnalysisView.PowerResult;
import org.descent.app.controls.NumberSlider;
import org.descent.picture.AnalysisPlot;
import org.descent.picture.Look;
import org.descent.picture.PowerPicture;
import org.descent.scenario.Scenario;

/**
 * The power method x ← Wx, exploding and vanishing along W's eigenvectors, with two sliders
 * for its eigenvalues that start from the demo's.
 */
final class PowerAnalysis implements Analysis<PowerResult> {

  private final AnalysisContext context;
  private final NumberSlider lambda1;
  private final NumberSlider lambda2;
  private final HBox sliders;
  // Whether the sliders hold the open demo's values yet: they are the state, read where needed.
  private boolean taken;

  PowerAnalysis(AnalysisContext context) {
    this.context = context;
    lambda1 = slider("λ₁", "the eigenvalue of W along v₁", 1.1, "power-lambda1");
    lambda2 = slider("λ₂", "the eigenvalue of W along v₂", 0.8, "power-lambda2");
    sliders = new HBox(8, lambda1, lambda2);
  }

  private NumberSlider slider(String name, String tooltip, double initial, String id) {
    NumberSlider s = new NumberSlider(name, tooltip, 0, 1.5, NumberSlider.Scale.LINEAR, false,
        initial, v -> Double.isFinite(v) && Math.abs(v) <= 10 ? Optional.empty()
            : Optional.of("between -10 and 10"), v -> context.recompute());
    s.setId(id);
    HBox.setHgrow(s, Priority.ALWAYS);
    return s;
  }

  @Override
  public Node controls() {
    return sliders;
  }

  @Override
  public void demoOpened() {
    taken = false;
  }

  /** Sets the eigenvalues as the sliders do. */
  void setEigenvalues(double l1, double l2) {
    taken = true;
    lambda1.setValue(l1);
    lambda2.setValue(l2);
    context.recompute();
  }

  @Override
  public Plan<PowerResult> plan(AnalysisInput in) {
    return Plan.ready("x ← W x: along each eigenvector the component is multiplied by its "
        + "eigenvalue at every step. Move λ₁ and λ₂ across 1.",
        new PowerResult(new PowerPicture(setup(in.extras()))));
  }

  /** The demo's power section (or a default one) with the sliders' eigenvalues. */
  private PowerIteration.Setup setup(Scenario extras) {
    var p = extras != null && extras.power() != null ? extras.power()
        : new PowerIteration.Setup(1.1, 0.8, 120, 30, 1.7, 1.0, 60);
    if (!taken) {
      lambda1.setValue(p.lambda1());
      lambda2.setValue(p.lambda2());
      taken = true;
    }
    return new PowerIteration.Setup(lambda1.value(), lambda2.value(), p.angle1(), p.angle2(),
        p.x0(), p.y0(), p.steps());
  }

  @Override
  public AnalysisPlot[] draw(PowerResult r, Marks marks, Graphics2D g, Look look, int w,
      int h) {
    return new AnalysisPlot[] {r.picture().draw(g, look, w, h)};
  }
}
