package org.descent.app.landscape;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import org.descent.app.Appearance;
import org.descent.app.Images;
import org.descent.app.Theme;
import org.descent.app.model.FrameThrottle;
import org.descent.app.model.LabModel;
import org.descent.app.model.LatestOnly;
import org.descent.app.model.OptimizerEntry;
import org.descent.picture.Look;
import org.descent.picture.Pictures;
import org.descent.picture.RaceScene;
import org.descent.scenario.Scenario;

/**
 * The function a demo puts beside its own (its {@code beside}: the same problem under another
 * loss, as the 0-1 loss beside the cross-entropy): its contour map over the same view, with
 * the same cards run on it from the same start, at the playback's step. Drawn on a worker of
 * its own by the code that exports maps; it takes the surface's place while such a demo is
 * open.
 */
public final class BesideView extends Region {

  private final LabModel model;
  private final Appearance appearance;
  private final ImageView image = new ImageView();
  private final javafx.scene.control.Label caption = new javafx.scene.control.Label();
  private final org.descent.app.model.Background worker;
  private final LatestOnly<Drawn> drawings;
  // Playback moves the step every frame: one drawing per 33 ms at most.
  private final FrameThrottle throttle = new FrameThrottle(33_000_000, this::request);
  // Used only inside the drawing work, on the one beside thread: the view's own fields are
  // the JavaFX thread's.
  private final Drawer drawer = new Drawer();
  // On the JavaFX thread: the race last seen, and the scenario read for it.
  private Object sceneKey;
  private Scenario latest;
  private String problem = "";
  private final javafx.util.Subscription subscriptions;

  private record Drawn(int[] argb, int width, int height, String title) {}

  public BesideView(LabModel model, Appearance appearance,
      org.descent.app.model.AppThreads threads) {
    this.model = model;
    this.worker = threads.beside();
    this.appearance = appearance;
    setId("beside-view");
    getStyleClass().add("landscape-view");
    setMinSize(200, 200);
    caption.setId("beside-caption");
    caption.getStyleClass().add("beside-caption");
    caption.setMinWidth(0);
    // The title may explain why no path shows: folded onto lines, never cut.
    caption.setWrapText(true);
    getChildren().addAll(image, caption);
    drawings = new LatestOnly<>(worker, this::show, e -> problem = String.valueOf(e));
    // Playback moves the step every frame: one drawing per 33 ms at most.
    // Subscriptions, released by dispose(): the model outlives a projector's view.
    subscriptions = javafx.util.Subscription.combine(java.util.stream.Stream.of(
        model.raceProperty(), model.currentStepProperty(), model.extrasProperty(),
        appearance.themeProperty(), appearance.presentationProperty(), widthProperty(),
        heightProperty()).map(o -> o.subscribe(throttle::mark))
        .toArray(javafx.util.Subscription[]::new));
  }

  /** Whether the open demo has a function beside its own. */
  public boolean wanted() {
    Scenario x = model.extras();
    return x != null && x.beside() != null;
  }

  private void request() {
    int w = (int) Math.floor(getWidth());
    int h = (int) Math.floor(getHeight());
    if (!wanted()) {
      sceneKey = null; // another demo: its race and its cards may go
      latest = null;
      return;
    }
    if (w < 50 || h < 50 || model.race().landscape() == null) {
      return;
    }
    Object key = model.race();
    // The race beside is run again only for a new race: the scenario is read for it then.
    if (key != sceneKey || latest == null) {
      latest = model.toScenario();
      sceneKey = key;
    }
    Scenario now = latest;
    List<Integer> colours = new ArrayList<>();
    List<org.descent.picture.LineStyle> styles = new ArrayList<>();
    List<Boolean> shown = new ArrayList<>();
    for (OptimizerEntry e : model.optimizers()) {
      colours.add(Theme.argb(e.color()));
      styles.add(e.lineStyle());
      shown.add(e.isVisible());
    }
    int step = model.currentStepProperty().get();
    Look look = appearance.look();
    drawings.request(() -> drawer.draw(now, colours, styles, shown, step, w, h, look));
  }

  /**
   * Draws the picture, keeping the race run on the function beside (the cards from the same
   * start, for the same steps) until the scenario changes, and the painter's buffers.
   */
  private static final class Drawer {
    private final Pictures pictures = new Pictures();
    private RaceScene scene;
    private Scenario builtFrom;

    Drawn draw(Scenario now, List<Integer> colours, List<org.descent.picture.LineStyle> styles,
        List<Boolean> shown, int step, int w, int h, Look look)
        throws org.descent.function.FormulaException {
      if (now != builtFrom) {
        scene = RaceScene.beside(now, colours, styles, shown);
        builtFrom = now;
      }
      BufferedImage img = pictures.draw(Pictures.View.CONTOUR, scene, step, w, h, look);
      return new Drawn(img.getRGB(0, 0, w, h, null, 0, w), w, h, scene.title());
    }
  }

  private void show(Drawn d) {
    image.setImage(Images.of(d.argb(), d.width(), d.height()));
    caption.setText("beside: " + d.title());
    requestLayout();
  }

  /** Whether a picture is on screen (for tests), and why not if drawing failed. */
  public boolean drawn() {
    return image.getImage() != null;
  }

  public String problem() {
    return problem;
  }

  /** Stops its frame timer (the window is closing; the threads are the window's to end). */
  public void dispose() {
    throttle.stop();
    subscriptions.unsubscribe();
  }

  @Override
  protected void layoutChildren() {
    image.relocate(0, 0);
    double w = Math.min(caption.prefWidth(-1), getWidth() - 8);
    caption.resizeRelocate(4, 2, Math.max(0, w), caption.prefHeight(w));
  }

  @Override
  protected double computePrefWidth(double height) {
    return 0;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 0;
  }
}
