package org.descent.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private final String source;
  private final String path;
  private final Node node;

  YamlField(String source, String path, Node node) {
    this.source = source;
    this.path = path;
    this.node = node;
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

  boolean isMapping() {
    return node instanceof MappingNode;
  }

  String string() throws ScenarioException {
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    throw error("expected a single value, got " + shape());
  }

  double number() throws ScenarioException {
    String text = string().trim();
    double v;
    try {
      v = Double.parseDouble(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw error("expected a number, got '" + text + "'");
    }
    if (!Double.isFinite(v)) {
      throw error("expected a finite number, got '" + text + "'");
    }
    return v;
  }

  long integer() throws ScenarioException {
    double v = number();
    if (v != Math.rint(v) || Math.abs(v) > 1e15) {
      throw error("expected a whole number, got '" + string().trim() + "'");
    }
    return (long) v;
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
