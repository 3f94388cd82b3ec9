package org.descent.picture;

import java.util.List;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;

/**
 * Everything the contour map shows at one moment: the landscape in a view, its field (null
 * while it is being computed), the runs with their colours, the playback step, the start, and
 * the optional layers.
 *
 * @param view the requested view (the plot widens it along one axis to keep angles true)
 * @param trail how many recent steps of each path are drawn bold (0: all of it)
 * @param probe the hover readout at a screen point, or null
 */
public record MapScene(Landscape landscape, ViewBox view, MapField field,
    List<ChartInput> runs, int step, int trail, Vec2 start, boolean gradientField,
    boolean symbolLegend, Probe probe, Inspection inspection) {

  public MapScene {
    runs = List.copyOf(runs);
  }

  /** A scene without an inspected run. */
  public MapScene(Landscape landscape, ViewBox view, MapField field, List<ChartInput> runs,
      int step, int trail, Vec2 start, boolean gradientField, boolean symbolLegend,
      Probe probe) {
    this(landscape, view, field, runs, step, trail, start, gradientField, symbolLegend, probe,
        null);
  }

  /**
   * The run whose step is looked into (an index into runs), and what to draw at its iterate:
   * the local quadratic model with Newton's step, and the parts of the step it takes there.
   *
   * @param step the step opened at the current iterate, or null
   * @param inverseHessian the true H⁻¹ there (2 × 2, row-major) beside BFGS's M, or null
   */
  public record Inspection(int run, boolean localModel, org.descent.optim.StepDetail step,
      double[] inverseHessian) {
    /** Only the local model. */
    public Inspection(int run, boolean localModel) {
      this(run, localModel, null, null);
    }
  }

  /**
   * The hover readout: f, ∇f, curvature at the point under the cursor (screen pixels), with
   * the gradient arrow and the curvature axes drawn there when asked.
   */
  public record Probe(double sx, double sy, boolean gradientArrow, boolean curvatureAxes) {}
}
