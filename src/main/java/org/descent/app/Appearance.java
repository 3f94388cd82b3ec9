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
    return theme().look(scale(), presentation() ? 18f : 12f);
  }

  /** How much thicker lines and larger markers are: 1 normally, 2 in presentation mode. */
  public double scale() {
    return presentation.get() ? 2.0 : 1.0;
  }
}
