package org.descent.network;

import java.nio.file.Path;

/**
 * The bytes of a file a setup names (its CSV data, its weights), read once and kept: the
 * scenario reader checks the file and the training uses the same bytes, so a pipe
 * ({@code csv: /dev/stdin}) is read once, and a file that changes in between cannot pass the
 * check with one content and train with another. A cache, not a value: every instance equals
 * every other, so setups compare by what they name. Reading a file afresh takes a new setup
 * (opening the scenario again, or choosing the file again).
 */
public final class FileContents {

  /** How a file's bytes are read, with the messages of its kind of file. */
  @FunctionalInterface
  interface Reader {
    byte[] read(Path file) throws NetworkInputException;
  }

  private Path path;
  private byte[] bytes;

  /**
   * The bytes of {@code file}: read on the first call, the same ones on later calls for the
   * same path (a failed read is not kept: the next call tries again).
   */
  synchronized byte[] bytes(Path file, Reader reader) throws NetworkInputException {
    if (bytes == null || !file.equals(path)) {
      byte[] read = reader.read(file);
      path = file;
      bytes = read;
    }
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileContents;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "FileContents";
  }
}
