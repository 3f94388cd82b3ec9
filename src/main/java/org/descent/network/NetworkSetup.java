package org.descent.network;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything that defines the network side of a demo (a scenario's {@code network:} section):
 * the data, the split, the architecture, the initialization, the batches, how long to train
 * and how often to evaluate. The optimizers come from the scenario's cards. The constructor
 * refuses invalid values; each message begins with the key it is about, so that a reader can
 * point at its line.
 *
 * @param validation the fraction of each class held out for validation, 0 to 0.9
 * @param bias the constant that hidden biases (with batch norm: shifts) start at
 * @param batchSize samples per mini-batch; {@link #FULL_BATCH} (0) or at least the training
 *     set: the full batch
 * @param evalEvery evaluate every this many steps (and always at step 0 and the last step)
 * @param folder where relative file names (csv, weights) are read from; null when the setup
 *     names no file or for the working folder
 * @param residual skip connections around the hidden layers of equal width (see
 *     {@link Architecture#residual()})
 */
public record NetworkSetup(DataSource data, double validation, List<Integer> hidden,
    Activation activation, Initializer init, double bias, boolean batchNorm, int batchSize,
    int steps, int evalEvery, boolean standardize, long seed, Path folder, boolean residual) {

  /** batch_size: full. */
  public static final int FULL_BATCH = 0;
  public static final int MAX_STEPS = 1_000_000;
  public static final int MAX_BATCH = 100_000;
  public static final double MAX_BIAS = 100;

  /**
   * Samples × units a batch-normalized network may hold in one pass (its statistics need the
   * whole batch at once; about 80 MB of workspace).
   */
  public static final long MAX_BATCH_NORM_CELLS = 1_000_000;

  public NetworkSetup {
    if (data == null) {
      throw new IllegalArgumentException("data is required");
    }
    hidden = List.copyOf(hidden);
    if (hidden.size() > Architecture.MAX_HIDDEN_LAYERS) {
      throw new IllegalArgumentException("hidden has " + hidden.size() + " layers; at most "
          + Architecture.MAX_HIDDEN_LAYERS);
    }
    for (int w : hidden) {
      if (w < 1 || w > Architecture.MAX_UNITS) {
        throw new IllegalArgumentException("hidden: a layer has 1 to " + Architecture.MAX_UNITS
            + " units, got " + w);
      }
    }
    if (!(validation >= 0 && validation <= PreparedData.MAX_VALIDATION)) {
      throw new IllegalArgumentException("validation must be between 0 and 0.9, got "
          + org.descent.optim.Param.formatNumber(validation));
    }
    if (activation == null || init == null) {
      throw new IllegalArgumentException("activation and init are required");
    }
    if (!(Math.abs(bias) <= MAX_BIAS)) {
      throw new IllegalArgumentException("bias must be between -100 and 100, got "
          + org.descent.optim.Param.formatNumber(bias));
    }
    if (batchSize < 0 || batchSize > MAX_BATCH) {
      throw new IllegalArgumentException("batch_size must be 'full' or from 1 to " + MAX_BATCH
          + ", got " + batchSize);
    }
    if (batchNorm && batchSize == 1) {
      throw new IllegalArgumentException("batch_size must be at least 2 with batch_norm: the "
          + "statistics of a single sample normalize everything to 0");
    }
    if (steps < 1 || steps > MAX_STEPS) {
      throw new IllegalArgumentException("steps must be between 1 and " + MAX_STEPS + ", got "
          + steps);
    }
    if (evalEvery < 1 || evalEvery > MAX_STEPS) {
      throw new IllegalArgumentException("eval_every must be between 1 and " + MAX_STEPS
          + ", got " + evalEvery);
    }
  }

  /** The defaults, on this data: see docs/scenarios.md. */
  public static NetworkSetup defaults(DataSource data) {
    return new NetworkSetup(data, 0.2, List.of(16, 16), Activation.TANH,
        new Initializer.Glorot(), 0, false, 32, 1000, 10, true, 0, null, false);
  }

  public NetworkSetup withData(DataSource d) {
    return new NetworkSetup(d, validation, hidden, activation, init, bias, batchNorm, batchSize,
        steps, evalEvery, standardize, seed, folder, residual);
  }

  public NetworkSetup withValidation(double v) {
    return new NetworkSetup(data, v, hidden, activation, init, bias, batchNorm, batchSize,
        steps, evalEvery, standardize, seed, folder, residual);
  }

  public NetworkSetup withHidden(List<Integer> h) {
    return new NetworkSetup(data, validation, h, activation, init, bias, batchNorm, batchSize,
        steps, evalEvery, standardize, seed, folder, residual);
  }

  public NetworkSetup withActivation(Activation a) {
    return new NetworkSetup(data, validation, hidden, a, init, bias, batchNorm, batchSize,
        steps, evalEvery, standardize, seed, folder, residual);
  }

  public NetworkSetup withInit(Initializer i) {
    return new NetworkSetup(data, validation, hidden, activation, i, bias, batchNorm, batchSize,
        steps, evalEvery, standardize, seed, folder, residual);
  }

  public NetworkSetup withBias(double b) {
    return new NetworkSetup(data, validation, hidden, activation, init, b, batchNorm, batchSize,
        steps, evalEvery, standardize, seed, folder, residual);
  }

  public NetworkSetup withBatchNorm(boolean on) {
    return new NetworkSetup(data, validation, hidden, activation, init, bias, on, batchSize,
        steps, evalEvery, standardize, seed, folder, residual);
  }

  public NetworkSetup withBatchSize(int b) {
    return new NetworkSetup(data, validation, hidden, activation, init, bias, batchNorm, b,
        steps, evalEvery, standardize, seed, folder, residual);
  }

  public NetworkSetup withSteps(int s) {
    return new NetworkSetup(data, validation, hidden, activation, init, bias, batchNorm,
        batchSize, s, evalEvery, standardize, seed, folder, residual);
  }

  public NetworkSetup withEvalEvery(int e) {
    return new NetworkSetup(data, validation, hidden, activation, init, bias, batchNorm,
        batchSize, steps, e, standardize, seed, folder, residual);
  }

  public NetworkSetup withStandardize(boolean on) {
    return new NetworkSetup(data, validation, hidden, activation, init, bias, batchNorm,
        batchSize, steps, evalEvery, on, seed, folder, residual);
  }

  public NetworkSetup withSeed(long s) {
    return new NetworkSetup(data, validation, hidden, activation, init, bias, batchNorm,
        batchSize, steps, evalEvery, standardize, s, folder, residual);
  }

  public NetworkSetup withFolder(Path f) {
    return new NetworkSetup(data, validation, hidden, activation, init, bias, batchNorm,
        batchSize, steps, evalEvery, standardize, seed, f, residual);
  }

  public NetworkSetup withResidual(boolean on) {
    return new NetworkSetup(data, validation, hidden, activation, init, bias, batchNorm,
        batchSize, steps, evalEvery, standardize, seed, folder, on);
  }

  /** Whether the setup reads a file (a CSV or a weights file). */
  public boolean namesAFile() {
    return data instanceof DataSource.Csv || init instanceof Initializer.FromFile;
  }

  /** Whether every step sees the whole training set (of this many samples). */
  public boolean fullBatch(int trainingSamples) {
    return batchSize == FULL_BATCH || batchSize >= trainingSamples;
  }

  /** The architecture for data of this many features and classes. */
  public Architecture architecture(int features, int classes) {
    return new Architecture(features, hidden, classes, activation, batchNorm, residual);
  }

  /** The data and the architecture, loaded and checked, with the initial weights. */
  public Prepared prepare() throws NetworkInputException {
    Dataset all = data.load(folder, seed);
    if (all.features() > Architecture.MAX_INPUTS) {
      throw new NetworkInputException("the data have " + all.features() + " features; at most "
          + Architecture.MAX_INPUTS);
    }
    PreparedData split = PreparedData.of(all, validation, standardize, seed);
    Architecture a;
    try {
      a = architecture(all.features(), all.classes());
    } catch (IllegalArgumentException e) {
      throw new NetworkInputException(e.getMessage());
    }
    int train = split.train().size();
    int batch = fullBatch(train) ? train : batchSize;
    if (batchNorm) {
      long units = 0;
      for (int w : hidden) {
        units += w;
      }
      if ((long) train * (units + a.classes()) > MAX_BATCH_NORM_CELLS) {
        throw new NetworkInputException(String.format(java.util.Locale.ROOT,
            "batch normalization over the full training set (%,d samples x %,d units) is too "
                + "large; at most %,d in all: use fewer samples or units", train,
            units + a.classes(), MAX_BATCH_NORM_CELLS));
      }
    }
    double[] theta = Initialization.initialize(a, init, bias, seed, folder);
    return new Prepared(this, split, a, theta, batch);
  }

  /**
   * A setup with its data loaded and split, its architecture and its initial θ (shared by
   * every run: read-only).
   *
   * @param batch samples per step of the first-order methods
   */
  public record Prepared(NetworkSetup setup, PreparedData data, Architecture architecture,
      double[] initialWeights, int batch) {
    /** A copy of the initial weights. */
    public double[] start() {
      return initialWeights.clone();
    }
  }
}
