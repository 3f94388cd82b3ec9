package org.descent.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.descent.network.Activation;
import org.descent.network.Architecture;
import org.descent.network.CsvData;
import org.descent.network.DataSource;
import org.descent.network.Dataset;
import org.descent.network.Initializer;
import org.descent.network.NetworkInputException;
import org.descent.network.NetworkSetup;
import org.descent.network.PreparedData;
import org.descent.network.WeightsFile;
import org.descent.network.WorkEstimate;
import org.descent.optim.OptimizerSpec;

/**
 * Reads a scenario's {@code network:} section (format: docs/scenarios.md) into a
 * {@link NetworkSetup}, and checks what can be checked before training: every key and value, a
 * CSV file and a weights file (read, and the weights' shapes against the network), the size of
 * the network and the work of the training. Each problem is reported at the line of the key it
 * is about; a problem inside a data or weights file names that file and its line too.
 */
final class NetworkReader {

  static final Set<String> KEYS = new LinkedHashSet<>(List.of("data", "validation", "hidden",
      "activation", "init", "bias", "batch_norm", "batch_size", "steps", "eval_every",
      "standardize", "seed", "residual"));

  private NetworkReader() {}

  /**
   * @param source the scenario's name in messages, and (as a path) where relative file names
   *     are read from
   */
  static NetworkSetup read(YamlField field, String source, List<OptimizerSpec> optimizers)
      throws ScenarioException {
    Map<String, YamlField> m = field.mapping(KEYS, key -> "unknown key '" + key
        + "'; the network takes " + String.join(", ", KEYS));
    if (!m.containsKey("data")) {
      throw field.error("missing 'data'; expected " + dataNames() + ", {csv: FILE} or "
          + "{name: ..., size: ..., noise: ...}");
    }
    DataSource data = data(m.get("data"));
    NetworkSetup s = NetworkSetup.defaults(data);
    try {
      if (m.containsKey("validation")) {
        s = s.withValidation(m.get("validation").number());
      }
      if (m.containsKey("hidden")) {
        s = s.withHidden(hidden(m.get("hidden")));
      }
      if (m.containsKey("activation")) {
        YamlField f = m.get("activation");
        String name = f.string().trim();
        Activation a = Activation.byKey(name).orElseThrow(() -> f.error("unknown activation '"
            + name + "'; expected " + Activation.keys()));
        s = s.withActivation(a);
      }
      if (m.containsKey("init")) {
        s = s.withInit(init(m.get("init")));
      }
      if (m.containsKey("bias")) {
        s = s.withBias(m.get("bias").number());
      }
      if (m.containsKey("batch_norm")) {
        s = s.withBatchNorm(m.get("batch_norm").bool());
      }
      if (m.containsKey("residual")) {
        s = s.withResidual(m.get("residual").bool());
      }
      if (m.containsKey("batch_size")) {
        s = s.withBatchSize(batchSize(m.get("batch_size")));
      }
      if (m.containsKey("steps")) {
        s = s.withSteps(m.get("steps").smallInteger());
      }
      if (m.containsKey("eval_every")) {
        s = s.withEvalEvery(m.get("eval_every").smallInteger());
      }
      if (m.containsKey("standardize")) {
        s = s.withStandardize(m.get("standardize").bool());
      }
      if (m.containsKey("seed")) {
        s = s.withSeed(m.get("seed").integer());
      }
    } catch (IllegalArgumentException e) {
      throw blame(field, m, e.getMessage());
    }
    if (s.namesAFile()) {
      s = s.withFolder(folderOf(source));
    }
    check(s, field, m, optimizers);
    return s;
  }

