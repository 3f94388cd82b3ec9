package org.descent.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node together with where it is: the file, its line and its field path. Every accessor
 * turns a wrong shape into a {@link ScenarioException} that names all three.
 */
final class YamlField {

  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+(_\\d+)*(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][-+]?\\d+)?");
  private static final Pattern NOT_FINITE = Pattern.compile(
      "[-+]?(\\.?(inf|Inf|INF)|infinity|Infinity)|\\.?(nan|NaN|NAN)");

  private final String source;
  private final String path;
  private final Node node;

  YamlField(String source, String path, Node node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  Node node() {
    return node;
  }

  String path() {
    return path;
  }

  String source() {
    return source;
  }

  int line() {
    return node.getStartMark().getLine() + 1;
  }

  ScenarioException error(String problem) {
    return new ScenarioException(source, line(), path, problem);
  }

  boolean isScalar() {
    return node instanceof ScalarNode;
  }

  String string() throws ScenarioException {
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    throw error("expected a single value, got " + shape());
  }

  /**
   * A finite decimal number as YAML and JSON write it: an optional sign, digits with an
   * optional fraction, an optional exponent ({@code -3}, {@code 0.5}, {@code .5},
   * {@code 1e-8}); underscores may group digits ({@code 1_000}). Java's wider syntax
   * ({@code 10f}, {@code 0x1p4}, {@code Infinity}) is refused, and so are {@code .inf} and
   * {@code .nan}, which are numbers in YAML but no use in a scenario.
   */
  double number() throws ScenarioException {
    String text = string().trim();
    if (NOT_FINITE.matcher(text).matches()) {
      throw error("expected a finite number, got '" + text + "'");
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw error("expected a number, got '" + text + "'");
    }
    double v = Double.parseDouble(text.replace("_", ""));
    if (!Double.isFinite(v)) {
      throw error("expected a finite number, got '" + text + "' (too large)");
    }
    return v;
  }

  /**
   * A whole number in the range of a long, read exactly from the text (not through a double,
   * which would round seeds above 2^53): {@code 42}, {@code -7}, also {@code 1e3} or
   * {@code 100.0}.
   */
  long integer() throws ScenarioException {
    String text = string().trim();
    if (!DECIMAL.matcher(text).matches() || text.length() > 100) {
      throw error("expected a whole number, got '" + text + "'");
    }
    String digits = text.replace("_", "");
    // BigDecimal would expand 1e2147483647 digit by digit; a double says at once it is too big.
    if (Math.abs(Double.parseDouble(digits)) > 1e19) {
      throw error("expected a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
          + ", got '" + text + "'");
    }
    BigDecimal exact;
    try {
      exact = new BigDecimal(digits);
    } catch (NumberFormatException e) { // an exponent beyond the int range
      throw error("expected a whole number, got '" + text + "'");
    }
    if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
      throw error("expected a whole number, got '" + text + "'");
    }
    try {
      return exact.longValueExact();
    } catch (ArithmeticException e) {
      throw error("expected a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
          + ", got '" + text + "'");
    }
  }

  /** A text of at most {@code max} characters (labels, titles: what a CSV or a slide shows). */
  String string(int max) throws ScenarioException {
    String s = string();
    if (s.length() > max) {
      throw error("too long: " + s.length() + " characters; at most " + max);
    }
    return s;
  }

  /** A whole number that fits an int (steps, start, every): no silent wrap-around. */
  int smallInteger() throws ScenarioException {
    long v = integer();
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error("expected a whole number below " + Integer.MAX_VALUE + ", got '"
          + string().trim() + "'");
    }
    return (int) v;
  }

  boolean bool() throws ScenarioException {
    String text = string().trim();
    return switch (text) {
      case "true", "True", "TRUE", "yes" -> true;
      case "false", "False", "FALSE", "no" -> false;
      default -> throw error("expected true or false, got '" + text + "'");
    };
  }

  List<YamlField> list() throws ScenarioException {
    if (!(node instanceof SequenceNode s)) {
      throw error("expected a list, got " + shape());
    }
    List<YamlField> items = new ArrayList<>();
    for (int i = 0; i < s.getValue().size(); i++) {
      items.add(new YamlField(source, path + "[" + i + "]", s.getValue().get(i)));
    }
    return items;
  }

  /** A list of exactly n numbers. */
  double[] numbers(int n) throws ScenarioException {
    List<YamlField> items = list();
    if (items.size() != n) {
      throw error("expected " + n + " numbers, got " + items.size());
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = items.get(i).number();
    }
    return v;
  }

  /**
   * The entries of a mapping, in file order, each key checked against {@code allowed} (null:
   * any key).
   *
   * @param describeUnknown builds the message for a key that is not allowed
   */
  Map<String, YamlField> mapping(Set<String> allowed,
      java.util.function.Function<String, String> describeUnknown) throws ScenarioException {
    if (!(node instanceof MappingNode m)) {
      throw error("expected a mapping of keys to values, got " + shape());
    }
    Map<String, YamlField> entries = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new YamlField(source, path, t.getKeyNode()).error("keys must be plain names");
      }
      String key = k.getValue();
      String childPath = path.isEmpty() ? key : path + "." + key;
      YamlField child = new YamlField(source, childPath, t.getValueNode());
      if (!seen.add(key)) {
        throw new YamlField(source, childPath, k).error("duplicate key '" + key + "'");
      }
      if (allowed != null && !allowed.contains(key)) {
        throw new YamlField(source, childPath, k).error(describeUnknown.apply(key));
      }
      entries.put(key, child);
    }
    return entries;
  }

  private String shape() {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "'" + ((ScalarNode) node).getValue() + "'";
  }
}
