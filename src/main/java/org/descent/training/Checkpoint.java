package org.descent.training;

/**
 * Early stopping (Goodfellow et al. section 7.8): the evaluated step with the lowest
 * validation loss so far, and the weights at that step, so that they can be restored when
 * the validation loss turns up later. Immutable: the weights are copied in and out.
 *
 * <p>With batch normalization the validation loss also depends on the running averages at
 * that step, which are not kept: restoring these weights into a run whose averages have
 * moved on gives a slightly different loss. Without batch normalization the weights alone
 * give back {@link #valLoss()} exactly.
 *
 * @param step the step of the best evaluation (the first one on a tie)
 * @param valLoss its validation loss
 */
public record Checkpoint(int step, double valLoss, double[] weights) {

  public Checkpoint {
    weights = weights.clone();
  }

  /** The weights at {@link #step()} (a copy). */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c && c.step == step
        && Double.compare(c.valLoss, valLoss) == 0 && java.util.Arrays.equals(c.weights, weights);
  }

  @Override
  public int hashCode() {
    return 31 * Integer.hashCode(step) + java.util.Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Checkpoint[step=" + step + ", valLoss=" + valLoss + "]";
  }
}
