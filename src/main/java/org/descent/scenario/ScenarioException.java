package org.descent.scenario;

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
    super(format(source, line, field, problem));
    this.source = source;
    this.line = line;
    this.field = field;
    this.problem = problem;
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
