package org.descent.app.analysis;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A computation's progress where its picture appears: what it computes, a bar, and Cancel
 * while it runs; why it stopped (cancelled, refused) after. Hidden when there is nothing to say.
 */
public final class AnalysisProgress extends HBox {

  public AnalysisProgress(AnalysisRunner runner, String id) {
    super(6);
    setId(id);
    getStyleClass().add("analysis-progress");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(3, 6, 3, 8));
    setPickOnBounds(false);
    Label what = new Label();
    what.setId(id + "-text");
    what.setMinWidth(Region.USE_PREF_SIZE);
    ProgressBar bar = new ProgressBar();
    bar.setPrefWidth(110);
    bar.progressProperty().bind(runner.progressProperty());
    Button cancel = new Button("Cancel");
    cancel.setId(id + "-cancel");
    cancel.setOnAction(e -> runner.cancel());
    Runnable refresh = () -> {
      boolean running = runner.runningProperty().get();
      String message = runner.messageProperty().get();
      what.setText(running ? runner.whatProperty().get() + "…"
          : message.isEmpty() ? "" : runner.whatProperty().get() + ": " + message);
      bar.setVisible(running);
      bar.setManaged(running);
      cancel.setVisible(running);
      cancel.setManaged(running);
      boolean shown = running || !message.isEmpty();
      setVisible(shown);
      setManaged(shown);
    };
    runner.runningProperty().addListener(o -> refresh.run());
    runner.messageProperty().addListener(o -> refresh.run());
    runner.whatProperty().addListener(o -> refresh.run());
    getChildren().addAll(what, bar, cancel);
    refresh.run();
  }
}
