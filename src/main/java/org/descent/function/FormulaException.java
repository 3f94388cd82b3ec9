package org.descent.function;

/**
 * A formula that cannot be read. The column is 1-based and points into the formula text, so a
 * text field can put the caret where the problem is. A formula written on several lines is
 * also located by line and column within its own lines ({@link #line()},
 * {@link #lineColumn()}), which is how the message names the place.
 */
public final class FormulaException extends Exception {

  private final String formula;
  private final int column;
  private final String problem;

  public FormulaException(String formula, int column, String problem) {
    super(position(formula, column) + ": " + problem);
    this.formula = formula;
    this.column = column;
    this.problem = problem;
  }

  /** "column 7" for a formula on one line, "line 2, column 5" for one on several. */
  private static String position(String formula, int column) {
    if (formula.indexOf('\n') < 0) {
      return "column " + column;
    }
    return "line " + lineOf(formula, column) + ", column " + columnInLine(formula, column);
  }

  private static int lineOf(String formula, int column) {
    int line = 1;
    for (int i = 0; i < Math.min(column - 1, formula.length()); i++) {
      if (formula.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int columnInLine(String formula, int column) {
    int lineStart = formula.lastIndexOf('\n', Math.min(column - 1, formula.length()) - 1) + 1;
    return column - lineStart;
  }

  /** The text that was being read. */
  public String formula() {
    return formula;
  }

  /**
   * 1-based index of the offending character in the whole text (one past the end for
   * "unexpected end"), counting line breaks as characters.
   */
  public int column() {
    return column;
  }

  /** 1-based line of the offending character within the formula (1 for a one-line formula). */
  public int line() {
    return lineOf(formula, column);
  }

  /** 1-based column of the offending character within its line of the formula. */
  public int lineColumn() {
    return columnInLine(formula, column);
  }

  /** What went wrong, without the position. */
  public String problem() {
    return problem;
  }

  /** The formula with a caret under the offending column, for terminals and tooltips. */
  public String pointer() {
    return formula + System.lineSeparator() + " ".repeat(Math.max(0, column - 1)) + "^";
  }
}
