package org.descent.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.descent.app.model.LabModel;
import org.descent.export.AtomicFiles;
import org.descent.scenario.BuiltInScenarios;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import org.descent.scenario.ScenarioWriter;

/**
 * Scenario files: File → Open and Save, a demo by name. A bad file is reported (in the status
 * line and a dialog) and the current state is kept; a failed save leaves nothing half-written.
 */
final class ScenarioFiles {

  private final Stage stage;
  private final LabModel model;
  private final java.util.function.BiConsumer<Scenario, String> show;
  private final Consumer<String> status;

  /**
   * @param show shows a scenario that was read, with the built-in demo's name ("momentum-ravine",
   *     under which a student's answers to its questions are kept), or null for a file
   * @param status puts a message in the window's status line
   */
  ScenarioFiles(Stage stage, LabModel model, java.util.function.BiConsumer<Scenario, String> show,
      Consumer<String> status) {
    this.stage = stage;
    this.model = model;
    this.show = show;
    this.status = status;
  }

  /** File → Open: the scenario file the user chose, opened by the caller. */
  java.util.Optional<Path> choose() {
    File f = chooser("Open a scenario").showOpenDialog(stage);
    return java.util.Optional.ofNullable(f).map(File::toPath);
  }

  /** Opens a scenario file; a bad file is reported and the current state is kept. */
  boolean open(Path file) {
    try {
      Scenario s = ScenarioReader.read(file);
      show.accept(s, builtInCopy(file, s));
      return true;
    } catch (ScenarioException e) {
      report("Cannot open the scenario", e.getMessage());
      return false;
    }
  }

  /**
   * The built-in demo a file is an unchanged copy of ("momentum-ravine" for the repository's
   * scenarios/momentum-ravine.yaml, opened with {@code open FILE}), or null: a student's answers
   * to it then count for the demo, as when it is opened from the demo browser.
   */
  private static String builtInCopy(Path file, Scenario s) {
    Path name = file.getFileName();
    if (name == null || !name.toString().endsWith(".yaml")) {
      return null;
    }
    try {
      return BuiltInScenarios.read(name.toString()).equals(s)
          ? name.toString().replaceFirst("\\.yaml$", "") : null;
    } catch (ScenarioException e) {
      return null; // not the name of a built-in demo
    }
  }

  /**
   * Opens a built-in demo by file name: the demo browser's way in, and a lecture's, so that
   * both show a demo alike. False (and reported) when it cannot be read.
   */
  boolean openBuiltIn(String name) {
    try {
      show.accept(BuiltInScenarios.read(name), name.replaceFirst("\\.yaml$", ""));
      return true;
    } catch (ScenarioException e) {
      report("Cannot open the demo", e.getMessage());
      return false;
    }
  }

  void chooseAndSave() {
    FileChooser chooser = chooser("Save the scenario");
    chooser.setInitialFileName(fileNameFor(model.titleProperty().get()));
    File f = chooser.showSaveDialog(stage);
    if (f != null) {
      save(f.toPath());
    }
  }

  /** Saves the current state; a failure is reported and nothing half-written is left. */
  boolean save(Path file) {
    String yaml = ScenarioWriter.write(model.toScenario());
    try {
      AtomicFiles.writeText(file, w -> w.write(yaml));
      return true;
    } catch (IOException e) {
      report("Cannot save the scenario", file + ": " + (e.getMessage() == null
          ? e.getClass().getSimpleName() : e.getMessage()));
      return false;
    }
  }

  /**
   * A file name from a demo's title: "Momentum in a ravine" becomes momentum-in-a-ravine.yaml;
   * without a title, scenario.yaml.
   */
  static String fileNameFor(String title) {
    String slug = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
    }
    return (slug.isEmpty() ? "scenario" : slug) + ".yaml";
  }

  private static FileChooser chooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios", "*.yaml",
        "*.yml"));
    return chooser;
  }

  /** A problem in the status line, and in a dialog unless dialogs are off (tests). */
  void report(String header, String message) {
    status.accept(message);
    if (Boolean.getBoolean("descent.noDialogs")) {
      return;
    }
    Alert alert = new Alert(Alert.AlertType.ERROR, message);
    alert.setHeaderText(header);
    alert.initOwner(stage);
    DialogKeys.closeAfterTheKey(alert);
    alert.show();
  }
}
