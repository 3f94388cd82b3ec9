package org.descent.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How things look, shared by every view: the theme and presentation mode (larger fonts,
 * thicker lines, for the back of a lecture hall).
 */
public final class Appearance {

  private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme",
      Theme.LIGHT);
  private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
  private final javafx.beans.property.DoubleProperty presentationFont =
      new javafx.beans.property.SimpleDoubleProperty(this, "presentationFont", 18);

  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  public Theme theme() {
    return theme.get();
  }

  public BooleanProperty presentationProperty() {
    return presentation;
  }

  public boolean presentation() {
    return presentation.get();
  }

  /** The look of the pictures now: theme colours, line scale and base font size. */
  public org.descent.picture.Look look() {
    return theme().look(scale(), (float) fontSize());
  }

  /** The base font size in pixels: 12, or larger in presentation mode. */
  public double fontSize() {
    return presentation() ? presentationFont.get() : 12;
  }

  /**
   * The font size of presentation mode: 18 px fits a laptop's 768 lines; a 1080-line
   * projector gets 21 px, the same share of the screen for the back of the hall.
   */
  public javafx.beans.property.DoubleProperty presentationFontProperty() {
    return presentationFont;
  }

  /** How much thicker lines and larger markers are: 1 normally, 2 in presentation mode. */
  public double scale() {
    return presentation.get() ? 2.0 : 1.0;
  }
}
