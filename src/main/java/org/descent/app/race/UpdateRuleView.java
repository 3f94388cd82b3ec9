package org.descent.app.race;

import java.awt.Color;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;

/**
 * An update rule typeset as in the lecture (JLaTeXMath), as an image. It re-typesets only when
 * the text, size or colour changes.
 */
public final class UpdateRuleView extends ImageView {

  private String latex = "";
  private float size = 15;
  private javafx.scene.paint.Color color = javafx.scene.paint.Color.BLACK;

  public UpdateRuleView() {
    getStyleClass().add("update-rule");
    setPreserveRatio(true);
    setSmooth(true);
  }

  public void show(String newLatex, float newSize, javafx.scene.paint.Color newColor) {
    if (newLatex.equals(latex) && newSize == size && newColor.equals(color)) {
      return;
    }
    latex = newLatex;
    size = newSize;
    color = newColor;
    setImage(typeset(latex, size, color));
  }

  /**
   * The formula as an image, rendered at twice the size and shown at half, so it stays sharp
   * on high-density screens and projectors; null when JLaTeXMath cannot parse it.
   */
  static Image typeset(String latex, float size, javafx.scene.paint.Color fg) {
    try {
      TeXFormula formula = new TeXFormula(latex);
      Color awt = new Color((float) fg.getRed(), (float) fg.getGreen(), (float) fg.getBlue());
      BufferedImage img = (BufferedImage) formula.createBufferedImage(TeXConstants.STYLE_DISPLAY,
          size * 2, awt, null);
      Image fx = SwingFXUtils.toFXImage(img, null);
      return fx;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The natural display width (half the rendered width). */
  public double naturalWidth() {
    return getImage() == null ? 0 : getImage().getWidth() / 2;
  }

  @Override
  public boolean isResizable() {
    return false;
  }

  /** Fits the image to at most {@code maxWidth}, at half its rendered size otherwise. */
  public void fitTo(double maxWidth) {
    if (getImage() == null) {
      return;
    }
    double natural = naturalWidth();
    setFitWidth(Math.min(natural, Math.max(40, maxWidth)));
  }
}
