package org.descent.cli;

/** Input the user can fix (an unwritable output file, a bad option value): exit status 2. */
public final class InvalidInputException extends Exception {

  public InvalidInputException(String message) {
    super(message);
  }
}
