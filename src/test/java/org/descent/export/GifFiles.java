package org.descent.export;

import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/** What a GIF file holds, read back independently of the code that wrote it. */
public final class GifFiles {

  private GifFiles() {}

  /** The delay of the GIF's first frame, in hundredths of a second, as the file holds it. */
  public static String firstDelay(Path gif) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0)
          .getAsTree("javax_imageio_gif_image_1.0");
      reader.dispose();
      return ((IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0))
          .getAttribute("delayTime");
    }
  }
}