  /** The files, the network's size, batch normalization's memory and the work. */
  private static void check(NetworkSetup s, YamlField field, Map<String, YamlField> m,
      List<OptimizerSpec> optimizers) throws ScenarioException {
    int features = s.data().features();
    int classes = s.data().classes();
    int size = s.data().size();
    if (s.data() instanceof DataSource.Csv csv) {
      try {
        Dataset d = CsvData.read(resolve(s.folder(), csv.path()), csv.contents());
        PreparedData.of(d, s.validation(), s.standardize(), s.seed());
        features = d.features();
        classes = d.classes();
        size = d.size();
      } catch (NetworkInputException e) {
        throw m.get("data").error(e.getMessage());
      }
    }
    Architecture a;
    try {
      a = s.architecture(features, classes);
    } catch (IllegalArgumentException e) {
      throw (m.containsKey("hidden") ? m.get("hidden") : field).error(e.getMessage());
    }
    if (s.init() instanceof Initializer.FromFile f) {
      try {
        WeightsFile.read(resolve(s.folder(), f.path()), f.contents(), a);
      } catch (NetworkInputException e) {
        throw m.get("init").error(e.getMessage());
      }
    }
    int validation = (int) Math.round(s.validation() * size);
    int train = Math.max(1, size - validation);
    int batch = s.fullBatch(train) ? train : s.batchSize();
    if (s.batchNorm()) {
      long units = a.classes();
      for (int w : s.hidden()) {
        units += w;
      }
      if (train * units > NetworkSetup.MAX_BATCH_NORM_CELLS) {
        throw (m.containsKey("batch_norm") ? m.get("batch_norm") : field).error(String.format(
            java.util.Locale.ROOT, "batch normalization over the full training set (%,d "
                + "samples x %,d units) is too large; at most %,d in all", train, units,
            NetworkSetup.MAX_BATCH_NORM_CELLS));
      }
    }
    double work = WorkEstimate.multiplyAdds(s, optimizers, a.parameterCount(), train,
        validation, batch);
    String problem = WorkEstimate.problem(work, optimizers.size(), s.steps(),
        a.parameterCount());
    if (problem != null) {
      throw (m.containsKey("steps") ? m.get("steps") : field).error(problem);
    }
  }

  private static Path resolve(Path folder, String path) throws NetworkInputException {
    try {
      Path p = Path.of(path);
      return folder == null || p.isAbsolute() ? p : folder.resolve(p);
    } catch (InvalidPathException e) {
      throw new NetworkInputException(path + ": not a file name: " + e.getReason());
    }
  }

