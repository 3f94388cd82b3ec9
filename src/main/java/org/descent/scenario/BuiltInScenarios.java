package org.descent.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.descent.io.ResourceFolder;

/**
 * The lecture demos shipped inside the jar (the repository's scenarios/ folder, copied to the
 * class path by the build), listed from the class path whether it is a folder or a jar.
 */
public final class BuiltInScenarios {

  /** The scenario the app opens with. */
  public static final String DEFAULT = "rosenbrock-race.yaml";

  private BuiltInScenarios() {}

  /** The file names, sorted. */
  public static List<String> names() {
    URL url = BuiltInScenarios.class.getResource("/scenarios/" + DEFAULT);
    if (url == null) {
      return List.of();
    }
    try {
      return ResourceFolder.siblings(url).stream().filter(n -> n.endsWith(".yaml")).toList();
    } catch (IOException e) {
      return List.of(DEFAULT);
    }
  }

  /** The order of the lectures' topics; a demo's topic comes from its file. */
  public static final List<String> TOPICS = List.of("learning rate", "momentum",
      "noise and schedules", "curvature and second-order methods",
      "saddles, plateaux and cliffs", "adaptive methods", "inputs", "basins", "network");

  // Within a topic, the order in which a lecture shows them (files not named here follow).
  private static final List<String> SEQUENCE = List.of("rosenbrock-race.yaml",
      "lr-too-small.yaml", "lr-oscillation.yaml", "lr-instability.yaml", "momentum-ravine.yaml",
      "nesterov-vs-momentum.yaml", "nesterov-rate.yaml", "noise-lr-decay.yaml",
      "decay-too-early.yaml", "iterate-averaging.yaml", "second-order-rosenbrock.yaml",
      "coordinate-coupled.yaml", "coordinate-separable.yaml", "saddle-escape.yaml",
      "newton-saddle.yaml", "plateau.yaml", "cliff-clipping.yaml", "power-method.yaml",
      "around-the-mountain.yaml", "adaptive-axis-aligned.yaml", "adaptive-rotated.yaml",
      "delta-bar-delta.yaml",
      "offset-inputs.yaml", "centered-inputs.yaml", "himmelblau-basins.yaml",
      "six-hump-camel.yaml", "rastrigin-local-minima.yaml", "continuation-rastrigin.yaml",
      "beale.yaml", "network-momentum-digits.yaml", "network-zero-init.yaml",
      "network-dead-relu.yaml", "network-saturated-logistic.yaml",
      "network-unnormalized-inputs.yaml", "network-batch-norm.yaml",
      "network-minibatch-size.yaml", "weight-symmetry.yaml", "surrogate-loss.yaml",
      "deep-init.yaml", "residual-depth.yaml", "early-stopping.yaml",
      "edge-of-stability.yaml", "catapult.yaml", "sam-flatter.yaml", "saddles-then-minimum.yaml",
      "mode-connectivity.yaml");

  /** A built-in demo as a menu or a browser lists it. */
  public record Demo(String file, String title, String topic, String description) {}

  /**
   * Every readable demo, grouped by topic in the lectures' order and in lecture order within
   * a topic. A demo that cannot be read is left out (the tests keep them all readable).
   */
  public static List<Demo> inLectureOrder() {
    List<Demo> demos = new java.util.ArrayList<>();
    for (String name : names()) {
      try {
        Scenario s = read(name);
        demos.add(new Demo(name, s.title().isEmpty() ? name.replace(".yaml", "") : s.title(),
            s.topic(), s.description()));
      } catch (ScenarioException e) {
        // not listed
      }
    }
    demos.sort(java.util.Comparator.comparingInt((Demo d) -> rank(TOPICS, d.topic()))
        .thenComparingInt(d -> rank(SEQUENCE, d.file())).thenComparing(Demo::title));
    return demos;
  }

  private static int rank(List<String> order, String key) {
    int i = order.indexOf(key);
    return i < 0 ? order.size() : i;
  }

  /** Reads a built-in scenario by file name. */
  public static Scenario read(String name) throws ScenarioException {
    try (InputStream in = BuiltInScenarios.class.getResourceAsStream("/scenarios/" + name)) {
      if (in == null) {
        throw new ScenarioException(name, 0, "", "no such built-in scenario");
      }
      return ScenarioReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new ScenarioException(name, 0, "", "cannot read: " + e.getMessage());
    }
  }
}
