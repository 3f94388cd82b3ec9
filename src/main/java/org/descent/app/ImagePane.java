package org.descent.app;

import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * A picture drawn off the JavaFX thread for the size it is given: its image never holds the
 * layout at the size it was drawn for (a narrower window would otherwise stay stuck there).
 * It asks for no width; for no height either ({@link #filling()}, the picture fills what the
 * layout gives it) or for its image's height ({@link #asTallAsItsImage()}, a legend).
 */
public final class ImagePane extends Region {

  private final ImageView view = new ImageView();
  private final boolean tall;

  private ImagePane(boolean tall) {
    this.tall = tall;
    getChildren().add(view);
  }

  /** A pane that takes what the layout gives it. */
  public static ImagePane filling() {
    return new ImagePane(false);
  }

  /** A pane as high as its image (a legend drawn at the width it is given). */
  public static ImagePane asTallAsItsImage() {
    return new ImagePane(true);
  }

  public ImageView view() {
    return view;
  }

  @Override
  protected void layoutChildren() {
    view.relocate(0, 0);
  }

  @Override
  protected double computeMinWidth(double height) {
    return 0;
  }

  @Override
  protected double computePrefWidth(double height) {
    return 0;
  }

  @Override
  protected double computePrefHeight(double width) {
    return tall && view.getImage() != null ? view.getImage().getHeight() : 0;
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }
}
