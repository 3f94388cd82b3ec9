package org.descent.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return list(fs.getPath("/scenarios"));
      }
      return list(Path.of(uri).getParent());
    } catch (IOException | URISyntaxException e) {
      return List.of(DEFAULT);
    }
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .sorted().toList();
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
