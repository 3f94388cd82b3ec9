package org.descent.app.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.descent.app.EditKeys;
import org.descent.app.model.LabModel;
import org.descent.network.Activation;
import org.descent.network.DataSource;
import org.descent.network.Initializer;
import org.descent.network.NetworkSetup;

/**
 * The network's settings, in the optimizer panel: whether a network trains beside the map,
 * its data, hidden layers, activation, initialization, batch normalization, batch size, input
 * standardization and training length. Every change makes a new setup (an immutable record)
 * in the model, which restarts the training and can be undone; a value the setup refuses
 * stays red in its field with the reason, and nothing changes.
 */
public final class NetworkSettings extends TitledPane {

  private final LabModel model;
  private final CheckBox enabled = new CheckBox("Train a real network beside the map");
  private final ComboBox<String> data = new ComboBox<>();
  private final TextField hidden = new TextField();
  private final ComboBox<String> activation = new ComboBox<>();
  private final ComboBox<String> init = new ComboBox<>();
  private final TextField bias = new TextField();
  private final CheckBox batchNorm = new CheckBox("batch normalization");
  private final TextField batch = new TextField();
  private final CheckBox standardize = new CheckBox("standardize the inputs");
  private final TextField steps = new TextField();
  private final Label problem = new Label();
  private final VBox body = new VBox(6);
  private final GridPane grid = new GridPane();
  private NetworkSetup lastSetup;
  private boolean updating;

  /** The data chooser's last item: a file of the student's own. */
  static final String CSV_ITEM = "your CSV file…";
  // Held here: the binding observes the student view weakly.
  private javafx.beans.binding.BooleanBinding hiddenForStudents;

  private static final List<String> INITS = List.of("glorot", "he", "orthogonal", "small",
      "zero");

  public NetworkSettings(LabModel model) {
    this.model = model;
    setId("network-settings");
    setMinWidth(0); // a long title is cut with an ellipsis, never widens the panel
    getStyleClass().add("network-settings");
    setAnimated(false);
    setExpanded(false);
    List<String> sets = new ArrayList<>(DataSource.Synthetic.NAMES);
    sets.addAll(DataSource.BuiltIn.NAMES);
    sets.add(CSV_ITEM);
    data.getItems().setAll(sets);
    data.setId("network-data");
    for (Activation a : Activation.values()) {
      activation.getItems().add(a.key());
    }
    activation.setId("network-activation");
    init.getItems().setAll(INITS);
    init.setId("network-init");
    hidden.setId("network-hidden");
    hidden.setPrefColumnCount(7);
    hidden.setTooltip(new Tooltip("units per hidden layer, e.g. 16, 16 (empty: no hidden layer)"));
    bias.setId("network-bias");
    bias.setPrefColumnCount(4);
    bias.setTooltip(new Tooltip("the constant every hidden bias starts at (ReLU: 0.1)"));
    batch.setId("network-batch");
    batch.setPrefColumnCount(5);
    batch.setTooltip(new Tooltip("samples per mini-batch, or 'full' for the whole set"));
    steps.setId("network-steps");
    steps.setPrefColumnCount(6);
    batchNorm.setId("network-batch-norm");
    standardize.setId("network-standardize");
    enabled.setId("network-enabled");
    problem.getStyleClass().add("field-problem");
    problem.setWrapText(true);
    problem.managedProperty().bind(problem.textProperty().isNotEmpty());
    problem.visibleProperty().bind(problem.textProperty().isNotEmpty());

    grid.setHgap(6);
    grid.setVgap(5);
    row(0, "data", data);
    row(1, "hidden", hidden);
    row(2, "activation", activation);
    row(3, "init", init);
    row(4, "bias", bias);
    row(5, "batch size", batch);
    row(6, "steps", steps);
    grid.add(batchNorm, 0, 7, 2, 1);
    grid.add(standardize, 0, 8, 2, 1);
    body.getChildren().setAll(enabled, grid, problem);
    // The content joins the scene when the pane first shows: without a network (most demos,
    // and the first picture at start-up) its 150 nodes would only cost styling time.

    enabled.selectedProperty().addListener((o, was, now) -> {
      if (updating) {
        return;
      }
      model.networkProperty().set(now ? (lastSetup != null ? lastSetup : defaultSetup())
          : null);
    });
    data.valueProperty().addListener((o, was, now) -> {
      if (CSV_ITEM.equals(now) && !updating) {
        chooseCsv();
        return;
      }
      change(s -> s.withData(source(now, s)));
    });
    activation.valueProperty().addListener((o, was, now) -> change(s ->
        s.withActivation(Activation.byKey(now).orElse(s.activation()))));
    init.valueProperty().addListener((o, was, now) -> change(s -> s.withInit(initializer(now,
        s.init()))));
    batchNorm.selectedProperty().addListener((o, was, now) -> change(s -> s.withBatchNorm(now)));
    standardize.selectedProperty().addListener((o, was, now) ->
        change(s -> s.withStandardize(now)));
    text(hidden, t -> s -> s.withHidden(layers(t)));
    text(bias, t -> s -> s.withBias(number(t)));
    text(batch, t -> s -> s.withBatchSize(t.trim().equalsIgnoreCase("full")
        ? NetworkSetup.FULL_BATCH : (int) whole(t)));
    text(steps, t -> s -> s.withSteps((int) whole(t)));

    model.networkProperty().addListener((o, was, now) -> show(now));
    hiddenForStudents = model.studentView().hides(org.descent.scenario.Control.NETWORK_SETTINGS);
    hiddenForStudents.addListener(o -> show(model.networkProperty().get()));
    show(model.networkProperty().get());
  }

