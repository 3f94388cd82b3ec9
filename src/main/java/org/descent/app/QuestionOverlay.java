package org.descent.app;

import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.descent.app.model.LabModel;
import org.descent.app.model.Lesson;
import org.descent.app.model.OptimizerEntry;
import org.descent.lesson.Choice;
import org.descent.lesson.Pick;
import org.descent.lesson.Question;
import org.descent.lesson.Verdict;

/**
 * "Predict, then reveal" over the landscape: the question asked, large, with its choices as
 * buttons (keys 1..n choose, Esc passes over it to just watch) or a field for a number; then a
 * banner with the prediction while the run plays on, and the run's verdict with its reason
 * once the run has decided. It shows {@link Lesson#momentProperty()} and nothing else: what
 * is asked and what was picked are the lesson's.
 */
final class QuestionOverlay extends Pane {

  private final Lesson lesson;
  private final LabModel model;
  private final VBox ask = new VBox(18);
  private final Label prompt = new Label();
  private final FlowPane choices = new FlowPane(12, 12);
  private final TextField number = new TextField();
  private final Label askHint = new Label();
  private final VBox banner = new VBox(6);
  private final Label verdict = new Label();
  private final Label reason = new Label();
  private final Label bannerHint = new Label();
  // The landscape views (map and surface): the boxes stand over them, not over the charts or
  // the cards beside; null for the whole window.
  private Node landscape;

  QuestionOverlay(Lesson lesson, LabModel model) {
    this.lesson = lesson;
    this.model = model;
    setId("question-overlay");
    // Only the boxes take the mouse: the map, the cards and the playback stay usable around
    // them (the lecturer may point at the map while the class thinks).
    setPickOnBounds(false);
    prompt.setId("question-prompt");
    prompt.getStyleClass().add("question-prompt");
    prompt.setWrapText(true);
    prompt.setMinHeight(USE_PREF_SIZE);
    choices.setId("question-choices");
    choices.setAlignment(Pos.CENTER);
    number.setId("question-number");
    number.setPromptText("a step");
    number.setPrefColumnCount(8);
    number.getStyleClass().add("question-choice");
    number.setOnAction(e -> submitNumber());
    askHint.getStyleClass().add("question-hint");
    ask.getChildren().addAll(prompt, choices, askHint);
    ask.setAlignment(Pos.CENTER);
    ask.getStyleClass().add("question-box");

    ask.setPadding(new Insets(26, 34, 22, 34));
    verdict.setId("question-verdict");
    verdict.getStyleClass().add("question-verdict");
    verdict.setWrapText(true);
    verdict.setMinHeight(USE_PREF_SIZE);
    reason.setId("question-reason");
    reason.getStyleClass().add("question-reason");
    reason.setWrapText(true);
    reason.setMinHeight(USE_PREF_SIZE);
    bannerHint.getStyleClass().add("question-hint");
    banner.getChildren().addAll(verdict, reason, bannerHint);
    banner.getStyleClass().add("question-banner");
    banner.setId("question-banner");

    banner.setPadding(new Insets(12, 20, 12, 20));
    banner.setMouseTransparent(true);
    getChildren().addAll(ask, banner);
    lesson.momentProperty().addListener(o -> show());
    model.currentStepProperty().addListener(o -> hints());
    show();
  }

  /**
   * Puts the boxes over these views (the map and the surface) wherever the layout puts them:
   * the charts and the cards beside stay in sight.
   */
  void over(Node views) {
    landscape = views;
    // Moved by the layout (F9, F8, a layout of the View menu): placed again after that pass.
    views.layoutBoundsProperty().addListener(o -> Platform.runLater(this::requestLayout));
    views.boundsInParentProperty().addListener(o -> Platform.runLater(this::requestLayout));
    requestLayout();
  }

