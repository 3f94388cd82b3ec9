package org.descent.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a picture of the network shows: the charts of every run, or a picture of the run looked
 * into. Read from a scenario (its {@code network_pictures}, by key) and drawn by the pictures'
 * code; one list for both.
 */
public enum NetworkPicture {
  LOSS("loss", "Loss", true), ACCURACY("accuracy", "Accuracy", true),
  GRADIENT("gradient", "Gradient", true), RATE("learning-rate", "Learning rate", true),
  CURVATURE("curvature", "Curvature", true), SHARPNESS("sharpness", "Sharpness", true),
  REGIONS("regions", "Regions", false),
  UNITS("hidden-units", "Hidden units", false), SLICE("landscape", "Landscape", false),
  SPECTRUM("spectrum", "Spectrum", false),
  CONNECT("two-minima", "Two minima", false);

  /** The name in a scenario file. */
  public final String key;
  public final String title;
  /** Whether it is a chart of every run against the step. */
  public final boolean chart;

  NetworkPicture(String key, String title, boolean chart) {
    this.key = key;
    this.title = title;
    this.chart = chart;
  }

  public static Optional<NetworkPicture> byKey(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.key.equals(k)).findFirst();
  }

  /** Every key, for messages: "loss, accuracy, …". */
  public static String keys() {
    return Arrays.stream(values()).map(p -> p.key).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return title;
  }
}
