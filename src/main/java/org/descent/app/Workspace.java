package org.descent.app;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The window's working area: the landscape views on the left, taking every pixel the rest
 * does not need, with the playback bar and the charts under them, and the optimizer panel on
 * the right. The charts and the panel keep their size when the window grows (the landscape
 * gets the rest), never drop below a readable minimum, and can be hidden with one key each;
 * presentation mode widens the panel only as much as its larger fonts need.
 *
 * <p>In presentation mode the landscape is the hero: the charts, one above the other, move
 * into the panel's column above the cards, so the map and the surface take the whole height
 * under the header; hiding the panel (F9) leaves the landscape the whole window.
 */
final class Workspace extends SplitPane {

  /** How the landscape is shown. */
  enum Layout {
    CONTOUR("Contour map"), SURFACE("Surface"), BOTH("Contour and surface"),
    NETWORK("Contour and network"), ANALYSIS("Contour and analysis");

    final String title;

    Layout(String title) {
      this.title = title;
    }
  }

  private final Node contour;
  private Node surface;
  private final Node network;
  private final Node analysis;
  private final VBox panel;
  private final org.descent.app.charts.RaceCharts charts;
  private final SplitPane views = new SplitPane();
  private final SplitPane stageArea = new SplitPane();
  private final VBox bottom;
  private final Appearance appearance;
  private Layout layout = Layout.BOTH;
  private boolean panelShown = true;
  private boolean chartsShown = true;

  Workspace(Node contour, Node surface, Node network, Node analysis, Region playback,
      org.descent.app.charts.RaceCharts charts, VBox panel, Appearance appearance) {
    this.analysis = analysis;
    this.contour = contour;
    this.surface = surface;
    this.network = network;
    this.panel = panel;
    this.charts = charts;
    this.appearance = appearance;
    setId("workspace");
    getStyleClass().add("workspace");
    views.setId("views");
    views.getItems().setAll(contour, surface);
    bottom = new VBox(6, playback);
    bottom.setId("bottom");
    bottom.setPadding(new Insets(4, 8, 6, 8));
    placeCharts();
    stageArea.setOrientation(Orientation.VERTICAL);
    stageArea.getItems().setAll(views, bottom);
    SplitPane.setResizableWithParent(bottom, false);
    SplitPane.setResizableWithParent(panel, false);
    getItems().setAll(stageArea, panel);
    applySizes();
    appearance.presentationProperty().addListener(o -> {
      placeCharts();
      applySizes();
    });
    appearance.presentationFontProperty().addListener(o -> applySizes());
    // Place the dividers when the window gets its size, again whenever it is resized, and
    // when the mode changes. On a resize JavaFX 21's split pane sometimes moves the panel's
    // divider itself, inside its layout pass (0.70 to 0.002 when a presentation window went
    // from 1440 to 1366 px on GTK, leaving a 950 px panel beside a 416 px map): placed again
    // after that pass, the panel keeps the width its font asks for.
    widthProperty().addListener(o -> javafx.application.Platform.runLater(this::placeDividers));
    heightProperty().addListener(o -> javafx.application.Platform.runLater(this::placeDividers));
  }

  private boolean placed;

  private void placeDividers() {
    if (getWidth() <= 0 || getHeight() <= 0) {
      return;
    }
    placed = true;
    resetDividers();
  }

  /** The minimum and preferred sizes of the panel and the charts in the current mode. */
  private void applySizes() {
    boolean p = appearance.presentation();
    // The panel's width follows its font: 430 px at 18 px, 500 at 21.
    double font = appearance.fontSize();
    panel.setMinWidth(p ? 21 * font : 320);
    panel.setPrefWidth(p ? 24 * font : 370);
    // In the panel's column, the two charts stacked: each keeps 150 px.
    charts.setMinHeight(p ? 304 : 150);
    charts.setPrefHeight(p ? 304 : 200);
    if (placed) {
      resetDividers();
    }
  }

