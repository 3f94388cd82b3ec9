package org.descent.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.descent.io.ResourceFolder;

/**
 * The lecture demos shipped inside the jar (the repository's scenarios/ folder, copied to the
 * class path by the build), listed from the class path whether it is a folder or a jar.
 */
public final class BuiltInScenarios {

  /** The scenario the app opens with. */
  public static final String DEFAULT = "rosenbrock-race.yaml";

  private BuiltInScenarios() {}

  /** The file names, sorted. */
  public static List<String> names() {
    URL url = BuiltInScenarios.class.getResource("/scenarios/" + DEFAULT);
    if (url == null) {
      return List.of();
    }
    try {
      return ResourceFolder.siblings(url).stream().filter(n -> n.endsWith(".yaml")).toList();
    } catch (IOException e) {
      return List.of(DEFAULT);
    }
  }

  /** Reads a built-in scenario by file name. */
  public static Scenario read(String name) throws ScenarioException {
    try (InputStream in = BuiltInScenarios.class.getResourceAsStream("/scenarios/" + name)) {
      if (in == null) {
        throw new ScenarioException(name, 0, "", "no such built-in scenario");
      }
      return ScenarioReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new ScenarioException(name, 0, "", "cannot read: " + e.getMessage());
    }
  }
}
