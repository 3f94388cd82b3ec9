package org.descent.scenario;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A control the student view of a demo may hide (a scenario's {@code hide:} list), so that a
 * student changes only what the lesson is about (TensorFlow Playground's hideable controls).
 * The names are the file's vocabulary; the app decides what each hides on screen.
 */
public enum Control {
  /** The function menu and the formula field. */
  FUNCTION("function"),
  /** Dragging the start point and its fields. */
  START("start"),
  /** The view rectangle (zoom and pan). */
  VIEW("view"),
  /** The number of steps. */
  STEPS("steps"),
  /** The gradient-noise slider. */
  NOISE("noise"),
  /** The seed of the noise. */
  SEED("seed"),
  /** The hyperparameter sliders of the optimizer cards (lr, momentum, ...). */
  HYPERPARAMETERS("hyperparameters"),
  /** The clipping threshold of the cards. */
  CLIP("clip"),
  /** The learning-rate schedule of the cards. */
  SCHEDULE("schedule"),
  /** Iterate averaging of the cards. */
  AVERAGE("average"),
  /** The button that adds an optimizer card. */
  ADD_OPTIMIZER("add-optimizer"),
  /** The buttons that remove optimizer cards. */
  REMOVE_OPTIMIZER("remove-optimizer"),
  /** The network's settings (data, layers, init, batch size ...); its curves stay. */
  NETWORK_SETTINGS("network-settings");

  private final String key;

  Control(String key) {
    this.key = key;
  }

  /** The name in files. */
  public String key() {
    return key;
  }

  public static Optional<Control> byKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }

  /** Every name, comma-separated, for messages. */
  public static String keys() {
    return Arrays.stream(values()).map(Control::key).collect(Collectors.joining(", "));
  }
}
