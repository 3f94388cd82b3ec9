package org.descent.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * Passes everything through and keeps the first failure: a PrintWriter on top only remembers
 * that writing failed, and "No space left on device" is the part a user needs.
 */
final class FailureRecordingWriter extends FilterWriter {

  private IOException failure;

  FailureRecordingWriter(Writer out) {
    super(out);
  }

  /** The first failure, if writing or flushing failed. */
  Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void write(int c) throws IOException {
    try {
      super.write(c);
    } catch (IOException e) {
      throw record(e);
    }
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    try {
      super.write(buf, off, len);
    } catch (IOException e) {
      throw record(e);
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    try {
      super.write(str, off, len);
    } catch (IOException e) {
      throw record(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      super.flush();
    } catch (IOException e) {
      throw record(e);
    }
  }

  private IOException record(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }
}
