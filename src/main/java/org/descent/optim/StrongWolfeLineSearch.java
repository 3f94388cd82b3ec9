package org.descent.optim;

import org.descent.function.Objective;

/**
 * A line search for a step α along a descent direction d that satisfies the strong Wolfe
 * conditions, Nocedal and Wright, Numerical Optimization (2nd ed.), Algorithms 3.5 (bracketing)
 * and 3.6 (zoom, with safeguarded cubic interpolation):
 *
 * <pre>
 *   φ(α) ≤ φ(0) + c₁ α φ'(0)        (sufficient decrease)
 *   |φ'(α)| ≤ c₂ |φ'(0)|             (curvature)
 * </pre>
 *
 * where φ(α) = f(x + αd). With a tiny c₂ it is an exact line search: on a quadratic the cubic
 * interpolant is the function itself, so the minimizer along d is found at once. Non-finite
 * trial values count as "too far" and shrink the bracket, so a wild first guess cannot produce
 * NaN. When no acceptable step is found, it returns the best point seen that decreases f, or
 * α = 0 (no move). Not thread-safe: it keeps scratch arrays.
 */
final class StrongWolfeLineSearch {

  private final double c1;
  private final double c2;
  private final int maxEvaluations;

  private double[] trial;
  private double[] trialGrad;
  private double[] loX;
  private double[] loGrad;
  private double value;
  private int evaluations;
  /** The trial points of the current search, or null when not recording. */
  private java.util.List<LineSearchRecord.Trial> trials;
  private boolean recording;
  private LineSearchRecord last;
  private double searchPhi0;
  private double searchSlope0;

  /** For quasi-Newton methods (c₂ = 0.9) and conjugate gradients (c₂ = 0.1). */
  StrongWolfeLineSearch(double c1, double c2, int maxEvaluations) {
    if (!(0 < c1 && c1 < c2 && c2 < 1)) {
      throw new IllegalArgumentException("need 0 < c1 < c2 < 1, got " + c1 + ", " + c2);
    }
    this.c1 = c1;
    this.c2 = c2;
    this.maxEvaluations = maxEvaluations;
  }

  /** An exact line search: the curvature condition to a relative 1e-9. */
  static StrongWolfeLineSearch exact() {
    return new StrongWolfeLineSearch(1e-12, 1e-9, 60);
  }

  /** Whether the next searches keep their trial points (off: nothing is allocated). */
  void record(boolean on) {
    recording = on;
  }

  /** The trial points of the last search made while recording, or null. */
  LineSearchRecord lastRecord() {
    return last;
  }

  double c1() {
    return c1;
  }

  double c2() {
    return c2;
  }

  /** f at the point returned by the last search. */
  double value() {
    return value;
  }

  /** Evaluations the last search made. */
  int evaluations() {
    return evaluations;
  }

  /**
   * Searches along {@code d} from {@code x}.
   *
   * @param f0 f(x)
   * @param g0 ∇f(x), read only
   * @param d the direction, read only; must have g0·d &lt; 0
   * @param alpha0 the first trial step
   * @param xOut receives x + αd
   * @param gOut receives ∇f(x + αd)
   * @return α (0 when no acceptable point was found: then xOut = x, gOut = g0)
   */
  double search(Objective f, double[] x, double f0, double[] g0, double[] d, double alpha0,
      double[] xOut, double[] gOut) {
    int n = x.length;
    if (trial == null || trial.length != n) {
      trial = new double[n];
      trialGrad = new double[n];
      loX = new double[n];
      loGrad = new double[n];
    }
    evaluations = 0;
    double dphi0 = Vectors.dot(g0, d);
    trials = recording ? new java.util.ArrayList<>() : null;
    searchPhi0 = f0;
    searchSlope0 = dphi0;
    // lo: the best point so far that satisfies sufficient decrease (starts at α = 0).
    double aLo = 0;
    double phiLo = f0;
    double dphiLo = dphi0;
    System.arraycopy(x, 0, loX, 0, n);
    System.arraycopy(g0, 0, loGrad, 0, n);
    if (!(dphi0 < 0) || !(alpha0 > 0) || !Double.isFinite(alpha0)) {
      return finish(0, f0, xOut, gOut);
    }
    double alpha = alpha0;
    double aPrev = 0;
    double phiPrev = f0;
    double dphiPrev = dphi0;
    boolean first = true;
    while (evaluations < maxEvaluations) {
      double phi = evaluate(f, x, d, alpha);
      double dphi = Vectors.dot(trialGrad, d);
      if (!Double.isFinite(phi) || !Double.isFinite(dphi)
          || phi > f0 + c1 * alpha * dphi0 || (!first && phi >= phiPrev)) {
        return zoom(f, x, f0, dphi0, d, aPrev, phiPrev, dphiPrev, alpha, phi, dphi, xOut, gOut,
            aLo, phiLo);
      }
      // Sufficient decrease holds here: this is the new best point.
      aLo = alpha;
      phiLo = phi;
      dphiLo = dphi;
      System.arraycopy(trial, 0, loX, 0, n);
      System.arraycopy(trialGrad, 0, loGrad, 0, n);
      if (Math.abs(dphi) <= -c2 * dphi0) {
        return finish(alpha, phi, xOut, gOut);
      }
      if (dphi >= 0) {
        return zoom(f, x, f0, dphi0, d, alpha, phi, dphi, aPrev, phiPrev, dphiPrev, xOut, gOut,
            aLo, phiLo);
      }
      aPrev = alpha;
      phiPrev = phi;
      dphiPrev = dphi;
      alpha *= 2;
      first = false;
    }
    return finish(aLo, phiLo, xOut, gOut);
  }

