package org.descent.app.analysis;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Duration;
import org.descent.analysis.BasinMap;
import org.descent.analysis.BasinMaps;
import org.descent.analysis.BasinRequest;
import org.descent.app.model.LandscapeOptions;
import org.descent.app.model.LabModel;
import org.descent.app.model.OptimizerEntry;
import org.descent.function.Landscape;
import org.descent.function.ViewBox;
import org.descent.optim.OptimizerSpec;

/**
 * Keeps the basin map of the chosen optimizer (the card last pressed, else the first) over
 * the current view while the basins are on: recomputed, coarse pass first, a moment after the
 * function, the view, the start's settings or the card change, so a slider drag or a zoom
 * asks for one map when it ends rather than for one per pixel.
 */
public final class BasinOverlay {

  /** Optimizer steps a map may take in all: under a second on two cores for the fast path. */
  static final long FAST_WORK = 250_000_000L;
  static final long SLOW_WORK = 25_000_000L;

  private final LabModel model;
  private final LandscapeOptions options;
  private final AnalysisRunner runner;
  private final ObjectProperty<BasinMap> map;
  private final PauseTransition settle = new PauseTransition(Duration.millis(250));
  private OptimizerEntry watched;
  private final ObjectProperty<ViewBox> shownView;

  /**
   * @param overlays where the map publishes the part of the plane it shows (wider than the
   *     model's view when the map's shape differs), which the basins cover, and where the
   *     basins go for the map to paint
   */
  public BasinOverlay(LabModel model, LandscapeOptions options, AnalysisRunner runner,
      org.descent.app.model.MapOverlays overlays) {
    this.shownView = overlays.shownViewProperty();
    this.map = overlays.basinsProperty();
    // The map's size changed: the part of the plane it shows did too.
    shownView.addListener((o, was, now) -> {
      if (options.basinsProperty().get()) {
        changed();
      }
    });
    this.model = model;
    this.options = options;
    this.runner = runner;
    settle.setOnFinished(e -> compute());
    options.basinsProperty().addListener(o -> changed());
    model.landscapeProperty().addListener(o -> {
      map.set(null); // the old function's basins never show over a new one
      changed();
    });
    for (Observable p : List.of(model.viewProperty(), model.stepsProperty(),
        model.noiseProperty(), model.seedProperty(), model.chosenProperty())) {
      p.addListener(o -> changed());
    }
    model.optimizers().addListener((Observable o) -> changed());
  }

  /** The map to paint, or null (off, or not computed yet). */
  public ObjectProperty<BasinMap> mapProperty() {
    return map;
  }

  /** The runner whose progress the map shows. */
  public AnalysisRunner runner() {
    return runner;
  }

  private void changed() {
    OptimizerEntry e = model.chosenEntry();
    if (e != watched) {
      if (watched != null) {
        watched.specProperty().removeListener(specListener);
      }
      watched = e;
      if (e != null) {
        e.specProperty().addListener(specListener);
      }
    }
    if (!options.basinsProperty().get()) {
      settle.stop();
      runner.cancel();
      map.set(null);
      return;
    }
    settle.playFromStart();
  }

  private final javafx.beans.InvalidationListener specListener = o -> changed();


  private void compute() {
    Landscape l = model.landscape();
    OptimizerEntry e = model.chosenEntry();
    ViewBox view = shownView.get();
    if (l == null || e == null || view == null) {
      return;
    }
    OptimizerSpec spec = e.spec();
    int steps = model.stepsProperty().get();
    double noise = model.noiseProperty().get();
    long seed = model.seedProperty().get();
    int grid = gridFor(spec, noise, steps);
    runner.start("basins of " + spec.label(), (workers, cancel, listener) -> {
      BasinRequest r = new BasinRequest(l, view, grid, spec, steps, noise, seed,
          BasinRequest.defaultTolerance(view), true);
      BasinMaps.compute(r, workers, cancel, listener);
    }, map::set);
  }

  /**
   * Starts per side: 256 where the vectorised path applies (a second at most), fewer for the
   * methods run one start at a time, so that a map is always ready while the lecturer talks.
   */
  static int gridFor(OptimizerSpec spec, double noise, int steps) {
    boolean fast = BasinRequest.fastPathFor(spec, noise);
    int most = fast ? 256 : 128;
    long work = fast ? FAST_WORK : SLOW_WORK;
    int byWork = (int) Math.floor(Math.sqrt((double) work / Math.max(1, steps)));
    return Math.max(16, Math.min(most, byWork));
  }
}