  /** Where the landscape is, in this pane's coordinates (the whole pane without one). */
  private Bounds area() {
    if (landscape != null && landscape.getScene() == getScene() && landscape.isVisible()) {
      Bounds b = sceneToLocal(landscape.localToScene(landscape.getLayoutBounds()));
      if (b != null && b.getWidth() > 100 && b.getHeight() > 100) {
        return b;
      }
    }
    return new javafx.geometry.BoundingBox(0, 0, getWidth(), getHeight());
  }

  /**
   * The question in the middle of the landscape, a little above its centre; the prediction
   * and the verdict at its top, over the map, where the paths they speak of stay in sight.
   * Never wider than the landscape: the texts wrap instead.
   */
  @Override
  protected void layoutChildren() {
    Bounds b = area();
    double most = Math.max(200, b.getWidth() - 32);
    double w = Math.min(most, ask.prefWidth(-1));
    double h = Math.min(ask.prefHeight(w), Math.max(100, b.getHeight() - 16));
    ask.resizeRelocate(Math.round(b.getMinX() + (b.getWidth() - w) / 2),
        Math.round(b.getMinY() + Math.max(8, (b.getHeight() - h) * 0.4)), w, h);
    double bw = Math.min(most, banner.prefWidth(-1));
    double bh = banner.prefHeight(bw);
    banner.resizeRelocate(Math.round(b.getMinX() + (b.getWidth() - bw) / 2),
        Math.round(b.getMinY() + 10), bw, bh);
  }

  /**
   * The question's keys (see KeyRouter.setQuestion): 1..n pick a choice, Esc passes over the
   * question, Space waits (the answer must not play before the prediction). True when the key
   * was the question's.
   */
  boolean onKey(KeyEvent e) {
    if (!(lesson.moment() instanceof Lesson.Moment.Asking a)) {
      return false;
    }
    if (e.getCode() == KeyCode.ESCAPE) {
      lesson.skip();
      return true;
    }
    if (e.getCode() == KeyCode.SPACE && !number.isFocused()) {
      return true;
    }
    if (!a.question().numeric() && !e.isShortcutDown() && !e.isAltDown()) {
      int n = digit(e.getCode());
      if (n >= 1 && n <= a.question().choices().size()) {
        lesson.pick(new Pick.Chosen(n - 1));
        return true;
      }
    }
    return false;
  }

  private static int digit(KeyCode code) {
    if (code.isDigitKey()) {
      String name = code.getName();
      char c = name.charAt(name.length() - 1);
      return Character.isDigit(c) ? c - '0' : -1;
    }
    return -1;
  }

  private void show() {
    Lesson.Moment m = lesson.moment();
    boolean asking = m instanceof Lesson.Moment.Asking;
    ask.setVisible(asking);
    ask.setManaged(asking);
    if (!asking && number.isFocused() && getScene() != null) {
      // A hidden field must not keep the keyboard: the keys go back to playback.
      getScene().getRoot().requestFocus();
    }
    banner.setVisible(m instanceof Lesson.Moment.Waiting || m instanceof Lesson.Moment.Checked);
    banner.setManaged(banner.isVisible());
    if (m instanceof Lesson.Moment.Asking a) {
      showQuestion(a.question());
    } else if (m instanceof Lesson.Moment.Waiting w) {
      verdict.getStyleClass().removeAll("right", "wrong");
      verdict.setText("Your prediction: " + said(w.question(), w.pick()));
      reason.setText(w.question().prompt());
    } else if (m instanceof Lesson.Moment.Checked c) {
      showVerdict(c);
    }
    hints();
  }

