package org.descent.io;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The file names in a folder of the class path, whether the class path is a folder (while
 * developing) or a jar (the runnable jar): class loaders cannot list resources themselves.
 */
public final class ResourceFolder {

  private ResourceFolder() {}

  /**
   * The names of the entries of the folder that holds {@code member} (a resource URL), sorted.
   */
  public static List<String> siblings(URL member) throws IOException {
    try {
      URI uri = member.toURI();
      Path path;
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        path = fs.provider().getPath(uri);
      } else {
        path = Path.of(uri);
      }
      Path folder = Files.isDirectory(path) ? path : path.getParent();
      try (Stream<Path> files = Files.list(folder)) {
        return files.map(p -> p.getFileName().toString().replace("/", "")).sorted().toList();
      }
    } catch (URISyntaxException e) {
      throw new IOException("cannot list " + member + ": " + e.getMessage(), e);
    }
  }
}
