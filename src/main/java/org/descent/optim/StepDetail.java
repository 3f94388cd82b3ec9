package org.descent.optim;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What made one update, for a view that opens a step and shows its arithmetic: the vectors the
 * method computed (g, the clipped g, v, s, r, ŝ, r̂, the per-coordinate rate, d, Δθ ...), its
 * scalars (ε, the bias corrections 1 − ρ₁ᵗ, the step length α ...), the line search's trial
 * points, and the matrices (H, the inverse-Hessian model M). Each method records what its
 * listing names and nothing else; a quantity it does not have is absent, not zero.
 *
 * <p>Recorded only when asked for ({@link Optimizer#recordDetails(boolean)}): a run that does
 * not record pays one flag test per step. Recording reads the state after the update (the
 * model M before it: the one the step used) and never
 * changes the arithmetic of the update itself, so a recorded run follows the same path, bit for
 * bit. Arrays are copies; the accessors return copies again (and, as for any record of arrays,
 * {@code equals} compares them by identity: compare the values).
 *
 * @param step the step count t of this update (0 for the first)
 * @param vectors each of length n, except the matrices (n × n, row-major)
 * @param lineSearch the trial points of the line search, or null for methods without one
 */
public record StepDetail(int step, Map<Quantity, double[]> vectors, Map<Scalar, Double> scalars,
    LineSearchRecord lineSearch) {

  /** A vector (or matrix) of the update, named with its symbol in the lecture listings. */
  public enum Quantity {
    /** θ before the update. */
    POINT("\u03b8", "point before the step", false),
    /** Where the gradient was evaluated: θ, or the look-ahead θ + αv of Nesterov's methods. */
    EVALUATED_AT("\u03b8\u0303", "where the gradient was taken", false),
    /** The gradient as the function returned it (with its noise, before clipping). */
    GRADIENT("g", "gradient", false),
    /** The gradient after clipping by norm; present only when clipping acted on this step. */
    CLIPPED_GRADIENT("g\u0303", "clipped gradient", false),
    /** Momentum's velocity v after the update. */
    VELOCITY("v", "velocity", false),
    /** Adam's first moment s after the update. */
    FIRST_MOMENT("s", "first moment", false),
    /** Lion's momentum m after the update (the sign step used c, its blend with g). */
    LION_MOMENTUM("m", "momentum", false),
    /** The accumulated squared gradient r (AdaGrad, RMSProp, Adam) after the update. */
    SECOND_MOMENT("r", "second moment", false),
    /** Adam's bias-corrected first moment ŝ = s/(1 − ρ₁ᵗ). */
    FIRST_MOMENT_HAT("\u015d", "bias-corrected first moment", false),
    /** Adam's bias-corrected second moment r̂ = r/(1 − ρ₂ᵗ). */
    SECOND_MOMENT_HAT("r\u0302", "bias-corrected second moment", false),
    /** Delta-bar-delta's average of past gradients δ̄ after the update. */
    AVERAGE_GRADIENT("\u03b4\u0304", "average of past gradients", false),
    /**
     * The per-coordinate learning rate the step applied: ε/(δ + √r) (AdaGrad), ε/√(δ + r)
     * (RMSProp), ε/(√r̂ + δ) (Adam, multiplying ŝ), εᵢ (delta-bar-delta), ε (the others).
     */
    EFFECTIVE_RATE("\u03b5\u1d62", "per-coordinate learning rate", false),
    /** The search direction d of a line-search method, or the Newton direction. */
    DIRECTION("d", "search direction", false),
    /** Δθ = θ after − θ before: what the step moved (computed from the iterates). */
    STEP("\u0394\u03b8", "step", false),
    /** The Hessian H at θ (Newton's methods), before damping. */
    HESSIAN("H", "Hessian", true),
    /**
     * The inverse-Hessian approximation M that made this step's direction, d = −M g (BFGS,
     * L-BFGS): the model before the step's update.
     */
    INVERSE_HESSIAN("M", "inverse-Hessian approximation", true);

    private final String symbol;
    private final String description;
    private final boolean matrix;

    Quantity(String symbol, String description, boolean matrix) {
      this.symbol = symbol;
      this.description = description;
      this.matrix = matrix;
    }

    public String symbol() {
      return symbol;
    }

    public String description() {
      return description;
    }

    /** Whether the values are an n × n matrix, row-major. */
    public boolean matrix() {
      return matrix;
    }
  }

  /** A number of the update. */
  public enum Scalar {
    /** ε_t of the schedule at this step. */
    LEARNING_RATE("\u03b5", "learning rate"),
    /** Adam's 1 − ρ₁ᵗ. */
    FIRST_CORRECTION("1 \u2212 \u03c1\u2081\u1d57", "first-moment bias correction"),
    /** Adam's 1 − ρ₂ᵗ. */
    SECOND_CORRECTION("1 \u2212 \u03c1\u2082\u1d57", "second-moment bias correction"),
    /** The accepted step length α* of the line search (0: no move). */
    STEP_LENGTH("\u03b1*", "step length"),
    /** Conjugate gradients' β for the next direction (0 at a restart). */
    BETA("\u03b2", "conjugate-gradient beta"),
    /** The coordinate a coordinate-descent step changed. */
    COORDINATE("i", "coordinate");

    private final String symbol;
    private final String description;

    Scalar(String symbol, String description) {
      this.symbol = symbol;
      this.description = description;
    }

    public String symbol() {
      return symbol;
    }

    public String description() {
      return description;
    }
  }

  public StepDetail {
    EnumMap<Quantity, double[]> v = new EnumMap<>(Quantity.class);
    vectors.forEach((q, a) -> v.put(q, a.clone()));
    vectors = Collections.unmodifiableMap(v);
    scalars = Collections.unmodifiableMap(scalars.isEmpty() ? new EnumMap<>(Scalar.class)
        : new EnumMap<>(scalars));
  }

  /** The quantity's values (a copy), if the method has it. */
  public Optional<double[]> vector(Quantity q) {
    double[] a = vectors.get(q);
    return a == null ? Optional.empty() : Optional.of(a.clone());
  }

  /** The quantity's values (a copy); throws when the method has no such quantity. */
  public double[] get(Quantity q) {
    return vector(q).orElseThrow(() -> new IllegalArgumentException("this step has no "
        + q.description()));
  }

  public boolean has(Quantity q) {
    return vectors.containsKey(q);
  }

  public OptionalDouble scalar(Scalar s) {
    Double v = scalars.get(s);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** Whether clipping rescaled the gradient on this step. */
  public boolean clipped() {
    return vectors.containsKey(Quantity.CLIPPED_GRADIENT);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("step ").append(step);
    vectors.forEach((q, a) -> sb.append(", ").append(q.symbol()).append(" = ")
        .append(Arrays.toString(a)));
    scalars.forEach((s, v) -> sb.append(", ").append(s.symbol()).append(" = ").append(v));
    if (lineSearch != null) {
      sb.append(", ").append(lineSearch);
    }
    return sb.toString();
  }

  /** Collects a detail while a step runs (package-private: only the optimizers record). */
  static final class Builder {
    private final int step;
    private final EnumMap<Quantity, double[]> vectors = new EnumMap<>(Quantity.class);
    private final EnumMap<Scalar, Double> scalars = new EnumMap<>(Scalar.class);
    private LineSearchRecord lineSearch;

    Builder(int step) {
      this.step = step;
    }

    /** Records a copy of {@code values} (read only). */
    Builder put(Quantity q, double[] values) {
      vectors.put(q, values.clone());
      return this;
    }

    Builder put(Scalar s, double value) {
      scalars.put(s, value);
      return this;
    }

    boolean has(Quantity q) {
      return vectors.containsKey(q);
    }

    Builder lineSearch(LineSearchRecord r) {
      lineSearch = r;
      return this;
    }

    /** The detail, with Δθ = after − before. */
    StepDetail build(double[] before, double[] after) {
      double[] delta = new double[after.length];
      for (int i = 0; i < delta.length; i++) {
        delta[i] = after[i] - before[i];
      }
      vectors.put(Quantity.POINT, before.clone());
      vectors.put(Quantity.STEP, delta);
      return new StepDetail(step, vectors, scalars, lineSearch);
    }
  }
}
