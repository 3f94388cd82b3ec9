package org.descent.app.analysis;

import java.util.ArrayList;
import java.util.List;
import javafx.util.Subscription;
import org.descent.app.Theme;
import org.descent.app.model.LabModel;
import org.descent.app.model.OptimizerEntry;
import org.descent.app.model.RaceResult;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.network.NetworkSetup;
import org.descent.optim.OptimizerSpec;
import org.descent.scenario.Scenario;
import org.descent.trace.Trace;

/**
 * What the analyses read of the model, copied on the JavaFX thread: a computation on a worker
 * reads this and nothing the student may be moving.
 *
 * @param currentStep the playback's step
 * @param chosen the card looked into (the one last pressed, else the first visible), or null
 *     without cards
 * @param cards every card, in the list's order
 * @param shown the cards whose paths the map draws, in the map's order, with those paths
 * @param network the real network beside the landscape, or null
 * @param extras what the demo brings besides the race (its power method), or null
 * @param scenario the whole state as a scenario, or null when the analysis did not ask for it
 */
record AnalysisInput(Landscape landscape, Vec2 start, int steps, double noise, long seed,
    int currentStep, Card chosen, List<Card> cards, List<Card> shown, NetworkSetup network,
    Scenario extras, Scenario scenario) {

  /**
   * A card as it is now. Its entry is a handle for what a click sets (on the JavaFX thread); a
   * worker reads the copied values.
   *
   * @param trace its path in the current race, or null when the race has none for it yet
   */
  public record Card(OptimizerEntry entry, OptimizerSpec spec, int argb, boolean visible,
      Trace trace) {}

  public AnalysisInput {
    cards = List.copyOf(cards);
    shown = List.copyOf(shown);
  }

  /** A copy of the model now; null without a function or a start. */
  static AnalysisInput of(LabModel model, boolean withScenario) {
    Landscape l = model.landscape();
    Vec2 start = model.startProperty().get();
    if (l == null || start == null) {
      return null;
    }
    RaceResult race = model.race();
    OptimizerEntry chosenEntry = model.chosenEntry();
    List<Card> cards = new ArrayList<>();
    Card chosen = null;
    for (OptimizerEntry e : model.optimizers()) {
      Card c = new Card(e, e.spec(), Theme.argb(e.color()), e.isVisible(), race.traceOf(e));
      cards.add(c);
      if (e == chosenEntry) {
        chosen = c;
      }
    }
    List<Card> shown = new ArrayList<>();
    for (RaceResult.Shown s : model.shownTraces()) {
      OptimizerEntry e = s.entry();
      shown.add(new Card(e, e.spec(), Theme.argb(e.color()), true, s.trace()));
    }
    // The one place the analyses rebuild a scenario from the model: a snapshot of the model
    // can take its place here.
    Scenario scenario = withScenario ? model.toScenario() : null;
    return new AnalysisInput(l, start, model.stepsProperty().get(), model.noiseProperty().get(),
        model.seedProperty().get(), model.currentStepProperty().get(), chosen, cards, shown,
        model.networkProperty().get(), model.extras(), scenario);
  }

  /**
   * Calls {@code changed} whenever what {@link #of} copies changes (a card added or removed is
   * watched anew), until the subscription returned is ended.
   */
  static Subscription watch(LabModel model, Runnable changed) {
    Subscription[] cards = {watchCards(model, changed)};
    return Subscription.combine(model.landscapeProperty().subscribe(changed),
        model.startProperty().subscribe(changed), model.stepsProperty().subscribe(changed),
        model.noiseProperty().subscribe(changed), model.seedProperty().subscribe(changed),
        model.inspectedProperty().subscribe(changed), model.raceProperty().subscribe(changed),
        model.networkProperty().subscribe(changed), model.optimizers().subscribe(() -> {
          cards[0].unsubscribe();
          cards[0] = watchCards(model, changed);
          changed.run();
        }), () -> cards[0].unsubscribe());
  }

  private static Subscription watchCards(LabModel model, Runnable changed) {
    return Subscription.combine(model.optimizers().stream()
        .map(e -> Subscription.combine(e.specProperty().subscribe(changed),
            e.visibleProperty().subscribe(changed), e.colorProperty().subscribe(changed)))
        .toArray(Subscription[]::new));
  }

  /** The start as an array (a fresh one). */
  double[] startPoint() {
    return new double[] {start.x(), start.y()};
  }

  /** What every computation depends on: the function, its parameters, start and settings. */
  String key() {
    return landscape.formula().text() + "|" + landscape.parameters() + "|" + start + "|" + steps
        + "|" + noise + "|" + seed;
  }

  /** The visible cards, in the list's order. */
  List<Card> visibleCards() {
    return cards.stream().filter(Card::visible).toList();
  }

  /** Where a card is among all the cards (the race's index), or −1. */
  int indexOf(OptimizerEntry entry) {
    return indexIn(cards, entry);
  }

  /** Where a card's path is among the map's paths, or −1 (a hidden card has none). */
  int shownIndexOf(OptimizerEntry entry) {
    return indexIn(shown, entry);
  }

  private static int indexIn(List<Card> list, OptimizerEntry entry) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).entry() == entry) {
        return i;
      }
    }
    return -1;
  }
}
