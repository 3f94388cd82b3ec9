package org.descent.scenario;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.descent.optim.Averaging;
import org.descent.optim.LearningRateSchedule;

/**
 * Reads the {@code schedule:} and {@code average:} of an optimizer: a type name, or a mapping
 * with a type and that type's keys. A key of another type is an error, not ignored, and a bad
 * value is reported at its own line and path ({@code optimizers[0].schedule.every}), also in a
 * block mapping that spans several lines.
 */
final class WrapperReader {

  /** The keys of each schedule and averaging type, in the order messages list them. */
  private static final Map<String, List<String>> SCHEDULE_KEYS = keys("constant", "",
      "exponential", "tau start", "linear", "end steps", "step", "every factor",
      "warmup", "steps", "cosine-restarts", "period mult min",
      "one-cycle", "steps pct_start div_factor final_div_factor");
  private static final Map<String, List<String>> AVERAGING_KEYS = keys("none", "",
      "polyak", "start", "ema", "tau");

  private WrapperReader() {}

  static LearningRateSchedule schedule(YamlField f) throws ScenarioException {
    Map<String, YamlField> m = typed(f, SCHEDULE_KEYS, "schedule", "a schedule takes type and "
        + "tau, start (exponential), end, steps (linear), every, factor (step), steps (warmup), "
        + "period, mult, min (cosine-restarts), steps, pct_start, div_factor, final_div_factor "
        + "(one-cycle)");
    String type = typeOf(f, m);
    try {
      return switch (type) {
        case "constant" -> new LearningRateSchedule.Constant();
        case "exponential" -> new LearningRateSchedule.Exponential(
            require(f, m, "tau").number(),
            m.containsKey("start") ? m.get("start").smallInteger() : 0);
        case "linear" -> new LearningRateSchedule.Linear(require(f, m, "end").number(),
            require(f, m, "steps").smallInteger());
        case "step" -> new LearningRateSchedule.Step(require(f, m, "every").smallInteger(),
            m.containsKey("factor") ? m.get("factor").number() : 0.5);
        case "warmup" -> new LearningRateSchedule.Warmup(require(f, m, "steps").smallInteger());
        case "cosine-restarts" -> new LearningRateSchedule.CosineRestarts(
            require(f, m, "period").smallInteger(),
            m.containsKey("mult") ? m.get("mult").smallInteger() : 1,
            m.containsKey("min") ? m.get("min").number() : 0);
        default -> new LearningRateSchedule.OneCycle(require(f, m, "steps").smallInteger(),
            m.containsKey("pct_start") ? m.get("pct_start").number() : 0.3,
            m.containsKey("div_factor") ? m.get("div_factor").number() : 25,
            m.containsKey("final_div_factor") ? m.get("final_div_factor").number() : 1e4);
      };
    } catch (IllegalArgumentException e) {
      throw blame(f, m, e);
    }
  }

  static Averaging averaging(YamlField f) throws ScenarioException {
    Map<String, YamlField> m = typed(f, AVERAGING_KEYS, "averaging",
        "averaging takes type and start (polyak) or tau (ema)");
    String type = typeOf(f, m);
    try {
      return switch (type) {
        case "none" -> new Averaging.None();
        case "polyak" -> new Averaging.Polyak(m.containsKey("start")
            ? m.get("start").smallInteger() : 0);
        default -> new Averaging.Ema(require(f, m, "tau").number());
      };
    } catch (IllegalArgumentException e) {
      throw blame(f, m, e);
    }
  }

  /**
   * The entries of a {type: ..., key: value} mapping (empty for a bare type name), after
   * checking the type and that every key belongs to it.
   */
  private static Map<String, YamlField> typed(YamlField f, Map<String, List<String>> keysOf,
      String what, String takes) throws ScenarioException {
    String types = String.join(", ", keysOf.keySet()).replaceFirst(", ([\\w-]+)$", " or $1");
    Map<String, YamlField> m = Map.of();
    YamlField typeField = f;
    if (!f.isScalar()) {
      Set<String> all = new LinkedHashSet<>(List.of("type"));
      keysOf.values().forEach(all::addAll);
      m = f.mapping(all, key -> "unknown key '" + key + "'; " + takes);
      typeField = m.get("type");
      if (typeField == null) {
        throw f.error("missing 'type'; expected " + types);
      }
    }
    String type = typeField.string().trim();
    List<String> keys = keysOf.get(type);
    if (keys == null) {
      throw typeField.error("unknown " + what + " '" + type + "'; expected " + types);
    }
    for (Map.Entry<String, YamlField> e : m.entrySet()) {
      String key = e.getKey();
      if (!key.equals("type") && !keys.contains(key)) {
        String name = what.equals("schedule") ? "the " + type + " schedule"
            : type + " averaging";
        throw e.getValue().error(key + " is not a key of " + name + "; "
            + (keys.isEmpty() ? "it takes no other keys" : "it takes " + String.join(", ", keys)));
      }
    }
    return m;
  }

  private static String typeOf(YamlField f, Map<String, YamlField> m) throws ScenarioException {
    return (f.isScalar() ? f : m.get("type")).string().trim();
  }

  /**
   * The error at the key the record's message names first ("every must be at least 1"), or at
   * the whole mapping when it names none.
   */
  private static ScenarioException blame(YamlField f, Map<String, YamlField> m,
      IllegalArgumentException e) {
    String message = e.getMessage();
    for (Map.Entry<String, YamlField> entry : m.entrySet()) {
      if (message.startsWith(entry.getKey() + " ")) {
        return entry.getValue().error(message);
      }
    }
    return f.error(message);
  }

  private static YamlField require(YamlField parent, Map<String, YamlField> m, String key)
      throws ScenarioException {
    YamlField f = m.get(key);
    if (f == null) {
      throw parent.error("missing '" + key + "'");
    }
    return f;
  }

  /** Type names, each followed by its keys separated by spaces. */
  private static Map<String, List<String>> keys(String... typeThenKeys) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < typeThenKeys.length; i += 2) {
      String keys = typeThenKeys[i + 1];
      m.put(typeThenKeys[i], keys.isEmpty() ? List.of() : List.of(keys.split(" ")));
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
