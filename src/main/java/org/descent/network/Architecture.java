package org.descent.network;

import java.util.List;

/**
 * The shape of a multilayer perceptron: inputs, the widths of the dense hidden layers, the
 * classes of the softmax output, the hidden activation and whether batch normalization sits
 * between each hidden layer's affine map and its activation. The constructor refuses shapes
 * beyond the limits below with plain messages, so that a file cannot ask for a network that
 * does not fit in memory.
 *
 * @param hidden the width of each hidden layer, input side first (may be empty: a softmax
 *     regression)
 * @param residual whether each hidden layer after the first whose width equals its input's
 *     adds its input to its output, h_l = h_(l−1) + f(z_l) (He et al. 2016): the identity path
 *     carries the signal and the gradient past the layer, which is what lets a deep network
 *     train (Goodfellow et al. section 8.7.5)
 */
public record Architecture(int inputs, List<Integer> hidden, int classes, Activation activation,
    boolean batchNorm, boolean residual) {

  /** The most hidden layers: enough for Tripp's ten-layer initialization example. */
  public static final int MAX_HIDDEN_LAYERS = 12;
  /** The widest hidden layer. */
  public static final int MAX_UNITS = 1024;
  /** The most input features. */
  public static final int MAX_INPUTS = 1000;
  /** The most classes. */
  public static final int MAX_CLASSES = 100;
  /** The most parameters (weights, biases, scales and shifts): 8 MB per copy of θ. */
  public static final int MAX_PARAMETERS = 1_000_000;

  public Architecture {
    hidden = List.copyOf(hidden);
    if (inputs < 1 || inputs > MAX_INPUTS) {
      throw new IllegalArgumentException("a network takes 1 to " + MAX_INPUTS
          + " inputs, got " + inputs);
    }
    if (classes < 2 || classes > MAX_CLASSES) {
      throw new IllegalArgumentException("a classifier needs 2 to " + MAX_CLASSES
          + " classes, got " + classes);
    }
    if (hidden.size() > MAX_HIDDEN_LAYERS) {
      throw new IllegalArgumentException("at most " + MAX_HIDDEN_LAYERS
          + " hidden layers, got " + hidden.size());
    }
    for (int w : hidden) {
      if (w < 1 || w > MAX_UNITS) {
        throw new IllegalArgumentException("a hidden layer has 1 to " + MAX_UNITS
            + " units, got " + w);
      }
    }
    if (activation == null) {
      throw new IllegalArgumentException("an activation is required");
    }
    long count = count(inputs, hidden, classes, batchNorm);
    if (count > MAX_PARAMETERS) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "the network would have %,d parameters; at most %,d", count, MAX_PARAMETERS));
    }
  }

  /** A plain (not residual) network. */
  public Architecture(int inputs, List<Integer> hidden, int classes, Activation activation,
      boolean batchNorm) {
    this(inputs, hidden, classes, activation, batchNorm, false);
  }

  /**
   * Whether dense layer l has a skip connection: a hidden layer after the first, as wide as
   * the layer before it, in a residual network.
   */
  public boolean skips(int layer) {
    return residual && layer >= 1 && layer < hidden.size()
        && hidden.get(layer).equals(hidden.get(layer - 1));
  }

  /** Dense layers, the output layer included. */
  public int layers() {
    return hidden.size() + 1;
  }

  /** Output units of dense layer l (the classes for the last). */
  public int unitsOf(int layer) {
    return layer < hidden.size() ? hidden.get(layer) : classes;
  }

  /** Inputs of dense layer l. */
  public int inputsOf(int layer) {
    return layer == 0 ? inputs : hidden.get(layer - 1);
  }

  /** Whether dense layer l is followed by batch normalization (hidden layers only). */
  public boolean normalized(int layer) {
    return batchNorm && layer < hidden.size();
  }

  /** Weights, biases, scales and shifts in all. */
  public int parameterCount() {
    return (int) count(inputs, hidden, classes, batchNorm);
  }

  /** Where each layer's parameters sit in θ. */
  public ParameterLayout layout() {
    return new ParameterLayout(this);
  }

  /** "2-16-16-2 tanh, batch norm", for titles and messages. */
  public String describe() {
    StringBuilder sb = new StringBuilder().append(inputs);
    for (int w : hidden) {
      sb.append('-').append(w);
    }
    sb.append('-').append(classes).append(' ').append(activation.key());
    if (residual) {
      sb.append(", residual");
    }
    return batchNorm ? sb.append(", batch norm").toString() : sb.toString();
  }

  private static long count(int inputs, List<Integer> hidden, int classes, boolean batchNorm) {
    long n = 0;
    int in = inputs;
    for (int w : hidden) {
      // with batch normalization the shift β replaces the bias, which would have no effect
      n += (long) w * in + (batchNorm ? 2L * w : w);
      in = w;
    }
    return n + (long) classes * in + classes;
  }
}
