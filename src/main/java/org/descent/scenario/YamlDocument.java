package org.descent.scenario;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
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
    try {
      checkAliases(new Yaml(options).parse(new StringReader(text)), source);
      return new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      throw new ScenarioException(source, line, "", "not valid YAML: " + e.getProblem()
          + opened(e));
    } catch (ReaderException e) {
      int line = lineAt(text, e.getPosition());
      throw new ScenarioException(source, line, "", String.format("not valid YAML: the "
          + "character U+%04X at line %d is not allowed (a control character?)",
          e.getCodePoint(), line));
    } catch (YAMLException e) {
      String message = e.getMessage() != null && e.getMessage().startsWith("Nesting Depth")
          ? "lists and mappings nested more than 20 levels deep" : e.getMessage();
      throw new ScenarioException(source, 0, "", "not valid YAML: " + message);
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

  private static void checkAliases(Iterable<Event> events, String source)
      throws ScenarioException {
    Map<String, Boolean> anchorIsScalar = new HashMap<>();
    int aliases = 0;
    for (Event e : events) {
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
