package org.descent.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.descent.network.WeightsFile;
import org.descent.optim.OptimizerType;
import org.descent.scenario.Scenario;
import org.descent.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Early stopping as a lecturer shows it: the overfitting network trains, and the chosen card's
 * weights at its lowest validation loss are saved to a weights file that reads back as exactly
 * those weights, for a network to start from.
 */
class EarlyStoppingInTheAppTest extends AppTest {

  @Override
  protected Scenario scenario() {
    return demo("early-stopping.yaml");
  }

  @Test
  void theBestWeightsAreSavedAndReadBack(@TempDir Path dir) throws Exception {
    fxRun(() -> model.inspectedProperty().set(entry(OptimizerType.ADAM)));
    type(KeyCode.SPACE);
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
      TrainingSnapshot s = fx(() -> window.training().snapshotProperty().get());
      return s != null && s.finished() && !s.runs().isEmpty();
    });
    TrainingSnapshot s = fx(() -> window.training().snapshotProperty().get());
    var adam = s.runs().stream().filter(r -> r.label().equals(entry(OptimizerType.ADAM).spec()
        .label())).findFirst().orElseThrow();
    assertNotNull(adam.best(), "the run kept its best validation checkpoint");
    assertTrue(adam.best().step() < adam.step(), "it overfits: the best is before the end");
    Path file = dir.resolve("best.json");
    fxRun(() -> window.networkView().saveBestWeights(file));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> window.networkView()
        .resultLine()).startsWith("saved"));
    assertArrayEquals(adam.best().weights(), WeightsFile.read(file, s.architecture()), 0,
        "the file holds exactly the early-stopped weights");
  }
}
