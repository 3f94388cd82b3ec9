package org.descent.function;

import java.util.ArrayDeque;
import java.util.Deque;
import org.descent.function.Expr.Binary;
import org.descent.function.Expr.Num;
import org.descent.function.Expr.PowConst;
import org.descent.function.Expr.Unary;
import org.descent.function.Expr.Var;

/**
 * Structural equality and hashing of syntax trees without recursion, with an explicit stack:
 * the generated record methods recurse once per level and overflow the stack on a long sum.
 * Two trees are equal when their nodes, read in pre-order, are equal one by one (the kind of a
 * node fixes how many children follow, so the order determines the tree).
 */
final class ExprWalk {

  private ExprWalk() {}

  static int hash(Expr root) {
    int h = 17;
    Deque<Expr> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Expr e = todo.pop();
      h = 31 * h + label(e);
      pushChildren(todo, e);
    }
    return h;
  }

  static boolean equal(Expr a, Object other) {
    if (!(other instanceof Expr b)) {
      return false;
    }
    Deque<Expr> left = new ArrayDeque<>();
    Deque<Expr> right = new ArrayDeque<>();
    left.push(a);
    right.push(b);
    while (!left.isEmpty()) {
      Expr l = left.pop();
      Expr r = right.pop();
      if (l == r) {
        continue;
      }
      if (!sameNode(l, r)) {
        return false;
      }
      pushChildren(left, l);
      pushChildren(right, r);
    }
    return true;
  }

  /** Whether two nodes agree in kind, operator and constants (not in their children). */
  private static boolean sameNode(Expr l, Expr r) {
    if (l instanceof Num a && r instanceof Num b) {
      return Double.compare(a.value(), b.value()) == 0;
    }
    if (l instanceof Var a && r instanceof Var b) {
      return a.index() == b.index();
    }
    if (l instanceof Unary a && r instanceof Unary b) {
      return a.op() == b.op();
    }
    if (l instanceof PowConst a && r instanceof PowConst b) {
      return Double.compare(a.exponent(), b.exponent()) == 0;
    }
    if (l instanceof Binary a && r instanceof Binary b) {
      return a.op() == b.op();
    }
    return false;
  }

  private static int label(Expr e) {
    if (e instanceof Num n) {
      return Double.hashCode(n.value());
    }
    if (e instanceof Var v) {
      return 1 + v.index();
    }
    if (e instanceof Unary u) {
      return 100 + u.op().ordinal();
    }
    if (e instanceof PowConst p) {
      return 200 + Double.hashCode(p.exponent());
    }
    return 300 + ((Binary) e).op().ordinal();
  }

  /** Pushes the children so that they pop left first (pre-order). */
  private static void pushChildren(Deque<Expr> stack, Expr e) {
    if (e instanceof Unary u) {
      stack.push(u.arg());
    } else if (e instanceof PowConst p) {
      stack.push(p.arg());
    } else if (e instanceof Binary b) {
      stack.push(b.right());
      stack.push(b.left());
    }
  }
}
