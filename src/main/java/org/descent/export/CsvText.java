package org.descent.export;

import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV as every command and export writes it: RFC 4180 fields separated by commas, records
 * ended by a newline, a text field (an optimizer's label) in double quotes when it holds a
 * quote, a comma, a CR or a newline, its quotes doubled — so a label like {@code Adam, "fast"}
 * stays one cell in a spreadsheet and in Python's csv module.
 */
public final class CsvText {

  private CsvText() {}

  /** The format of the CSV writers, with this header line. */
  public static CSVFormat format(List<String> header) {
    return CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
        .setQuoteMode(QuoteMode.MINIMAL).setHeader(header.toArray(String[]::new)).get();
  }

  /**
   * One field as RFC 4180 writes it, for CSV written by hand: as is, or in double quotes with
   * its quotes doubled when it holds a quote, a comma, a CR or a newline.
   */
  public static String quote(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '"' || c == ',' || c == '\r' || c == '\n') {
        return '"' + field.replace("\"", "\"\"") + '"';
      }
    }
    return field;
  }
}
