package org.descent.network;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a network's data come from: a data set shipped with Descent, a generated 2-D set a
 * student can picture, or the user's CSV file.
 */
public sealed interface DataSource {

  /** The samples, in file or generation order. */
  Dataset load(Path folder, long seed) throws NetworkInputException;

  /** Input features, without loading a file (−1 when only the file knows). */
  int features();

  /** Classes, without loading a file (−1 when only the file knows). */
  int classes();

  /** Samples, without loading a file (−1 when only the file knows). */
  int size();

  /** The UCI handwritten digits (8×8, 10 classes) or Fisher's iris (4 features, 3 classes). */
  record BuiltIn(String name) implements DataSource {
    public static final List<String> NAMES = List.of("digits", "iris");

    public BuiltIn {
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown data set '" + name + "'");
      }
    }

    @Override
    public Dataset load(Path folder, long seed) {
      return BuiltInData.load(name);
    }

    @Override
    public int features() {
      return name.equals("digits") ? 64 : 4;
    }

    @Override
    public int classes() {
      return name.equals("digits") ? 10 : 3;
    }

    @Override
    public int size() {
      return name.equals("digits") ? 1797 : 150;
    }
  }

  /**
   * A seeded 2-D set: {@code spirals}, {@code moons}, {@code circles}, {@code xor} (two
   * classes) or {@code blobs} (three).
   *
   * @param size samples in all, split evenly between the classes
   * @param noise standard deviation of the Gaussian noise added to each coordinate (for blobs,
   *     the spread of each blob)
   */
  record Synthetic(String name, int size, double noise) implements DataSource {
    public static final List<String> NAMES = SyntheticData.NAMES;
    public static final int MIN_SIZE = 4;
    public static final int MAX_SIZE = 100_000;
    public static final double MAX_NOISE = 10;

    public Synthetic {
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown data set '" + name + "'");
      }
      if (size < MIN_SIZE || size > MAX_SIZE) {
        throw new IllegalArgumentException("size must be between " + MIN_SIZE + " and "
            + MAX_SIZE + ", got " + size);
      }
      if (!(noise >= 0 && noise <= MAX_NOISE)) {
        throw new IllegalArgumentException("noise must be between 0 and " + (int) MAX_NOISE
            + ", got " + org.descent.optim.Param.formatNumber(noise));
      }
    }

    /** The set with its default size (400) and noise. */
    public static Synthetic of(String name) {
      return new Synthetic(name, SyntheticData.DEFAULT_SIZE, SyntheticData.defaultNoise(name));
    }

    /** Whether size and noise are the defaults (a file then names the set alone). */
    public boolean isDefault() {
      return equals(of(name));
    }

    @Override
    public Dataset load(Path folder, long seed) {
      return SyntheticData.generate(name, size, noise, seed);
    }

    @Override
    public int features() {
      return 2;
    }

    @Override
    public int classes() {
      return name.equals("blobs") ? 3 : 2;
    }
  }

  /**
   * A CSV file: a header line, numeric feature columns, and the class in the column named
   * {@code label} (see {@link CsvData}).
   *
   * @param path as written in the scenario: relative paths are read from the scenario's folder
   * @param contents the file's bytes once read: the check and every training use the same
   *     (a pipe can be read only once)
   */
  record Csv(String path, FileContents contents) implements DataSource {
    public Csv {
      if (path == null || path.isBlank()) {
        throw new IllegalArgumentException("csv needs a file name");
      }
      if (contents == null) {
        contents = new FileContents();
      }
    }

    /** The file, to be read when first loaded. */
    public Csv(String path) {
      this(path, new FileContents());
    }

    @Override
    public Dataset load(Path folder, long seed) throws NetworkInputException {
      return CsvData.read(resolve(folder, path), contents);
    }

    @Override
    public int features() {
      return -1;
    }

    @Override
    public int classes() {
      return -1;
    }

    @Override
    public int size() {
      return -1;
    }
  }

  /** A path as written, read from {@code folder} when relative (null: the working folder). */
  static Path resolve(Path folder, String path) throws NetworkInputException {
    try {
      Path p = Path.of(path);
      return folder == null || p.isAbsolute() ? p : folder.resolve(p);
    } catch (java.nio.file.InvalidPathException e) {
      throw new NetworkInputException(path + ": not a file name: " + e.getReason());
    }
  }
}
