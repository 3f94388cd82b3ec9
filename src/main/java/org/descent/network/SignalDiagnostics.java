package org.descent.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-layer signal of a network at θ ({@link LayerSignal}): output variances in
 * evaluation mode over (up to {@link ActivationDiagnostics#MAX_SAMPLES} of) a data set, and
 * the weight-gradient norm of each layer over the objective's own data.
 */
public final class SignalDiagnostics {

  private SignalDiagnostics() {}

  /** One entry per hidden layer, input side first (empty without hidden layers). */
  public static List<LayerSignal> compute(NetworkObjective f, double[] theta, Dataset set) {
    Architecture a = f.architecture();
    int hidden = a.hidden().size();
    int samples = Math.min(set.size(), ActivationDiagnostics.MAX_SAMPLES);
    List<LayerSignal> out = new ArrayList<>();
    if (samples == 0 || hidden == 0) {
      return out;
    }
    int[] order = new int[samples];
    for (int i = 0; i < samples; i++) {
      order[i] = i;
    }
    // sums of x and x² per layer, for the output h_l and the activation f(z_l)
    double[][] sums = new double[hidden][4];
    int chunk = f.evaluationChunk(samples);
    for (int from = 0; from < samples; from += chunk) {
      int m = Math.min(chunk, samples - from);
      Workspace w = f.evaluationPass(theta, set, order, from, m);
      for (int l = 0; l < hidden; l++) {
        accumulate(w.in[l + 1], m, sums[l], 0);
        accumulate(w.act[l], m, sums[l], 2);
      }
    }
    double[] g = new double[a.parameterCount()];
    f.valueAndGradient(theta, g);
    ParameterLayout p = a.layout();
    for (int l = 0; l < hidden; l++) {
      double count = (double) samples * a.unitsOf(l);
      double norm = 0;
      int start = p.weight(l);
      for (int i = start; i < start + a.unitsOf(l) * a.inputsOf(l); i++) {
        norm += g[i] * g[i];
      }
      out.add(new LayerSignal(l, variance(sums[l][0], sums[l][1], count),
          variance(sums[l][2], sums[l][3], count), Math.sqrt(norm)));
    }
    return out;
  }

  private static void accumulate(double[][] rows, int m, double[] sums, int at) {
    for (double[] row : rows) {
      for (int i = 0; i < m; i++) {
        sums[at] += row[i];
        sums[at + 1] += row[i] * row[i];
      }
    }
  }

  private static double variance(double sum, double sumSq, double n) {
    double mean = sum / n;
    return Math.max(0, sumSq / n - mean * mean);
  }
}
