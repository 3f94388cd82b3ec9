package org.descent.cli;

/**
 * Input the user can fix (an unwritable output file, a bad option value): exit status 2. The
 * message is one line even when it quotes the user's text (a label or an option value with a
 * line break in it), so that each problem is one line on standard error.
 */
public final class InvalidInputException extends Exception {

  public InvalidInputException(String message) {
    super(oneLine(message));
  }

  /** The text with its line breaks written as \n and \r. */
  static String oneLine(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
