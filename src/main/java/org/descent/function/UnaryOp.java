package org.descent.function;

/**
 * The functions of one argument in the formula language, and negation, with their value and
 * first two derivatives: the one table that the scalar evaluator ({@link JetEvaluator}, to
 * second order), the lane-wise loops ({@link FormulaLanes}) and the compiled kernels
 * ({@link FormulaKernels}) all read, so that they agree bit for bit. A new function is a
 * constant here and a case in each of the three methods (the compiler asks for them).
 *
 * <p>The derivatives take what is already computed, φ(x) and φ'(x), where reusing it is
 * cheaper than recomputing (tan' = 1 + tan²); the evaluators must pass exactly those values.
 */
enum UnaryOp {
  NEG, RECIP, SIN, COS, TAN, EXP, LOG, SQRT, ABS, TANH, SIGMOID, SOFTPLUS;

  /** φ(x). */
  double value(double x) {
    return switch (this) {
      case NEG -> -x;
      case RECIP -> 1 / x;
      case SIN -> Math.sin(x);
      case COS -> Math.cos(x);
      case TAN -> Math.tan(x);
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case SQRT -> Math.sqrt(x);
      case ABS -> Math.abs(x);
      case TANH -> Math.tanh(x);
      case SIGMOID -> sigmoid(x);
      case SOFTPLUS -> softplus(x);
    };
  }

  /** φ'(x), given value = φ(x). */
  double first(double x, double value) {
    return switch (this) {
      case NEG -> -1;
      case RECIP -> -value * value;
      case SIN -> Math.cos(x);
      case COS -> -Math.sin(x);
      case TAN -> 1 + value * value;
      case EXP -> value;
      case LOG -> 1 / x;
      case SQRT -> 0.5 / value;
      case ABS -> Math.signum(x);
      case TANH -> 1 - value * value;
      case SIGMOID -> value * (1 - value);
      case SOFTPLUS -> sigmoid(x);
    };
  }

  /** φ''(x), given value = φ(x) and first = φ'(x). */
  double second(double x, double value, double first) {
    return switch (this) {
      case NEG, ABS -> 0;
      case RECIP -> 2 * value * value * value;
      case SIN, COS -> -value;
      case TAN -> 2 * value * first;
      case EXP -> value;
      case LOG -> -first * first;
      case SQRT -> -0.25 / (value * x);
      case TANH -> -2 * value * first;
      case SIGMOID -> first * (1 - 2 * value);
      case SOFTPLUS -> first * (1 - first);
    };
  }

  /** The logistic function, without overflow for large |x|. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  /** log(1 + eˣ), without overflow for large x. */
  static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }
}
