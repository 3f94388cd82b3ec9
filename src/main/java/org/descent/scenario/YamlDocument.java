package org.descent.scenario;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * The YAML of a scenario as a node tree, with limits that keep a small file small: at most
 * {@link #MAX_ALIASES} aliases, and none of a single value (an alias repeats its anchor's text
 * wherever it appears, which is how 500 KB of YAML became 4 GB of CSV). Syntax errors name the
 * line of the problem and, for an unclosed bracket or quote, the line where it was opened.
 */
final class YamlDocument {

  /** Aliases of lists and mappings (sharing optimizer settings is a fair use); a few suffice. */
  static final int MAX_ALIASES = 20;

  private YamlDocument() {}

  /** The root node, or null for an empty document. */
  static Node compose(String text, String source) throws ScenarioException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setCodePointLimit(ScenarioText.MAX_BYTES);
    options.setNestingDepthLimit(20);
    // The document is only composed into nodes, never constructed into objects, so a tag can do
    // nothing; letting the composer keep it (instead of its bare "Global tag is not allowed")
    // lets checkTags refuse it with its field.
    options.setTagInspector(tag -> true);
    int[] lastLine = {0};
    try {
      checkAliases(new Yaml(options).parse(new StringReader(text)), source, lastLine);
      Node root = new Yaml(options).compose(new StringReader(text));
      checkTags(root, "", source, 0);
      return root;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      throw new ScenarioException(source, line, "", oneLine("not valid YAML: "
          + e.getProblem() + opened(e)));
    } catch (ReaderException e) {
      int line = lineAt(text, e.getPosition());
      throw new ScenarioException(source, line, "", String.format("not valid YAML: the "
          + "character U+%04X at line %d is not allowed (a control character?)",
          e.getCodePoint(), line));
    } catch (YAMLException e) {
      String message = e.getMessage() != null && e.getMessage().startsWith("Nesting Depth")
          ? "lists and mappings nested more than 20 levels deep" : e.getMessage();
      // Such errors carry no mark: the line of the last event read is where it happened.
      throw new ScenarioException(source, Math.max(1, lastLine[0]), "", oneLine(
          "not valid YAML: " + message));
    }
  }

  /**
   * The parser's words on one line: it shows a character it did not expect as the character
   * itself ("found \n(10)"), and a line break or a tab would break the message in two.
   */
  static String oneLine(String message) {
    return message.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  /** The tags plain YAML resolves values to, implicitly or written out: nothing else. */
  private static final Set<Tag> PLAIN = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
      Tag.MAP, Tag.SEQ, Tag.TIMESTAMP, Tag.MERGE);

  /**
   * Refuses tags that name types ({@code !!javax.script.ScriptEngineManager}, {@code !foo},
   * {@code !!binary}): a scenario holds plain values. The document is only ever composed into
   * nodes, never constructed into objects, so such a tag could do nothing; it is refused so that
   * a file that expects it to do something hears why not, with its field.
   */
  private static void checkTags(Node node, String path, String source, int depth)
      throws ScenarioException {
    if (node == null || depth > 64) {
      return;
    }
    if (!PLAIN.contains(node.getTag())) {
      String tag = node.getTag().getValue();
      String shown = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length())
          : tag;
      throw new ScenarioException(source, node.getStartMark().getLine() + 1, path,
          "the tag " + shown + " is not allowed; a scenario holds plain values (numbers, text, "
              + "lists and mappings)");
    }
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        Node k = t.getKeyNode();
        String key = k instanceof ScalarNode sk ? sk.getValue() : "?";
        checkTags(k, path, source, depth + 1);
        checkTags(t.getValueNode(), path.isEmpty() ? key : path + "." + key, source, depth + 1);
      }
    } else if (node instanceof SequenceNode q) {
      List<Node> items = q.getValue();
      for (int i = 0; i < items.size(); i++) {
        checkTags(items.get(i), path + "[" + i + "]", source, depth + 1);
      }
    }
  }

  /** The 1-based line of a code point index. */
  private static int lineAt(String text, int codePoints) {
    int end = text.length();
    try {
      end = text.offsetByCodePoints(0, Math.max(0, codePoints));
    } catch (IndexOutOfBoundsException e) {
      // past the end: the last line
    }
    int line = 1;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static void checkAliases(Iterable<Event> events, String source, int[] lastLine)
      throws ScenarioException {
    Map<String, Boolean> anchorIsScalar = new HashMap<>();
    int aliases = 0;
    for (Event e : events) {
      if (e.getStartMark() != null) {
        lastLine[0] = e.getStartMark().getLine() + 1;
      }
      if (e instanceof ScalarEvent s && s.getAnchor() != null) {
        anchorIsScalar.put(s.getAnchor(), true);
      } else if (e instanceof CollectionStartEvent c && c.getAnchor() != null) {
        anchorIsScalar.put(c.getAnchor(), false);
      } else if (e instanceof AliasEvent a) {
        int line = a.getStartMark().getLine() + 1;
        if (Boolean.TRUE.equals(anchorIsScalar.get(a.getAnchor()))) {
          throw new ScenarioException(source, line, "", "the alias *" + a.getAnchor()
              + " repeats a single value; aliases are allowed for lists and mappings only");
        }
        if (++aliases > MAX_ALIASES) {
          throw new ScenarioException(source, line, "", "more than " + MAX_ALIASES
              + " aliases (*name); a scenario needs few, if any");
        }
      }
    }
  }

  /** " (unclosed '{' opened at line 3)", or empty when the error has no such context. */
  private static String opened(MarkedYAMLException e) {
    String context = e.getContext();
    Mark mark = e.getContextMark();
    if (context == null || mark == null) {
      return "";
    }
    int line = mark.getLine() + 1;
    String what;
    if (context.contains("flow mapping")) {
      what = "'{'";
    } else if (context.contains("flow sequence")) {
      what = "'['";
    } else if (context.contains("quoted scalar")) {
      what = context.contains("single") ? "'" : "'\"'";
      int[] buffer = mark.getBuffer();
      if (buffer != null && mark.getPointer() < buffer.length) {
        what = "'" + Character.toString(buffer[mark.getPointer()]) + "'";
      }
    } else {
      return " (" + context + " at line " + line + ")";
    }
    return " (unclosed " + what + " opened at line " + line + ")";
  }
}
