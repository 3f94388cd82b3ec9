package org.descent.export;

/** A text field of a CSV file as RFC 4180 writes it, for writers that build rows by hand. */
public final class CsvText {

  private CsvText() {}

  /**
   * The text as it is when it needs no quotes; otherwise in double quotes with its quotes
   * doubled, so that a comma, a quote or a line break inside a label stays inside its field.
   */
  public static String field(String text) {
    if (text.indexOf('"') < 0 && text.indexOf(',') < 0 && text.indexOf('\r') < 0
        && text.indexOf('\n') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
