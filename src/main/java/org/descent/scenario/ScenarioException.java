package org.descent.scenario;

import java.util.regex.Pattern;

/**
 * A scenario file that cannot be used. The message names the file, the line and the field
 * path, e.g. {@code ravine.yaml:12: optimizers[1].lr: learning rate must be positive, got -1}.
 */
public final class ScenarioException extends Exception {

  private final String source;
  private final int line;
  private final String field;
  private final String problem;

  /**
   * @param line 1-based, or 0 when unknown
   * @param field the field path ("optimizers[1].lr"), or empty for the whole file
   */
  public ScenarioException(String source, int line, String field, String problem) {
    this(source, line, shortenPath(field), QUOTED.matcher(problem).replaceAll("'$1...'"), 0);
  }

  private ScenarioException(String source, int line, String field, String problem, int unused) {
    super(format(source, line, field, problem));
    this.source = source;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  /**
   * A quoted value longer than 60 characters ("got '1111…'"): a message quotes what it got to
   * show the mistake, not to repeat a megabyte of it.
   */
  private static final Pattern QUOTED = Pattern.compile("'([^'\\n]{57})[^'\\n]{4,}'");
  private static final int MAX_KEY = 60;

  private static String shortenPath(String field) {
    if (field.length() <= MAX_KEY) {
      return field;
    }
    StringBuilder sb = new StringBuilder();
    for (String part : field.split("\\.", -1)) {
      sb.append(sb.length() == 0 ? "" : ".")
          .append(part.length() <= MAX_KEY ? part : part.substring(0, MAX_KEY - 3) + "...");
    }
    return sb.toString();
  }

  private static String format(String source, int line, String field, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (!field.isEmpty()) {
      sb.append(field).append(": ");
    }
    return sb.append(problem).toString();
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