  /**
   * A CSV file of the student's own: a header line, numeric feature columns and the class in a
   * column named label. Its problems (a missing column, a bad number at some line) show when
   * the training starts, in the network's column; nothing else changes.
   */
  private void chooseCsv() {
    javafx.stage.FileChooser c = new javafx.stage.FileChooser();
    c.setTitle("Data for the network: a CSV file with a label column");
    c.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv"));
    java.io.File f = Boolean.getBoolean("descent.noDialogs") ? null
        : c.showOpenDialog(getScene() == null ? null : getScene().getWindow());
    if (f == null) {
      show(model.networkProperty().get()); // back to the data shown
      return;
    }
    String path = f.getAbsolutePath();
    change(s -> s.withData(new DataSource.Csv(path)));
  }

  /** The network a demo without one gets when the lecturer asks for one. */
  public static NetworkSetup defaultSetup() {
    return NetworkSetup.defaults(DataSource.Synthetic.of("spirals"));
  }

  private void row(int r, String name, Node control) {
    Label label = new Label(name);
    label.getStyleClass().add("param-name");
    label.setMinWidth(Label.USE_PREF_SIZE);
    grid.add(label, 0, r);
    grid.add(control, 1, r);
    GridPane.setHgrow(control, Priority.ALWAYS);
    if (control instanceof ComboBox<?> c) {
      c.setMaxWidth(Double.MAX_VALUE);
    }
  }

  /**
   * A text field whose Enter (or leaving it) applies its text; a refused value marks the field
   * red and keeps it for correction; Esc brings the value back.
   */
  private void text(TextField field, java.util.function.Function<String,
      UnaryOperator<NetworkSetup>> apply) {
    Runnable commit = () -> {
      boolean ok = change(apply.apply(field.getText()));
      field.getStyleClass().remove("invalid");
      if (!ok) {
        field.getStyleClass().add("invalid");
      }
    };
    field.setOnAction(e -> commit.run());
    field.focusedProperty().addListener((o, was, now) -> {
      if (!now) {
        commit.run();
      }
    });
    EditKeys.onRevert(field, () -> {
      field.getStyleClass().remove("invalid");
      show(model.networkProperty().get());
    });
  }

