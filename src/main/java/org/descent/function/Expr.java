package org.descent.function;

/**
 * The syntax tree of a formula in two variables. Records give structural equality, which the
 * compiler uses to share repeated sub-expressions.
 */
sealed interface Expr {

  /** A number, after named parameters and constants have been substituted. */
  record Num(double value) implements Expr {}

  /** The variable x (index 0) or y (index 1). */
  record Var(int index) implements Expr {}

  /** A function of one argument, or negation. */
  record Unary(UnaryOp op, Expr arg) implements Expr {}

  /** Integer or real power with a constant exponent: arg^exponent. */
  record PowConst(Expr arg, double exponent) implements Expr {}

  /** An operator or function of two arguments. */
  record Binary(BinaryOp op, Expr left, Expr right) implements Expr {}

  enum UnaryOp {
    NEG, RECIP, SIN, COS, TAN, EXP, LOG, SQRT, ABS, TANH, SIGMOID, SOFTPLUS
  }

  enum BinaryOp {
    ADD, SUB, MUL, MIN, MAX
  }
}
