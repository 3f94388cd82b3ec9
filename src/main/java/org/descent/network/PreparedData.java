package org.descent.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.descent.optim.Param;

/**
 * A data set split for training: a seeded, stratified train/validation split (each class
 * keeps its share in both parts, and at least one training sample), and the inputs
 * standardized with the training set's mean and standard deviation, applied to both parts (a
 * feature that is constant on the training set is only centred), computed so that huge values
 * standardize as well as small ones; a value that still cannot be a network input is refused
 * with its file, line and column. Without standardization the
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
   * As {@link #of}, for data known to be representable (built-in and generated sets).
   *
   * @throws IllegalArgumentException where {@link #of} throws
   */
  public static PreparedData split(Dataset all, double validation, boolean standardize,
      long seed) {
    try {
      return of(all, validation, standardize, seed);
    } catch (NetworkInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * @param validation the fraction of each class held out, in [0, 0.9]
   * @param seed the setup's seed (the split uses its own derived seed)
   * @throws NetworkInputException when a value cannot be a network input: its standardized
   *     value (or, without standardization, the value) has no finite square; the message names
   *     the file, line and column
   */
  public static PreparedData of(Dataset all, double validation, boolean standardize,
      long seed) throws NetworkInputException {
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
    double[] sd = null;
    if (standardize) {
      sd = new double[d];
      for (int k = 0; k < d; k++) {
        sd[k] = statistics(rawTrain, k, mean, scale);
      }
    }
    PreparedData p = new PreparedData(rawTrain, rawVal, mean, scale);
    p.checkInputs(sd);
    return p;
  }

  /**
   * The mean and standard deviation of feature k, computed on the values divided by a power of
   * two near the largest |x|: the sums cannot overflow (values near 1e200, or a sum past
   * 1.8e308, standardize as well as small ones), and the results are bit for bit those of the
   * plain sums whenever those neither overflow nor underflow, as dividing by a power of two is
   * exact.
   *
   * @return the standard deviation (scale[k] is 1 where it is 0)
   */
  private static double statistics(Dataset train, int k, double[] mean, double[] scale) {
    int n = train.size();
    double largest = 0;
    for (int i = 0; i < n; i++) {
      largest = Math.max(largest, Math.abs(train.feature(i, k)));
    }
    if (largest == 0) {
      return 0; // all zero: mean 0, scale 1
    }
    double unit = Math.scalb(1.0, Math.max(Math.getExponent(largest), Double.MIN_EXPONENT));
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += train.feature(i, k) / unit;
    }
    double m = sum / n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double dev = train.feature(i, k) / unit - m;
      ss += dev * dev;
    }
    // At most half the range (Popoviciu), so only rounding can take it past the largest double.
    double sd = Math.min(Math.sqrt(ss / n) * unit, Double.MAX_VALUE);
    mean[k] = m * unit;
    scale[k] = sd > 0 ? sd : 1;
    return sd;
  }

  /**
   * Every input the network will see has a finite square, as the loss, the gradient and its
   * norm need: a training value always has (it is within √n standard deviations), a validation
   * value far outside the training values may not, nor a huge value used unstandardized.
   */
  private void checkInputs(double[] sd) throws NetworkInputException {
    Dataset[] inputs = {train, validation};
    Dataset[] raws = {rawTrain, rawValidation};
    for (int part = 0; part < 2; part++) {
      Dataset z = inputs[part];
      for (int i = 0; i < z.size(); i++) {
        for (int k = 0; k < z.features(); k++) {
          double v = z.feature(i, k);
          if (Double.isFinite(v * v)) {
            continue;
          }
          Dataset raw = raws[part];
          String x = Param.formatNumber(raw.feature(i, k));
          throw new NetworkInputException(raw.where(i, k) + ": " + x + (sd != null
              ? " is too far from the training values to standardize (their mean is "
                  + Param.formatNumber(mean[k]) + ", their standard deviation "
                  + Param.formatNumber(sd[k]) + "): its standardized value squared "
                  + "overflows; rescale the column"
              : " is too large for a network input without standardization: its square "
                  + "overflows; set standardize: true, or rescale the column"));
        }
      }
    }
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
