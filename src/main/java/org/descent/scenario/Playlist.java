package org.descent.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lecture: demos in the order a lecturer shows them, grouped into titled parts (format:
 * docs/lectures.md). Page Down walks through {@link #entries()}, one demo after another,
 * across the parts.
 *
 * @param title the lecture's title, for the window title
 * @param parts at least one part, each with at least one demo
 * @param source the file name used in messages
 */
public record Playlist(String title, List<Part> parts, String source) {

  public Playlist {
    parts = List.copyOf(parts);
    if (parts.isEmpty() || parts.stream().anyMatch(p -> p.demos().isEmpty())) {
      throw new IllegalArgumentException("a lecture needs at least one part, each with a demo");
    }
  }

  /** A titled part of a lecture ("Ill-conditioning") and its demos, in order. */
  public record Part(String title, List<Demo> demos) {
    public Part {
      demos = List.copyOf(demos);
    }
  }

  /** A demo a lecture names: a built-in one by its id, or a scenario file by its path. */
  public sealed interface Demo {

    /** The name as the lecture writes it (for messages and the status line). */
    String name();

    /** Reads the demo's scenario (a built-in one from the class path). */
    Scenario read() throws ScenarioException;

    /**
     * A demo shipped with Descent, named by its file name without .yaml ("momentum-ravine"),
     * as the demo browser lists it.
     */
    record BuiltIn(String name) implements Demo {

      /** The file name of the class path's scenarios/ ("momentum-ravine.yaml"). */
      public String file() {
        return name + ".yaml";
      }

      @Override
      public Scenario read() throws ScenarioException {
        return BuiltInScenarios.read(file());
      }
    }

    /** A scenario file, named by a path relative to the lecture's file. */
    record File(String name, Path path) implements Demo {
      @Override
      public Scenario read() throws ScenarioException {
        return ScenarioReader.read(path);
      }
    }
  }

  /** One demo of the lecture in walking order, with the part it belongs to. */
  public record Entry(Part part, Demo demo) {}

  /** Every demo of every part, in the order Page Down shows them. */
  public List<Entry> entries() {
    List<Entry> all = new ArrayList<>();
    for (Part p : parts) {
      for (Demo d : p.demos()) {
        all.add(new Entry(p, d));
      }
    }
    return all;
  }

  /** How many demos the lecture shows in all. */
  public int size() {
    return parts.stream().mapToInt(p -> p.demos().size()).sum();
  }

  /**
   * Where the lecture is, as the window shows it: "Ill-conditioning · 3 / 12" for the third of
   * twelve demos (0-based {@code index}).
   */
  public String position(int index) {
    return entries().get(index).part().title() + " · " + (index + 1) + " / " + size();
  }
}
