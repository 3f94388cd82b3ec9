package org.descent.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.descent.function.Expr.BinaryOp;
import org.descent.function.Expr.Num;
import org.descent.function.Expr.Var;

/**
 * Recursive-descent reader of the closed formula grammar. A formula is data: nothing but the
 * operators and functions below can appear in it.
 *
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := '-' unary | '+' unary | power
 * power   := primary (('^' | '**') unary)?        right-associative; -x^2 = -(x^2)
 * primary := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
 * </pre>
 *
 * Names are x, y, pi, e, the functions {@link #FUNCTIONS}, and the parameters the caller
 * supplies (their values are substituted at parse time).
 *
 * <p>The reader recurses once per level of parentheses, function calls and exponents, so it
 * refuses more than {@link #MAX_DEPTH} levels and texts longer than {@link #MAX_LENGTH}
 * characters rather than overflow the stack. Runs of signs and of terms or factors are read
 * in loops, at any length.
 */
final class FormulaParser {

  static final Set<String> UNARY_FUNCTIONS =
      Set.of("sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "softplus");
  static final Set<String> BINARY_FUNCTIONS = Set.of("min", "max");
  static final String FUNCTIONS =
      "sin, cos, tan, exp, log, sqrt, abs, tanh, sigmoid, softplus, min, max";

  /** The most characters a formula may have: pages of text, far beyond any lecture's. */
  static final int MAX_LENGTH = 10_000;
  /** The most levels of parentheses, function calls and exponents inside one another. */
  static final int MAX_DEPTH = 200;

  private final String text;
  private final Map<String, Double> parameters;
  private int pos;
  private int depth;

  private FormulaParser(String text, Map<String, Double> parameters) {
    this.text = text;
    this.parameters = parameters;
  }

  static Expr parse(String text, Map<String, Double> parameters) throws FormulaException {
    FormulaParser parser = new FormulaParser(text, parameters);
    if (text.length() > MAX_LENGTH) {
      throw parser.error(MAX_LENGTH + 1, "formula too long: " + text.length()
          + " characters; at most " + MAX_LENGTH);
    }
    parser.skipSpace();
    if (parser.atEnd()) {
      throw parser.error(1, "the formula is empty; expected an expression in x and y");
    }
    Expr expr = parser.expr();
    parser.skipSpace();
    if (!parser.atEnd()) {
      char c = parser.peek();
      String what = c == ')' ? "unmatched ')'" : "unexpected '" + c + "'";
      throw parser.error(parser.pos + 1, what + "; expected an operator (+ - * / ^) or the end");
    }
    return expr;
  }

  private Expr expr() throws FormulaException {
    Expr left = term();
    while (true) {
      skipSpace();
      if (accept('+')) {
        left = Expr.binary(BinaryOp.ADD, left, term());
      } else if (accept('-')) {
        left = Expr.binary(BinaryOp.SUB, left, term());
      } else {
        return left;
      }
    }
  }

  private Expr term() throws FormulaException {
    Expr left = unary();
    while (true) {
      skipSpace();
      if (accept('*')) {
        left = Expr.binary(BinaryOp.MUL, left, unary());
      } else if (accept('/')) {
        left = Expr.binary(BinaryOp.MUL, left, Expr.unary(UnaryOp.RECIP, unary()));
      } else {
        return left;
      }
    }
  }

  /** Signs in a loop, not by recursion: -(-u) is exactly u, so only their parity counts. */
  private Expr unary() throws FormulaException {
    boolean negative = false;
    skipSpace();
    while (!atEnd() && (peek() == '-' || peek() == '+')) {
      negative ^= peek() == '-';
      pos++;
      skipSpace();
    }
    Expr e = power();
    return negative ? Expr.unary(UnaryOp.NEG, e) : e;
  }

  private Expr power() throws FormulaException {
    Expr base = primary();
    skipSpace();
    int operator = pos;
    if (peekIs("**")) {
      pos += 2;
    } else if (!accept('^')) {
      return base;
    }
    enter(operator);
    Expr exponent = unary();
    depth--;
    return pow(base, exponent);
  }

  private static Expr pow(Expr base, Expr exponent) {
    // x^-2 and x^(4/2) have constant exponents too (folded as they were read): they must work
    // for negative x.
    if (exponent instanceof Num n) {
      return Expr.power(base, n.value());
    }
    // u^w = exp(w log u): real powers with a variable exponent need a positive base.
    return Expr.unary(UnaryOp.EXP,
        Expr.binary(BinaryOp.MUL, exponent, Expr.unary(UnaryOp.LOG, base)));
  }

  /** One level deeper, at the given 0-based position; refused past {@link #MAX_DEPTH}. */
  private void enter(int at) throws FormulaException {
    if (++depth > MAX_DEPTH) {
      throw error(at + 1, "formula too deeply nested: more than " + MAX_DEPTH
          + " levels of parentheses, function calls or powers");
    }
  }

  private Expr primary() throws FormulaException {
    skipSpace();
    if (atEnd()) {
      throw error(pos + 1, "unexpected end of formula; expected a number, x, y, a function or '('");
    }
    char c = peek();
    if (c == '(') {
      int open = pos;
      enter(open);
      pos++;
      Expr inner = expr();
      skipSpace();
      if (!accept(')')) {
        throw error(pos + 1, "expected ')' to close the '(' at column " + (open + 1));
      }
      depth--;
      return inner;
    }
    if (Character.isDigit(c) || c == '.') {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      return name();
    }
    throw error(pos + 1, "unexpected '" + c + "'; expected a number, x, y, a function or '('");
  }

  private Expr number() throws FormulaException {
    int start = pos;
    while (!atEnd() && (Character.isDigit(peek()) || peek() == '.')) {
      pos++;
    }
    if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
      int save = pos;
      pos++;
      if (!atEnd() && (peek() == '+' || peek() == '-')) {
        pos++;
      }
      if (!atEnd() && Character.isDigit(peek())) {
        while (!atEnd() && Character.isDigit(peek())) {
          pos++;
        }
      } else {
        pos = save; // "2e" is 2 times Euler's number only with an explicit '*'
      }
    }
    String literal = text.substring(start, pos);
    try {
      return new Num(Double.parseDouble(literal));
    } catch (NumberFormatException e) {
      throw error(start + 1, "'" + literal + "' is not a number");
    }
  }

