package org.descent.app.race;

import java.awt.Color;
import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;

/**
 * An update rule typeset as in the lecture (JLaTeXMath), as an image at its natural size, or
 * scaled down to the width it is given: it never holds its card wider than the panel. It
 * re-typesets only when the text, size or colour changes.
 */
public final class UpdateRuleView extends Region {

  private final ImageView view = new ImageView();
  private String latex = "";
  private float size = 15;
  private javafx.scene.paint.Color color = javafx.scene.paint.Color.BLACK;
  // Read by the typesetting task to skip requests already superseded.
  private volatile long requested;

  private final org.descent.app.model.Background typesetter;

  /** A rule typeset by {@code typesetter} once it is on screen (the first one at once). */
  public UpdateRuleView(org.descent.app.model.Background typesetter) {
    this.typesetter = typesetter;
    getStyleClass().add("update-rule");
    view.setPreserveRatio(true);
    view.setSmooth(true);
    getChildren().add(view);
  }

  public void show(String newLatex, float newSize, javafx.scene.paint.Color newColor) {
    if (newLatex.equals(latex) && newSize == size && newColor.equals(color)) {
      return;
    }
    latex = newLatex;
    size = newSize;
    color = newColor;
    if (view.getImage() == null) {
      // The first rule is there when the card is first laid out.
      view.setImage(typeset(latex, size, color));
      requestLayout();
      return;
    }
    // A slider drag changes the values in the rule 60 times a second: typesetting is some
    // milliseconds each, so it happens off the JavaFX thread and only the latest is shown.
    long id = ++requested;
    String l = latex;
    float s = size;
    javafx.scene.paint.Color c = color;
    typesetter.submit(() -> id == requested ? typeset(l, s, c) : null, img -> {
      if (id == requested && img != null) {
        view.setImage(img);
        requestLayout();
      }
    }, e -> { });
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
      return SwingFXUtils.toFXImage(img, null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The natural display width (half the rendered width). */
  public double naturalWidth() {
    return view.getImage() == null ? 0 : view.getImage().getWidth() / 2;
  }

  private double naturalHeight() {
    return view.getImage() == null ? 0 : view.getImage().getHeight() / 2;
  }

  @Override
  protected double computeMinWidth(double height) {
    return 0;
  }

  @Override
  protected double computePrefWidth(double height) {
    return naturalWidth();
  }

  @Override
  protected double computePrefHeight(double width) {
    double w = naturalWidth();
    if (w <= 0) {
      return 0;
    }
    return naturalHeight() * (width > 0 && width < w ? width / w : 1);
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  public javafx.geometry.Orientation getContentBias() {
    return javafx.geometry.Orientation.HORIZONTAL;
  }

  @Override
  protected void layoutChildren() {
    double w = Math.min(naturalWidth(), getWidth());
    view.setFitWidth(Math.max(1, w));
    view.relocate(0, 0);
  }
}
