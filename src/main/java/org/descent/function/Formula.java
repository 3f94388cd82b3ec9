package org.descent.function;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A formula f(x, y) in the closed grammar of {@link FormulaParser}: the text a student reads and
 * the program that is computed from it. Immutable; {@link #objective()} gives an evaluator of
 * exact value, gradient and Hessian.
 */
public final class Formula {

  private final String text;
  private final Map<String, Double> parameters;
  private final Program program;
  // Compiled lazily: most formulas never draw a basin map.
  private FormulaKernels.Kernel kernel;
  private boolean noKernel;

  private Formula(String text, Map<String, Double> parameters, Program program) {
    this.text = text;
    this.parameters = parameters;
    this.program = program;
  }

  /** Reads a formula in x and y. */
  public static Formula parse(String text) throws FormulaException {
    return parse(text, Map.of());
  }

  /**
   * Reads a formula in x and y whose other names are the given parameters (substituted as
   * constants, so changing one means parsing again).
   */
  public static Formula parse(String text, Map<String, Double> parameters)
      throws FormulaException {
    Map<String, Double> copy = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    return new Formula(text, copy, Program.compile(FormulaParser.parse(text, copy)));
  }

  public String text() {
    return text;
  }

  /** The named parameters and their values, in the order given. */
  public Map<String, Double> parameters() {
    return parameters;
  }

  /** A fresh evaluator (each has its own scratch space; one per thread). */
  public FormulaObjective objective() {
    return new FormulaObjective(this, new JetEvaluator(program));
  }

  /**
   * A fresh evaluator of the gradient at up to {@code width} points per call, identical bit for
   * bit to {@link #objective()}'s (one per thread).
   */
  public FormulaLanes lanes(int width) {
    return new FormulaLanes(program, width, kernel());
  }

  /**
   * The fused kernel, compiled on first use and shared (it keeps no state); null if none. Under
   * a lock, so that the workers of a map share one class (and the JIT's work on it).
   */
  private FormulaKernels.Kernel kernel() {
    synchronized (program) {
      if (kernel == null && !noKernel) {
        kernel = FormulaKernels.compile(program);
        noKernel = kernel == null;
      }
      return kernel;
    }
  }

  /** Lanes that run the instruction-by-instruction loops, for tests of both paths. */
  FormulaLanes interpretedLanes(int width) {
    return new FormulaLanes(program, width, null);
  }

  /** Number of instructions after constant folding and sharing of repeated sub-expressions. */
  public int instructionCount() {
    return program.length();
  }

  @Override
  public String toString() {
    return text;
  }

  /** The list of functions the grammar knows, for help texts. */
  public static String functionNames() {
    return FormulaParser.FUNCTIONS;
  }
}
