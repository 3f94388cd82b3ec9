package org.descent.optim;

/**
 * A method whose step has a sharpness threshold on a quadratic ({@link StabilityThreshold}):
 * each such optimizer class states its own, so that a new row of the table brings its line
 * with its class.
 */
interface StabilityBound {

  /** The threshold at learning rate {@code lr} (positive and finite). */
  StabilityThreshold stabilityThreshold(double lr);
}
