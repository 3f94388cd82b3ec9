package org.descent.network;

/**
 * Where each layer's parameters sit in the one flat θ (and, in the same layout, in the
 * gradient and in a direction v): layer by layer from the input, each dense layer's weight
 * matrix (rows = output units, columns = inputs, row-major: PyTorch's Linear layout), then its
 * bias, or, when batch normalization follows it, its scale γ and shift β instead (a bias
 * before batch normalization would be subtracted again with the batch mean). An offset of −1
 * means the layer has no such part.
 */
public final class ParameterLayout {

  private final Architecture architecture;
  private final int[] weight;
  private final int[] bias;
  private final int[] scale;
  private final int[] shift;
  private final int count;

  ParameterLayout(Architecture a) {
    this.architecture = a;
    int layers = a.layers();
    weight = new int[layers];
    bias = new int[layers];
    scale = new int[layers];
    shift = new int[layers];
    int at = 0;
    for (int l = 0; l < layers; l++) {
      int units = a.unitsOf(l);
      weight[l] = at;
      at += units * a.inputsOf(l);
      if (a.normalized(l)) {
        bias[l] = -1;
        scale[l] = at;
        at += units;
        shift[l] = at;
        at += units;
      } else {
        bias[l] = at;
        at += units;
        scale[l] = -1;
        shift[l] = -1;
      }
    }
    count = at;
  }

  public Architecture architecture() {
    return architecture;
  }

  /** The offset of layer l's weight matrix (units × inputs, row-major). */
  public int weight(int layer) {
    return weight[layer];
  }

  /** The offset of layer l's bias, or −1 when batch normalization follows the layer. */
  public int bias(int layer) {
    return bias[layer];
  }

  /** The offset of layer l's batch-normalization scale γ, or −1. */
  public int scale(int layer) {
    return scale[layer];
  }

  /** The offset of layer l's batch-normalization shift β, or −1. */
  public int shift(int layer) {
    return shift[layer];
  }

  public int parameterCount() {
    return count;
  }

  /**
   * The parameter at an index, as a person reads it: "layer 2 weight[3][0]" (layers and
   * indices from 1 and 0 as in the weights file: layer 1 is the first).
   */
  public String describe(int index) {
    for (int l = architecture.layers() - 1; l >= 0; l--) {
      int in = architecture.inputsOf(l);
      String layer = "layer " + (l + 1) + " ";
      if (shift[l] >= 0 && index >= shift[l]) {
        return layer + "shift[" + (index - shift[l]) + "]";
      }
      if (scale[l] >= 0 && index >= scale[l]) {
        return layer + "scale[" + (index - scale[l]) + "]";
      }
      if (bias[l] >= 0 && index >= bias[l]) {
        return layer + "bias[" + (index - bias[l]) + "]";
      }
      if (index >= weight[l]) {
        int i = index - weight[l];
        return layer + "weight[" + (i / in) + "][" + (i % in) + "]";
      }
    }
    throw new IndexOutOfBoundsException(index);
  }
}
