package org.descent.app.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;
import org.descent.optim.LabelFollower;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;
import org.descent.picture.LineStyle;

/**
 * One optimizer in the race, as the user edits it: configuration, colour, line style,
 * visibility. The line style is the card's for its life (as its place in a scenario gives it,
 * or the first one free when it is added): every view draws the run with it.
 */
public final class OptimizerEntry {

  private final ObjectProperty<OptimizerSpec> spec;
  private final ObjectProperty<Color> color;
  private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
  private final javafx.beans.property.DoubleProperty networkRate =
      new javafx.beans.property.SimpleDoubleProperty(this, "networkRate", Double.NaN);

  private final LineStyle lineStyle;
  private boolean labelTyped;

  public OptimizerEntry(OptimizerSpec spec, Color color, LineStyle lineStyle) {
    this.spec = new SimpleObjectProperty<>(this, "spec", spec);
    this.color = new SimpleObjectProperty<>(this, "color", color);
    this.lineStyle = lineStyle == null ? LineStyle.SOLID : lineStyle;
  }

  /** A card drawn solid. */
  public OptimizerEntry(OptimizerSpec spec, Color color) {
    this(spec, color, LineStyle.SOLID);
  }

  /** The dash pattern of this card's path, curves, legend entry and swatch. */
  public LineStyle lineStyle() {
    return lineStyle;
  }

  public ObjectProperty<OptimizerSpec> specProperty() {
    return spec;
  }

  public OptimizerSpec spec() {
    return spec.get();
  }

  /**
   * Changes the configuration. A label the user did not type follows the values it states
   * (see {@link LabelFollower}); a new label in {@code s} is taken as it is.
   */
  public void setSpec(OptimizerSpec s) {
    OptimizerSpec was = spec.get();
    if (!labelTyped && s.label().equals(was.label())) {
      s = s.withLabel(LabelFollower.follow(was.label(), was, s));
    }
    spec.set(s);
  }

  /** A label the user typed: it stays as typed whatever values change. */
  public void rename(String label) {
    labelTyped = true;
    spec.set(spec.get().withLabel(label));
  }

  /** Whether the label was typed by the user (else it follows the values it states). */
  public boolean labelTyped() {
    return labelTyped;
  }

  public ObjectProperty<Color> colorProperty() {
    return color;
  }

  public Color color() {
    return color.get();
  }

  public BooleanProperty visibleProperty() {
    return visible;
  }

  public boolean isVisible() {
    return visible.get();
  }

  /**
   * The learning rate this card uses on the network, NaN for its own lr (a good step on a 2-D
   * toy is rarely a good one for a network).
   */
  public javafx.beans.property.DoubleProperty networkRateProperty() {
    return networkRate;
  }

  /** The rate the network run uses: the network rate, or the card's own lr without one. */
  public double effectiveNetworkRate() {
    double r = networkRate.get();
    if (!Double.isNaN(r)) {
      return r;
    }
    OptimizerSpec s = spec.get();
    return s.type().params().contains(Param.LR)
        ? s.get(Param.LR) : Double.NaN;
  }

  /**
   * The label for the network's run: the rate it states is the network's, which may differ
   * from the card's own learning rate.
   */
  public String networkLabel() {
    OptimizerSpec s = spec.get();
    double r = effectiveNetworkRate();
    if (labelTyped || Double.isNaN(r) || !s.type().params().contains(Param.LR)
        || r == s.get(Param.LR)) {
      return s.label();
    }
    return LabelFollower.follow(s.label(), s, s.with(Param.LR, r));
  }

  /** The colour as "#rrggbb", as scenario files write it. */
  public String hexColor() {
    Color c = color.get();
    return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255),
        Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
  }
}
