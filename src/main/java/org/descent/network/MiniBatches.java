package org.descent.network;

import java.util.SplittableRandom;

/**
 * The order in which the training samples are visited: the training set is shuffled at the
 * start of every epoch (Fisher–Yates, from a generator seeded by the setup's seed) and cut into
 * batches of the batch size, the last one of an epoch smaller when the size does not divide
 * the set (as PyTorch's DataLoader without drop_last). Every run of a setup builds its own
 * instance from the same seed, so every optimizer sees the same batches in the same order. A
 * full batch is the whole set, unshuffled.
 */
public final class MiniBatches {

  private final int size;
  private final int batch;
  private final int[] order;
  private final SplittableRandom random;
  private int position;

  /**
   * @param size training samples
   * @param batch samples per batch (at least the size: the full batch)
   */
  public MiniBatches(int size, int batch, long seed) {
    if (size < 1 || batch < 1) {
      throw new IllegalArgumentException("need samples and a batch size");
    }
    this.size = size;
    this.batch = Math.min(batch, size);
    this.order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    this.random = new SplittableRandom(Seeds.derive(seed, Seeds.BATCHES));
    this.position = size; // shuffle before the first batch
  }

  /** Batches per epoch: ⌈size / batch⌉. */
  public int batchesPerEpoch() {
    return (size + batch - 1) / batch;
  }

  public boolean full() {
    return batch == size;
  }

  /** Epochs completed after {@code steps} batches (fractional). */
  public double epochAfter(long steps) {
    return (double) steps / batchesPerEpoch();
  }

  /** Sets the next batch on the objective. */
  public void next(NetworkObjective f) {
    if (full()) {
      f.setFullBatch();
      return;
    }
    if (position >= size) {
      for (int i = size - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      position = 0;
    }
    int length = Math.min(batch, size - position);
    f.setBatch(order, position, length);
    position += length;
  }

}
