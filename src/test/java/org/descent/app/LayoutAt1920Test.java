package org.descent.app;

/** The same layout checks on a 1920 × 1080 projector. */
class LayoutAt1920Test extends LayoutTest {

  @Override
  protected double[] size() {
    return new double[] {1920, 1080};
  }
}
