package org.descent.app.model;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.descent.analysis.BasinMap;
import org.descent.function.ViewBox;
import org.descent.picture.MapScene;

/**
 * What the contour map shares with the analyses drawn over it, held here so that no view asks
 * another: the map publishes the part of the plane it shows, the basins and the step inspector
 * publish what the map draws over the paths. Use on the JavaFX thread only.
 */
public final class MapOverlays {

  private final ObjectProperty<ViewBox> shownView = new SimpleObjectProperty<>(this, "shownView");
  private final ObjectProperty<BasinMap> basins = new SimpleObjectProperty<>(this, "basins");
  private final ObjectProperty<MapScene.Inspection> step =
      new SimpleObjectProperty<>(this, "step");

  /**
   * The part of the plane the map shows: the model's view widened to the map's shape; null
   * before the map is laid out.
   */
  public ObjectProperty<ViewBox> shownViewProperty() {
    return shownView;
  }

  /** The basins of attraction to paint under the paths, or null. */
  public ObjectProperty<BasinMap> basinsProperty() {
    return basins;
  }

  /** The step the step inspector looks into, drawn on the map; null for none. */
  public ObjectProperty<MapScene.Inspection> stepProperty() {
    return step;
  }
}