  private Expr name() throws FormulaException {
    int start = pos;
    while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
      pos++;
    }
    String name = text.substring(start, pos);
    skipSpace();
    boolean call = !atEnd() && peek() == '(';
    if (UNARY_FUNCTIONS.contains(name) || BINARY_FUNCTIONS.contains(name)) {
      if (!call) {
        throw error(pos + 1, "expected '(' after the function " + name);
      }
      int open = pos;
      enter(start);
      pos++;
      List<Expr> args = new ArrayList<>();
      args.add(expr());
      skipSpace();
      while (accept(',')) {
        args.add(expr());
        skipSpace();
      }
      if (!accept(')')) {
        throw error(pos + 1, "expected ')' to close the '(' at column " + (open + 1));
      }
      int expected = UNARY_FUNCTIONS.contains(name) ? 1 : 2;
      if (args.size() != expected) {
        throw error(start + 1, name + " takes " + expected + " argument"
            + (expected == 1 ? "" : "s") + ", got " + args.size());
      }
      depth--;
      return expected == 1 ? Expr.unary(unaryOp(name), args.get(0))
          : Expr.binary(name.equals("min") ? BinaryOp.MIN : BinaryOp.MAX, args.get(0),
              args.get(1));
    }
    if (call) {
      throw error(start + 1, "unknown function '" + name + "'; known functions: " + FUNCTIONS);
    }
    switch (name) {
      case "x":
        return new Var(0);
      case "y":
        return new Var(1);
      case "pi":
        return new Num(Math.PI);
      case "e":
        return new Num(Math.E);
      default:
        Double value = parameters.get(name);
        if (value != null) {
          return new Num(value);
        }
        throw error(start + 1, "unknown name '" + name + "'; expected x, y, pi, e"
            + (parameters.isEmpty() ? "" : ", " + String.join(", ", parameters.keySet()))
            + " or a function such as sin(...)");
    }
  }

  private static UnaryOp unaryOp(String name) {
    return UnaryOp.valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  private void skipSpace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private boolean accept(char c) {
    if (!atEnd() && peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean peekIs(String s) {
    return text.startsWith(s, pos);
  }

  private char peek() {
    return text.charAt(pos);
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private FormulaException error(int column, String problem) {
    return new FormulaException(text, column, problem);
  }
}
