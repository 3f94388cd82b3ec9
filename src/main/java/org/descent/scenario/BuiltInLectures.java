package org.descent.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.descent.io.ResourceFolder;

/**
 * The lectures shipped inside the jar (the repository's scenarios/lectures/, copied to the
 * class path by the build), listed from the class path whether it is a folder or a jar.
 */
public final class BuiltInLectures {

  /** A lecture every build ships; the folder is found through it. */
  static final String KNOWN = "grosse-lecture-8.yaml";
  private static final String FOLDER = "/scenarios/lectures/";

  private BuiltInLectures() {}

  /** A shipped lecture as the File menu lists it. */
  public record Listed(String file, String title) {}

  /** The file names, sorted. */
  public static List<String> names() {
    URL url = BuiltInLectures.class.getResource(FOLDER + KNOWN);
    if (url == null) {
      return List.of();
    }
    try {
      return ResourceFolder.siblings(url).stream().filter(n -> n.endsWith(".yaml")).toList();
    } catch (IOException e) {
      return List.of(KNOWN);
    }
  }

  /** Every readable shipped lecture with its title (the tests keep them all readable). */
  public static List<Listed> all() {
    List<Listed> all = new ArrayList<>();
    for (String name : names()) {
      try {
        all.add(new Listed(name, read(name).title()));
      } catch (ScenarioException e) {
        // not listed
      }
    }
    return all;
  }

  /** Reads a shipped lecture by file name. */
  public static Playlist read(String name) throws ScenarioException {
    try (InputStream in = BuiltInLectures.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new ScenarioException(name, 0, "", "no such built-in lecture");
      }
      return PlaylistReader.read(ScenarioText.decode(in.readNBytes(ScenarioText.MAX_BYTES),
          name), name, null);
    } catch (IOException e) {
      throw new ScenarioException(name, 0, "", "cannot read: " + e.getMessage());
    }
  }
}
