package org.descent.network;

/**
 * A data file, a weights file or a network setting that cannot be used, with a message a user
 * can act on: the file and line where there is one ({@code points.csv:7: column x2: expected
 * a number, got 'abc'}).
 */
public final class NetworkInputException extends Exception {

  public NetworkInputException(String message) {
    super(message);
  }
}
