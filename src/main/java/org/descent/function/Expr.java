package org.descent.function;

/**
 * The syntax tree of a formula in two variables. A long sum can make a deep tree (x + x + …
 * nests one level per term), so nothing walks it by recursion: equality and hashing are
 * iterative ({@link ExprWalk}), and so is the compiler.
 *
 * <p>Build nodes with {@link #unary}, {@link #binary} and {@link #power}: they fold constants as
 * they go (a sub-expression without variables becomes its value), so a tree is folded
 * bottom-up without a second pass.
 */
sealed interface Expr {

  /** A number, after named parameters and constants have been substituted. */
  record Num(double value) implements Expr {
    @Override
    public boolean equals(Object o) {
      return ExprWalk.equal(this, o);
    }

    @Override
    public int hashCode() {
      return ExprWalk.hash(this);
    }
  }

  /** The variable x (index 0) or y (index 1). */
  record Var(int index) implements Expr {
    @Override
    public boolean equals(Object o) {
      return ExprWalk.equal(this, o);
    }

    @Override
    public int hashCode() {
      return ExprWalk.hash(this);
    }
  }

  /** A function of one argument, or negation. */
  record Unary(UnaryOp op, Expr arg) implements Expr {
    @Override
    public boolean equals(Object o) {
      return ExprWalk.equal(this, o);
    }

    @Override
    public int hashCode() {
      return ExprWalk.hash(this);
    }
  }

  /** Integer or real power with a constant exponent: arg^exponent. */
  record PowConst(Expr arg, double exponent) implements Expr {
    @Override
    public boolean equals(Object o) {
      return ExprWalk.equal(this, o);
    }

    @Override
    public int hashCode() {
      return ExprWalk.hash(this);
    }
  }

  /** An operator or function of two arguments. */
  record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
    @Override
    public boolean equals(Object o) {
      return ExprWalk.equal(this, o);
    }

    @Override
    public int hashCode() {
      return ExprWalk.hash(this);
    }
  }

  enum BinaryOp {
    ADD, SUB, MUL, MIN, MAX
  }

  /** op(arg), or its value when arg is a number. */
  static Expr unary(UnaryOp op, Expr arg) {
    if (arg instanceof Num n) {
      return new Num(op.value(n.value()));
    }
    return new Unary(op, arg);
  }

  /** op(left, right), or its value when both are numbers. */
  static Expr binary(BinaryOp op, Expr left, Expr right) {
    if (left instanceof Num l && right instanceof Num r) {
      return new Num(JetEvaluator.binaryValue(op, l.value(), r.value()));
    }
    return new Binary(op, left, right);
  }

  /** arg^exponent: its value when arg is a number, arg itself when the exponent is 1. */
  static Expr power(Expr arg, double exponent) {
    if (arg instanceof Num n) {
      return new Num(Math.pow(n.value(), exponent));
    }
    if (exponent == 1.0) {
      return arg;
    }
    return new PowConst(arg, exponent);
  }
}
