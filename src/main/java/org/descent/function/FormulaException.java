package org.descent.function;

/**
 * A formula that cannot be read. The column is 1-based and points into the formula text, so a
 * text field can put the caret where the problem is.
 */
public final class FormulaException extends Exception {

  private final String formula;
  private final int column;
  private final String problem;

  public FormulaException(String formula, int column, String problem) {
    super("column " + column + ": " + problem);
    this.formula = formula;
    this.column = column;
    this.problem = problem;
  }

  /** The text that was being read. */
  public String formula() {
    return formula;
  }

  /** 1-based column of the offending character (one past the end for "unexpected end"). */
  public int column() {
    return column;
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
