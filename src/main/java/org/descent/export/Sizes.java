package org.descent.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** File sizes as a person reads them. */
final class Sizes {

  private Sizes() {}

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  /** A written animation for the user: "race.gif (200 frames, 3.1 MB)". */
  static String ofAnimation(Path target, int frames) {
    return ofAnimation(target, frames + " frames");
  }

  /** A written file for the user, its size after what it holds: "race.gif (…, 3.1 MB)". */
  static String ofAnimation(Path target, String holds) {
    long bytes = 0;
    try {
      bytes = Files.exists(target) ? Files.size(target) : 0;
    } catch (IOException e) {
      // size unknown
    }
    return target + " (" + holds + ", " + human(bytes) + ")";
  }
}
