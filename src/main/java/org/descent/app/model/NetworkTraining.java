package org.descent.app.model;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import org.descent.app.model.LabModel;
import org.descent.app.model.OptimizerEntry;
import org.descent.network.NetworkSetup;
import org.descent.optim.OptimizerSpec;
import org.descent.training.TrainingRequest;
import org.descent.training.TrainingService;
import org.descent.training.TrainingSnapshot;

/**
 * The real network trained beside the landscape: one run per optimizer card, with the card's
 * own optimizer and hyperparameters (and its network learning rate), in the background. Any
 * change of a card or of the network's settings restarts the training once the change has
 * settled (the service waits for 200 ms of quiet), so a slider drag shows the landscape's
 * path at once and the network's curves a moment later. The training starts paused at step
 * 0 and runs when the lecturer plays. Use on the JavaFX thread only.
 */
public final class NetworkTraining implements AutoCloseable {

  private final LabModel model;
  private final TrainingService service;
  private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot =
      new ReadOnlyObjectWrapper<>(this, "snapshot");
  private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused", true);
  /** The cards of the newest request, and of the generation shown. */
  private List<OptimizerEntry> requested = List.of();
  private List<OptimizerEntry> shownEntries = List.of();
  private long shownGeneration;
  private final InvalidationListener changed = o -> restart();

  public NetworkTraining(LabModel model, org.descent.app.model.AppThreads threads) {
    this.model = model;
    service = threads.training(s -> Platform.runLater(() -> show(s)));
    service.pause();
    model.networkProperty().addListener(changed);
    model.optimizers().addListener((ListChangeListener<OptimizerEntry>) c -> {
      while (c.next()) {
        for (OptimizerEntry e : c.getAddedSubList()) {
          e.networkRateProperty().addListener(changed);
        }
        for (OptimizerEntry e : c.getRemoved()) {
          e.networkRateProperty().removeListener(changed);
        }
      }
      restart();
    });
    for (OptimizerEntry e : model.optimizers()) {
      e.networkRateProperty().addListener(changed);
    }
    model.playingProperty().addListener((o, was, now) -> {
      if (now) {
        play();
      }
    });
    restart();
  }

  /** The latest snapshot of the training shown, or null without a network. */
  public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty pausedProperty() {
    return paused.getReadOnlyProperty();
  }

  /** The card of run i of the snapshot shown, or null. */
  public OptimizerEntry entryOf(int run) {
    return run >= 0 && run < shownEntries.size() ? shownEntries.get(run) : null;
  }

  /** The run of a card in the snapshot shown, or −1. */
  public int runOf(OptimizerEntry e) {
    return shownEntries.indexOf(e);
  }

  public void play() {
    service.resume();
    paused.set(false);
  }

  public void pause() {
    service.pause();
    paused.set(true);
  }

  public void togglePause() {
    if (paused.get()) {
      play();
    } else {
      pause();
    }
  }

  /** Fresh histograms and decision regions at the next evaluation, even while paused. */
  public void refreshDiagnostics() {
    service.requestDiagnostics();
  }

  /** Trains again from the initial weights with the current cards and settings. */
  public void restart() {
    NetworkSetup setup = model.networkProperty().get();
    List<OptimizerEntry> entries = List.copyOf(model.optimizers());
    if (setup == null || entries.isEmpty()) {
      service.cancel();
      requested = List.of();
      shownEntries = List.of(); // the cards of a network no longer shown may go
      snapshot.set(null);
      return;
    }
    List<OptimizerSpec> specs = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (OptimizerEntry e : entries) {
      specs.add(e.spec());
      rates.add(e.networkRateProperty().get());
    }
    requested = entries;
    service.restart(new TrainingRequest(setup, specs, rates)
        .withSharpnessEvery(sharpness ? setup.evalEvery() : 0));
  }

  // Whether the runs compute the Hessian's largest eigenvalue at every evaluation.
  private boolean sharpness;

  /**
   * Whether the runs compute their sharpness (the Sharpness picture is shown): at every
   * evaluation, which slows the training (about three times on the demos' networks). Asked
   * for, it trains again from the start, so that the curve has every step; no longer asked
   * for, the training goes on as it is and the next one leaves it out.
   */
  public void setSharpnessWanted(boolean on) {
    if (on != sharpness) {
      sharpness = on;
      if (on) {
        restart();
      }
    }
  }

  /**
   * What the training of the cards shown was asked to do (the network, the cards' specs and
   * network rates), or null when no network trains: another computation on the same problem
   * (two minima of one card) starts from it.
   */
  public TrainingRequest shownRequest() {
    NetworkSetup setup = model.networkProperty().get();
    if (setup == null || shownEntries.isEmpty()) {
      return null;
    }
    List<OptimizerSpec> specs = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (OptimizerEntry e : shownEntries) {
      specs.add(e.spec());
      rates.add(e.networkRateProperty().get());
    }
    return new TrainingRequest(setup, specs, rates);
  }

  private void show(TrainingSnapshot s) {
    if (model.networkProperty().get() == null || s.generation() < shownGeneration) {
      return; // a snapshot from before a restart or of a network no longer shown
    }
    if (s.generation() > shownGeneration) {
      shownGeneration = s.generation();
      shownEntries = requested;
    }
    snapshot.set(s);
  }

  @Override
  public void close() {
    service.close();
  }
}
