package org.descent.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a lecture's playlist from YAML (format: docs/lectures.md) with the same care as a
 * scenario: the same YAML limits, unknown keys refused, and every problem reported as
 * "file:line: field: message". Every demo it names is resolved here — a built-in id must
 * exist, a file must be there — so that a typo is reported when the lecture is opened, not
 * in front of the students when Page Down reaches it.
 */
public final class PlaylistReader {

  static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("title", "parts"));
  static final Set<String> PART_KEYS = new LinkedHashSet<>(List.of("title", "demos"));

  /** The most parts a lecture may have: an hour holds a dozen. */
  public static final int MAX_PARTS = 100;
  /** The most demos a lecture may show in all. */
  public static final int MAX_DEMOS = 500;

  private PlaylistReader() {}

  /**
   * Whether a file holds a lecture rather than a scenario: a YAML mapping with 'parts' at its
   * top (a scenario has no such key). False for a file that cannot be read or parsed: opened
   * as a scenario, its reader then says what is wrong with it.
   */
  public static boolean isLecture(Path file) {
    try {
      Node root = YamlDocument.compose(ScenarioText.read(file), file.toString());
      return root instanceof org.yaml.snakeyaml.nodes.MappingNode m && m.getValue().stream()
          .anyMatch(t -> t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k
              && k.getValue().equals("parts"));
    } catch (ScenarioException e) {
      return false;
    }
  }

  /** Reads a lecture file; its demos may be named by paths relative to its folder. */
  public static Playlist read(Path file) throws ScenarioException {
    if (Files.isDirectory(file)) {
      throw new ScenarioException(file.toString(), 0, "", "is a folder, not a lecture file");
    }
    Path folder = file.toAbsolutePath().getParent();
    return read(ScenarioText.read(file), file.toString(), folder);
  }

  /**
   * Reads a lecture from YAML text.
   *
   * @param source the name used in messages (a file name)
   * @param folder where paths of demos start from; null for a lecture shipped inside the jar,
   *     which names its demos by id only
   */
  public static Playlist read(String text, String source, Path folder)
      throws ScenarioException {
    Node root = YamlDocument.compose(text, source);
    if (root == null) {
      throw new ScenarioException(source, 0, "",
          "the file is empty; a lecture needs a 'title' and 'parts'");
    }
    Map<String, YamlField> top = new YamlField(source, "", root).mapping(TOP_KEYS,
        key -> "unknown key '" + key + "'; expected one of " + String.join(", ", TOP_KEYS));
    for (String required : TOP_KEYS) {
      if (!top.containsKey(required)) {
        throw new ScenarioException(source, 1, "", "missing '" + required + "'");
      }
    }
    String title = title(top.get("title"));
    YamlField partsField = top.get("parts");
    List<YamlField> items = partsField.list();
    if (items.isEmpty()) {
      throw partsField.error("the list is empty; a lecture needs at least one part");
    }
    if (items.size() > MAX_PARTS) {
      throw partsField.error("too many parts: " + items.size() + "; at most " + MAX_PARTS);
    }
    Set<String> builtIn = builtInIds();
    List<Playlist.Part> parts = new ArrayList<>();
    int demos = 0;
    for (YamlField item : items) {
      Map<String, YamlField> fields = item.mapping(PART_KEYS, key -> "unknown key '" + key
          + "'; a part has " + String.join(" and ", PART_KEYS));
      for (String required : PART_KEYS) {
        if (!fields.containsKey(required)) {
          throw item.error("missing '" + required + "'");
        }
      }
      YamlField list = fields.get("demos");
      List<YamlField> names = list.list();
      if (names.isEmpty()) {
        throw list.error("the list is empty; a part shows at least one demo");
      }
      demos += names.size();
      if (demos > MAX_DEMOS) {
        throw list.error("too many demos: more than " + MAX_DEMOS + " in the lecture");
      }
      List<Playlist.Demo> resolved = new ArrayList<>();
      for (YamlField name : names) {
        resolved.add(demo(name, folder, builtIn));
      }
      parts.add(new Playlist.Part(title(fields.get("title")), resolved));
    }
    return new Playlist(title, parts, source);
  }

  private static String title(YamlField field) throws ScenarioException {
    String t = field.string(ScenarioReader.MAX_TITLE).strip();
    if (t.isEmpty()) {
      throw field.error("the title is empty");
    }
    return t;
  }

  /** The ids of the built-in demos: their file names without .yaml. */
  private static Set<String> builtInIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (String n : BuiltInScenarios.names()) {
      ids.add(n.substring(0, n.length() - ".yaml".length()));
    }
    return ids;
  }

  /**
   * A built-in id ("momentum-ravine"), or a path when the name ends in .yaml or .yml or has a
   * folder in it ("../my-demos/ravine.yaml"): one look at the name says which it is.
   */
  private static Playlist.Demo demo(YamlField field, Path folder, Set<String> builtIn)
      throws ScenarioException {
    if (!field.isScalar()) {
      field.string(); // the message: expected a single value
    }
    String name = field.string(ScenarioReader.MAX_TITLE).strip();
    if (name.isEmpty()) {
      throw field.error("an empty demo name; write a built-in demo's id (momentum-ravine) or "
          + "a scenario file's path (my-demo.yaml)");
    }
    boolean path = name.endsWith(".yaml") || name.endsWith(".yml") || name.contains("/")
        || name.contains("\\");
    if (!path) {
      if (builtIn.contains(name)) {
        return new Playlist.Demo.BuiltIn(name);
      }
      String hint = Spelling.closest(name, builtIn).map(s -> "; did you mean '" + s + "'?")
          .orElse("; a built-in demo is named by its file name in scenarios/ without .yaml "
              + "(momentum-ravine), another scenario by its path (my-demos/ravine.yaml)");
      if (folder != null && Files.isRegularFile(folder.resolve(name + ".yaml"))) {
        hint = "; the file " + name + ".yaml beside the lecture is named with its .yaml";
      }
      throw field.error("no built-in demo '" + name + "'" + hint);
    }
    if (folder == null) {
      throw field.error("a lecture shipped with Descent names its demos by id, not by path: '"
          + name + "'");
    }
    Path file = folder.resolve(name.replace('\\', '/')).normalize();
    if (!Files.isRegularFile(file)) {
      String id = name.replaceFirst("\\.ya?ml$", "");
      // No quotes around the hint's id: a message shortens long text between two quotes.
      String hint = builtIn.contains(id) ? "; for the built-in demo, write its id: " + id : "";
      throw field.error("no scenario file " + file + hint);
    }
    return new Playlist.Demo.File(name, file);
  }
}