  /**
   * Algorithm 3.6: shrinks [lo, hi] (not ordered) until a point satisfies both conditions. On
   * entry lo satisfies sufficient decrease and has the lowest value seen in the bracket.
   */
  private double zoom(Objective f, double[] x, double f0, double dphi0, double[] d,
      double lo, double phiLo, double dphiLo, double hi, double phiHi, double dphiHi,
      double[] xOut, double[] gOut, double bestAlpha, double bestPhi) {
    int n = x.length;
    // loX/loGrad hold the point of bestAlpha, which is lo here (or 0).
    double aBest = bestAlpha;
    double phiBest = bestPhi;
    while (evaluations < maxEvaluations) {
      double width = Math.abs(hi - lo);
      if (width <= 1e-16 * Math.max(1, Math.abs(lo))) {
        break;
      }
      double alpha = interpolate(lo, phiLo, dphiLo, hi, phiHi, dphiHi);
      double phi = evaluate(f, x, d, alpha);
      double dphi = Vectors.dot(trialGrad, d);
      if (!Double.isFinite(phi) || !Double.isFinite(dphi)
          || phi > f0 + c1 * alpha * dphi0 || phi >= phiLo) {
        hi = alpha;
        phiHi = phi;
        dphiHi = dphi;
      } else {
        aBest = alpha;
        phiBest = phi;
        System.arraycopy(trial, 0, loX, 0, n);
        System.arraycopy(trialGrad, 0, loGrad, 0, n);
        if (Math.abs(dphi) <= -c2 * dphi0) {
          return finish(alpha, phi, xOut, gOut);
        }
        if (dphi * (hi - lo) >= 0) {
          hi = lo;
          phiHi = phiLo;
          dphiHi = dphiLo;
        }
        lo = alpha;
        phiLo = phi;
        dphiLo = dphi;
      }
    }
    return finish(aBest, phiBest, xOut, gOut);
  }

  /**
   * The minimizer of the cubic through (a, φa, φ'a) and (b, φb, φ'b) (Nocedal and Wright eq.
   * 3.59), kept at least 5% of the interval away from its ends; bisection when the cubic has no
   * usable minimizer there.
   */
  static double interpolate(double a, double phiA, double dphiA, double b, double phiB,
      double dphiB) {
    double lo = Math.min(a, b);
    double hi = Math.max(a, b);
    double margin = 0.05 * (hi - lo);
    double mid = 0.5 * (a + b);
    if (!Double.isFinite(phiB) || !Double.isFinite(dphiB)) {
      // Only the quadratic through φa, φ'a and φb can be used, if φb is finite.
      if (Double.isFinite(phiB)) {
        double h = b - a;
        double denom = 2 * (phiB - phiA - dphiA * h);
        if (denom > 0) {
          double m = a - dphiA * h * h / denom;
          if (m >= lo + margin && m <= hi - margin) {
            return m;
          }
        }
      }
      return mid;
    }
    double d1 = dphiA + dphiB - 3 * (phiA - phiB) / (a - b);
    double disc = d1 * d1 - dphiA * dphiB;
    if (!(disc >= 0)) {
      return mid;
    }
    double d2 = Math.signum(b - a) * Math.sqrt(disc);
    double m = b - (b - a) * (dphiB + d2 - d1) / (dphiB - dphiA + 2 * d2);
    if (!Double.isFinite(m) || m < lo + margin || m > hi - margin) {
      return mid;
    }
    return m;
  }

  private double evaluate(Objective f, double[] x, double[] d, double alpha) {
    Vectors.axpy(x, alpha, d, trial);
    evaluations++;
    double phi = f.valueAndGradient(trial, trialGrad);
    if (trials != null) {
      trials.add(new LineSearchRecord.Trial(alpha, phi, Vectors.dot(trialGrad, d)));
    }
    return phi;
  }

  private double finish(double alpha, double phi, double[] xOut, double[] gOut) {
    System.arraycopy(loX, 0, xOut, 0, xOut.length);
    System.arraycopy(loGrad, 0, gOut, 0, gOut.length);
    value = phi;
    if (trials != null) {
      int accepted = -1;
      for (int i = trials.size() - 1; i >= 0 && alpha != 0; i--) {
        if (trials.get(i).alpha() == alpha) {
          accepted = i;
          break;
        }
      }
      last = new LineSearchRecord(c1, c2, searchPhi0, searchSlope0, trials, accepted);
      trials = null;
    }
    return alpha;
  }
}
