package org.descent.app.analysis;

import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;
import javafx.util.Subscription;
import org.descent.app.analysis.AnalysisView.Kind;
import org.descent.app.analysis.AnalysisView.Result;
import org.descent.app.model.LabModel;
import org.descent.picture.MapScene;

/**
 * Asks the chosen analysis again a moment after what it reads changes (at once for a new
 * choice), and follows its plan: a refusal or a result is shown at once; a computation runs
 * on the runner, unless it has the key of the last one, which only redraws. Use on the JavaFX
 * thread.
 */
final class AnalysisDriver {

  private final LabModel model;
  private final Map<Kind, Analysis<?>> analyses;
  private final AnalysisRunner runner;
  private final PicturePane picture;
  private final Consumer<String> say;
  private final ObjectProperty<MapScene.Inspection> stepOnMap =
      new SimpleObjectProperty<>(this, "stepOnMap");
  private final PauseTransition settle = new PauseTransition(Duration.millis(300));
  private final Subscription subscriptions;
  private Kind kind;
  private boolean active;
  private String computedKey = "";

  /** @param say where the chosen analysis's hint or refusal is said */
  AnalysisDriver(LabModel model, Map<Kind, Analysis<?>> analyses, Kind chosen,
      AnalysisRunner runner, PicturePane picture, Consumer<String> say) {
    this.model = model;
    this.analyses = analyses;
    this.kind = chosen;
    this.runner = runner;
    this.picture = picture;
    this.say = say;
    settle.setOnFinished(e -> compute());
    subscriptions = Subscription.combine(AnalysisInput.watch(model, () -> changed(300)),
        model.extrasProperty().subscribe(() -> analyses.values().forEach(Analysis::demoOpened)),
        model.currentStepProperty().subscribe(() -> {
          if (analyses.get(kind).followsStep()) {
            changed(60);
          }
        }));
  }

  /** Another analysis is chosen; its picture replaces the last one's when it is drawn. */
  void choose(Kind k) {
    kind = k;
    picture.forget();
    computedKey = "";
    stepOnMap.set(null);
    changed(0);
  }

  /** Whether the column is on screen: only then is anything computed. */
  void setActive(boolean on) {
    active = on;
    picture.setActive(on);
    if (on) {
      changed(0);
    } else {
      settle.stop();
      runner.cancel();
      stepOnMap.set(null);
    }
  }

  /** Asks the chosen analysis again after {@code millis}, unless asked again before. */
  void changed(double millis) {
    if (active) {
      settle.setDuration(Duration.millis(Math.max(1, millis)));
      settle.playFromStart();
    }
  }

  ObservableValue<MapScene.Inspection> stepOnMap() {
    return stepOnMap;
  }

  void dispose() {
    setActive(false);
    subscriptions.unsubscribe();
  }

  private void compute() {
    Analysis<?> analysis = analyses.get(kind);
    AnalysisInput in = AnalysisInput.of(model, analysis.needsScenario());
    if (in == null || in.chosen() == null) {
      say.accept("add an optimizer to analyse it");
      return;
    }
    follow(analysis, in);
  }

  private <R extends Result> void follow(Analysis<R> analysis, AnalysisInput in) {
    Analysis.Plan<R> plan = analysis.plan(in);
    if (plan instanceof Analysis.Work<R> work) {
      String key = work.key() == null ? "" : kind + "|" + work.key();
      if (!key.isEmpty() && key.equals(computedKey)) {
        picture.redraw(); // the same result; the cards' marks may have moved
        return;
      }
      computedKey = key;
      say.accept(work.hint());
      runner.start(work.description(), work.work(), r -> show(new Computed<>(analysis, r)));
    } else if (!(plan instanceof Analysis.Waiting<R>)) {
      // A pass of a computation still running would replace what is shown now.
      runner.cancel();
      computedKey = "";
      if (plan instanceof Analysis.Ready<R> ready) {
        say.accept(ready.hint());
        show(new Computed<>(analysis, ready.result()));
      } else {
        say.accept(((Analysis.Refused<R>) plan).why());
        stepOnMap.set(null);
        picture.show(null);
      }
    }
  }

  private void show(Computed<?> c) {
    if (c.result() != null) {
      stepOnMap.set(c.onMap());
      picture.show(c);
    }
  }
}
