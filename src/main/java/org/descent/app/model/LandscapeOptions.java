package org.descent.app.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** What the landscape views draw besides the paths. */
public final class LandscapeOptions {

  private final BooleanProperty gradientField = new SimpleBooleanProperty(this, "gradientField");
  private final BooleanProperty gradientArrow =
      new SimpleBooleanProperty(this, "gradientArrow", true);
  private final BooleanProperty curvatureAxes =
      new SimpleBooleanProperty(this, "curvatureAxes", true);
  private final BooleanProperty symbolLegend =
      new SimpleBooleanProperty(this, "symbolLegend", true);
  private final BooleanProperty trail = new SimpleBooleanProperty(this, "trail", true);
  private final BooleanProperty convexity = new SimpleBooleanProperty(this, "convexity");
  private final BooleanProperty localModel = new SimpleBooleanProperty(this, "localModel");
  private final BooleanProperty basins = new SimpleBooleanProperty(this, "basins");
  private final BooleanProperty startLocked = new SimpleBooleanProperty(this, "startLocked");
  private final BooleanProperty viewLocked = new SimpleBooleanProperty(this, "viewLocked");

  public BooleanProperty gradientFieldProperty() {
    return gradientField;
  }

  public BooleanProperty gradientArrowProperty() {
    return gradientArrow;
  }

  public BooleanProperty curvatureAxesProperty() {
    return curvatureAxes;
  }

  /** Where the Hessian is indefinite or negative definite, shaded on the map. */
  public BooleanProperty convexityProperty() {
    return convexity;
  }

  /**
   * The second-order model at the inspected optimizer's iterate, with Newton's step, drawn
   * over the map.
   */
  public BooleanProperty localModelProperty() {
    return localModel;
  }

  /** Whether a scenario's trail (only recent steps bold) is drawn; off shows whole paths. */
  public BooleanProperty trailProperty() {
    return trail;
  }

  /** The legend of the map's symbols (minima, saddles, start, divergence). */
  public BooleanProperty symbolLegendProperty() {
    return symbolLegend;
  }

  /**
   * The basins of attraction of the inspected optimizer, computed over the view and painted
   * under the contour lines.
   */
  public BooleanProperty basinsProperty() {
    return basins;
  }

  /** The student view of a demo that hides the start: the start marker does not move. */
  public BooleanProperty startLockedProperty() {
    return startLocked;
  }

  /** The student view of a demo that hides the view: the map neither pans nor zooms. */
  public BooleanProperty viewLockedProperty() {
    return viewLocked;
  }
}
