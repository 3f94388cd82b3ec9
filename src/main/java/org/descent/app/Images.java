package org.descent.app;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Pictures drawn into pixel arrays (by {@code render} and {@code picture}, off the JavaFX
 * thread) made JavaFX images. An image not yet in a scene may be written on any thread, so a
 * worker can do the copy; one already shown only on the JavaFX thread.
 */
public final class Images {

  private Images() {}

  /**
   * A new image of the pixels: {@code argb} holds width × height colours as ARGB (alpha not
   * premultiplied), row by row; it is read, not kept.
   */
  public static WritableImage of(int[] argb, int width, int height) {
    return into(null, argb, width, height);
  }

  /**
   * The pixels written into {@code reuse} when it has their size (a view redrawn every frame
   * allocates nothing), into a new image otherwise; returns the image written.
   */
  public static WritableImage into(WritableImage reuse, int[] argb, int width, int height) {
    return write(reuse, argb, width, height, PixelFormat.getIntArgbInstance());
  }

  /** As {@link #into}, for pixels whose colours are premultiplied by their alpha. */
  public static WritableImage intoPremultiplied(WritableImage reuse, int[] argb, int width,
      int height) {
    return write(reuse, argb, width, height, PixelFormat.getIntArgbPreInstance());
  }

  private static WritableImage write(WritableImage reuse, int[] argb, int width, int height,
      PixelFormat<java.nio.IntBuffer> format) {
    WritableImage image = reuse != null && reuse.getWidth() == width
        && reuse.getHeight() == height ? reuse : new WritableImage(width, height);
    image.getPixelWriter().setPixels(0, 0, width, height, format, argb, 0, width);
    return image;
  }
}
