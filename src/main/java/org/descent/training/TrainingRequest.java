package org.descent.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.descent.network.NetworkSetup;
import org.descent.optim.OptimizerSpec;

/**
 * What to train: a network setup and the optimizer cards, each with the learning rate it uses
 * on the network (NaN, or a null entry: the card's own lr; ignored by methods without one).
 *
 * @param networkRates one per optimizer, or null for the cards' own rates
 * @param sharpnessEvery compute the Hessian's largest eigenvalue (and Adam's preconditioned
 *     one) every this many steps, at step 0 and at the last step ({@link Sharpness}); 0 for
 *     never
 */
public record TrainingRequest(NetworkSetup setup, List<OptimizerSpec> optimizers,
    List<Double> networkRates, int sharpnessEvery) {

  public TrainingRequest {
    if (sharpnessEvery < 0) {
      throw new IllegalArgumentException("the sharpness interval must be 0 (never) or "
          + "positive, got " + sharpnessEvery);
    }
    if (setup == null) {
      throw new IllegalArgumentException("the scenario has no network section");
    }
    optimizers = List.copyOf(optimizers);
    if (optimizers.isEmpty()) {
      throw new IllegalArgumentException("no optimizers to train with");
    }
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < optimizers.size(); i++) {
      Double r = networkRates == null || i >= networkRates.size() ? null : networkRates.get(i);
      rates.add(r == null ? Double.NaN : r);
    }
    if (networkRates != null && networkRates.size() != optimizers.size()) {
      throw new IllegalArgumentException("one network learning rate per optimizer: "
          + networkRates.size() + " rates for " + optimizers.size() + " optimizers");
    }
    networkRates = Collections.unmodifiableList(rates);
  }

  /** Without the sharpness. */
  public TrainingRequest(NetworkSetup setup, List<OptimizerSpec> optimizers,
      List<Double> networkRates) {
    this(setup, optimizers, networkRates, 0);
  }

  /** Every card with its own learning rate, without the sharpness. */
  public TrainingRequest(NetworkSetup setup, List<OptimizerSpec> optimizers) {
    this(setup, optimizers, null, 0);
  }

  /** The same request with the sharpness every {@code k} steps (0: never). */
  public TrainingRequest withSharpnessEvery(int k) {
    return new TrainingRequest(setup, optimizers, networkRates, k);
  }
}
