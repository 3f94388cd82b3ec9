package org.descent.network;

/**
 * How the weight matrices start (Goodfellow et al. section 8.4; Glorot and Bengio 2010; He et
 * al. 2015; Saxe et al. 2014). fan_in and fan_out are a layer's inputs and units. Biases (and
 * the shifts of batch normalization) start at the setup's constant, the output layer's at 0,
 * and batch-normalization scales at 1; see {@link Initialization}.
 */
public sealed interface Initializer {

  /** The name in scenario files. */
  String key();

  /**
   * Every weight 0: every hidden unit computes the same function and receives the same
   * gradient, so the units of a layer stay identical however long the network trains — the
   * symmetry that random initialization exists to break.
   */
  record Zero() implements Initializer {
    @Override
    public String key() {
      return "zero";
    }
  }

  /** N(0, 0.01²): small random weights, the old default; deep networks start nearly linear. */
  record Small() implements Initializer {
    public static final double STD = 0.01;

    @Override
    public String key() {
      return "small";
    }
  }

  /** Glorot (Xavier) uniform: U(−a, a) with a = √(6/(fan_in + fan_out)). */
  record Glorot() implements Initializer {
    @Override
    public String key() {
      return "glorot";
    }
  }

  /** He (Kaiming) normal: N(0, 2/fan_in), for ReLU. */
  record He() implements Initializer {
    @Override
    public String key() {
      return "he";
    }
  }

  /**
   * Orthogonal (Saxe et al. 2014), as PyTorch's orthogonal_: the Q of a QR decomposition of a
   * Gaussian matrix (of the transposed shape when wider than tall), its columns' signs fixed
   * by R's diagonal, times the gain.
   */
  record Orthogonal(double gain) implements Initializer {
    public Orthogonal {
      if (!(gain > 0 && gain <= 100)) {
        throw new IllegalArgumentException("the orthogonal gain must be in (0, 100], got "
            + org.descent.optim.Param.formatNumber(gain));
      }
    }

    @Override
    public String key() {
      return "orthogonal";
    }
  }

  /** N(0, s²) with a chosen scale s: too small and the signal vanishes, too large it saturates. */
  record Scaled(double scale) implements Initializer {
    public Scaled {
      if (!(scale > 0 && scale <= 100)) {
        throw new IllegalArgumentException("scale must be in (0, 100], got "
            + org.descent.optim.Param.formatNumber(scale));
      }
    }

    @Override
    public String key() {
      return "scale";
    }
  }

  /**
   * Every parameter from a JSON file (see {@link WeightsFile}), so that a start point can be
   * shared with other tools exactly.
   *
   * @param path as written in the scenario: relative paths are read from the scenario's folder
   * @param contents the file's bytes once read: the check and every training use the same
   *     (a pipe can be read only once)
   */
  record FromFile(String path, FileContents contents) implements Initializer {
    public FromFile {
      if (path == null || path.isBlank()) {
        throw new IllegalArgumentException("weights needs a file name");
      }
      if (contents == null) {
        contents = new FileContents();
      }
    }

    /** The file, to be read when first used. */
    public FromFile(String path) {
      this(path, new FileContents());
    }

    @Override
    public String key() {
      return "weights";
    }
  }

  /** The initializer with this scalar name (zero, small, glorot, he, orthogonal). */
  static java.util.Optional<Initializer> named(String name) {
    return java.util.Optional.ofNullable(switch (name) {
      case "zero" -> new Zero();
      case "small" -> new Small();
      case "glorot" -> new Glorot();
      case "he" -> new He();
      case "orthogonal" -> new Orthogonal(1);
      default -> null;
    });
  }
}
