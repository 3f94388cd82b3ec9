package org.descent.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parse errors name the column (1-based) and what was expected. */
class FormulaErrorsTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                |  1 | the formula is empty
      'x +'             |  4 | unexpected end of formula; expected a number, x, y, a function or '('
      '(x + y'          |  7 | expected ')' to close the '(' at column 1
      'x + y)'          |  6 | unmatched ')'
      'x $ y'           |  3 | unexpected '$'; expected an operator
      '2x'              |  2 | unexpected 'x'; expected an operator
      'z^2'             |  1 | unknown name 'z'
      'foo(x)'          |  1 | unknown function 'foo'
      'sin x'           |  5 | expected '(' after the function sin
      'min(x)'          |  1 | min takes 2 arguments, got 1
      'sin(x, y)'       |  1 | sin takes 1 argument, got 2
      'x * * y'         |  5 | unexpected '*'; expected a number
      '1.2.3 + x'       |  1 | '1.2.3' is not a number
      'exp(x'           |  6 | expected ')' to close the '(' at column 4
      """)
  void errorNamesTheColumnAndWhatWasExpected(String text, int column, String message) {
    FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text));
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.problem().startsWith(message), e.problem());
    assertTrue(e.getMessage().startsWith("column " + column + ": "), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      'x * * y'   | 5
      'x +'       | 4
      """)
  void pointerPutsACaretUnderTheColumn(String text, int column) {
    FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text));
    String[] lines = e.pointer().split(System.lineSeparator());
    assertEquals(text, lines[0]);
    assertEquals(column - 1, lines[1].indexOf('^'));
  }
}
