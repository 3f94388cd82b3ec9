package org.descent.app;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/**
 * Small vector icons, so buttons do not depend on a font having ⏮ or ⏸ (many Linux and
 * Windows fonts do not). They take the text colour of the button.
 */
public final class Icons {

  private Icons() {}

  public static Node play() {
    return icon("M0,0 L0,14 L12,7 Z");
  }

  public static Node pause() {
    return icon("M0,0 H4 V14 H0 Z M8,0 H12 V14 H8 Z");
  }

  public static Node stepForward() {
    return icon("M0,0 L0,14 L9,7 Z M10,0 H13 V14 H10 Z");
  }

  public static Node stepBack() {
    return icon("M13,0 L13,14 L4,7 Z M0,0 H3 V14 H0 Z");
  }

  public static Node toStart() {
    return icon("M0,0 H3 V14 H0 Z M10,0 L10,14 L3,7 Z M17,0 L17,14 L10,7 Z");
  }

  public static Node toEnd() {
    return icon("M0,0 L0,14 L7,7 Z M7,0 L7,14 L14,7 Z M14,0 H17 V14 H14 Z");
  }

  /** Three stacked bars: the side panel. */
  public static Node panel() {
    return icon("M0,0 H14 V2.5 H0 Z M0,5.5 H14 V8 H0 Z M0,11 H14 V13.5 H0 Z");
  }

  public static Node duplicate() {
    return icon("M4,0 H13 V9 H4 Z M5.5,1.5 V7.5 H11.5 V1.5 Z M0,4 H2.5 V5.5 H1.5 V11.5 H7.5 "
        + "V10.5 H9 V13 H0 Z");
  }

  public static Node remove() {
    return icon("M1,0 L6.5,5.5 L12,0 L13,1 L7.5,6.5 L13,12 L12,13 L6.5,7.5 L1,13 L0,12 "
        + "L5.5,6.5 L0,1 Z");
  }

  private static Node icon(String path) {
    SVGPath svg = new SVGPath();
    svg.setContent(path);
    svg.getStyleClass().add("icon");
    return svg;
  }
}