  /** The folder of the scenario file, or null (the working folder). */
  private static Path folderOf(String source) {
    try {
      return Path.of(source).getParent();
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static DataSource data(YamlField f) throws ScenarioException {
    if (f.isScalar()) {
      String name = f.string().trim();
      if (DataSource.BuiltIn.NAMES.contains(name)) {
        return new DataSource.BuiltIn(name);
      }
      if (DataSource.Synthetic.NAMES.contains(name)) {
        return DataSource.Synthetic.of(name);
      }
      throw f.error("unknown data set '" + name + "'; expected " + dataNames()
          + ", {csv: FILE} or {name: ..., size: ..., noise: ...}");
    }
    Map<String, YamlField> m = f.mapping(Set.of("csv", "name", "size", "noise"),
        key -> "unknown key '" + key + "'; data takes csv, or name, size and noise");
    if (m.containsKey("csv")) {
      if (m.size() > 1) {
        throw f.error("give either csv or a generated set's name, size and noise, not both");
      }
      String path = m.get("csv").string().trim();
      if (path.isEmpty()) {
        throw m.get("csv").error("csv needs a file name");
      }
      return new DataSource.Csv(path);
    }
    if (!m.containsKey("name")) {
      throw f.error("missing 'name'; expected one of " + String.join(", ",
          DataSource.Synthetic.NAMES) + " (or csv)");
    }
    YamlField nameField = m.get("name");
    String name = nameField.string().trim();
    if (DataSource.BuiltIn.NAMES.contains(name)) {
      if (m.size() > 1) {
        throw f.error(name + " is a fixed data set; size and noise apply to generated sets ("
            + String.join(", ", DataSource.Synthetic.NAMES) + ")");
      }
      return new DataSource.BuiltIn(name);
    }
    if (!DataSource.Synthetic.NAMES.contains(name)) {
      throw nameField.error("unknown data set '" + name + "'; expected " + dataNames());
    }
    DataSource.Synthetic d = DataSource.Synthetic.of(name);
    int size = d.size();
    double noise = d.noise();
    if (m.containsKey("size")) {
      size = m.get("size").smallInteger();
    }
    if (m.containsKey("noise")) {
      noise = m.get("noise").number();
    }
    try {
      return new DataSource.Synthetic(name, size, noise);
    } catch (IllegalArgumentException e) {
      throw blame(f, m, e.getMessage());
    }
  }

  private static List<Integer> hidden(YamlField f) throws ScenarioException {
    List<Integer> widths = new ArrayList<>();
    List<YamlField> items = f.list();
    if (items.size() > Architecture.MAX_HIDDEN_LAYERS) {
      throw f.error("hidden has " + items.size() + " layers; at most "
          + Architecture.MAX_HIDDEN_LAYERS);
    }
    for (YamlField item : items) {
      int w = item.smallInteger();
      if (w < 1 || w > Architecture.MAX_UNITS) {
        throw item.error("a layer has 1 to " + Architecture.MAX_UNITS + " units, got " + w);
      }
      widths.add(w);
    }
    return widths;
  }

  private static Initializer init(YamlField f) throws ScenarioException {
    if (f.isScalar()) {
      String name = f.string().trim();
      return Initializer.named(name).orElseThrow(() -> f.error("unknown init '" + name
          + "'; expected zero, small, glorot, he, orthogonal, {orthogonal: GAIN}, {scale: S} "
          + "or {weights: FILE}"));
    }
    Map<String, YamlField> m = f.mapping(Set.of("orthogonal", "scale", "weights"),
        key -> "unknown key '" + key + "'; init takes {orthogonal: GAIN}, {scale: S} or "
            + "{weights: FILE}");
    if (m.size() != 1) {
      throw f.error("give one of orthogonal, scale or weights");
    }
    var e = m.entrySet().iterator().next();
    YamlField v = e.getValue();
    try {
      return switch (e.getKey()) {
        case "orthogonal" -> new Initializer.Orthogonal(v.number());
        case "scale" -> new Initializer.Scaled(v.number());
        default -> {
          String path = v.string().trim();
          if (path.isEmpty()) {
            throw v.error("weights needs a file name");
          }
          yield new Initializer.FromFile(path);
        }
      };
    } catch (IllegalArgumentException ex) {
      throw v.error(ex.getMessage());
    }
  }

  private static int batchSize(YamlField f) throws ScenarioException {
    if (f.isScalar() && f.string().trim().equals("full")) {
      return NetworkSetup.FULL_BATCH;
    }
    long v;
    try {
      v = f.integer();
    } catch (ScenarioException e) {
      throw f.error("batch_size must be 'full' or a whole number of samples, got '"
          + f.string().trim() + "'");
    }
    if (v < 1 || v > NetworkSetup.MAX_BATCH) {
      throw f.error("batch_size must be 'full' or from 1 to " + NetworkSetup.MAX_BATCH
          + ", got " + v);
    }
    return (int) v;
  }

  /** The error at the key the message begins with, or at the whole section. */
  private static ScenarioException blame(YamlField field, Map<String, YamlField> m,
      String message) {
    for (Map.Entry<String, YamlField> e : m.entrySet()) {
      if (message.startsWith(e.getKey() + " ") || message.startsWith(e.getKey() + ":")) {
        return e.getValue().error(message);
      }
    }
    return field.error(message);
  }

  private static String dataNames() {
    return String.join(", ", DataSource.BuiltIn.NAMES) + ", "
        + String.join(", ", DataSource.Synthetic.NAMES);
  }
}
