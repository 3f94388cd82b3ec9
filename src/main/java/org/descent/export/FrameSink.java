package org.descent.export;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Where the frames of an animation go: a PNG sequence, an animated GIF, a video. Nothing is
 * final until {@link #finish()}; {@link #abort()} leaves nothing half-written behind.
 */
public interface FrameSink {

  /**
   * Whether frames may arrive out of order and from several threads at once (a PNG sequence:
   * every frame is its own file); otherwise they arrive in order from one thread.
   */
  boolean parallel();

  /** Takes frame {@code index} (0-based). */
  void accept(int index, BufferedImage frame) throws IOException;

  /** Makes the output final (renames it into place). */
  void finish() throws IOException;

  /** Removes what is not final. Safe to call at any time, also after {@link #finish()}. */
  void abort();

  /** What was written, for the user: "200 frames in out/", "race.gif (3.1 MB)". */
  String describe();
}
