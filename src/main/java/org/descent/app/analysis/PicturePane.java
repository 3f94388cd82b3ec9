package org.descent.app.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Subscription;
import org.descent.app.Appearance;
import org.descent.app.ImagePane;
import org.descent.app.model.Background;
import org.descent.app.model.LatestOnly;
import org.descent.picture.Look;

/**
 * The column's picture: the result shown, drawn on the render workers at the pane's size (again
 * for a new size, theme or card mark), a click handed to the analysis that made it, and the
 * picture saved as a PNG at twice its size. Use on the JavaFX thread.
 */
final class PicturePane {

  private final Appearance appearance;
  private final Background background;
  private final Consumer<String> say;
  private final ImagePane pane = ImagePane.filling();
  private final LatestOnly<AnalysisPicture> drawings;
  private final Subscription subscriptions;
  private boolean active;
  private Computed<?> shown;
  private AnalysisPicture drawn;
  private String lastSaved = "";

  /** @param say where a failure to draw or what a save did is said */
  PicturePane(Appearance appearance, Background background, Consumer<String> say) {
    this.appearance = appearance;
    this.background = background;
    this.say = say;
    drawings = new LatestOnly<>(background, this::put, e -> say.accept("could not draw it: " + e));
    subscriptions = Subscription.combine(appearance.themeProperty().subscribe(this::redraw),
        appearance.presentationProperty().subscribe(this::redraw),
        pane.widthProperty().subscribe(this::redraw),
        pane.heightProperty().subscribe(this::redraw));
    pane.setOnMouseClicked(e -> click(e.getX(), e.getY()));
  }

  Region node() {
    return pane;
  }

  /** Whether the picture is on screen: only then is it drawn. */
  void setActive(boolean on) {
    active = on;
  }

  /** Shows a result (null: none). */
  void show(Computed<?> c) {
    shown = c;
    redraw();
  }

  /** Forgets the result shown; its picture stays until the next is drawn. */
  void forget() {
    shown = null;
  }

  Computed<?> shown() {
    return shown;
  }

  AnalysisPicture drawn() {
    return drawn;
  }

  /** Draws the result shown again, with the cards' marks as they are now. */
  void redraw() {
    if (!active) {
      return;
    }
    Computed<?> c = shown;
    int w = (int) Math.floor(pane.getWidth());
    int h = (int) Math.floor(pane.getHeight());
    if (c == null || w < 60 || h < 60) {
      pane.view().setImage(null);
      drawn = null;
      return;
    }
    Look look = appearance.look();
    Analysis.Marks marks = c.marks();
    drawings.request(() -> c.draw(marks, look, w, h));
  }

  private void put(AnalysisPicture p) {
    WritableImage wi = new WritableImage(p.width(), p.height());
    wi.getPixelWriter().setPixels(0, 0, p.width(), p.height(),
        PixelFormat.getIntArgbPreInstance(), p.argb(), 0, p.width());
    pane.view().setImage(wi);
    drawn = p;
  }

  void click(double x, double y) {
    AnalysisPicture d = drawn;
    if (d != null && d.plots().length > 0 && d.plots()[0] != null && d.of().click(d, x, y)) {
      redraw();
    }
  }

  void askWhereToSave(String name, Window owner) {
    FileChooser files = new FileChooser();
    files.setTitle("Save the picture");
    files.setInitialFileName(name + ".png");
    files.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
    java.io.File f = files.showSaveDialog(owner);
    if (f != null) {
      savePng(f.toPath());
    }
  }

  /** Draws the picture on screen again at twice its size and writes it, off this thread. */
  void savePng(Path target) {
    AnalysisPicture d = drawn;
    if (d == null) {
      say.accept("nothing to save yet");
      return;
    }
    Look look = appearance.look();
    Look big = look.scaled(look.scale() * 2, look.fontSize() * 2);
    Analysis.Marks marks = d.of().marks();
    background.submit(() -> {
      try {
        d.of().draw(marks, big, d.width() * 2, d.height() * 2).writePng(target);
        return "saved " + target;
      } catch (IOException | RuntimeException e) {
        return "could not save " + target + ": " + (e.getMessage() == null
            ? e.getClass().getSimpleName() : e.getMessage());
      }
    }, this::saved, e -> saved("could not save " + target + ": " + e));
  }

  private void saved(String said) {
    say.accept(said);
    lastSaved = said;
  }

  String lastSaved() {
    return lastSaved;
  }

  void dispose() {
    subscriptions.unsubscribe();
  }
}
