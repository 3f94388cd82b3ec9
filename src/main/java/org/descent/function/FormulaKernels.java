package org.descent.function;

import java.lang.invoke.MethodHandles;
import org.descent.function.Expr.UnaryOp;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Compiles a {@link Program} into a fused loop over points: one generated method that, for each
 * point, runs every instruction on local variables (value, ∂x, ∂y per instruction) and stores
 * only the gradient. The JIT then keeps the whole jet in registers, where the instruction-by-
 * instruction loops of {@link FormulaLanes} go through memory for every operation: about three
 * times faster on a basin map.
 *
 * <p>Each operation is the scalar evaluator's, in its order (the helpers below are its
 * formulas, first order only), so the gradient is identical bit for bit. A program too long for
 * the JIT to compile as one method (HotSpot leaves methods over 8,000 bytes of bytecode to the
 * interpreter) gets no kernel, and FormulaLanes runs its own loops instead.
 */
final class FormulaKernels {

  /** The gradient at n points: reads x and y, writes dx and dy (first n entries). */
  interface Kernel {
    void gradient(double[] x, double[] y, int n, double[] dx, double[] dy);
  }

  /** The longest program compiled (well under the JIT's size limit: ~40 bytes each). */
  static final int MAX_INSTRUCTIONS = 150;

  private static final UnaryOp[] UNARY = UnaryOp.values();
  private static final String HELPERS = "org/descent/function/FormulaKernels";
  private static final String DDD = "(DD)D";

  private FormulaKernels() {}

  /** A kernel for the program, or null when it is too long to compile as one method. */
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

  // Locals: 0 this, 1 x, 2 y, 3 n, 4 dx, 5 dy, 6 j, 7 scratch (2 slots), then per instruction
  // i the value, ∂x and ∂y at 9 + 6i, 11 + 6i and 13 + 6i.
  private static final int J = 6;
  private static final int D = 7;

  private static int val(int i) {
    return 9 + 6 * i;
  }

  private static int ddx(int i) {
    return 11 + 6 * i;
  }

  private static int ddy(int i) {
    return 13 + 6 * i;
  }

  private static byte[] generate(Program p) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    String name = "org/descent/function/FormulaKernel";
    cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
        new String[] {"org/descent/function/FormulaKernels$Kernel"});
    MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, "gradient", "([D[DI[D[D)V", null, null);
    m.visitCode();
    Label test = new Label();
    Label body = new Label();
    m.visitInsn(Opcodes.ICONST_0);
    m.visitVarInsn(Opcodes.ISTORE, J);
    m.visitJumpInsn(Opcodes.GOTO, test);
    m.visitLabel(body);
    for (int i = 0; i < p.length(); i++) {
      instruction(m, p, i);
    }
    int root = p.length() - 1;
    store(m, 4, ddx(root));
    store(m, 5, ddy(root));
    m.visitIincInsn(J, 1);
    m.visitLabel(test);
    m.visitVarInsn(Opcodes.ILOAD, J);
    m.visitVarInsn(Opcodes.ILOAD, 3);
    m.visitJumpInsn(Opcodes.IF_ICMPLT, body);
    m.visitInsn(Opcodes.RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
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
        // One helper pair per function (value, derivative): no switch left for the JIT.
        String f = UNARY[code - Program.UNARY_BASE].name().toLowerCase(java.util.Locale.ROOT);
        m.visitVarInsn(Opcodes.DLOAD, val(a));
        m.visitMethodInsn(Opcodes.INVOKESTATIC, HELPERS, f, "(D)D", false);
        m.visitVarInsn(Opcodes.DSTORE, val(i));
        call(m, "d" + f, val(a), val(i), D);
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

  // The helpers the generated code calls: the scalar evaluator's formulas (JetEvaluator),
  // first order only. Small and static, so the JIT inlines them and folds the constant switch.

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

  /** φ(x) and φ'(x) given val = φ(x), per function, as JetEvaluator computes them. */
  static double neg(double x) {
    return -x;
  }

  static double dneg(double x, double val) {
    return -1;
  }

  static double recip(double x) {
    return 1 / x;
  }

  static double drecip(double x, double val) {
    return -val * val;
  }

  static double sin(double x) {
    return Math.sin(x);
  }

  static double dsin(double x, double val) {
    return Math.cos(x);
  }

  static double cos(double x) {
    return Math.cos(x);
  }

  static double dcos(double x, double val) {
    return -Math.sin(x);
  }

  static double tan(double x) {
    return Math.tan(x);
  }

  static double dtan(double x, double val) {
    return 1 + val * val;
  }

  static double exp(double x) {
    return Math.exp(x);
  }

  static double dexp(double x, double val) {
    return val;
  }

  static double log(double x) {
    return Math.log(x);
  }

  static double dlog(double x, double val) {
    return 1 / x;
  }

  static double sqrt(double x) {
    return Math.sqrt(x);
  }

  static double dsqrt(double x, double val) {
    return 0.5 / val;
  }

  static double abs(double x) {
    return Math.abs(x);
  }

  static double dabs(double x, double val) {
    return Math.signum(x);
  }

  static double tanh(double x) {
    return Math.tanh(x);
  }

  static double dtanh(double x, double val) {
    return 1 - val * val;
  }

  static double sigmoid(double x) {
    return JetEvaluator.sigmoid(x);
  }

  static double dsigmoid(double x, double val) {
    return val * (1 - val);
  }

  static double softplus(double x) {
    return JetEvaluator.softplus(x);
  }

  static double dsoftplus(double x, double val) {
    return JetEvaluator.sigmoid(x);
  }
}
