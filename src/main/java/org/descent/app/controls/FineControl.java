package org.descent.app.controls;

import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Fine control of a slider whose range is wide (learning rates span six decades in a few
 * hundred pixels): dragging with Shift held moves the value ten times slower, and the mouse
 * wheel moves it in small steps (a two-hundredth of the range per notch, a two-thousandth with
 * Shift). The drag is measured from where it started, so pressing or releasing Shift mid-drag
 * never makes the value jump.
 */
final class FineControl {

  static final double WHEEL_STEP = 1.0 / 200;
  static final double SHIFT_FACTOR = 0.1;

  private double anchorX;
  private double anchorValue;
  private boolean anchorShift;
  private boolean dragging;

  private FineControl() {}

  static void install(Slider slider) {
    FineControl c = new FineControl();
    slider.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> c.dragging = false);
    slider.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> c.drag(slider, e));
    slider.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
      if (c.dragging) {
        c.dragging = false;
        slider.setValueChanging(false);
      }
    });
    slider.addEventFilter(ScrollEvent.SCROLL, e -> {
      if (slider.isDisabled() || e.getDeltaY() == 0 && e.getDeltaX() == 0) {
        return;
      }
      // Shift turns vertical wheels into horizontal scrolls on some platforms.
      double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
      double notches = Math.signum(delta) * Math.max(1, Math.abs(delta) / 40);
      double step = (slider.getMax() - slider.getMin()) * WHEEL_STEP
          * (e.isShiftDown() ? SHIFT_FACTOR : 1);
      slider.setValue(clamp(slider, slider.getValue() + notches * step));
      e.consume();
    });
  }

  private void drag(Slider slider, MouseEvent e) {
    double length = trackLength(slider);
    if (length <= 0) {
      return;
    }
    if (!dragging || anchorShift != e.isShiftDown()) {
      // (Re)anchor at the current value: the first drag event, or Shift changed mid-drag.
      dragging = true;
      anchorX = e.getX();
      anchorValue = slider.getValue();
      anchorShift = e.isShiftDown();
      slider.setValueChanging(true);
    }
    double perPixel = (slider.getMax() - slider.getMin()) / length
        * (e.isShiftDown() ? SHIFT_FACTOR : 1);
    slider.setValue(clamp(slider, anchorValue + (e.getX() - anchorX) * perPixel));
    e.consume();
  }

  private static double trackLength(Slider slider) {
    Node track = slider.lookup(".track");
    double w = track != null ? track.getLayoutBounds().getWidth() : slider.getWidth();
    return w > 0 ? w : slider.getWidth();
  }

  private static double clamp(Slider slider, double v) {
    return Math.max(slider.getMin(), Math.min(slider.getMax(), v));
  }
}
