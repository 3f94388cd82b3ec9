package org.descent.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.descent.analysis.PowerIteration;
import org.descent.optim.OptimizerSpec;
import org.descent.trace.Continuation;

/**
 * Reads the lecture extras of a scenario (format: docs/scenarios.md): the lecturer's notes,
 * the controls the student view hides, the rate chart, the continuation schedule and the
 * power-method picture. Each problem names its field.
 */
final class ExtrasReader {

  /** The longest notes: a page of what to say. */
  static final int MAX_NOTES = 10_000;

  private ExtrasReader() {}

  static String notes(YamlField f) throws ScenarioException {
    return f.string(MAX_NOTES);
  }

  static Set<Control> hide(YamlField f) throws ScenarioException {
    Set<Control> out = EnumSet.noneOf(Control.class);
    for (YamlField item : f.list()) {
      String name = item.string().trim();
      Control c = Control.byKey(name).orElseThrow(() -> item.error("unknown control '"
          + name + "'; the controls a demo can hide are " + Control.keys()));
      if (!out.add(c)) {
        throw item.error("'" + name + "' is listed twice");
      }
    }
    return out;
  }

  /**
   * The network's two pictures, top then bottom ({@code [loss, two-minima]}); only with a
   * network to show.
   */
  static List<org.descent.network.NetworkPicture> networkPictures(YamlField f,
      boolean network) throws ScenarioException {
    if (!network) {
      throw f.error("network_pictures needs a network: section");
    }
    List<YamlField> items = f.list();
    if (items.isEmpty() || items.size() > Scenario.MAX_NETWORK_PICTURES) {
      throw f.error("network_pictures lists the top picture and the bottom one, e.g. [loss, "
          + "two-minima]; got " + items.size());
    }
    List<org.descent.network.NetworkPicture> out = new ArrayList<>();
    for (YamlField item : items) {
      String name = item.string();
      out.add(org.descent.network.NetworkPicture.byKey(name).orElseThrow(() -> item.error(
          "unknown picture '" + name.trim() + "'; the network's pictures are "
              + org.descent.network.NetworkPicture.keys())));
    }
    return out;
  }

  static ChartSetting chart(YamlField f) throws ScenarioException {
    Map<String, YamlField> m = f.mapping(Set.of("x", "y", "guides", "fstar", "anchor",
        "accelerated"), key -> "unknown key '" + key + "'; a chart takes x, y, guides, fstar, "
            + "anchor and accelerated");
    ChartSetting.Axis x = ChartSetting.Axis.STEPS;
    if (m.containsKey("x")) {
      YamlField xf = m.get("x");
      String s = xf.string().trim();
      x = ChartSetting.Axis.byKey(s).filter(ChartSetting.Axis::horizontal).orElseThrow(
          () -> xf.error("x must be steps or log-steps, got '" + s + "'"));
    }
    ChartSetting.Axis y = ChartSetting.Axis.LOSS;
    if (m.containsKey("y")) {
      YamlField yf = m.get("y");
      String s = yf.string().trim();
      y = ChartSetting.Axis.byKey(s).filter(a -> !a.horizontal()).orElseThrow(
          () -> yf.error("y must be loss or log-gap, got '" + s + "'"));
    }
    List<ChartSetting.Guide> guides = new ArrayList<>();
    if (m.containsKey("guides")) {
      for (YamlField item : m.get("guides").list()) {
        String s = item.string().trim();
        ChartSetting.Guide g = ChartSetting.Guide.byKey(s).orElseThrow(() -> item.error(
            "unknown guide '" + s + "'; expected one of " + ChartSetting.Guide.keys()));
        if (guides.contains(g)) {
          throw item.error("the guide '" + s + "' is listed twice");
        }
        guides.add(g);
      }
    }
    double fstar = Double.NaN;
    if (m.containsKey("fstar")) {
      fstar = m.get("fstar").number();
      if (!Double.isFinite(fstar)) {
        throw m.get("fstar").error("fstar must be a finite number");
      }
    }
    int anchor = 1;
    if (m.containsKey("anchor")) {
      long a = m.get("anchor").integer();
      if (a < 1 || a > Scenario.MAX_STEPS) {
        throw m.get("anchor").error("anchor must be a step from 1 to " + Scenario.MAX_STEPS
            + ", got " + a);
      }
      anchor = (int) a;
    }
    boolean accelerated = m.containsKey("accelerated") && m.get("accelerated").bool();
    return new ChartSetting(x, y, guides, fstar, anchor, accelerated);
  }

  static Continuation continuation(YamlField f, List<OptimizerSpec> optimizers)
      throws ScenarioException {
    Map<String, YamlField> m = f.mapping(Set.of("sigma", "stages", "optimizer"),
        key -> "unknown key '" + key + "'; a continuation takes sigma, stages and optimizer");
    for (String required : List.of("sigma", "stages", "optimizer")) {
      if (!m.containsKey(required)) {
        throw f.error("missing '" + required + "'; e.g. {sigma: 2.0, stages: 6, optimizer: "
            + "\"label of a card\"}");
      }
    }
    double sigma = m.get("sigma").number();
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw m.get("sigma").error("sigma must be a positive width, got "
          + m.get("sigma").string().trim());
    }
    long stages = m.get("stages").integer();
    if (stages < 2 || stages > Continuation.MAX_STAGES) {
      throw m.get("stages").error("stages must be between 2 and " + Continuation.MAX_STAGES
          + ", got " + stages);
    }
    String label = m.get("optimizer").string().trim();
    if (optimizers.stream().noneMatch(o -> o.label().equals(label))) {
      throw m.get("optimizer").error("no optimizer is labelled '" + label + "'; expected one of "
          + String.join(", ", optimizers.stream().map(OptimizerSpec::label).toList()));
    }
    return new Continuation(sigma, (int) stages, label);
  }

  static PowerIteration.Setup power(YamlField f) throws ScenarioException {
    Map<String, YamlField> m = f.mapping(Set.of("eigenvalues", "angles", "x0", "steps"),
        key -> "unknown key '" + key + "'; a power section takes eigenvalues, angles, x0 "
            + "and steps");
    for (String required : List.of("eigenvalues", "angles", "x0")) {
      if (!m.containsKey(required)) {
        throw f.error("missing '" + required + "'; e.g. {eigenvalues: [1.1, 0.8], "
            + "angles: [30, 120], x0: [1, 1], steps: 40}");
      }
    }
    double[] lambda = m.get("eigenvalues").numbers(2);
    double[] angles = m.get("angles").numbers(2);
    double[] x0 = m.get("x0").numbers(2);
    int steps = 40;
    if (m.containsKey("steps")) {
      long s = m.get("steps").integer();
      if (s < 1 || s > PowerIteration.MAX_STEPS) {
        throw m.get("steps").error("steps must be between 1 and " + PowerIteration.MAX_STEPS
            + ", got " + s);
      }
      steps = (int) s;
    }
    try {
      return new PowerIteration.Setup(lambda[0], lambda[1], angles[0], angles[1], x0[0], x0[1],
          steps);
    } catch (IllegalArgumentException e) {
      throw (m.get(e.getMessage().contains("direction") ? "angles" : "eigenvalues"))
          .error(e.getMessage());
    }
  }
}
