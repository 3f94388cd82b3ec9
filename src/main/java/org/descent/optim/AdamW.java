package org.descent.optim;

/**
 * AdamW, Adam with decoupled weight decay: Loshchilov and Hutter, "Decoupled Weight Decay
 * Regularization" (ICLR 2019), Algorithm 2, in the form of torch.optim.AdamW. With g the
 * gradient at θ: s ← ρ₁s + (1 − ρ₁)g, r ← ρ₂r + (1 − ρ₂) g⊙g, and
 * θ ← θ − ε (ŝ/(√r̂ + δ) + λθ), computed as PyTorch does, θ ← (1 − ελ)θ and then Adam's step.
 * The decay does not pass through the moments (L2 regularization added to the loss would, and
 * Adam would then divide it by √r̂, decaying the weights with large gradients least: the
 * paper's point).
 *
 * <p>As in PyTorch, λ is multiplied by the learning rate ε (a schedule included); the paper
 * multiplies it by the schedule's factor η_t only, so PyTorch's λ is the paper's λ divided by
 * its α. The default λ = 0.01 is PyTorch's. AdamWTest compares the iterates with PyTorch's,
 * step for step.
 */
final class AdamW extends Adam {

  AdamW(OptimizerSpec spec) {
    super(spec);
  }

  @Override
  protected void configure(OptimizerSpec spec) {
    super.configure(spec);
    decay = spec.get(Param.WEIGHT_DECAY);
  }
}
