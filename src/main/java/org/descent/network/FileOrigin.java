package org.descent.network;

/**
 * Where the samples of a data set stand in the file they were read from, so that a problem
 * found after reading (a value that cannot be standardized) names its line and column as a
 * problem found while reading does.
 *
 * @param file the file as named in messages
 * @param lines the 1-based line of each sample
 * @param columns the 1-based column of each feature (the label's column is skipped)
 */
record FileOrigin(String file, int[] lines, int[] columns) {

  /** The origin of the samples at these indices, in this order. */
  FileOrigin subset(int[] indices) {
    int[] sub = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      sub[i] = lines[indices[i]];
    }
    return new FileOrigin(file, sub, columns);
  }
}
