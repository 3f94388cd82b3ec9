package org.descent.function;

/**
 * A twice-differentiable function of a parameter vector: a 2-D test function, or the loss of a
 * network over its weights. Implementations may keep scratch space and are then not safe to
 * share between threads: {@link #copy()} gives an independent instance for another thread.
 *
 * <p>Array arguments: {@code theta} is read, never modified; output arrays are overwritten.
 */
public interface Objective {

  /** Number of parameters. */
  int dimension();

  /** f(θ). */
  double value(double[] theta);

  /** Writes ∇f(θ) into {@code gradient} (length n) and returns f(θ). */
  double valueAndGradient(double[] theta, double[] gradient);

  /** Writes ∇f(θ) into {@code gradient}. Counted as a gradient evaluation only. */
  default void gradient(double[] theta, double[] gradient) {
    valueAndGradient(theta, gradient);
  }

  /** Whether {@link #valueGradientHessian} is available (false for large networks). */
  default boolean hasHessian() {
    return true;
  }

  /**
   * Writes ∇f(θ) into {@code gradient} and the Hessian, row-major n×n, into {@code hessian};
   * returns f(θ).
   *
   * @throws UnsupportedOperationException when {@link #hasHessian()} is false
   */
  double valueGradientHessian(double[] theta, double[] gradient, double[] hessian);

  /** An independent instance computing the same function, for use on another thread. */
  Objective copy();
}