  private void showQuestion(Question q) {
    prompt.setText(q.prompt());
    choices.getChildren().clear();
    if (q.numeric()) {
      Button check = new Button("Predict");
      check.setId("question-submit");
      check.getStyleClass().add("question-choice");
      check.setOnAction(e -> submitNumber());
      number.clear();
      number.getStyleClass().remove("invalid");
      choices.getChildren().addAll(number, check);
      askHint.setText("Type a number and press Enter · Esc: just watch");
      Platform.runLater(number::requestFocus);
      return;
    }
    List<Choice> cs = q.choices();
    for (int i = 0; i < cs.size(); i++) {
      Choice c = cs.get(i);
      Button b = new Button((i + 1) + "   " + c.text());
      b.setId("question-choice-" + i);
      b.getStyleClass().add("question-choice");
      b.setFocusTraversable(false);
      b.setMnemonicParsing(false);
      OptimizerEntry card = c.card() >= 0 && c.card() < model.loadedCards().size()
          ? model.loadedCards().get(c.card()) : null;
      if (card != null) {
        // The card's colour and line style: the path and curve it names, for every student.
        Circle swatch = new Circle(7, card.color());
        javafx.scene.shape.Line style = new javafx.scene.shape.Line(0, 0, 30, 0);
        style.setStroke(card.color());
        style.setStrokeWidth(3);
        style.setStrokeLineCap(javafx.scene.shape.StrokeLineCap.ROUND);
        float[] dashes = card.lineStyle().dashes(3, true);
        if (dashes != null) {
          for (float d : dashes) {
            style.getStrokeDashArray().add((double) d);
          }
        }
        javafx.scene.layout.HBox graphic = new javafx.scene.layout.HBox(4, swatch, style);
        graphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        b.setGraphic(graphic);
      }
      int index = i;
      b.setOnAction(e -> lesson.pick(new Pick.Chosen(index)));
      choices.getChildren().add(b);
    }
    askHint.setText("Press 1–" + cs.size() + " or click · Esc: just watch");
  }

  private void submitNumber() {
    String text = number.getText().trim().replace('−', '-');
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException ex) {
      v = Double.NaN;
    }
    if (!Double.isFinite(v) || text.isEmpty()) {
      if (!number.getStyleClass().contains("invalid")) {
        number.getStyleClass().add("invalid");
      }
      return;
    }
    lesson.pick(new Pick.Number(v));
  }

  private void showVerdict(Lesson.Moment.Checked c) {
    Verdict v = c.verdict();
    Question q = c.question();
    String answer = q.numeric()
        ? (Double.isNaN(v.value()) ? "no step" : "step " + (long) v.value())
        : v.right().isEmpty() ? "none of them"
            : v.right().stream().sorted().map(i -> q.choices().get(i).text())
                .collect(Collectors.joining(" and "));
    verdict.getStyleClass().removeAll("right", "wrong");
    if (!c.pick().answered()) {
      verdict.setText("The run's answer: " + answer);
    } else if (c.right()) {
      verdict.getStyleClass().add("right");
      verdict.setText("✓ Right: " + said(q, c.pick())
          + (q.numeric() ? " (the run: " + answer + ")" : ""));
    } else {
      verdict.getStyleClass().add("wrong");
      verdict.setText("✗ Not this time: you said " + said(q, c.pick()) + "; the run: "
          + answer);
    }
    reason.setText(v.reason());
  }

  private static String said(Question q, Pick p) {
    if (p instanceof Pick.Chosen c) {
      return q.choices().get(c.choice()).text();
    }
    if (p instanceof Pick.Number n) {
      double v = n.value();
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
          : Double.toString(v);
    }
    return "—";
  }

  private void hints() {
    boolean end = model.currentStepProperty().get() >= model.stepsProperty().get();
    bannerHint.setText(end ? "" : "Space plays on");
    bannerHint.setVisible(!end);
    bannerHint.setManaged(!end);
  }

  /** The verdict line shown, or "" (for tests). */
  String verdictText() {
    return banner.isVisible() ? verdict.getText() : "";
  }

  /** The reason shown under the verdict, or "" (for tests). */
  String reasonText() {
    return banner.isVisible() ? reason.getText() : "";
  }

  /** Whether a question is shown, waiting for a pick (for tests). */
  boolean asking() {
    return ask.isVisible();
  }
}
