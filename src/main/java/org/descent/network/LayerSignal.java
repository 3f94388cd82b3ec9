package org.descent.network;

/**
 * How the signal fares at one hidden layer, for the lessons on depth and initialization
 * (Glorot and Bengio 2010; Goodfellow et al. section 8.4): the variance of the layer's
 * output over samples and units (it shrinks towards 0 layer after layer when the weights
 * start too small, and holds with Glorot's or He's scale), and the norm of the loss
 * gradient with respect to the layer's weight matrix (which vanishes in the early layers of
 * a deep plain network and is carried back by skip connections).
 *
 * @param layer the hidden layer, from 0 (the first)
 * @param variance the variance of its output h_l over the samples and units (with a skip,
 *     of h_l = h_(l−1) + f(z_l), the signal the next layer sees)
 * @param activationVariance the variance of its activation f(z_l) alone (the same as
 *     {@code variance} without a skip)
 * @param weightGradientNorm ‖∂L/∂W_l‖ over the full set, the training-mode loss
 */
public record LayerSignal(int layer, double variance, double activationVariance,
    double weightGradientNorm) {}
