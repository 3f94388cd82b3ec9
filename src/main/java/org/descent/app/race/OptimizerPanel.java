package org.descent.app.race;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.descent.app.Appearance;
import org.descent.app.model.LabModel;
import org.descent.app.model.OptimizerEntry;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;

/** The racing optimizers: a card each, and a menu to add any algorithm. */
public final class OptimizerPanel extends VBox {

  private final LabModel model;
  private final Appearance appearance;
  private final VBox cards = new VBox(10);
  private final Map<OptimizerEntry, OptimizerCard> byEntry = new HashMap<>();
  private final org.descent.app.model.NetworkTraining training;
  private final org.descent.app.model.Background typesetter;

  /**
   * A panel whose cards also show and tune their runs on the network.
   *
   * @param typesetter where the cards' update rules are typeset
   * @param networkSettings the network's settings, shown above the cards (or null)
   */
  public OptimizerPanel(LabModel model, Appearance appearance,
      org.descent.app.model.NetworkTraining training,
      org.descent.app.model.Background typesetter, javafx.scene.Node networkSettings) {
    super(8);
    this.typesetter = typesetter;
    this.model = model;
    this.appearance = appearance;
    this.training = training;
    getStyleClass().add("optimizer-panel");
    setPadding(new Insets(8));

    Label title = new Label("Optimizers");
    title.getStyleClass().add("panel-title");
    MenuButton add = new MenuButton("Add");
    add.setId("add-optimizer");
    model.studentView().bind(add, org.descent.scenario.Control.ADD_OPTIMIZER);
    for (OptimizerType t : OptimizerType.values()) {
      MenuItem item = new MenuItem(t.displayName() + "  (" + t.key() + ")");
      item.setId("add-" + t.key());
      item.setOnAction(e -> model.addOptimizer(OptimizerSpec.of(t)));
      add.getItems().add(item);
    }
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(8, title, spacer, add);
    header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

    ScrollPane scroll = new ScrollPane(cards);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("cards-scroll");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    getChildren().addAll(header, foldedInPresentation(new RaceSettings(model)));
    if (networkSettings != null) {
      getChildren().add(networkSettings);
    }
    getChildren().add(scroll);

    model.optimizers().addListener((ListChangeListener<OptimizerEntry>) c -> {
      boolean structural = false;
      while (c.next()) {
        structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
      }
      if (structural) {
        rebuild();
      }
    });
    rebuild();
  }

  /**
   * The shared settings, which a demo sets and a lecture rarely changes: in presentation mode
   * folded to one line that still says what they are, so the cards fit under the charts.
   */
  private javafx.scene.Node foldedInPresentation(RaceSettings settings) {
    javafx.scene.control.TitledPane fold = new javafx.scene.control.TitledPane();
    fold.setId("race-settings-fold");
    fold.setAnimated(false);
    fold.setExpanded(false);
    fold.getStyleClass().add("options");
    fold.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> model.stepsProperty().get() + " steps · noise σ "
            + org.descent.picture.Numbers.format(model.noiseProperty().get()),
        model.stepsProperty(), model.noiseProperty()));
    VBox holder = new VBox();
    Runnable arrange = () -> {
      if (appearance.presentation()) {
        fold.setContent(settings);
        holder.getChildren().setAll(fold);
      } else {
        fold.setContent(null);
        holder.getChildren().setAll(settings);
      }
    };
    appearance.presentationProperty().addListener(o -> arrange.run());
    arrange.run();
    return holder;
  }

  private void rebuild() {
    List<OptimizerEntry> entries = List.copyOf(model.optimizers());
    byEntry.entrySet().removeIf(e -> {
      boolean gone = !entries.contains(e.getKey());
      if (gone) {
        e.getValue().dispose();
      }
      return gone;
    });
    cards.getChildren().setAll(entries.stream()
        .map(e -> byEntry.computeIfAbsent(e, k -> new OptimizerCard(k, model, appearance,
            training, typesetter)))
        .toList());
  }

}
