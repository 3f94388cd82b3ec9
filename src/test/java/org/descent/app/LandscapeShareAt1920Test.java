package org.descent.app;

/** The landscape's share and the text sizes of {@link LandscapeShareTest} on a 1080p projector. */
class LandscapeShareAt1920Test extends LandscapeShareTest {

  @Override
  protected double[] size() {
    return new double[] {1920, 1080};
  }
}
