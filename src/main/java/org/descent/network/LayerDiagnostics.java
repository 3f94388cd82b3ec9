package org.descent.network;

/**
 * What the lectures look at in a hidden layer: the histogram of its activations over a set of
 * samples, its dead units (ReLU: never active, u ≤ 0 for every sample, so no gradient ever
 * reaches their weights) and its saturated units (tanh and logistic: the output within
 * {@link ActivationDiagnostics#SATURATION_MARGIN} = 0.02 of a bound of the activation for most
 * (more than half) of the samples: there f′ is below 0.04 for tanh and 0.02 for the logistic,
 * and the gradient through the unit all but vanishes). Dead units apply to ReLU only, saturated ones to tanh and
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
