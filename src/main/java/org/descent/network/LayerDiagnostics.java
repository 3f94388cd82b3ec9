package org.descent.network;

/**
 * What the lectures look at in a hidden layer: the histogram of its activations over a set of
 * samples, its dead units (ReLU: never active, u ≤ 0 for every sample, so no gradient ever
 * reaches their weights) and its saturated units (tanh and logistic: the output within
 * {@link ActivationDiagnostics#SATURATION_MARGIN} of a bound of the activation for at least
 * {@link ActivationDiagnostics#SATURATED_SHARE} of the samples, where f′ is below about 0.04
 * and the gradient vanishes). Dead units apply to ReLU only, saturated ones to tanh and
 * logistic only; the other count is 0.
 *
 * @param layer the hidden layer, from 0 (the first)
 * @param samples how many samples were evaluated
 */
public record LayerDiagnostics(int layer, Activation activation, int units, int samples,
    Histogram histogram, int dead, int saturated) {

  public double deadFraction() {
    return (double) dead / units;
  }

  public double saturatedFraction() {
    return (double) saturated / units;
  }
}
