package org.descent.app;

import java.util.List;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.util.Duration;
import org.descent.app.model.LabModel;
import org.descent.function.ViewBox;
import org.descent.scenario.Scenario;
import org.descent.scenario.ViewPreset;

/**
 * The open demo's named views (its {@code views:}): key k from 1 to 9 and View → Go to view
 * glide the map to view k, 0 glides back to the demo's own view. The glide changes the model's
 * view, as a pan or a zoom does, so every view follows it and Save writes where it ends; like a
 * pan it is navigation, not a setting, and undo leaves it alone.
 */
final class ViewPresets {

  /** How long a glide takes: long enough to see where the map goes, short enough to wait. */
  static final Duration GLIDE = Duration.millis(400);

  private final LabModel model;
  private final HelpOverlay help;
  private final Menu menu = new Menu("Go to view");
  // The glide's progress from 0 to 1; each value sets the model's view.
  private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
  private final Timeline timeline = new Timeline();
  private ViewBox from;
  private ViewBox to;
  private ViewBox lastSet;

  ViewPresets(LabModel model, HelpOverlay help) {
    this.model = model;
    this.help = help;
    menu.setId("views-menu");
    progress.addListener(o -> step());
    model.extrasProperty().addListener(o -> demoOpened());
    demoOpened();
  }

  /** View → Go to view: the demo's views by name, and its own view. */
  Menu menu() {
    return menu;
  }

  /** The open demo's named views, in key order (key 1 first). */
  List<ViewPreset> views() {
    Scenario x = model.extras();
    return x == null ? List.of() : x.views();
  }

  /**
   * Glides to view {@code key} (1 to 9) of the demo, or with 0 back to the demo's own view; a
   * key the demo names no view for does nothing.
   */
  void go(int key) {
    if (key == 0) {
      if (model.landscape() != null) {
        glide(model.landscape().view());
      }
      return;
    }
    List<ViewPreset> views = views();
    if (key >= 1 && key <= views.size()) {
      glide(views.get(key - 1).view());
    }
  }

  private void demoOpened() {
    timeline.stop();
    List<ViewPreset> views = views();
    menu.getItems().clear();
    for (int i = 0; i < views.size(); i++) {
      int key = i + 1;
      menu.getItems().add(item(String.valueOf(key), views.get(i).name(), "view-" + key,
          () -> go(key)));
    }
    if (!views.isEmpty()) {
      menu.getItems().add(new SeparatorMenuItem());
    }
    menu.getItems().add(item("0", "The demo's own view", "view-0", () -> go(0)));
    help.setViews(views.stream().map(ViewPreset::name).toList());
  }

  /**
   * An item showing its key in front of the name. Not a menu accelerator: a scene accelerator
   * would also fire while a 1 is typed into a field; KeyRouter routes the digits instead.
   */
  private static MenuItem item(String key, String name, String id, Runnable action) {
    Label k = new Label(key);
    k.getStyleClass().add("menu-key");
    k.setMinWidth(Label.USE_PREF_SIZE);
    MenuItem item = new MenuItem(name, k);
    item.setMnemonicParsing(false);
    item.setId(id);
    item.setOnAction(e -> action.run());
    return item;
  }

  /**
   * Moves the view to {@code target} in {@link #GLIDE}: the centre moves in a straight line
   * and the size changes at a constant rate in log space, so a zoom by 100 looks as even as
   * one by 2 (a linear size would spend the glide's first half almost at the wide end).
   */
  private void glide(ViewBox target) {
    timeline.stop();
    ViewBox now = model.viewProperty().get();
    if (now == null || now.equals(target)) {
      model.viewProperty().set(target);
      return;
    }
    from = now;
    to = target;
    lastSet = now;
    progress.set(0);
    timeline.getKeyFrames().setAll(new KeyFrame(GLIDE,
        new KeyValue(progress, 1, Interpolator.EASE_BOTH)));
    timeline.playFromStart();
  }

  private void step() {
    if (to == null) {
      return;
    }
    // A pan, a zoom or a new demo during the glide wins: the glide stops where it was taken.
    if (!java.util.Objects.equals(model.viewProperty().get(), lastSet)) {
      timeline.stop();
      to = null;
      return;
    }
    double t = progress.get();
    ViewBox v = t >= 1 ? to : between(from, to, t);
    lastSet = v;
    model.viewProperty().set(v);
    if (t >= 1) {
      to = null;
    }
  }

  /** The view a fraction {@code t} of the way from {@code a} to {@code b} (see glide). */
  static ViewBox between(ViewBox a, ViewBox b, double t) {
    double cx = lerp((a.xMin() + a.xMax()) / 2, (b.xMin() + b.xMax()) / 2, t);
    double cy = lerp((a.yMin() + a.yMax()) / 2, (b.yMin() + b.yMax()) / 2, t);
    double w = Math.exp(lerp(Math.log(a.width()), Math.log(b.width()), t));
    double h = Math.exp(lerp(Math.log(a.height()), Math.log(b.height()), t));
    return new ViewBox(cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2);
  }

  private static double lerp(double a, double b, double t) {
    return a + (b - a) * t;
  }
}
