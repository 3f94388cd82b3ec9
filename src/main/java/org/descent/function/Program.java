package org.descent.function;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
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

  /**
   * Compiles a tree (already folded: see {@link Expr#unary}) into one instruction per distinct
   * sub-expression, children before parents. The walk uses an explicit stack, and repeated
   * sub-expressions are found by value numbering (an instruction is identified by its code,
   * operands and constant), so neither a deep tree nor a long one overflows the stack.
   */
  static Program compile(Expr root) {
    Builder builder = new Builder();
    Map<Expr, Integer> emitted = new IdentityHashMap<>();
    Deque<Expr> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Expr e = todo.peek();
      if (emitted.containsKey(e)) {
        todo.pop();
        continue;
      }
      Expr pending = firstPendingChild(e, emitted);
      if (pending != null) {
        todo.push(pending);
        continue;
      }
      todo.pop();
      emitted.put(e, builder.emit(e, emitted));
    }
    return builder.build();
  }

  /** The left, then the right child not yet compiled; null when all are. */
  private static Expr firstPendingChild(Expr e, Map<Expr, Integer> emitted) {
    if (e instanceof Unary u) {
      return emitted.containsKey(u.arg()) ? null : u.arg();
    }
    if (e instanceof PowConst p) {
      return emitted.containsKey(p.arg()) ? null : p.arg();
    }
    if (e instanceof Binary b) {
      if (!emitted.containsKey(b.left())) {
        return b.left();
      }
      return emitted.containsKey(b.right()) ? null : b.right();
    }
    return null;
  }

  /** An instruction as a key for value numbering. */
  private record Instruction(int op, int a, int b, long constantBits) {}

  private static final class Builder {
    private final Map<Instruction, Integer> seen = new HashMap<>();
    private final List<Instruction> code = new ArrayList<>();

    /** The index of e's instruction; its children must have been emitted. */
    int emit(Expr e, Map<Expr, Integer> emitted) {
      if (e instanceof Num n) {
        return add(CONST, -1, -1, n.value());
      }
      if (e instanceof Var v) {
        return add(v.index() == 0 ? VAR_X : VAR_Y, -1, -1, 0);
      }
      if (e instanceof Unary u) {
        return add(UNARY_BASE + u.op().ordinal(), emitted.get(u.arg()), -1, 0);
      }
      if (e instanceof PowConst p) {
        int arg = emitted.get(p.arg());
        return p.exponent() == 2.0 ? add(SQUARE, arg, -1, 2.0) : add(POW, arg, -1, p.exponent());
      }
      Binary bin = (Binary) e;
      int code = switch (bin.op()) {
        case ADD -> ADD;
        case SUB -> SUB;
        case MUL -> MUL;
        case MIN -> MIN;
        case MAX -> MAX;
      };
      return add(code, emitted.get(bin.left()), emitted.get(bin.right()), 0);
    }

    private int add(int op, int a, int b, double c) {
      Instruction key = new Instruction(op, a, b, Double.doubleToLongBits(c));
      Integer known = seen.get(key);
      if (known != null) {
        return known;
      }
      code.add(key);
      seen.put(key, code.size() - 1);
      return code.size() - 1;
    }

    Program build() {
      int n = code.size();
      int[] op = new int[n];
      int[] a = new int[n];
      int[] b = new int[n];
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        Instruction in = code.get(i);
        op[i] = in.op();
        a[i] = in.a();
        b[i] = in.b();
        c[i] = Double.longBitsToDouble(in.constantBits());
      }
      return new Program(op, a, b, c);
    }
  }
}
