package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.descent.app.model.OptimizerEntry;
import org.descent.network.NetworkSetup;
import org.descent.optim.OptimizerType;
import org.descent.picture.NetworkPictures;
import org.descent.scenario.Scenario;
import org.descent.training.RunSnapshot;
import org.descent.training.TrainingPoint;
import org.descent.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real network beside the landscape, as a lecturer uses it: the demo opens with the
 * network's column beside the map, Space trains it with the cards' own optimizers, a card's
 * network learning rate and the network's settings retrain it, and its pictures follow the
 * card last pressed.
 */
class NetworkBesideTest extends AppTest {

  @Override
  protected Scenario scenario() {
    return demo("network-minibatch-size.yaml");
  }

  private TrainingSnapshot snapshot() {
    return fx(() -> window.training().snapshotProperty().get());
  }

  /** Waits (at most 60 s) until the training shows a snapshot that passes the test. */
  private TrainingSnapshot awaitSnapshot(Predicate<TrainingSnapshot> test) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
      TrainingSnapshot s = snapshot();
      return s != null && test.test(s);
    });
    return snapshot();
  }

  private static boolean finished(TrainingSnapshot s) {
    return s.finished() && !s.runs().isEmpty();
  }

  @Test
  void spaceTrainsTheNetworkWithEveryCardBesideTheMap() throws Exception {
    assertTrue(fx(() -> lookup("#network-view").tryQuery().isPresent()),
        "a demo with a network shows it beside the map");
    assertTrue(fx(() -> window.training().pausedProperty().get()), "it opens paused");
    type(KeyCode.SPACE);
    TrainingSnapshot s = awaitSnapshot(NetworkBesideTest::finished);
    List<String> labels = fx(() -> model.optimizers().stream().map(e -> e.spec().label())
        .toList());
    assertEquals(labels, s.runs().stream().map(RunSnapshot::label).toList());
    for (RunSnapshot r : s.runs()) {
      assertEquals(r.steps(), r.step(), r.label() + " trained to the end");
      TrainingPoint first = r.points().get(0);
      assertTrue(r.latest().trainLoss() < first.trainLoss() / 5,
          r.label() + " learned: " + first.trainLoss() + " -> " + r.latest().trainLoss());
    }
    // The charts' legend names the cards.
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        () -> fx(() -> window.networkView().legendLabels()).equals(labels));
    // And each card says how its network run went.
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    String status = fx(() -> ((Label) inCard(sgd, "#network-status")).getText());
    assertTrue(status.startsWith("network step " + s.runs().get(0).steps()), status);
  }

  @Test
  void aCardsNetworkLearningRateRetrainsWithThatRate() throws Exception {
    fxRun(() -> window.show(scenario())); // opened as a lecturer opens it: a fresh history
    type(KeyCode.SPACE);
    awaitSnapshot(NetworkBesideTest::finished);
    OptimizerEntry sgd = entry(OptimizerType.SGD);
    long before = snapshot().generation();
    TextField field = (TextField) inCard(sgd, "#network-lr .param-value");
    clickOn(field);
    fxRun(field::selectAll);
    write("0.2");
    type(KeyCode.ENTER);
    assertEquals(0.2, fx(() -> sgd.networkRateProperty().get()), 0);
    TrainingSnapshot s = awaitSnapshot(x -> x.generation() > before && finished(x));
    int run = fx(() -> window.training().runOf(sgd));
    assertEquals(0.2, s.runs().get(run).latest().learningRate(), 0,
        "the network run uses the card's network rate");
    // Undo brings the old rate back, and the old training with it.
    press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    OptimizerEntry restored = entry(OptimizerType.SGD); // undo brings back whole cards
    assertEquals(0.05, fx(() -> restored.networkRateProperty().get()), 0);
  }

  @Test
  void theNetworksSettingsRetrainItAndRefuseWhatCannotBe() throws Exception {
    fxRun(() -> ((javafx.scene.control.TitledPane) lookup("#network-settings").query())
        .setExpanded(true));
    TextField hidden = lookup("#network-hidden").query();
    clickOn(hidden);
    fxRun(hidden::selectAll);
    write("8, 8, 8");
    type(KeyCode.ENTER);
    assertEquals(List.of(8, 8, 8), fx(() -> model.networkProperty().get().hidden()));
    TrainingSnapshot s = awaitSnapshot(x -> x.architecture() != null
        && x.architecture().hidden().equals(List.of(8, 8, 8)));
    assertEquals("2-8-8-8-2 tanh", s.architecture().describe());

    NetworkSetup good = fx(() -> model.networkProperty().get());
    clickOn(hidden);
    fxRun(hidden::selectAll);
    write("8, 0");
    type(KeyCode.ENTER);
    assertEquals(good, fx(() -> model.networkProperty().get()), "nothing changes");
    String problem = fx(() -> ((org.descent.app.network.NetworkSettings)
        lookup("#network-settings").query()).problem().orElse(""));
    assertTrue(problem.contains("1 to"), problem);
    type(KeyCode.ESCAPE);
    assertEquals("8, 8, 8", fx(hidden::getText));

    // Turned off, the network goes and the surface comes back beside the map.
    clickOn("#network-enabled");
    assertNull(fx(() -> model.networkProperty().get()));
    assertNull(snapshot());
    assertFalse(fx(() -> lookup("#network-view").tryQuery().isPresent()));
    assertTrue(fx(() -> lookup("#surface-view").tryQuery().isPresent()));
  }

  @Test
  void thePicturesOfOneRunFollowTheCardPressed() throws Exception {
    type(KeyCode.SPACE);
    awaitSnapshot(NetworkBesideTest::finished);
    fxRun(() -> window.networkView().bottomKindProperty().set(org.descent.network.NetworkPicture.SLICE));
    OptimizerEntry adam = entry(OptimizerType.ADAM);
    clickOn(inCard(adam, ".optimizer-type"));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
      var f = fx(() -> window.networkView().slice());
      return f != null && f.paths().get(f.paths().size() - 1).label().equals("Adam");
    });
    var slice = fx(() -> window.networkView().slice());
    assertNotNull(slice);
    // The plane goes through Adam's last weights: its path ends at the centre, (0, 0).
    double[][] adamPath = slice.paths().get(slice.paths().size() - 1).points();
    double[] end = adamPath[adamPath.length - 1];
    assertEquals(0, end[0], 1e-9);
    assertEquals(0, end[1], 1e-9);
  }

  @Test
  void theGradientCheckAgreesWithBackprop() throws Exception {
    clickOn("#network-gradcheck");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> window.networkView()
        .gradientCheckText()).contains("largest relative error"));
    String text = fx(() -> window.networkView().gradientCheckText());
    assertTrue(text.contains("backprop agrees"), text);
  }

  @Test
  void nTogglesTheNetworkAndTheSurface() {
    assertTrue(fx(() -> lookup("#network-view").tryQuery().isPresent()));
    type(KeyCode.N);
    assertFalse(fx(() -> lookup("#network-view").tryQuery().isPresent()));
    type(KeyCode.N);
    assertTrue(fx(() -> lookup("#network-view").tryQuery().isPresent()));
  }
}
