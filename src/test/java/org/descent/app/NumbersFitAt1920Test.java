package org.descent.app;

/** The same checks on a 1920 × 1080 projector, with its presentation font. */
class NumbersFitAt1920Test extends NumbersFitTest {

  @Override
  protected double[] size() {
    return new double[] {1920, 1080};
  }

  @Override
  protected double presentationFont() {
    return 21;
  }
}
