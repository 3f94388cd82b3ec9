package org.descent.cli;

import java.nio.file.Path;

/** The {@code --out} option of the commands that write a file. */
final class OutputFile {

  private OutputFile() {}

  /**
   * The file to write, or null for standard output. A String option, not a Path: Path drops
   * the trailing slash of "results/", which names a folder.
   */
  static Path of(String outName) throws InvalidInputException {
    if (outName == null) {
      return null;
    }
    if (outName.isBlank()) {
      throw new InvalidInputException("--out needs a file name");
    }
    if (outName.endsWith("/") || outName.endsWith(java.io.File.separator)) {
      throw new InvalidInputException("cannot write " + outName + ": that names a folder; "
          + "give a file name");
    }
    try {
      return Path.of(outName);
    } catch (java.nio.file.InvalidPathException e) {
      throw new InvalidInputException("cannot write " + outName + ": " + e.getReason());
    }
  }
}
