package org.descent.app.demos;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.descent.app.model.Background;
import org.descent.picture.Look;
import org.descent.picture.Pictures;
import org.descent.picture.RaceScene;
import org.descent.scenario.BuiltInScenarios;

/**
 * File → Lecture demos: every built-in demo as a tile (a thumbnail drawn from the demo itself,
 * its title and description) grouped by its file's topic in lecture order; typing filters
 * them, a click opens one. Thumbnails are drawn in the background and kept for the next time.
 */
public final class DemoBrowser {

  static final int THUMB_WIDTH = 260;
  static final int THUMB_HEIGHT = 160;

  private final Background background;
  private final Look look;
  private final Map<String, Image> thumbnails = new HashMap<>();
  private final List<Tile> tiles = new ArrayList<>();
  private Stage stage;

  public DemoBrowser(Background background, Look look) {
    this.background = background;
    this.look = look;
  }

  /**
   * One demo's tile and the texts the filter searches: its title, its topic, and all of it
   * (title, description, topic, file name), each in lower case.
   */
  private record Tile(VBox node, ImageView thumb, String file, String text, String topic,
      String title, Label tick) {

    /** How well the words match: 0 in the title, 1 in the title and topic, 2 anywhere. */
    int rank(String[] words) {
      if (java.util.Arrays.stream(words).allMatch(title::contains)) {
        return 0;
      }
      String titleAndTopic = title + " " + topic;
      return java.util.Arrays.stream(words).allMatch(titleAndTopic::contains) ? 1 : 2;
    }
  }

  private static final javafx.css.PseudoClass BEST =
      javafx.css.PseudoClass.getPseudoClass("inspected");
  private String[] words = new String[0];

  private TextField filter;
  private ScrollPane scroll;

  /**
   * Shows the browser over the window; {@code open} receives the chosen demo's file name. The
   * window is made once and shown again with an empty filter: a lecture opens it dozens of
   * times, and each new window cost its own native surface and textures.
   *
   * @param answered for a demo's file name, how its questions were answered ("2 of 3
   *     right"), or null when they were not all answered: answered demos get a tick
   */
  public void show(Window owner, List<BuiltInScenarios.Demo> demos, List<String> stylesheets,
      Consumer<String> open, java.util.function.Function<String, String> answered) {
    if (stage == null || stage.getOwner() != owner) {
      build(owner, demos, open);
    }
    for (Tile t : tiles) {
      String score = answered.apply(t.file());
      t.tick().setText(score == null ? "" : "✓ answered: " + score);
      t.tick().setVisible(score != null);
      t.tick().setManaged(score != null);
    }
    stage.getScene().getStylesheets().setAll(stylesheets);
    filter.clear();
    scroll.setVvalue(0);
    stage.show();
    stage.toFront();
    filter.requestFocus();
    drawThumbnails(demos);
  }

