package org.descent.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A network's parameters as JSON, so that a start point can be shared with other tools
 * exactly (every number is written so that it reads back bit for bit):
 *
 * <pre>
 * {"layers": [
 *   {"weight": [[w11, w12], [w21, w22], ...], "bias": [b1, b2, ...]},
 *   ...
 * ]}
 * </pre>
 *
 * <p>One entry per dense layer, the input layer first; each weight matrix has one row per
 * output unit and one column per input, PyTorch's {@code Linear.weight} layout. A hidden layer
 * followed by batch normalization has no bias but {@code "scale"} (γ) and {@code "shift"} (β)
 * lists instead (optional: 1 and 0). The file is read with SnakeYAML (JSON is YAML) through
 * its node tree, strictly: numbers in JSON's syntax and bare (not strings), no key twice (the
 * node tree would keep both, and a reader the last); a wrong shape is reported with the line
 * and the layer ({@code w.json:5: layer 2: weight has 3 rows; the layer has 16 units}).
 */
public final class WeightsFile {

  /** The largest weights file: 32 MB, about a million parameters. */
  public static final int MAX_BYTES = 32 << 20;
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][-+]?\\d+)?");

  private WeightsFile() {}

  /** Reads the parameters of {@code a} from a file. */
  public static double[] read(Path file, Architecture a) throws NetworkInputException {
    return read(file, new FileContents(), a);
  }

  /**
   * Reads the parameters of {@code a} from a file once: later reads through the same
   * {@code contents} use its bytes.
   */
  public static double[] read(Path file, FileContents contents, Architecture a)
      throws NetworkInputException {
    String name = file.toString();
    byte[] bytes = contents.bytes(file, WeightsFile::bytes);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new NetworkInputException(name + ": not UTF-8 text");
    }
    return parse(text, name, a);
  }

  private static byte[] bytes(Path file) throws NetworkInputException {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new NetworkInputException(name + ": is a folder, not a weights file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new NetworkInputException(name + ": no such file");
    } catch (AccessDeniedException e) {
      throw new NetworkInputException(name + ": cannot read the file: permission denied");
    } catch (IOException e) {
      throw new NetworkInputException(name + ": cannot read the file: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new NetworkInputException(name + ": too large: more than " + MAX_BYTES
          + " bytes; a weights file is at most 32 MB");
    }
    return bytes;
  }

  /**
   * Reads the parameters of {@code a} from JSON text.
   *
   * @param source the name used in messages
   */
  public static double[] parse(String text, String source, Architecture a)
      throws NetworkInputException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_BYTES);
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(10);
    options.setAllowDuplicateKeys(false);
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      throw new NetworkInputException(source + (line > 0 ? ":" + line : "")
          + ": not valid JSON: " + e.getProblem());
    } catch (YAMLException e) {
      throw new NetworkInputException(source + ": not valid JSON: " + e.getMessage());
    }
    if (!(root instanceof MappingNode top)) {
      throw new NetworkInputException(source + ": expected {\"layers\": [...]}");
    }
    SequenceNode layers = null;
    for (NodeTuple t : top.getValue()) {
      String key = key(t, source);
      if (key.equals("layers") && layers != null) {
        throw error(source, t.getKeyNode(), "duplicate key 'layers'");
      }
      if (!key.equals("layers")) {
        throw error(source, t.getKeyNode(), "unknown key '" + key + "'; expected 'layers'");
      }
      if (!(t.getValueNode() instanceof SequenceNode s)) {
        throw error(source, t.getValueNode(), "'layers' must be a list, one entry per layer");
      }
      layers = s;
    }
    if (layers == null) {
      throw new NetworkInputException(source + ": expected {\"layers\": [...]}");
    }
    if (layers.getValue().size() != a.layers()) {
      throw error(source, layers, "the file has " + layers.getValue().size() + " layers; the "
          + "network " + a.describe() + " has " + a.layers());
    }
    ParameterLayout p = a.layout();
    double[] theta = new double[p.parameterCount()];
    for (int l = 0; l < a.layers(); l++) {
      layer(layers.getValue().get(l), l, a, p, theta, source);
    }
    return theta;
  }

  private static void layer(Node node, int l, Architecture a, ParameterLayout p, double[] theta,
      String source) throws NetworkInputException {
    String name = "layer " + (l + 1);
    boolean bn = a.normalized(l);
    Set<String> keys = bn ? Set.of("weight", "scale", "shift") : Set.of("weight", "bias");
    String takes = bn ? "weight, scale and shift (it is followed by batch normalization)"
        : "weight and bias";
    if (!(node instanceof MappingNode m)) {
      throw error(source, node, name + ": expected {\"weight\": [[...]], \"bias\": [...]}");
    }
    int units = a.unitsOf(l);
    int inputs = a.inputsOf(l);
    boolean weight = false;
    boolean bias = false;
    java.util.Arrays.fill(theta, p.weight(l), p.weight(l) + units * inputs, 0);
    if (bn) {
      java.util.Arrays.fill(theta, p.scale(l), p.scale(l) + units, 1);
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      String key = key(t, source);
      if (keys.contains(key) && !seen.add(key)) {
        throw error(source, t.getKeyNode(), name + ": duplicate key '" + key + "'");
      }
      if (!keys.contains(key)) {
        String why = bn && key.equals("bias") ? "a layer followed by batch normalization has "
            + "no bias (its shift takes its place); give weight, scale and shift"
            : "unknown key '" + key + "'; a layer has " + takes;
        throw error(source, t.getKeyNode(), name + ": " + why);
      }
      Node v = t.getValueNode();
      switch (key) {
        case "weight" -> {
          List<Node> rows = list(v, name + ": weight", source);
          if (rows.size() != units) {
            throw error(source, v, name + ": weight has " + rows.size() + " rows; the layer has "
                + units + " units (one row per unit)");
          }
          for (int j = 0; j < units; j++) {
            List<Node> row = list(rows.get(j), name + ": weight row " + (j + 1), source);
            if (row.size() != inputs) {
              throw error(source, rows.get(j), name + ": weight row " + (j + 1) + " has "
                  + row.size() + " values; the layer has " + inputs + " inputs");
            }
            for (int k = 0; k < inputs; k++) {
              theta[p.weight(l) + j * inputs + k] = number(row.get(k),
                  name + ": weight[" + j + "][" + k + "]", source);
            }
          }
          weight = true;
        }
        case "bias" -> {
          vector(v, name + ": bias", units, theta, p.bias(l), source);
          bias = true;
        }
        case "scale" -> vector(v, name + ": scale", units, theta, p.scale(l), source);
        default -> vector(v, name + ": shift", units, theta, p.shift(l), source);
      }
    }
    if (!weight) {
      throw error(source, node, name + ": missing 'weight'");
    }
    if (!bn && !bias) {
      throw error(source, node, name + ": missing 'bias'");
    }
  }

  private static void vector(Node v, String what, int units, double[] theta, int off,
      String source) throws NetworkInputException {
    List<Node> items = list(v, what, source);
    if (items.size() != units) {
      throw error(source, v, what + " has " + items.size() + " values; the layer has " + units
          + " units");
    }
    for (int j = 0; j < units; j++) {
      theta[off + j] = number(items.get(j), what + "[" + j + "]", source);
    }
  }

  private static List<Node> list(Node v, String what, String source)
      throws NetworkInputException {
    if (!(v instanceof SequenceNode s)) {
      throw error(source, v, what + " must be a list");
    }
    return s.getValue();
  }

  private static double number(Node v, String what, String source)
      throws NetworkInputException {
    if (!(v instanceof ScalarNode s) || !NUMBER.matcher(s.getValue().trim()).matches()) {
      String got = v instanceof ScalarNode s ? "'" + s.getValue() + "'" : "a list or object";
      throw error(source, v, what + ": expected a number, got " + got);
    }
    if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
      // JSON writes a number bare: "0.3" is text, which another tool would refuse or misread.
      throw error(source, v, what + ": expected a number, got the string \"" + s.getValue()
          + "\"");
    }
    double x = Double.parseDouble(s.getValue().trim());
    if (!Double.isFinite(x)) {
      throw error(source, v, what + ": " + s.getValue().trim() + " is too large");
    }
    return x;
  }

  private static String key(NodeTuple t, String source) throws NetworkInputException {
    if (!(t.getKeyNode() instanceof ScalarNode k)) {
      throw error(source, t.getKeyNode(), "keys must be names");
    }
    return k.getValue();
  }

  private static NetworkInputException error(String source, Node at, String problem) {
    return new NetworkInputException(source + ":" + (at.getStartMark().getLine() + 1) + ": "
        + problem);
  }

  /**
   * Writes θ of {@code a} in this format, one layer per line, every number in a form that
   * reads back as the same double.
   *
   * @param theta read
   * @throws IllegalArgumentException when θ has the wrong length or is not all finite
   */
  public static void write(Architecture a, double[] theta, Writer out) throws IOException {
    ParameterLayout p = a.layout();
    if (theta.length != p.parameterCount()) {
      throw new IllegalArgumentException("θ has " + theta.length + " entries; the network "
          + p.parameterCount() + " parameters");
    }
    for (double v : theta) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("the weights are not all finite; a diverged "
            + "network cannot be saved");
      }
    }
    out.write("{\"layers\": [\n");
    for (int l = 0; l < a.layers(); l++) {
      int units = a.unitsOf(l);
      int inputs = a.inputsOf(l);
      out.write("  {\"weight\": [");
      for (int j = 0; j < units; j++) {
        out.write(j == 0 ? "[" : ", [");
        for (int k = 0; k < inputs; k++) {
          out.write((k == 0 ? "" : ", ") + Double.toString(theta[p.weight(l) + j * inputs + k]));
        }
        out.write("]");
      }
      out.write("]");
      if (p.bias(l) >= 0) {
        out.write(", \"bias\": " + vector(theta, p.bias(l), units));
      } else {
        out.write(", \"scale\": " + vector(theta, p.scale(l), units));
        out.write(", \"shift\": " + vector(theta, p.shift(l), units));
      }
      out.write(l + 1 < a.layers() ? "},\n" : "}\n");
    }
    out.write("]}\n");
  }

  private static String vector(double[] theta, int off, int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int j = 0; j < n; j++) {
      sb.append(j == 0 ? "" : ", ").append(Double.toString(theta[off + j]));
    }
    return sb.append(']').toString();
  }
}
