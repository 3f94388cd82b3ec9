package org.descent.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A data set split for training: a seeded, stratified train/validation split (each class
 * keeps its share in both parts, and at least one training sample), and the inputs
 * standardized with the training set's mean and standard deviation, applied to both parts (a
 * feature that is constant on the training set is only centred). Without standardization the
 * inputs are used as they are, which is how a lecturer shows the ill-conditioning of
 * unnormalized inputs. The raw parts are kept for plotting in the data's own coordinates.
 */
public final class PreparedData {

  /** The largest validation fraction. */
  public static final double MAX_VALIDATION = 0.9;

  private final Dataset rawTrain;
  private final Dataset rawValidation;
  private final Dataset train;
  private final Dataset validation;
  private final double[] mean;
  private final double[] scale;

  private PreparedData(Dataset rawTrain, Dataset rawValidation, double[] mean, double[] scale) {
    this.rawTrain = rawTrain;
    this.rawValidation = rawValidation;
    this.mean = mean;
    this.scale = scale;
    this.train = rawTrain.standardized(mean, scale);
    this.validation = rawValidation.standardized(mean, scale);
  }

  /**
   * @param validation the fraction of each class held out, in [0, 0.9]
   * @param seed the setup's seed (the split uses its own derived seed)
   */
  public static PreparedData split(Dataset all, double validation, boolean standardize,
      long seed) {
    if (!(validation >= 0 && validation <= MAX_VALIDATION)) {
      throw new IllegalArgumentException("validation must be between 0 and 0.9, got "
          + validation);
    }
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, Seeds.SPLIT));
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < all.classes(); c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < all.size(); i++) {
      byClass.get(all.label(i)).add(i);
    }
    boolean[] held = new boolean[all.size()];
    for (List<Integer> members : byClass) {
      int[] m = members.stream().mapToInt(Integer::intValue).toArray();
      for (int i = m.length - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = m[i];
        m[i] = m[j];
        m[j] = t;
      }
      int out = (int) Math.round(validation * m.length);
      out = Math.min(out, m.length - 1);
      for (int i = 0; i < out; i++) {
        held[m[i]] = true;
      }
    }
    int[] trainIdx = indices(held, false);
    int[] valIdx = indices(held, true);
    Dataset rawTrain = all.subset(trainIdx);
    Dataset rawVal = all.subset(valIdx);
    int d = all.features();
    double[] mean = new double[d];
    double[] scale = new double[d];
    Arrays.fill(scale, 1);
    if (standardize) {
      int n = rawTrain.size();
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < d; k++) {
          mean[k] += rawTrain.feature(i, k);
        }
      }
      for (int k = 0; k < d; k++) {
        mean[k] /= n;
      }
      double[] ss = new double[d];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < d; k++) {
          double dev = rawTrain.feature(i, k) - mean[k];
          ss[k] += dev * dev;
        }
      }
      for (int k = 0; k < d; k++) {
        double sd = Math.sqrt(ss[k] / n);
        scale[k] = sd > 0 ? sd : 1;
      }
    }
    return new PreparedData(rawTrain, rawVal, mean, scale);
  }

  private static int[] indices(boolean[] held, boolean want) {
    int count = 0;
    for (boolean h : held) {
      if (h == want) {
        count++;
      }
    }
    int[] out = new int[count];
    int k = 0;
    for (int i = 0; i < held.length; i++) {
      if (held[i] == want) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** The training set, standardized. */
  public Dataset train() {
    return train;
  }

  /** The validation set (maybe empty), standardized with the training statistics. */
  public Dataset validation() {
    return validation;
  }

  /** The training set in the data's own coordinates. */
  public Dataset rawTrain() {
    return rawTrain;
  }

  /** The validation set in the data's own coordinates. */
  public Dataset rawValidation() {
    return rawValidation;
  }

  /** The mean subtracted from feature k (0 without standardization). */
  public double mean(int k) {
    return mean[k];
  }

  /** The scale feature k is divided by (1 without standardization). */
  public double scale(int k) {
    return scale[k];
  }

  /** Maps a point in the data's coordinates to the network's inputs. */
  public void standardize(double[] point, double[] out) {
    for (int k = 0; k < mean.length; k++) {
      out[k] = (point[k] - mean[k]) / scale[k];
    }
  }
}