  private void build(Window owner, List<BuiltInScenarios.Demo> demos, Consumer<String> open) {
    stage = new Stage();
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Lecture demos — Descent");
    filter = new TextField();
    filter.setPromptText("type to filter: momentum, saddle, noise, Adam…");
    filter.setId("demo-filter");
    VBox sections = new VBox(14);
    sections.setPadding(new Insets(10));
    tiles.clear();
    words = new String[0];
    String topic = null;
    FlowPane flow = null;
    for (BuiltInScenarios.Demo d : demos) {
      String name = d.topic().isEmpty() ? "other" : d.topic();
      if (!name.equals(topic)) {
        topic = name;
        Label header = new Label(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        header.getStyleClass().add("panel-title");
        flow = new FlowPane(12, 12);
        sections.getChildren().addAll(header, flow);
      }
      Tile tile = tile(d, open);
      flow.getChildren().add(tile.node());
      tiles.add(tile);
    }
    filter.textProperty().addListener((o, was, now) -> filter(sections, now));
    scroll = new ScrollPane(sections);
    scroll.setFitToWidth(true);
    VBox root = new VBox(8, filter, scroll);
    root.setPadding(new Insets(10));
    root.getStyleClass().add("descent-root");
    VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
    Scene scene = new Scene(root, 3 * (THUMB_WIDTH + 48) + 90, 760);
    // Closed after the key's events, never inside them: GTK goes on delivering the key's
    // TYPED event to a window closed while handling its PRESSED one, and the whole program
    // dies in libglassgtk3 (JDK-8301219, fixed upstream after JavaFX 21).
    Stage shown = stage;
    scene.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        e.consume();
        Platform.runLater(shown::close);
      } else if (e.getCode() == KeyCode.ENTER) {
        e.consume();
        best().ifPresent(t -> Platform.runLater(() -> choose(shown, t.file(), open)));
      }
    });
    stage.setScene(scene);
  }

  private Tile tile(BuiltInScenarios.Demo d, Consumer<String> open) {
    ImageView thumb = new ImageView(thumbnails.get(d.file()));
    thumb.setFitWidth(THUMB_WIDTH);
    thumb.setFitHeight(THUMB_HEIGHT);
    Label title = new Label(d.title());
    title.setWrapText(true);
    title.setMaxWidth(THUMB_WIDTH);
    title.setStyle("-fx-font-weight: bold;");
    Label text = new Label(shortened(d.description()));
    text.setWrapText(true);
    text.setMaxWidth(THUMB_WIDTH);
    text.getStyleClass().add("scenario-description");
    // A student alone sees which demos' questions are answered (kept between runs).
    Label tick = new Label();
    tick.getStyleClass().add("demo-answered");
    tick.setId("demo-answered-" + d.file().replace(".yaml", ""));
    tick.setVisible(false);
    tick.setManaged(false);
    VBox node = new VBox(4, thumb, title, tick, text);
    node.setAlignment(Pos.TOP_LEFT);
    node.getStyleClass().add("optimizer-card");
    node.setId("demo-tile-" + d.file().replace(".yaml", ""));
    node.setPrefWidth(THUMB_WIDTH + 20);
    node.setOnMouseClicked(e -> choose(stage, d.file(), open));
    node.setCursor(javafx.scene.Cursor.HAND);
    String searched = searchable(d.title() + " " + d.description() + " " + d.topic() + " "
        + d.file());
    return new Tile(node, thumb, d.file(), searched, searchable(d.topic()),
        searchable(d.title()), tick);
  }

  private static void choose(Stage shown, String file, Consumer<String> open) {
    if (!shown.isShowing()) {
      return; // a second Enter before the first one closed it: one demo is enough
    }
    shown.close();
    open.accept(file);
  }

  /**
   * Text as the filter compares it: lower case, Greek letters as their symbols, so that
   * "2 / lambda" finds "the 2/λmax boundary" and "lambda_max" in an older text finds λmax.
   */
  static String searchable(String text) {
    return GREEK.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(m -> switch (m.group(1)) {
      case "lambda" -> "λ";
      case "alpha" -> "α";
      case "beta" -> "β";
      case "epsilon" -> "ε";
      case "sigma" -> "σ";
      case "kappa" -> "κ";
      case "delta" -> "δ";
      default -> "θ";
    });
  }

  /** A Greek letter's name as a word of its own, or before max, min or an index. */
  private static final java.util.regex.Pattern GREEK = java.util.regex.Pattern.compile(
      "(?<![a-z])(lambda|alpha|beta|epsilon|sigma|kappa|delta|theta)_?(?=max|min|[^a-z]|$)");

  /** The first sentence or two: a tile is not the place for the whole paragraph. */
  static String shortened(String description) {
    if (description.length() <= 180) {
      return description;
    }
    int cut = description.lastIndexOf(". ", 180);
    return (cut > 60 ? description.substring(0, cut + 1) : description.substring(0, 177))
        + (cut > 60 ? "" : "…");
  }

  private void filter(VBox sections, String query) {
    String q = searchable(query.trim());
    words = q.isEmpty() ? new String[0] : q.split("\\s+");
    for (Tile t : tiles) {
      boolean show = java.util.Arrays.stream(words).allMatch(t.text()::contains);
      t.node().setVisible(show);
      t.node().setManaged(show);
    }
    // The demo Enter opens is marked: a title match before a topic's, before a description's.
    Tile best = best().orElse(null);
    for (Tile t : tiles) {
      t.node().pseudoClassStateChanged(BEST, t == best && !q.isEmpty());
    }
    // A topic without a visible demo hides its header too.
    for (int i = 0; i + 1 < sections.getChildren().size(); i += 2) {
      FlowPane flow = (FlowPane) sections.getChildren().get(i + 1);
      boolean any = flow.getChildren().stream().anyMatch(javafx.scene.Node::isVisible);
      sections.getChildren().get(i).setVisible(any);
      sections.getChildren().get(i).setManaged(any);
      flow.setVisible(any);
      flow.setManaged(any);
    }
  }

  /** The demos the filter shows now, for tests. */
  public List<String> visibleFiles() {
    return shown().map(Tile::file).toList();
  }

  /** The tiles shown, best match first (in lecture order among equals). */
  private java.util.stream.Stream<Tile> shown() {
    return tiles.stream().filter(t -> t.node().isVisible())
        .sorted(java.util.Comparator.comparingInt(t -> t.rank(words)));
  }

  /** The demo Enter opens: the best match. */
  private java.util.Optional<Tile> best() {
    return shown().findFirst();
  }

  /** The tick shown on a demo's tile ("✓ answered: 2 of 2 right"), or "" (for tests). */
  public String tick(String file) {
    return tiles.stream().filter(t -> t.file().equals(file)).findFirst()
        .map(t -> t.tick().isVisible() ? t.tick().getText() : "").orElse("");
  }

  /** How many thumbnails have been drawn, for tests. */
  public int thumbnailsDrawn() {
    return thumbnails.size();
  }

  public Stage stage() {
    return stage;
  }

  private void drawThumbnails(List<BuiltInScenarios.Demo> demos) {
    for (BuiltInScenarios.Demo d : demos) {
      if (thumbnails.containsKey(d.file())) {
        continue;
      }
      background.submit(() -> {
        org.descent.scenario.Scenario s = BuiltInScenarios.read(d.file());
        RaceScene scene = RaceScene.of(s);
        int step = scene.steps();
        if (!s.questions().isEmpty()) {
          // A demo that asks first shows no answer on its tile either: its landscape and
          // start, no path (predict, then reveal).
          step = 0;
          scene = new RaceScene(scene.title(), scene.landscape(), scene.view(),
              scene.runs().stream().map(r -> new org.descent.picture.ChartInput(r.label(),
                  r.argb(), r.trace().upTo(0))).toList(), scene.start(), scene.steps(),
              scene.trail(), scene.camera(), scene.network(), scene.rate(), scene.setup(),
              scene.beside());
        }
        BufferedImage img = new Pictures().draw(Pictures.View.CONTOUR, scene, step,
            THUMB_WIDTH * 2, THUMB_HEIGHT * 2, look);
        return img;
      }, img -> {
        Image fx = SwingFXUtils.toFXImage(img, null);
        thumbnails.put(d.file(), fx);
        for (Tile t : tiles) {
          if (t.file().equals(d.file())) {
            t.thumb().setImage(fx);
          }
        }
      }, e -> { });
    }
  }
}