  /** Applies a change to the setup; false (with the reason shown) when the setup refuses it. */
  private boolean change(UnaryOperator<NetworkSetup> f) {
    NetworkSetup s = model.networkProperty().get();
    if (updating || s == null) {
      return true;
    }
    try {
      NetworkSetup next = f.apply(s);
      problem.setText("");
      if (!next.equals(s)) {
        model.networkProperty().set(next);
      }
      return true;
    } catch (IllegalArgumentException e) {
      problem.setText(e.getMessage());
      return false;
    }
  }

  private void show(NetworkSetup s) {
    // Without a network the pane steps aside: View > Train a network brings it.
    boolean shown = s != null && !hiddenForStudents.get();
    setVisible(shown);
    setManaged(shown);
    if (shown && getContent() == null) {
      setContent(body);
    }
    updating = true;
    try {
      enabled.setSelected(s != null);
      grid.setDisable(s == null);
      problem.setText("");
      if (s == null) {
        setText("Network: off");
        return;
      }
      lastSetup = s;
      setText("Network: " + describe(s));
      String name = dataName(s.data());
      if (!data.getItems().contains(name)) {
        data.getItems().add(name);
      }
      data.setValue(name);
      hidden.setText(String.join(", ", s.hidden().stream().map(String::valueOf).toList()));
      activation.setValue(s.activation().key());
      String ik = s.init().key();
      if (!init.getItems().contains(ik)) {
        init.getItems().add(ik);
      }
      init.setValue(ik);
      bias.setText(org.descent.optim.Param.formatNumber(s.bias()));
      batch.setText(s.batchSize() == NetworkSetup.FULL_BATCH ? "full"
          : Integer.toString(s.batchSize()));
      steps.setText(Integer.toString(s.steps()));
      batchNorm.setSelected(s.batchNorm());
      standardize.setSelected(s.standardize());
    } finally {
      updating = false;
    }
  }

  /** "spirals, 16-16 tanh": what the collapsed pane says. */
  static String describe(NetworkSetup s) {
    // Ten equal layers read "10×32", not a line of 32s wider than the panel.
    boolean equal = s.hidden().size() > 2 && s.hidden().stream().distinct().count() == 1;
    String layers = s.hidden().isEmpty() ? "no hidden layer"
        : equal ? s.hidden().size() + "×" + s.hidden().get(0)
        : String.join("-", s.hidden().stream().map(String::valueOf).toList());
    return dataName(s.data()) + ", " + layers + " " + s.activation().key()
        + (s.batchNorm() ? ", batch norm" : "") + (s.residual() ? ", skips" : "");
  }

  private static String dataName(DataSource d) {
    if (d instanceof DataSource.Synthetic x) {
      return x.name();
    }
    if (d instanceof DataSource.BuiltIn x) {
      return x.name();
    }
    return ((DataSource.Csv) d).path();
  }

  private static DataSource source(String name, NetworkSetup s) {
    if (name == null) {
      return s.data();
    }
    if (DataSource.Synthetic.NAMES.contains(name)) {
      return DataSource.Synthetic.of(name);
    }
    if (DataSource.BuiltIn.NAMES.contains(name)) {
      return new DataSource.BuiltIn(name);
    }
    return s.data(); // the scenario's own CSV file, as it was
  }

  private static Initializer initializer(String key, Initializer current) {
    if (key == null || key.equals(current.key())) {
      return current;
    }
    return switch (key) {
      case "zero" -> new Initializer.Zero();
      case "small" -> new Initializer.Small();
      case "he" -> new Initializer.He();
      case "orthogonal" -> new Initializer.Orthogonal(1);
      default -> new Initializer.Glorot();
    };
  }

  static List<Integer> layers(String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split("[,\\s]+")) {
      if (!part.isBlank()) {
        out.add((int) whole(part));
      }
    }
    return out;
  }

  private static double number(String t) {
    try {
      double v = Double.parseDouble(t.trim());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + t.trim() + "' is not a number");
    }
  }

  private static long whole(String t) {
    try {
      return Long.parseLong(t.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + t.trim() + "' is not a whole number");
    }
  }

  /** The problem shown under the fields, or empty (for tests). */
  public Optional<String> problem() {
    return problem.getText().isEmpty() ? Optional.empty() : Optional.of(problem.getText());
  }
}
