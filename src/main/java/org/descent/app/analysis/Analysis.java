package org.descent.app.analysis;

import java.awt.Graphics2D;
import javafx.scene.Node;
import org.descent.picture.AnalysisPlot;
import org.descent.picture.Look;
import org.descent.picture.MapScene;

/**
 * One analysis of the column. The column copies what the analysis reads of the model into an
 * {@link AnalysisInput} on the JavaFX thread and asks for a {@link Plan}: a refusal, a result
 * at once, or a computation that runs on the analysis workers from that copy alone. The result
 * is drawn on a render worker from itself and the {@link Marks} read on the JavaFX thread just
 * before, so no worker reads a property that the student may be moving.
 *
 * <p>Adding an analysis is a class implementing this and its row in {@link AnalysisView.Kind}.
 *
 * @param <R> what it computes
 */
interface Analysis<R extends AnalysisView.Result> {

  /**
   * Whether the input carries the whole scenario: rebuilding it from the model costs more than
   * the rest, so only the analyses that replay the race ask for it.
   */
  default boolean needsScenario() {
    return false;
  }

  /** Whether it follows the playback's step (it is recomputed at every step). */
  default boolean followsStep() {
    return false;
  }

  /** What to do for this input; on the JavaFX thread. */
  Plan<R> plan(AnalysisInput in);

  /**
   * What the picture marks of the cards as they are now (a click or a slider moves a card's
   * mark without a new computation); on the JavaFX thread.
   */
  default Marks marks(R result) {
    return Marks.NONE;
  }

  /**
   * Draws the result on a worker thread, from the arguments only.
   *
   * @return the plots that map the picture's pixels to values (the first takes the clicks);
   *     empty when the picture has none
   */
  AnalysisPlot[] draw(R result, Marks marks, Graphics2D g, Look look, int width, int height);

  /**
   * A click at (x, y) of the picture of {@code result}, drawn with {@code plots}; on the JavaFX
   * thread.
   *
   * @return whether it changed a card (the picture is then drawn again)
   */
  default boolean click(R result, AnalysisPlot[] plots, double x, double y) {
    return false;
  }

  /** What the map draws for this result at the card's iterate, or null. */
  default MapScene.Inspection onMap(R result) {
    return null;
  }

  /** Its own controls, shown only while it is chosen, or null. */
  default Node controls() {
    return null;
  }

  /** A demo was opened: controls that start from the demo's values take them again. */
  default void demoOpened() {}

  /**
   * What the cards are now on a result's picture.
   *
   * @param values the cards' own values (a sweep's rates, a map's two values), or null
   * @param label the chosen card's label, or null
   */
  record Marks(double[] values, String label) {
    public static final Marks NONE = new Marks(null, null);
  }

  /** What an analysis does for an input. */
  sealed interface Plan<R> permits Refused, Waiting, Ready, Work {

    /** It cannot analyse this input; the hint says why, and nothing is shown. */
    static <R> Plan<R> refused(String why) {
      return new Refused<>(why);
    }

    /** Nothing to do yet (the race has not reached the card): what is shown stays. */
    static <R> Plan<R> waiting() {
      return new Waiting<>();
    }

    /** A result computed at once on the JavaFX thread (it is cheap). */
    static <R> Plan<R> ready(String hint, R result) {
      return new Ready<>(hint, result);
    }

    /**
     * A computation on the analysis workers.
     *
     * @param key what the result depends on besides the input's {@link AnalysisInput#key()}
     *     (the same key again only redraws what is shown), or null to compute every time
     * @param description what it computes, for the progress line
     */
    static <R> Plan<R> work(String key, String hint, String description,
        AnalysisRunner.Computation<R> work) {
      return new Work<>(key, hint, description, work);
    }
  }

  record Refused<R>(String why) implements Plan<R> {}

  record Waiting<R>() implements Plan<R> {}

  record Ready<R>(String hint, R result) implements Plan<R> {}

  record Work<R>(String key, String hint, String description,
      AnalysisRunner.Computation<R> work) implements Plan<R> {}
}
