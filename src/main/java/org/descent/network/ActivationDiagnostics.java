package org.descent.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-layer activation statistics of a network at θ over (up to {@link #MAX_SAMPLES} of) a
 * data set, in evaluation mode: histograms, dead and saturated units (definitions at
 * {@link LayerDiagnostics}).
 */
public final class ActivationDiagnostics {

  /** How close to a bound an output counts as saturated: 0.02 (tanh ±0.98, logistic 0.02/0.98). */
  public static final double SATURATION_MARGIN = 0.02;
  /** A unit is saturated when it is so for more than this share of the samples: most of them. */
  public static final double SATURATED_SHARE = 0.5;
  /** Bins of each histogram. */
  public static final int BINS = 40;
  /** The most samples evaluated (the first ones of the set). */
  public static final int MAX_SAMPLES = 2000;

  private ActivationDiagnostics() {}

  /** The statistics of every hidden layer (empty for a network without hidden layers). */
  public static List<LayerDiagnostics> compute(NetworkObjective f, double[] theta, Dataset set) {
    Architecture a = f.architecture();
    int hidden = a.hidden().size();
    int samples = Math.min(set.size(), MAX_SAMPLES);
    List<LayerDiagnostics> out = new ArrayList<>();
    if (samples == 0 || hidden == 0) {
      return out;
    }
    int[] order = new int[samples];
    for (int i = 0; i < samples; i++) {
      order[i] = i;
    }
    // ReLU's histogram needs the largest activation first: one pass for the ranges
    double[] top = new double[hidden];
    int chunk = f.evaluationChunk(samples);
    if (a.activation() == Activation.RELU) {
      for (int from = 0; from < samples; from += chunk) {
        int m = Math.min(chunk, samples - from);
        Workspace w = f.evaluationPass(theta, set, order, from, m);
        for (int l = 0; l < hidden; l++) {
          for (double[] row : w.act[l]) {
            for (int i = 0; i < m; i++) {
              if (row[i] > top[l]) {
                top[l] = row[i];
              }
            }
          }
        }
      }
    }
    Histogram[] histograms = new Histogram[hidden];
    long[][] active = new long[hidden][];
    long[][] nearBound = new long[hidden][];
    for (int l = 0; l < hidden; l++) {
      active[l] = new long[a.unitsOf(l)];
      nearBound[l] = new long[a.unitsOf(l)];
    }
    for (int from = 0; from < samples; from += chunk) {
      int m = Math.min(chunk, samples - from);
      Workspace w = f.evaluationPass(theta, set, order, from, m);
      for (int l = 0; l < hidden; l++) {
        double low = a.activation().lower();
        double high = a.activation() == Activation.RELU ? Math.max(top[l], 1e-12)
            : a.activation().upper();
        if (!Double.isFinite(high)) {
          high = 1;
        }
        Histogram h = Histogram.of(low, high, BINS, w.act[l], m);
        histograms[l] = histograms[l] == null ? h : histograms[l].plus(h);
        for (int j = 0; j < a.unitsOf(l); j++) {
          double[] u = w.u[l][j];
          double[] act = w.act[l][j];
          for (int i = 0; i < m; i++) {
            if (u[i] > 0) {
              active[l][j]++;
            }
            if (act[i] - low < SATURATION_MARGIN || high - act[i] < SATURATION_MARGIN) {
              nearBound[l][j]++;
            }
          }
        }
      }
    }
    for (int l = 0; l < hidden; l++) {
      int dead = 0;
      int saturated = 0;
      for (int j = 0; j < a.unitsOf(l); j++) {
        if (a.activation() == Activation.RELU) {
          if (active[l][j] == 0) {
            dead++;
          }
        } else if (nearBound[l][j] > SATURATED_SHARE * samples) {
          saturated++;
        }
      }
      out.add(new LayerDiagnostics(l, a.activation(), a.unitsOf(l), samples, histograms[l], dead,
          saturated));
    }
    return out;
  }
}
