package org.descent.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.descent.function.Catalogue;
import org.descent.function.FormulaException;
import org.descent.function.FunctionDefinition;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.optim.Averaging;
import org.descent.optim.LearningRateSchedule;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a scenario from YAML (format: docs/scenarios.md). Everything is checked here, so that
 * a problem is reported with the file, the line and the field path, and never surfaces later
 * as an exception in a view. What a file may ask for is bounded, so that a small file cannot
 * take unbounded memory or time: its size ({@link #MAX_BYTES}), the length of its texts, the
 * number of optimizers and the steps they run in all.
 */
public final class ScenarioReader {

  static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("title", "description",
      "topic", "function", "view", "start", "steps", "seed", "noise", "trail", "camera",
      "budget", "optimizers", "network", "notes", "hide", "chart", "continuation", "power",
      "beside", "views", "questions", "network_pictures"));
  static final Set<String> COMMON_OPTIMIZER_KEYS = new LinkedHashSet<>(List.of("type", "label",
      "color", "visible", "clip", "schedule", "average", "network_lr"));
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** The largest scenario file, in bytes. */
  public static final int MAX_BYTES = ScenarioText.MAX_BYTES;
  /** The longest title: a window title or a slide heading. */
  public static final int MAX_TITLE = 200;
  /** The longest description: a paragraph or a few. */
  public static final int MAX_DESCRIPTION = 5_000;
  /** The longest optimizer label: a legend entry, repeated on every CSV row. */
  public static final int MAX_LABEL = 100;

  private ScenarioReader() {}

  /** Reads a scenario file. */
  public static Scenario read(Path file) throws ScenarioException {
    return read(ScenarioText.read(file), file.toString());
  }

  /**
   * Reads a scenario from YAML text.
   *
   * @param source the name used in messages (a file name)
   */
  public static Scenario read(String text, String source) throws ScenarioException {
    Node root = YamlDocument.compose(text, source);
    if (root == null) {
      throw new ScenarioException(source, 0, "",
          "the file is empty; a scenario needs at least 'function' and 'optimizers'");
    }
    Map<String, YamlField> top = new YamlField(source, "", root).mapping(TOP_KEYS,
        key -> "unknown key '" + key + "'; expected one of " + String.join(", ", TOP_KEYS));
    for (String required : List.of("function", "optimizers")) {
      if (!top.containsKey(required)) {
        throw new ScenarioException(source, 1, "", "missing '" + required + "'");
      }
    }
    String title = top.containsKey("title") ? top.get("title").string(MAX_TITLE) : "";
    String description = top.containsKey("description")
        ? top.get("description").string(MAX_DESCRIPTION) : "";
    ViewBox view = top.containsKey("view") ? view(top.get("view")) : null;
    YamlField functionField = top.get("function");
    FunctionChoice function = function(functionField);
    YamlField formulaField = function instanceof FunctionChoice.UserFormula
        ? functionField.mapping(null, null).get("formula") : functionField;
    Landscape landscape = resolve(function, view, formulaField, text);
    Vec2 start = null;
    if (top.containsKey("start")) {
      double[] s = top.get("start").numbers(2);
      start = new Vec2(s[0], s[1]);
    }
    long budget = 0;
    if (top.containsKey("budget")) {
      budget = budget(top.get("budget"));
    }
    // With a budget and no steps, a run stops at its budget alone: each step that moves costs
    // at least one evaluation, so the budget is also enough steps.
    int steps = budget > 0 ? (int) Math.min(budget, Scenario.MAX_STEPS) : Scenario.DEFAULT_STEPS;
    if (top.containsKey("steps")) {
      long v = top.get("steps").integer();
      if (v < 1 || v > Scenario.MAX_STEPS) {
        throw top.get("steps").error("steps must be between 1 and " + Scenario.MAX_STEPS
            + ", got " + v);
      }
      steps = (int) v;
    }
    long seed = top.containsKey("seed") ? top.get("seed").integer() : 0;
    double noise = 0;
    if (top.containsKey("noise")) {
      noise = top.get("noise").number();
      if (noise < 0) {
        throw top.get("noise").error("noise must be zero or a positive standard deviation, got "
            + top.get("noise").string().trim());
      }
    }
    List<OptimizerSpec> optimizers = new ArrayList<>();
    List<String> colors = new ArrayList<>();
    List<Boolean> hidden = new ArrayList<>();
    List<Double> networkRates = new ArrayList<>();
    YamlField list = top.get("optimizers");
    List<YamlField> items = list.list();
    if (items.isEmpty()) {
      throw list.error("the list is empty; add at least one optimizer");
    }
    if (items.size() > Scenario.MAX_OPTIMIZERS) {
      throw list.error("too many optimizers: " + items.size() + "; at most "
          + Scenario.MAX_OPTIMIZERS);
    }
    long total = (long) items.size() * steps;
    if (total > Scenario.MAX_TOTAL_STEPS) {
      YamlField blamed = top.containsKey("steps") ? top.get("steps") : list;
      throw blamed.error("too much work: " + items.size() + " optimizers x " + steps
          + " steps = " + total + " steps; at most " + Scenario.MAX_TOTAL_STEPS
          + " in all (use fewer steps or fewer optimizers)");
    }
    for (YamlField item : items) {
      Map<String, YamlField> fields = optimizerFields(item);
      optimizers.add(optimizer(item, fields));
      colors.add(fields.containsKey("color") ? color(fields.get("color")) : null);
      hidden.add(fields.containsKey("visible") && !fields.get("visible").bool());
      networkRates.add(networkRate(optimizers.get(optimizers.size() - 1),
          fields.get("network_lr")));
    }
    if (landscape.starts().isEmpty() && start == null) {
      throw new ScenarioException(source, 1, "", "missing 'start'");
    }
    CameraSetting camera = top.containsKey("camera") ? camera(top.get("camera")) : null;
    String topic = top.containsKey("topic") ? topic(top.get("topic")) : "";
    int trail = 0;
    if (top.containsKey("trail")) {
      long t = top.get("trail").integer();
      if (t < 0 || t > steps) {
        throw top.get("trail").error("trail must be between 0 (the whole path) and the steps ("
            + steps + "), got " + t);
      }
      trail = (int) t;
    }
    org.descent.network.NetworkSetup network = top.containsKey("network")
        ? NetworkReader.read(top.get("network"), source, optimizers) : null;
    String notes = top.containsKey("notes") ? ExtrasReader.notes(top.get("notes")) : "";
    Set<Control> hide = top.containsKey("hide") ? ExtrasReader.hide(top.get("hide")) : Set.of();
    ChartSetting chart = top.containsKey("chart") ? ExtrasReader.chart(top.get("chart")) : null;
    if (chart != null && chart.accelerated()
        && !optimizers.get(0).type().params().contains(Param.LR)) {
      throw top.get("chart").error("accelerated runs at the first card's learning rate, and "
          + optimizers.get(0).type().key() + " has none; put a first-order card first");
    }
    org.descent.trace.Continuation continuation = top.containsKey("continuation")
        ? ExtrasReader.continuation(top.get("continuation"), optimizers) : null;
    org.descent.analysis.PowerIteration.Setup power = top.containsKey("power")
        ? ExtrasReader.power(top.get("power")) : null;
    FunctionChoice beside = null;
    if (top.containsKey("beside")) {
      YamlField besideField = top.get("beside");
      beside = function(besideField);
      YamlField besideFormula = beside instanceof FunctionChoice.UserFormula
          ? besideField.mapping(null, null).get("formula") : besideField;
      resolve(beside, view != null ? view : landscape.view(), besideFormula, text);
    }
    List<ViewPreset> views = top.containsKey("views") ? views(top.get("views")) : List.of();
    // f − f* as the charts measure it: the chart's own f*, else the lowest known minimum.
    List<org.descent.lesson.Question> questions = top.containsKey("questions")
        ? QuestionReader.read(top.get("questions"), optimizers, hidden, steps,
            chart != null && !Double.isNaN(chart.fstar()) ? chart.fstar()
                : landscape.bestMinimumValue())
        : List.of();
    List<org.descent.network.NetworkPicture> pictures = top.containsKey("network_pictures")
        ? ExtrasReader.networkPictures(top.get("network_pictures"), network != null) : List.of();
    return new Scenario(title, description, function, view, start, steps, seed, noise,
        optimizers, colors, hidden, camera, topic, trail, network, networkRates, budget, notes,
        hide, chart, continuation, power, beside, views, questions, pictures);
  }

  /**
   * An evaluation budget: {@code budget: 400} (function + gradient evaluations per optimizer).
   */
  private static long budget(YamlField field) throws ScenarioException {
    long b = field.integer();
    if (b < 1 || b > Scenario.MAX_BUDGET) {
      throw field.error("budget must be a whole number of evaluations from 1 to "
          + Scenario.MAX_BUDGET + ", got " + b);
    }
    return b;
  }

  /** An optimizer's network_lr: NaN when absent (its own lr is used). */
  private static double networkRate(OptimizerSpec spec, YamlField f) throws ScenarioException {
    if (f == null) {
      return Double.NaN;
    }
    if (!spec.type().params().contains(Param.LR)) {
      throw f.error(spec.type().key() + " has no learning rate; network_lr applies to the "
          + "methods with lr");
    }
    double v = f.number();
    String problem = Param.LR.problem(v).orElse(null);
    if (problem != null) {
      throw f.error("network_lr: " + problem);
    }
    return v;
  }

  /** A lecture topic: a short name such as "momentum" (the demo browser groups by it). */
  private static String topic(YamlField field) throws ScenarioException {
    String t = field.string().trim();
    if (t.isEmpty() || t.length() > 40) {
      throw field.error("topic must be a short name (1 to 40 characters), got '"
          + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "'");
    }
    return t;
  }

  private static CameraSetting camera(YamlField field) throws ScenarioException {
    Map<String, YamlField> m = field.mapping(Set.of("azimuth", "elevation", "zoom"),
        key -> "unknown key '" + key + "'; a camera takes azimuth, elevation (degrees) and zoom");
    double azimuth = m.containsKey("azimuth") ? m.get("azimuth").number() : -60;
    double elevation = 30;
    if (m.containsKey("elevation")) {
      elevation = m.get("elevation").number();
      if (!(elevation >= 5 && elevation <= 89)) {
        throw m.get("elevation").error("elevation must be between 5 and 89 degrees, got "
            + m.get("elevation").string().trim());
      }
    }
    double zoom = 1;
    if (m.containsKey("zoom")) {
      zoom = m.get("zoom").number();
      if (!(zoom >= 0.2 && zoom <= 10)) {
        throw m.get("zoom").error("zoom must be between 0.2 and 10, got "
            + m.get("zoom").string().trim());
      }
    }
    return new CameraSetting(azimuth, elevation, zoom);
  }

  private static ViewBox view(YamlField field) throws ScenarioException {
    Map<String, YamlField> m = field.mapping(Set.of("x", "y"),
        key -> "unknown key '" + key + "'; expected x and y ranges, e.g. {x: [-2, 2], y: [-1, 3]}");
    return ranges(field, m);
  }

  /**
   * The named views of {@code views:}: a list of at most nine {name, x, y}, the ranges read as
   * {@code view}'s are, each name given once.
   */
  private static List<ViewPreset> views(YamlField field) throws ScenarioException {
    List<YamlField> items = field.list();
    if (items.isEmpty()) {
      throw field.error("the list is empty; name at least one view, e.g. [{name: the minimum, "
          + "x: [0.5, 1.5], y: [0.5, 1.5]}], or leave views out");
    }
    if (items.size() > ViewPreset.MAX) {
      throw field.error("too many views: " + items.size() + "; at most " + ViewPreset.MAX
          + ", one per key from 1 to 9");
    }
    List<ViewPreset> out = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    for (YamlField item : items) {
      Map<String, YamlField> m = item.mapping(Set.of("name", "x", "y"), key -> "unknown key '"
          + key + "'; a view takes name, x and y, e.g. {name: the saddle, x: [-1, 1], "
          + "y: [-1, 1]}");
      if (!m.containsKey("name")) {
        throw item.error("missing 'name'; e.g. {name: the saddle, x: [-1, 1], y: [-1, 1]}");
      }
      YamlField nameField = m.get("name");
      String name = nameField.string(ViewPreset.MAX_NAME).strip();
      if (name.isEmpty()) {
        throw nameField.error("the name is empty; the View menu and the help show it");
      }
      if (!names.add(name)) {
        throw nameField.error("the name '" + name + "' is given twice");
      }
      out.add(new ViewPreset(name, ranges(item, m)));
    }
    return out;
  }

  /** The x and y ranges of a view, each from low to high. */
  private static ViewBox ranges(YamlField field, Map<String, YamlField> m)
      throws ScenarioException {
    if (!m.containsKey("x") || !m.containsKey("y")) {
      throw field.error("expected x and y ranges, e.g. {x: [-2, 2], y: [-1, 3]}");
    }
    double[] x = m.get("x").numbers(2);
    double[] y = m.get("y").numbers(2);
    if (!(x[0] < x[1])) {
      throw m.get("x").error("the range must go from low to high, got [" + x[0] + ", " + x[1]
          + "]");
    }
    if (!(y[0] < y[1])) {
      throw m.get("y").error("the range must go from low to high, got [" + y[0] + ", " + y[1]
          + "]");
    }
    if (!Double.isFinite(x[1] - x[0]) || !Double.isFinite(y[1] - y[0])) {
      throw field.error("the ranges are too large to draw");
    }
    return new ViewBox(x[0], x[1], y[0], y[1]);
  }

  private static FunctionChoice function(YamlField field) throws ScenarioException {
    if (field.isScalar()) {
      return new FunctionChoice.Named(field.string().trim());
    }
    Map<String, YamlField> m = field.mapping(Set.of("name", "params", "formula"),
        key -> "unknown key '" + key + "'; expected name (with params) or formula");
    if (m.containsKey("formula")) {
      if (m.containsKey("name") || m.containsKey("params")) {
        throw field.error("give either a catalogue name (with params) or a formula, not both");
      }
      return new FunctionChoice.UserFormula(m.get("formula").string());
    }
    if (!m.containsKey("name")) {
      throw field.error("expected a catalogue name or a formula");
    }
    YamlField nameField = m.get("name");
    String name = nameField.string().trim();
    FunctionDefinition definition = Catalogue.find(name).orElseThrow(() -> nameField.error(
        "unknown function '" + name + "'; expected one of " + Catalogue.names()));
    Map<String, Double> params = new LinkedHashMap<>();
    if (m.containsKey("params")) {
      Set<String> known = definition.parameters().keySet();
      Map<String, YamlField> p = m.get("params").mapping(known, key -> known.isEmpty()
          ? name + " has no parameters, got '" + key + "'"
          : "unknown parameter '" + key + "' of " + name + "; expected one of "
              + String.join(", ", known));
      for (Map.Entry<String, YamlField> e : p.entrySet()) {
        params.put(e.getKey(), e.getValue().number());
      }
    }
    return new FunctionChoice.Named(name, params);
  }

  private static Landscape resolve(FunctionChoice choice, ViewBox view, YamlField field,
      String text) throws ScenarioException {
    try {
      return choice.resolve(view);
    } catch (FormulaException e) {
      if (field.node() instanceof ScalarNode scalar) {
        FormulaPosition at = FormulaPosition.of(text, scalar, e);
        throw new ScenarioException(field.source(), at.fileLine(), field.path(),
            at.describe() + ": " + e.problem());
      }
      throw field.error(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw field.error(e.getMessage());
    }
  }

  private static Map<String, YamlField> optimizerFields(YamlField item)
      throws ScenarioException {
    Set<String> all = new LinkedHashSet<>(COMMON_OPTIMIZER_KEYS);
    for (Param p : Param.values()) {
      all.add(p.key());
    }
    Map<String, YamlField> fields = item.mapping(all, key -> "unknown key '" + key
        + "'; expected type, label, color, visible, the hyperparameters of the type, clip, "
        + "schedule, average or network_lr");
    if (!fields.containsKey("type")) {
      throw item.error("missing 'type'; expected one of " + OptimizerType.keys());
    }
    return fields;
  }

  private static OptimizerSpec optimizer(YamlField item, Map<String, YamlField> fields)
      throws ScenarioException {
    YamlField typeField = fields.get("type");
    String typeName = typeField.string().trim();
    OptimizerType type = OptimizerType.byKey(typeName).orElseThrow(() -> typeField.error(
        "unknown optimizer '" + typeName + "'; expected one of " + OptimizerType.keys()));
    EnumMap<Param, Double> values = new EnumMap<>(Param.class);
    for (Map.Entry<String, YamlField> e : fields.entrySet()) {
      Param p = Param.byKey(e.getKey()).orElse(null);
      if (p == null) {
        continue;
      }
      YamlField f = e.getValue();
      if (!type.params().contains(p)) {
        String takes = type.params().isEmpty() ? "it takes none"
            : "it takes " + String.join(", ", type.params().stream().map(Param::key).toList());
        throw f.error(type.key() + " has no hyperparameter " + p.key() + "; " + takes);
      }
      double v = paramValue(p, f);
      String problem = p.problem(v).orElse(null);
      if (problem != null) {
        throw f.error(problem);
      }
      values.put(p, v);
    }
    double clip = Double.POSITIVE_INFINITY;
    if (fields.containsKey("clip")) {
      YamlField f = fields.get("clip");
      if (!type.firstOrder()) {
        throw f.error("clip applies to first-order methods only, not to " + type.key());
      }
      clip = f.number();
      if (!(clip > 0)) {
        throw f.error("clip must be a positive gradient norm, got " + f.string().trim());
      }
    }
    LearningRateSchedule schedule = new LearningRateSchedule.Constant();
    if (fields.containsKey("schedule")) {
      YamlField f = fields.get("schedule");
      schedule = WrapperReader.schedule(f);
      if (!type.firstOrder() && !(schedule instanceof LearningRateSchedule.Constant)) {
        throw f.error("schedule applies to first-order methods only, not to " + type.key());
      }
    }
    Averaging average = fields.containsKey("average")
        ? WrapperReader.averaging(fields.get("average"))
        : new Averaging.None();
    String label = fields.containsKey("label") ? fields.get("label").string(MAX_LABEL)
        : type.key();
    try {
      return new OptimizerSpec(type, label, values, clip, schedule, average);
    } catch (IllegalArgumentException e) {
      throw item.error(e.getMessage());
    }
  }

  private static double paramValue(Param p, YamlField f) throws ScenarioException {
    return switch (p.kind()) {
      case BOOLEAN -> f.bool() ? 1 : 0;
      case CHOICE -> {
        String s = f.string().trim();
        int i = p.choices().indexOf(s);
        if (i < 0) {
          throw f.error(p.key() + " must be one of " + String.join(", ", p.choices())
              + ", got '" + s + "'");
        }
        yield i;
      }
      default -> f.number();
    };
  }

  private static String color(YamlField f) throws ScenarioException {
    String s = f.string().trim();
    if (!COLOR.matcher(s).matches()) {
      throw f.error("expected a colour as #rrggbb, got '" + s + "'");
    }
    return s.toLowerCase(java.util.Locale.ROOT);
  }
}