  /** Puts every divider back where the sizes above want it. */
  void resetDividers() {
    double w = getWidth();
    double h = stageArea.getHeight() > 0 ? stageArea.getHeight() : getHeight();
    boolean beside = layout == Layout.NETWORK || layout == Layout.ANALYSIS;
    if (w > 0) {
      double panelAt = panelShown ? Math.max(0.5, 1 - (panel.getPrefWidth() + 6) / w) : 1;
      if (beside) {
        // The network's column takes 42 % of what the panel leaves, the map the rest.
        double networkAt = panelAt * 0.58;
        if (panelShown) {
          setDividerPositions(networkAt, panelAt);
        } else {
          setDividerPositions(networkAt);
        }
      } else if (panelShown) {
        setDividerPositions(panelAt);
      }
    }
    if (appearance.presentation() && getHeight() > 0) {
      // In the panel's column the charts take two fifths of its height, two plots of 150 px
      // at least, the cards the rest.
      charts.setPrefHeight(Math.max(charts.getMinHeight(), Math.min(560, getHeight() * 0.4)));
    }
    if (h > 0) {
      double wanted = bottom.prefHeight(-1);
      stageArea.setDividerPositions(Math.max(0.4, 1 - (wanted + 6) / h));
    }
    if (layout == Layout.BOTH) {
      views.setDividerPositions(0.55);
    }
  }

  /**
   * What shows beside the contour map in the "Contour and surface" layout: the surface, or a
   * demo's function beside its own.
   */
  void setSecondView(Node n) {
    if (n == surface) {
      return;
    }
    surface = n;
    setLayout(layout);
  }

  Layout viewLayout() {
    return layout;
  }

  void setLayout(Layout l) {
    layout = l;
    arrangeColumns();
    switch (l) {
      case CONTOUR -> views.getItems().setAll(contour);
      case SURFACE -> views.getItems().setAll(surface);
      case BOTH -> {
        views.getItems().setAll(contour, surface);
        views.setDividerPositions(0.55);
      }
      // The network gets a column of its own, the window's full height beside the map, the
      // playback bar and the charts: its two pictures need the height more than the map does.
      case NETWORK, ANALYSIS -> views.getItems().setAll(contour);
    }
    resetDividers();
  }

  /** The columns: the stage, the network's or the analyses' column beside it, the panel. */
  private void arrangeColumns() {
    java.util.List<Node> columns = new java.util.ArrayList<>();
    columns.add(stageArea);
    Node beside = layout == Layout.NETWORK ? network : layout == Layout.ANALYSIS ? analysis
        : null;
    if (beside != null) {
      columns.add(beside);
      SplitPane.setResizableWithParent(beside, true);
    }
    if (panelShown) {
      columns.add(panel);
    }
    getItems().setAll(columns);
  }

  /** Shows or hides the optimizer panel; the landscape takes its room. */
  void setPanelShown(boolean on) {
    if (on == panelShown) {
      return;
    }
    panelShown = on;
    arrangeColumns();
    resetDividers();
  }

  /** Shows or hides the charts (the playback bar stays); the landscape takes their room. */
  void setChartsShown(boolean on) {
    if (on == chartsShown) {
      return;
    }
    chartsShown = on;
    placeCharts();
    bottom.requestLayout();
    javafx.application.Platform.runLater(this::resetDividers);
  }

  /**
   * The charts under the landscape, side by side; in presentation mode in the panel's column
   * (under the lecturer's notes, above the cards), one above the other; nowhere when hidden.
   */
  private void placeCharts() {
    boolean inPanel = appearance.presentation();
    bottom.getChildren().remove(charts);
    panel.getChildren().remove(charts);
    if (!chartsShown) {
      return;
    }
    charts.setStacked(inPanel);
    // Under the landscape the charts take the height the landscape leaves; in the panel the
    // cards do, and the charts keep their preferred height.
    VBox.setVgrow(charts, inPanel ? Priority.NEVER : Priority.ALWAYS);
    if (inPanel) {
      panel.getChildren().add(Math.min(1, panel.getChildren().size()), charts);
    } else {
      bottom.getChildren().add(charts);
    }
  }

  /** The landscape views (the map and its neighbour): where a demo's question is shown. */
  javafx.scene.Node landscape() {
    return views;
  }
}
