package org.descent.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts, over the window (F1 or ?; Esc or a click closes it). */
public final class HelpOverlay extends StackPane {

  static final String[][] SHORTCUTS = {
      {"Space", "play / pause (whatever has the focus, except while typing in a field)"},
      {"→  /  ←", "one step forward / back"},
      {"Shift + →  /  ←", "ten steps forward / back"},
      {"Home  /  End", "back to step 0 / to the last step"},
      {"+  /  −", "faster / slower playback"},
      {"Enter  /  Esc", "in a field: keep / undo what was typed, and give the keys back"},
      {"Ctrl + Z  /  Ctrl + Shift + Z", "undo / redo a change of the settings"},
      {"Ctrl + R", "reset the demo to how it was opened"},
      {"F9  /  F8", "hide or show the optimizer panel / the charts"},
      {"F11", "full screen"},
      {"Ctrl + P", "presentation mode: large fonts, thick lines"},
      {"Ctrl + T", "next theme: light, dark, high contrast"},
      {"Ctrl + O  /  Ctrl + S", "open / save a scenario"},
      {"Ctrl + E", "export: frames, GIF, MP4, a still, the trajectories"},
      {"Ctrl + L", "the lecture demos, by topic"},
      {"Ctrl + Shift + L", "open a lecture: its demos in order"},
      {"Page Down  /  Up", "next / previous demo of the lecture (a presentation clicker's keys); "
          + "Page Down first reveals a demo's questions"},
      {"1 … 9  /  Esc", "a demo's question: choose an answer / pass over it and watch"},
      {"B  or  .", "black screen; any key or click brings the window back"},
      {"G  /  C", "gradient field / convexity shading on or off"},
      {"M", "local quadratic model and Newton step at the chosen card's point"},
      {"Shift + B", "basins of attraction of the chosen card: where each start ends"},
      {"N", "the network beside the map, or the surface"},
      {"A", "the analyses beside the map: sweeps, maps, searches, stability"},
      {"F7", "the lecturer's notes of the demo, shown or hidden"},
      {"1 … 9  /  0", "glide to the demo's named views (View → Go to view) / back to the "
          + "demo's own view"},
      {"F1  or  ?", "this help"},
      {"Sliders", "drag; Shift + drag for fine steps; the mouse wheel nudges the value"},
      {"Map", "drag the white start marker to move the start; drag elsewhere to pan; "
          + "scroll to zoom; double-click to start there; hover for f, ∇f, curvature"},
      {"Surface", "drag to rotate, scroll to zoom"}};

  /** The open demo's named views, under the shortcuts ("1 the saddle · 2 the minimum"). */
  private final Label views = new Label();

  public HelpOverlay() {
    getStyleClass().add("help-overlay");
    setId("help-overlay");
    // Two columns of shortcuts: the list fits a laptop's screen even with presentation fonts.
    // Made when first shown: seventy labels styled and measured are time the first picture of
    // the window would wait for.
    GridPane grid = new GridPane();
    grid.setHgap(18);
    grid.setVgap(8);
    visibleProperty().addListener((o, was, now) -> {
      if (now && grid.getChildren().isEmpty()) {
        fill(grid);
      }
    });
    Label title = new Label("Keyboard and mouse");
    title.getStyleClass().add("help-title");
    Label close = new Label("Esc or click to close");
    close.getStyleClass().add("help-hint");
    views.setId("help-views");
    views.getStyleClass().add("help-text");
    views.setWrapText(true);
    views.setMaxWidth(760);
    views.setMinHeight(USE_PREF_SIZE);
    setViews(java.util.List.of());
    VBox box = new VBox(16, title, grid, views, close);
    box.getStyleClass().add("help-box");
    box.setPadding(new Insets(28));
    box.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    box.setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
    box.setAlignment(Pos.CENTER_LEFT);
    getChildren().add(box);
    // In presentation mode on a laptop's 768 lines the list is taller than the window: it
    // shrinks to fit, rather than lose its title and its last lines off the screen.
    setMinSize(0, 0); // the window's size, whatever the box's: the box is what shrinks
    widthProperty().addListener(o -> fit(box));
    heightProperty().addListener(o -> fit(box));
    box.layoutBoundsProperty().addListener(o -> fit(box));
    setVisible(false);
    setOnMouseClicked(e -> setVisible(false));
  }

  private static void fill(GridPane grid) {
    int half = (SHORTCUTS.length + 1) / 2;
    for (int i = 0; i < SHORTCUTS.length; i++) {
      Label key = new Label(SHORTCUTS[i][0]);
      key.getStyleClass().add("help-key");
      key.setMinWidth(USE_PREF_SIZE);
      Label what = new Label(SHORTCUTS[i][1]);
      what.getStyleClass().add("help-text");
      what.setWrapText(true);
      what.setMaxWidth(380);
      what.setMinHeight(USE_PREF_SIZE);
      int column = i < half ? 0 : 2;
      grid.add(key, column, i % half);
      grid.add(what, column + 1, i % half);
    }
  }

  private void fit(VBox box) {
    double w = box.prefWidth(-1);
    double h = box.prefHeight(w);
    if (getWidth() <= 0 || getHeight() <= 0 || w <= 0 || h <= 0) {
      return;
    }
    double scale = Math.min(1, Math.min((getWidth() - 16) / w, (getHeight() - 16) / h));
    box.setScaleX(scale);
    box.setScaleY(scale);
  }

  /** Lists the open demo's named views by key; none hides the line. */
  void setViews(java.util.List<String> names) {
    StringBuilder text = new StringBuilder("This demo's views:");
    for (int i = 0; i < names.size(); i++) {
      text.append(i == 0 ? "  " : "  ·  ").append(i + 1).append(" ").append(names.get(i));
    }
    views.setText(names.isEmpty() ? "" : text.toString());
    views.setVisible(!names.isEmpty());
    views.setManaged(!names.isEmpty());
  }

  /** The line of the demo's views as shown, or "" (for tests). */
  String viewsText() {
    return views.getText();
  }

  public void toggle() {
    setVisible(!isVisible());
  }
}
