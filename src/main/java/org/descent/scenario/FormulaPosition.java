package org.descent.scenario;

import org.descent.function.FormulaException;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Where in the file a formula error is. The formula is the value of a YAML scalar, which may
 * differ from the file's text: a plain or folded scalar on several lines has its line breaks
 * folded into spaces, a quoted one has escapes. So the position in the value is found in the
 * file by walking both texts together, taking any run of white space in one as matching a run
 * in the other.
 *
 * @param fileLine 1-based line in the file
 * @param line 1-based line within the formula's own lines in the file
 * @param column 1-based column within that line, counted from where the formula starts on it
 * @param severalLines whether the formula takes more than one line of the file
 */
record FormulaPosition(int fileLine, int line, int column, boolean severalLines) {

  /** "column 7" for a formula on one line, "line 2, column 5" for one on several. */
  String describe() {
    return severalLines ? "line " + line + ", column " + column : "column " + column;
  }

  static FormulaPosition of(String text, ScalarNode node, FormulaException e) {
    String value = node.getValue();
    int start = index(text, node.getStartMark().getIndex());
    int end = Math.min(text.length(), index(text, node.getEndMark().getIndex()));
    ScalarStyle style = node.getScalarStyle();
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      int header = text.indexOf('\n', start);
      start = header < 0 ? end : header + 1; // the content starts after the | or > line
    } else if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
      start++;
    }
    while (start < end && white(text.charAt(start))) {
      start++;
    }
    int last = end;
    while (last > start && white(text.charAt(last - 1))) {
      last--;
    }
    int firstLine = lineOf(text, start);
    boolean several = lineOf(text, Math.max(start, last - 1)) > firstLine;
    if (style == ScalarStyle.LITERAL) {
      // The value keeps the file's lines (less their indentation): nothing to walk.
      return new FormulaPosition(firstLine + e.line() - 1, e.line(), e.lineColumn(), several);
    }
    int target = Math.min(e.column() - 1, value.length());
    int i = 0;
    int j = start;
    while (i < target && j < end) {
      char v = value.charAt(i);
      char r = text.charAt(j);
      if (v == r) {
        i++;
        j++;
      } else if (white(v) && white(r)) {
        while (i < target && white(value.charAt(i))) {
          i++;
        }
        while (j < end && white(text.charAt(j))) {
          j++;
        }
      } else if (white(r)) {
        j++;
      } else if (white(v)) {
        i++;
      } else {
        j++; // an escape or a doubled quote in the file
      }
    }
    while (j < end && white(text.charAt(j)) && target < value.length()
        && !white(value.charAt(target))) {
      j++;
    }
    int fileLine = lineOf(text, j);
    int lineStart = fileLine == firstLine ? start : firstNonBlank(text, j);
    return new FormulaPosition(fileLine, fileLine - firstLine + 1, j - lineStart + 1, several);
  }

  /** The char index of a code point index (they differ past characters outside the BMP). */
  private static int index(String text, int codePoints) {
    try {
      return text.offsetByCodePoints(0, codePoints);
    } catch (IndexOutOfBoundsException e) {
      return text.length();
    }
  }

  private static boolean white(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int k = 0; k < index && k < text.length(); k++) {
      if (text.charAt(k) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int firstNonBlank(String text, int index) {
    int k = text.lastIndexOf('\n', index - 1) + 1;
    while (k < index && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
      k++;
    }
    return k;
  }
}
