package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The app repaints whole scenes (JavaFX's dirty regions left status lines stale on GTK), and a
 * user who asks for dirty regions on the command line still gets them.
 */
class RepaintWholeScenesTest {

  @Test
  void dirtyRegionsAreOffByDefault() {
    Properties p = new Properties();
    DescentApp.repaintWholeScenes(p);
    assertEquals("false", p.getProperty("prism.dirtyopts"));
  }

  @Test
  void aUsersChoiceIsKept() {
    Properties p = new Properties();
    p.setProperty("prism.dirtyopts", "true");
    DescentApp.repaintWholeScenes(p);
    assertEquals("true", p.getProperty("prism.dirtyopts"));
  }
}
