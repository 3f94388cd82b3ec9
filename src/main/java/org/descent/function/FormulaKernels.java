package org.descent.function;

import java.lang.invoke.MethodHandles;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Compiles a {@link Program} into a fused loop over points: one generated method that, for each
 * point, runs every instruction on local variables (value, ∂x, ∂y per instruction) and stores
 * only the gradient. The JIT then keeps the whole jet in registers, where the instruction-by-
 * instruction loops of {@link FormulaLanes} go through memory for every operation: about three
 * times faster on a basin map, and more for polynomials, whose loop the JIT also vectorizes
 * (see {@link #generate}).
 *
 * <p>Each operation is the scalar evaluator's, in its order (the functions of one argument
 * from the same {@link UnaryOp} table, the rest from the helpers below), so the gradient is
 * identical bit for bit. A program too long for
 * the JIT to compile as one method (HotSpot leaves methods over 8,000 bytes of bytecode to the
 * interpreter) gets no kernel, and FormulaLanes runs its own loops instead.
 */
final class FormulaKernels {

  /**
   * The generated methods. Both read x and y and write dx and dy, at points from ≤ j &lt; to.
   */
  interface Kernel {
    /** The evaluator's gradient, guards included. */
    void exact(double[] x, double[] y, int from, int to, double[] dx, double[] dy);

    /**
     * The gradient without guards at points 0 ≤ j &lt; n, and in {@code flags[j]} the product of
     * the guarded terms: where {@link #suspicious} says so, the caller computes the point again
     * with {@link #exact}. Returns false when there is nothing to check (no guarded term, or a
     * program that runs {@code exact} throughout).
     */
    boolean optimistic(double[] x, double[] y, int n, double[] dx, double[] dy, double[] flags);
  }

  /** The longest program compiled (well under the JIT's size limit: ~40 bytes each). */
  static final int MAX_INSTRUCTIONS = 150;

  private static final UnaryOp[] UNARY = UnaryOp.values();
  private static final String HELPERS = "org/descent/function/FormulaKernels";
  private static final String UNARY_OP = "org/descent/function/UnaryOp";
  private static final String NAME = "org/descent/function/FormulaKernel";
  private static final String DDD = "(DD)D";
  private static final String EXACT = "([D[DII[D[D)V";

  private FormulaKernels() {}

  /** The kernels of the program (stateless, shareable), or null when it is too long. */
  static Kernel compile(Program p) {
    if (p.length() > MAX_INSTRUCTIONS) {
      return null;
    }
    byte[] bytes = generate(p);
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
      return (Kernel) lookup.findConstructor(lookup.lookupClass(),
          java.lang.invoke.MethodType.methodType(void.class)).invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot compile the formula kernel: " + e, e);
    }
  }

  // Locals of both methods: 0 this, 1 x, 2 y, 3 n (or from), 4 to (or flags), 5 dx, 6 dy, 7 j,
  // 8 scratch D, 10 the product P of the guarded terms, then per instruction i the value, ∂x
  // and ∂y at 12 + 6i, 14 + 6i and 16 + 6i. optimistic(x, y, n, dx, dy, flags) moves its
  // arrays to those slots first.
  private static final int J = 7;
  private static final int D = 8;
  private static final int P = 10;
  private static final int DX = 5;
  private static final int DY = 6;
  private static final int FLAGS = 4;

  private static int val(int i) {
    return 12 + 6 * i;
  }

  private static int ddx(int i) {
    return 14 + 6 * i;
  }

  private static int ddy(int i) {
    return 16 + 6 * i;
  }

  /**
   * Two methods. {@code exact(x, y, from, to, dx, dy)} runs the scalar evaluator's operations,
   * guards included: times(d, t) is 0 where t is ±0, whatever d (0·∞ would be NaN, and the sign
   * of a zero must be the evaluator's). {@code optimistic} runs a polynomial program (sums,
   * products, squares, negation) without those guards, which lets the JIT vectorize the loop,
   * and multiplies the guarded terms into P: a lane where one was ±0 has P = 0 or NaN, and is
   * computed again by {@code exact}, so every lane is still the evaluator's, bit for bit. Other
   * programs (functions, powers, min and max) run {@code exact} directly.
   */
  private static byte[] generate(Program p) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, NAME, null, "java/lang/Object",
        new String[] {"org/descent/function/FormulaKernels$Kernel"});
    MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, "exact", EXACT, null, null);
    m.visitCode();
    m.visitVarInsn(Opcodes.ILOAD, 3);
    m.visitVarInsn(Opcodes.ISTORE, J);
    Label test = new Label();
    Label body = new Label();
    m.visitJumpInsn(Opcodes.GOTO, test);
    m.visitLabel(body);
    for (int i = 0; i < p.length(); i++) {
      instruction(m, p, i);
    }
    int root = p.length() - 1;
    store(m, DX, ddx(root));
    store(m, DY, ddy(root));
    m.visitIincInsn(J, 1);
    m.visitLabel(test);
    m.visitVarInsn(Opcodes.ILOAD, J);
    m.visitVarInsn(Opcodes.ILOAD, 4);
    m.visitJumpInsn(Opcodes.IF_ICMPLT, body);
    m.visitInsn(Opcodes.RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();

    // optimistic(x, y, n, dx, dy, flags): dx, dy and flags move to 5, 6 and 4.
    MethodVisitor g = cw.visitMethod(Opcodes.ACC_PUBLIC, "optimistic", "([D[DI[D[D[D)Z", null,
        null);
    g.visitCode();
    boolean guarded = false;
    if (optimistic(p)) {
      g.visitVarInsn(Opcodes.ALOAD, 4);
      g.visitVarInsn(Opcodes.ALOAD, 5);
      g.visitVarInsn(Opcodes.ALOAD, 6);
      g.visitVarInsn(Opcodes.ASTORE, FLAGS);
      g.visitVarInsn(Opcodes.ASTORE, DY);
      g.visitVarInsn(Opcodes.ASTORE, DX);
      guarded = Optimistic.emit(g, p);
    } else {
      g.visitVarInsn(Opcodes.ALOAD, 0);
      g.visitVarInsn(Opcodes.ALOAD, 1);
      g.visitVarInsn(Opcodes.ALOAD, 2);
      g.visitInsn(Opcodes.ICONST_0);
      g.visitVarInsn(Opcodes.ILOAD, 3);
      g.visitVarInsn(Opcodes.ALOAD, 4);
      g.visitVarInsn(Opcodes.ALOAD, 5);
      g.visitMethodInsn(Opcodes.INVOKEVIRTUAL, NAME, "exact", EXACT, false);
    }
    g.visitInsn(guarded ? Opcodes.ICONST_1 : Opcodes.ICONST_0);
    g.visitInsn(Opcodes.IRETURN);
    g.visitMaxs(0, 0);
    g.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** Whether every instruction is one the unguarded loop handles. */
  private static boolean optimistic(Program p) {
    for (int code : p.op) {
      boolean ok = code == Program.CONST || code == Program.VAR_X || code == Program.VAR_Y
          || code == Program.ADD || code == Program.SUB || code == Program.MUL
          || code == Program.SQUARE || code == Program.UNARY_BASE + UnaryOp.NEG.ordinal();
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The unguarded loop. Values known when the formula is compiled (constants, the derivatives
   * 1 and 0 of x and y, and what follows from them alone) are folded here, with the same IEEE
   * operations the evaluator would run, so a guard on a known term is decided now: a known
   * zero gives 0, a known non-zero term the plain product. Only the remaining (runtime) terms
   * are guarded through P.
   */
  private static final class Optimistic {
    private final MethodVisitor m;
    private final Double[] kv;
    private final Double[] kx;
    private final Double[] ky;
    private boolean guarded;

    private Optimistic(MethodVisitor m, int n) {
      this.m = m;
      kv = new Double[n];
      kx = new Double[n];
      ky = new Double[n];
    }

    /** Emits the loop; returns whether any term is guarded (flags written). */
    static boolean emit(MethodVisitor m, Program p) {
      Optimistic o = new Optimistic(m, p.length());
      Label test = new Label();
      Label body = new Label();
      m.visitInsn(Opcodes.ICONST_0);
      m.visitVarInsn(Opcodes.ISTORE, J);
      m.visitJumpInsn(Opcodes.GOTO, test);
      m.visitLabel(body);
      m.visitInsn(Opcodes.DCONST_1);
      m.visitVarInsn(Opcodes.DSTORE, P);
      for (int i = 0; i < p.length(); i++) {
        o.instruction(p, i);
      }
      int root = p.length() - 1;
      o.store(DX, o.kx, root, ddx(root));
      o.store(DY, o.ky, root, ddy(root));
      if (o.guarded) {
        m.visitVarInsn(Opcodes.ALOAD, FLAGS);
        m.visitVarInsn(Opcodes.ILOAD, J);
        m.visitVarInsn(Opcodes.DLOAD, P);
        m.visitInsn(Opcodes.DASTORE);
      }
      m.visitIincInsn(J, 1);
      m.visitLabel(test);
      m.visitVarInsn(Opcodes.ILOAD, J);
      m.visitVarInsn(Opcodes.ILOAD, 3);
      m.visitJumpInsn(Opcodes.IF_ICMPLT, body);
      return o.guarded;
    }

    private void load(Double known, int slot) {
      if (known != null) {
        m.visitLdcInsn(known);
      } else {
        m.visitVarInsn(Opcodes.DLOAD, slot);
      }
    }

    private void store(int array, Double[] known, int i, int slot) {
      m.visitVarInsn(Opcodes.ALOAD, array);
      m.visitVarInsn(Opcodes.ILOAD, J);
      load(known[i], slot);
      m.visitInsn(Opcodes.DASTORE);
    }

    /** out = a op b, folded when both are known. */
    private Double binary(int op, Double a, int aSlot, Double b, int bSlot, int out) {
      if (a != null && b != null) {
        double x = a;
        double y = b;
        return switch (op) {
          case Opcodes.DADD -> x + y;
          case Opcodes.DSUB -> x - y;
          default -> x * y;
        };
      }
      load(a, aSlot);
      load(b, bSlot);
      m.visitInsn(op);
      m.visitVarInsn(Opcodes.DSTORE, out);
      return null;
    }

    /** out = times(d, t): decided now when t is known, guarded through P when it is not. */
    private Double times(Double d, int dSlot, Double t, int tSlot, int out) {
      if (t != null) {
        return t == 0 ? Double.valueOf(0.0) : binary(Opcodes.DMUL, d, dSlot, t, tSlot, out);
      }
      guarded = true;
      m.visitVarInsn(Opcodes.DLOAD, P);
      m.visitVarInsn(Opcodes.DLOAD, tSlot);
      m.visitInsn(Opcodes.DMUL);
      m.visitVarInsn(Opcodes.DSTORE, P);
      return binary(Opcodes.DMUL, d, dSlot, null, tSlot, out);
    }

    private void instruction(Program p, int i) {
      int code = p.op[i];
      int a = p.a[i];
      int b = p.b[i];
      switch (code) {
        case Program.CONST -> {
          kv[i] = p.constant[i];
          kx[i] = 0.0;
          ky[i] = 0.0;
        }
        case Program.VAR_X, Program.VAR_Y -> {
          m.visitVarInsn(Opcodes.ALOAD, code == Program.VAR_X ? 1 : 2);
          m.visitVarInsn(Opcodes.ILOAD, J);
          m.visitInsn(Opcodes.DALOAD);
          m.visitVarInsn(Opcodes.DSTORE, val(i));
          kx[i] = code == Program.VAR_X ? 1.0 : 0.0;
          ky[i] = code == Program.VAR_X ? 0.0 : 1.0;
        }
        case Program.ADD, Program.SUB -> {
          int op = code == Program.ADD ? Opcodes.DADD : Opcodes.DSUB;
          kv[i] = binary(op, kv[a], val(a), kv[b], val(b), val(i));
          kx[i] = binary(op, kx[a], ddx(a), kx[b], ddx(b), ddx(i));
          ky[i] = binary(op, ky[a], ddy(a), ky[b], ddy(b), ddy(i));
        }
        case Program.MUL -> {
          kx[i] = leibniz(kx[a], ddx(a), kx[b], ddx(b), a, b, ddx(i));
          ky[i] = leibniz(ky[a], ddy(a), ky[b], ddy(b), a, b, ddy(i));
          kv[i] = binary(Opcodes.DMUL, kv[a], val(a), kv[b], val(b), val(i));
        }
        case Program.SQUARE -> {
          // d = 2u in the scratch slot D, then the chain rule, then u·u.
          Double d = binary(Opcodes.DMUL, 2.0, 0, kv[a], val(a), D);
          kx[i] = times(d, D, kx[a], ddx(a), ddx(i));
          ky[i] = times(d, D, ky[a], ddy(a), ddy(i));
          kv[i] = binary(Opcodes.DMUL, kv[a], val(a), kv[a], val(a), val(i));
        }
        default -> { // NEG: val = −u, d = −1
          if (kv[a] != null) {
            kv[i] = -kv[a];
          } else {
            m.visitVarInsn(Opcodes.DLOAD, val(a));
            m.visitInsn(Opcodes.DNEG);
            m.visitVarInsn(Opcodes.DSTORE, val(i));
          }
          kx[i] = times(-1.0, 0, kx[a], ddx(a), ddx(i));
          ky[i] = times(-1.0, 0, ky[a], ddy(a), ddy(i));
        }
      }
    }

    /** out = dl·r + l·dr. */
    private Double leibniz(Double dl, int dlSlot, Double dr, int drSlot, int a, int b, int out) {
      if (dl != null && dr != null && kv[a] != null && kv[b] != null) {
        return dl * kv[b] + kv[a] * dr;
      }
      load(dl, dlSlot);
      load(kv[b], val(b));
      m.visitInsn(Opcodes.DMUL);
      load(kv[a], val(a));
      load(dr, drSlot);
      m.visitInsn(Opcodes.DMUL);
      m.visitInsn(Opcodes.DADD);
      m.visitVarInsn(Opcodes.DSTORE, out);
      return null;
    }
  }

  /** array[j] = local. */
  private static void store(MethodVisitor m, int array, int local) {
    m.visitVarInsn(Opcodes.ALOAD, array);
    m.visitVarInsn(Opcodes.ILOAD, J);
    m.visitVarInsn(Opcodes.DLOAD, local);
    m.visitInsn(Opcodes.DASTORE);
  }

  private static void constant(MethodVisitor m, double c, int local) {
    m.visitLdcInsn(c);
    m.visitVarInsn(Opcodes.DSTORE, local);
  }

  /** local = op(a, b) for a double binary opcode. */
  private static void binary(MethodVisitor m, int opcode, int a, int b, int out) {
    m.visitVarInsn(Opcodes.DLOAD, a);
    m.visitVarInsn(Opcodes.DLOAD, b);
    m.visitInsn(opcode);
    m.visitVarInsn(Opcodes.DSTORE, out);
  }

  /** local = helper(a, b) for a static (DD)D helper of this class. */
  private static void call(MethodVisitor m, String helper, int a, int b, int out) {
    m.visitVarInsn(Opcodes.DLOAD, a);
    m.visitVarInsn(Opcodes.DLOAD, b);
    m.visitMethodInsn(Opcodes.INVOKESTATIC, HELPERS, helper, DDD, false);
    m.visitVarInsn(Opcodes.DSTORE, out);
  }

  private static void instruction(MethodVisitor m, Program p, int i) {
    int code = p.op[i];
    int a = p.a[i];
    int b = p.b[i];
    switch (code) {
      case Program.CONST -> {
        constant(m, p.constant[i], val(i));
        constant(m, 0.0, ddx(i));
        constant(m, 0.0, ddy(i));
      }
      case Program.VAR_X, Program.VAR_Y -> {
        m.visitVarInsn(Opcodes.ALOAD, code == Program.VAR_X ? 1 : 2);
        m.visitVarInsn(Opcodes.ILOAD, J);
        m.visitInsn(Opcodes.DALOAD);
        m.visitVarInsn(Opcodes.DSTORE, val(i));
        constant(m, code == Program.VAR_X ? 1.0 : 0.0, ddx(i));
        constant(m, code == Program.VAR_X ? 0.0 : 1.0, ddy(i));
      }
      case Program.ADD, Program.SUB -> {
        // The scalar evaluator's l + (±1)·r is the IEEE sum or difference.
        int op = code == Program.ADD ? Opcodes.DADD : Opcodes.DSUB;
        binary(m, op, val(a), val(b), val(i));
        binary(m, op, ddx(a), ddx(b), ddx(i));
        binary(m, op, ddy(a), ddy(b), ddy(i));
      }
      case Program.MUL -> {
        // ∂(lr) = ∂l·r + l·∂r, in that order.
        for (int k = 0; k < 2; k++) {
          int dl = k == 0 ? ddx(a) : ddy(a);
          int dr = k == 0 ? ddx(b) : ddy(b);
          m.visitVarInsn(Opcodes.DLOAD, dl);
          m.visitVarInsn(Opcodes.DLOAD, val(b));
          m.visitInsn(Opcodes.DMUL);
          m.visitVarInsn(Opcodes.DLOAD, val(a));
          m.visitVarInsn(Opcodes.DLOAD, dr);
          m.visitInsn(Opcodes.DMUL);
          m.visitInsn(Opcodes.DADD);
          m.visitVarInsn(Opcodes.DSTORE, k == 0 ? ddx(i) : ddy(i));
        }
        binary(m, Opcodes.DMUL, val(a), val(b), val(i));
      }
      case Program.MIN, Program.MAX -> {
        // D holds 1.0 where the left operand is taken.
        call(m, code == Program.MIN ? "minLeft" : "maxLeft", val(a), val(b), D);
        select(m, val(a), val(b), val(i));
        select(m, ddx(a), ddx(b), ddx(i));
        select(m, ddy(a), ddy(b), ddy(i));
      }
      case Program.SQUARE -> {
        m.visitLdcInsn(2.0);
        m.visitVarInsn(Opcodes.DLOAD, val(a));
        m.visitInsn(Opcodes.DMUL);
        m.visitVarInsn(Opcodes.DSTORE, D);
        chain(m, a, i);
        binary(m, Opcodes.DMUL, val(a), val(a), val(i));
      }
      case Program.POW -> {
        m.visitVarInsn(Opcodes.DLOAD, val(a));
        m.visitLdcInsn(p.constant[i]);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, HELPERS, "powDerivative", DDD, false);
        m.visitVarInsn(Opcodes.DSTORE, D);
        chain(m, a, i);
        m.visitVarInsn(Opcodes.DLOAD, val(a));
        m.visitLdcInsn(p.constant[i]);
        m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "pow", DDD, false);
        m.visitVarInsn(Opcodes.DSTORE, val(i));
      }
      default -> {
        // The operator is a constant of the generated code, so the JIT inlines its table row.
        String op = UNARY[code - Program.UNARY_BASE].name();
        m.visitFieldInsn(Opcodes.GETSTATIC, UNARY_OP, op, "L" + UNARY_OP + ";");
        m.visitVarInsn(Opcodes.DLOAD, val(a));
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, UNARY_OP, "value", "(D)D", false);
        m.visitVarInsn(Opcodes.DSTORE, val(i));
        m.visitFieldInsn(Opcodes.GETSTATIC, UNARY_OP, op, "L" + UNARY_OP + ";");
        m.visitVarInsn(Opcodes.DLOAD, val(a));
        m.visitVarInsn(Opcodes.DLOAD, val(i));
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, UNARY_OP, "first", DDD, false);
        m.visitVarInsn(Opcodes.DSTORE, D);
        chain(m, a, i);
      }
    }
  }

  /** ∂x, ∂y of instruction i = times(D, ∂ of its argument a). */
  private static void chain(MethodVisitor m, int a, int i) {
    call(m, "times", D, ddx(a), ddx(i));
    call(m, "times", D, ddy(a), ddy(i));
  }

  /** out = D != 0 ? left : right. */
  private static void select(MethodVisitor m, int left, int right, int out) {
    m.visitVarInsn(Opcodes.DLOAD, D);
    m.visitVarInsn(Opcodes.DLOAD, left);
    m.visitVarInsn(Opcodes.DLOAD, right);
    m.visitMethodInsn(Opcodes.INVOKESTATIC, HELPERS, "select", "(DDD)D", false);
    m.visitVarInsn(Opcodes.DSTORE, out);
  }

  // The helpers the generated code calls besides UnaryOp: the scalar evaluator's guards and
  // choices (JetEvaluator), first order only. Small and static, so the JIT inlines them.

  /** Whether a lane's product of guarded terms says one of them was ±0 (0, or NaN). */
  static boolean suspicious(double product) {
    return product == 0 || product != product;
  }

  static double times(double derivative, double term) {
    return term == 0 ? 0 : derivative * term;
  }

  static double select(double takeLeft, double left, double right) {
    return takeLeft != 0 ? left : right;
  }

  static double minLeft(double l, double r) {
    boolean left = l <= r;
    if (Double.isNaN(l) || Double.isNaN(r)) {
      left = Double.isNaN(l);
    }
    return left ? 1 : 0;
  }

  static double maxLeft(double l, double r) {
    boolean left = l >= r;
    if (Double.isNaN(l) || Double.isNaN(r)) {
      left = Double.isNaN(l);
    }
    return left ? 1 : 0;
  }

  static double powDerivative(double u, double k) {
    return k == 0 ? 0 : k * Math.pow(u, k - 1);
  }
}
