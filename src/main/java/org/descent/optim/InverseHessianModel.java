package org.descent.optim;

/**
 * A quasi-Newton run's current model M ≈ H⁻¹ of the inverse Hessian, the matrix its next
 * direction d = −M g is computed with: BFGS holds it; L-BFGS builds it from its pairs (s, y).
 * A view finds it with {@code run instanceof InverseHessianModel}.
 */
public interface InverseHessianModel {

  /** M, n × n row-major (a copy); null before the first step. */
  double[] inverseHessian();
}
