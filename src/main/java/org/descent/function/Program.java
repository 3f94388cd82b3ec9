package org.descent.function;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.descent.function.Expr.Binary;
import org.descent.function.Expr.Num;
import org.descent.function.Expr.PowConst;
import org.descent.function.Expr.Unary;
import org.descent.function.Expr.Var;

/**
 * A formula compiled into a straight-line program: one instruction per distinct
 * sub-expression, in evaluation order, constants folded. Immutable and shareable between
 * threads; each thread evaluates it with its own {@link JetEvaluator}.
 */
final class Program {

  static final int CONST = 0;
  static final int VAR_X = 1;
  static final int VAR_Y = 2;
  static final int ADD = 3;
  static final int SUB = 4;
  static final int MUL = 5;
  static final int MIN = 6;
  static final int MAX = 7;
  static final int POW = 8;
  static final int SQUARE = 9;
  static final int UNARY_BASE = 16; // UNARY_BASE + UnaryOp.ordinal()

  final int[] op;
  final int[] a;
  final int[] b;
  final double[] constant;

  private Program(int[] op, int[] a, int[] b, double[] constant) {
    this.op = op;
    this.a = a;
    this.b = b;
    this.constant = constant;
  }

  int length() {
    return op.length;
  }

  static Program compile(Expr root) {
    Builder builder = new Builder();
    builder.emit(fold(root));
    return builder.build();
  }

  /** Replaces every sub-expression without variables by its value. */
  static Expr fold(Expr e) {
    if (e instanceof Unary u) {
      Expr arg = fold(u.arg());
      if (arg instanceof Num n) {
        return new Num(JetEvaluator.unaryValue(u.op(), n.value()));
      }
      return new Unary(u.op(), arg);
    }
    if (e instanceof PowConst p) {
      Expr arg = fold(p.arg());
      if (arg instanceof Num n) {
        return new Num(Math.pow(n.value(), p.exponent()));
      }
      if (p.exponent() == 1.0) {
        return arg;
      }
      return new PowConst(arg, p.exponent());
    }
    if (e instanceof Binary bin) {
      Expr l = fold(bin.left());
      Expr r = fold(bin.right());
      if (l instanceof Num ln && r instanceof Num rn) {
        return new Num(JetEvaluator.binaryValue(bin.op(), ln.value(), rn.value()));
      }
      return new Binary(bin.op(), l, r);
    }
    return e;
  }

  private static final class Builder {
    private final Map<Expr, Integer> seen = new HashMap<>();
    private final List<int[]> code = new ArrayList<>();
    private final List<Double> constants = new ArrayList<>();

    int emit(Expr e) {
      Integer known = seen.get(e);
      if (known != null) {
        return known;
      }
      int index;
      if (e instanceof Num n) {
        index = add(CONST, -1, -1, n.value());
      } else if (e instanceof Var v) {
        index = add(v.index() == 0 ? VAR_X : VAR_Y, -1, -1, 0);
      } else if (e instanceof Unary u) {
        int arg = emit(u.arg());
        index = add(UNARY_BASE + u.op().ordinal(), arg, -1, 0);
      } else if (e instanceof PowConst p) {
        int arg = emit(p.arg());
        index = p.exponent() == 2.0 ? add(SQUARE, arg, -1, 2.0) : add(POW, arg, -1, p.exponent());
      } else {
        Binary bin = (Binary) e;
        int l = emit(bin.left());
        int r = emit(bin.right());
        int code = switch (bin.op()) {
          case ADD -> ADD;
          case SUB -> SUB;
          case MUL -> MUL;
          case MIN -> MIN;
          case MAX -> MAX;
        };
        index = add(code, l, r, 0);
      }
      seen.put(e, index);
      return index;
    }

    private int add(int op, int a, int b, double c) {
      code.add(new int[] {op, a, b});
      constants.add(c);
      return code.size() - 1;
    }

    Program build() {
      int n = code.size();
      int[] op = new int[n];
      int[] a = new int[n];
      int[] b = new int[n];
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        op[i] = code.get(i)[0];
        a[i] = code.get(i)[1];
        b[i] = code.get(i)[2];
        c[i] = constants.get(i);
      }
      return new Program(op, a, b, c);
    }
  }
}
