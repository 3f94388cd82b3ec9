package org.descent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.descent.io.ResourceFolder;

/**
 * Makes the JavaFX natives of the all-platforms release jar loadable. That jar keeps each
 * platform's libraries under /natives/&lt;platform&gt;/ (macOS x64 and arm64 share file names);
 * before JavaFX starts, the ones for this machine are copied to a cache folder, which is put
 * on java.library.path, where JavaFX looks after the jar's root. In an ordinary build the
 * natives sit at the root and nothing happens here.
 */
final class Natives {

  private Natives() {}

  /** The folder name of this platform's natives: win, mac, mac-aarch64, linux, linux-aarch64. */
  static String platform(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT);
    boolean arm = osArch.contains("aarch64") || osArch.contains("arm64");
    if (os.contains("win")) {
      return "win";
    }
    if (os.contains("mac") || os.contains("darwin")) {
      return arm ? "mac-aarch64" : "mac";
    }
    return arm ? "linux-aarch64" : "linux";
  }

  /** Unpacks and registers this platform's natives, if the jar carries them that way. */
  static void prepare() {
    String platform = platform(System.getProperty("os.name", ""),
        System.getProperty("os.arch", ""));
    URL marker = Natives.class.getResource("/natives/" + platform);
    if (marker == null) {
      return;
    }
    try {
      Path cache = Path.of(System.getProperty("user.home"), ".descent", "natives",
          version(), platform);
      Files.createDirectories(cache);
      for (String name : ResourceFolder.siblings(marker)) {
        Path target = cache.resolve(name);
        try (InputStream in = Natives.class.getResourceAsStream("/natives/" + platform + "/"
            + name)) {
          if (in == null) {
            continue;
          }
          byte[] bytes = in.readAllBytes();
          if (!Files.exists(target) || Files.size(target) != bytes.length) {
            Path temp = Files.createTempFile(cache, name, ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      String old = System.getProperty("java.library.path", "");
      System.setProperty("java.library.path", cache + (old.isEmpty() ? ""
          : java.io.File.pathSeparator + old));
    } catch (IOException | RuntimeException e) {
      System.err.println("Descent: could not unpack the JavaFX libraries for " + platform + ": "
          + e);
    }
  }

  private static String version() {
    Package p = Natives.class.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null ? "dev" : v;
  }

}
