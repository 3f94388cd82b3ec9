package org.descent.scenario;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.descent.function.ViewBox;
import org.descent.network.DataSource;
import org.descent.network.Initializer;
import org.descent.network.NetworkSetup;
import org.descent.optim.Averaging;
import org.descent.optim.LearningRateSchedule;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes a scenario as YAML that {@link ScenarioReader} reads back to an equal scenario. The
 * node tree is built here (block style for the structure, flow style for short lists) and
 * SnakeYAML does the quoting.
 */
public final class ScenarioWriter {

  private ScenarioWriter() {}

  /** The scenario as YAML text, with a comment header. */
  public static String write(Scenario s) {
    List<NodeTuple> top = new ArrayList<>();
    if (!s.title().isEmpty()) {
      top.add(entry("title", str(s.title())));
    }
    if (!s.description().isEmpty()) {
      top.add(entry("description", str(s.description())));
    }
    if (!s.topic().isEmpty()) {
      top.add(entry("topic", str(s.topic())));
    }
    top.add(entry("function", function(s.function())));
    if (s.view() != null) {
      ViewBox v = s.view();
      top.add(entry("view", map(FlowStyle.FLOW,
          entry("x", seq(num(v.xMin()), num(v.xMax()))),
          entry("y", seq(num(v.yMin()), num(v.yMax()))))));
    }
    if (!s.views().isEmpty()) {
      List<Node> views = new ArrayList<>();
      for (ViewPreset p : s.views()) {
        ViewBox v = p.view();
        views.add(map(FlowStyle.FLOW, entry("name", str(p.name())),
            entry("x", seq(num(v.xMin()), num(v.xMax()))),
            entry("y", seq(num(v.yMin()), num(v.yMax())))));
      }
      top.add(entry("views", new SequenceNode(Tag.SEQ, views, FlowStyle.BLOCK)));
    }
    if (s.start() != null) {
      top.add(entry("start", seq(num(s.start().x()), num(s.start().y()))));
    }
    top.add(entry("steps", integer(s.steps())));
    top.add(entry("seed", integer(s.seed())));
    top.add(entry("noise", num(s.noise())));
    if (s.budget() > 0) {
      top.add(entry("budget", integer(s.budget())));
    }
    if (s.trail() > 0) {
      top.add(entry("trail", integer(s.trail())));
    }
    if (s.camera() != null) {
      CameraSetting c = s.camera();
      top.add(entry("camera", map(FlowStyle.FLOW, entry("azimuth", num(c.azimuth())),
          entry("elevation", num(c.elevation())), entry("zoom", num(c.zoom())))));
    }
    List<Node> optimizers = new ArrayList<>();
    for (int i = 0; i < s.optimizers().size(); i++) {
      optimizers.add(optimizer(s.optimizers().get(i), s.colors().get(i), s.hidden().get(i),
          s.networkRates().get(i)));
    }
    top.add(entry("optimizers", new SequenceNode(Tag.SEQ, optimizers, FlowStyle.BLOCK)));
    if (s.network() != null) {
      top.add(entry("network", network(s.network())));
    }
    extras(s, top);

    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(100);
    options.setAllowUnicode(true);
    StringWriter out = new StringWriter();
    out.write("# A Descent scenario. The format is described in docs/scenarios.md.\n");
    new Yaml(options).serialize(new MappingNode(Tag.MAP, top, FlowStyle.BLOCK), out);
    return out.toString();
  }

  /** The lecture extras, after the network, in the order the docs list them. */
  private static void extras(Scenario s, List<NodeTuple> top) {
    if (s.beside() != null) {
      top.add(entry("beside", function(s.beside())));
    }
    if (s.chart() != null) {
      ChartSetting c = s.chart();
      List<NodeTuple> m = new ArrayList<>();
      m.add(entry("x", str(c.x().key())));
      m.add(entry("y", str(c.y().key())));
      m.add(entry("guides", new SequenceNode(Tag.SEQ, c.guides().stream()
          .map(g -> str(g.key())).toList(), FlowStyle.FLOW)));
      if (!Double.isNaN(c.fstar())) {
        m.add(entry("fstar", num(c.fstar())));
      }
      m.add(entry("anchor", integer(c.anchor())));
      m.add(entry("accelerated", bool(c.accelerated())));
      top.add(entry("chart", new MappingNode(Tag.MAP, m, FlowStyle.FLOW)));
    }
    if (s.continuation() != null) {
      org.descent.trace.Continuation c = s.continuation();
      top.add(entry("continuation", map(FlowStyle.FLOW, entry("sigma", num(c.sigma())),
          entry("stages", integer(c.stages())), entry("optimizer", str(c.optimizer())))));
    }
    if (s.power() != null) {
      org.descent.analysis.PowerIteration.Setup p = s.power();
      top.add(entry("power", map(FlowStyle.FLOW,
          entry("eigenvalues", seq(num(p.lambda1()), num(p.lambda2()))),
          entry("angles", seq(num(p.angle1()), num(p.angle2()))),
          entry("x0", seq(num(p.x0()), num(p.y0()))),
          entry("steps", integer(p.steps())))));
    }
    if (!s.networkPictures().isEmpty()) {
      top.add(entry("network_pictures", new SequenceNode(Tag.SEQ, s.networkPictures().stream()
          .map(p -> str(p.key)).toList(), FlowStyle.FLOW)));
    }
    if (!s.hide().isEmpty()) {
      top.add(entry("hide", new SequenceNode(Tag.SEQ, s.hide().stream()
          .map(c -> str(c.key())).toList(), FlowStyle.FLOW)));
    }
    if (!s.notes().isEmpty()) {
      top.add(entry("notes", new ScalarNode(Tag.STR, s.notes(), null, null,
          s.notes().contains("\n") ? ScalarStyle.LITERAL : ScalarStyle.PLAIN)));
    }
    if (!s.questions().isEmpty()) {
      top.add(entry("questions", new SequenceNode(Tag.SEQ, s.questions().stream()
          .map(q -> question(q, s.optimizers())).toList(), FlowStyle.BLOCK)));
    }
  }

  /** A question with the keys its rule takes; cards by their labels, as the reader finds them. */
  private static Node question(org.descent.lesson.Question q, List<OptimizerSpec> cards) {
    org.descent.lesson.Rule r = q.rule();
    List<NodeTuple> m = new ArrayList<>();
    m.add(entry("ask", str(q.prompt())));
    m.add(entry("at", integer(q.step())));
    m.add(entry("rule", str(r.key())));
    if (r.card() >= 0) {
      m.add(entry("card", str(cards.get(r.card()).label())));
    }
    if (r instanceof org.descent.lesson.Rule.FirstBelow fb) {
      m.add(entry("gap", num(fb.gap())));
    } else if (r instanceof org.descent.lesson.Rule.StepBelow sb) {
      m.add(entry("gap", num(sb.gap())));
      m.add(entry("tolerance", num(sb.tolerance())));
    }
    if (r.kind() == org.descent.lesson.Rule.Kind.CARDS
        || r.kind() == org.descent.lesson.Rule.Kind.POINTS) {
      m.add(entry("choices", new SequenceNode(Tag.SEQ, q.choices().stream()
          .map(c -> str(c.card() >= 0 ? cards.get(c.card()).label() : c.text())).toList(),
          FlowStyle.FLOW)));
    }
    if (q.expected() instanceof org.descent.lesson.Pick.Chosen c) {
      org.descent.lesson.Choice chosen = q.choices().get(c.choice());
      m.add(entry("answer", str(chosen.card() >= 0 ? cards.get(chosen.card()).label()
          : chosen.text())));
    } else if (q.expected() instanceof org.descent.lesson.Pick.Number n) {
      m.add(entry("answer", num(n.value())));
    }
    return new MappingNode(Tag.MAP, m, FlowStyle.BLOCK);
  }

  private static Node function(FunctionChoice f) {
    if (f instanceof FunctionChoice.UserFormula u) {
      return map(FlowStyle.BLOCK, entry("formula", str(u.text())));
    }
    FunctionChoice.Named n = (FunctionChoice.Named) f;
    if (n.params().isEmpty()) {
      return str(n.name());
    }
    List<NodeTuple> params = new ArrayList<>();
    for (Map.Entry<String, Double> e : n.params().entrySet()) {
      params.add(entry(e.getKey(), num(e.getValue())));
    }
    return map(FlowStyle.BLOCK, entry("name", str(n.name())),
        entry("params", new MappingNode(Tag.MAP, params, FlowStyle.FLOW)));
  }

  /** Every key of the network section, in the order the docs list them. */
  private static Node network(NetworkSetup n) {
    List<NodeTuple> m = new ArrayList<>();
    DataSource d = n.data();
    if (d instanceof DataSource.Csv csv) {
      m.add(entry("data", map(FlowStyle.FLOW, entry("csv", str(csv.path())))));
    } else if (d instanceof DataSource.Synthetic syn && !syn.isDefault()) {
      m.add(entry("data", map(FlowStyle.FLOW, entry("name", str(syn.name())),
          entry("size", integer(syn.size())), entry("noise", num(syn.noise())))));
    } else {
      m.add(entry("data", str(d instanceof DataSource.BuiltIn b ? b.name()
          : ((DataSource.Synthetic) d).name())));
    }
    m.add(entry("validation", num(n.validation())));
    m.add(entry("hidden", new SequenceNode(Tag.SEQ, n.hidden().stream()
        .map(w -> integer(w)).toList(), FlowStyle.FLOW)));
    m.add(entry("activation", str(n.activation().key())));
    Initializer init = n.init();
    Node initNode;
    if (init instanceof Initializer.Orthogonal o && o.gain() != 1) {
      initNode = map(FlowStyle.FLOW, entry("orthogonal", num(o.gain())));
    } else if (init instanceof Initializer.Scaled sc) {
      initNode = map(FlowStyle.FLOW, entry("scale", num(sc.scale())));
    } else if (init instanceof Initializer.FromFile f) {
      initNode = map(FlowStyle.FLOW, entry("weights", str(f.path())));
    } else {
      initNode = str(init.key());
    }
    m.add(entry("init", initNode));
    m.add(entry("bias", num(n.bias())));
    m.add(entry("batch_norm", bool(n.batchNorm())));
    if (n.residual()) {
      m.add(entry("residual", bool(true)));
    }
    m.add(entry("batch_size", n.batchSize() == NetworkSetup.FULL_BATCH ? str("full")
        : integer(n.batchSize())));
    m.add(entry("steps", integer(n.steps())));
    m.add(entry("eval_every", integer(n.evalEvery())));
    m.add(entry("standardize", bool(n.standardize())));
    m.add(entry("seed", integer(n.seed())));
    return new MappingNode(Tag.MAP, m, FlowStyle.BLOCK);
  }

  private static Node bool(boolean b) {
    return new ScalarNode(Tag.BOOL, b ? "true" : "false", null, null, ScalarStyle.PLAIN);
  }

  private static Node optimizer(OptimizerSpec spec, String color, boolean hidden,
      double networkRate) {
    List<NodeTuple> m = new ArrayList<>();
    m.add(entry("type", str(spec.type().key())));
    if (!spec.label().equals(spec.type().key())) {
      m.add(entry("label", str(spec.label())));
    }
    if (color != null) {
      m.add(entry("color", str(color)));
    }
    if (hidden) {
      m.add(entry("visible", new ScalarNode(Tag.BOOL, "false", null, null, ScalarStyle.PLAIN)));
    }
    for (Param p : spec.type().params()) {
      double v = spec.get(p);
      Node value = switch (p.kind()) {
        case BOOLEAN -> new ScalarNode(Tag.BOOL, p.format(v), null, null, ScalarStyle.PLAIN);
        case CHOICE -> str(p.format(v));
        case INTEGER -> integer((long) v);
        default -> num(v);
      };
      m.add(entry(p.key(), value));
    }
    if (spec.clipped()) {
      m.add(entry("clip", num(spec.clip())));
    }
    LearningRateSchedule s = spec.schedule();
    if (s instanceof LearningRateSchedule.Exponential e) {
      m.add(entry("schedule", map(FlowStyle.FLOW, entry("type", str("exponential")),
          entry("tau", num(e.tau())), entry("start", integer(e.start())))));
    } else if (s instanceof LearningRateSchedule.Linear l) {
      m.add(entry("schedule", map(FlowStyle.FLOW, entry("type", str("linear")),
          entry("end", num(l.end())), entry("steps", integer(l.steps())))));
    } else if (s instanceof LearningRateSchedule.Step st) {
      m.add(entry("schedule", map(FlowStyle.FLOW, entry("type", str("step")),
          entry("every", integer(st.every())), entry("factor", num(st.factor())))));
    } else if (s instanceof LearningRateSchedule.Warmup w) {
      m.add(entry("schedule", map(FlowStyle.FLOW, entry("type", str("warmup")),
          entry("steps", integer(w.steps())))));
    } else if (s instanceof LearningRateSchedule.CosineRestarts c) {
      m.add(entry("schedule", map(FlowStyle.FLOW, entry("type", str("cosine-restarts")),
          entry("period", integer(c.period())), entry("mult", integer(c.mult())),
          entry("min", num(c.min())))));
    } else if (s instanceof LearningRateSchedule.OneCycle o) {
      m.add(entry("schedule", map(FlowStyle.FLOW, entry("type", str("one-cycle")),
          entry("steps", integer(o.steps())), entry("pct_start", num(o.pctStart())),
          entry("div_factor", num(o.divFactor())),
          entry("final_div_factor", num(o.finalDivFactor())))));
    }
    Averaging a = spec.averaging();
    if (a instanceof Averaging.Polyak p) {
      m.add(entry("average", map(FlowStyle.FLOW, entry("type", str("polyak")),
          entry("start", integer(p.start())))));
    } else if (a instanceof Averaging.Ema e) {
      m.add(entry("average", map(FlowStyle.FLOW, entry("type", str("ema")),
          entry("tau", num(e.tau())))));
    }
    if (!Double.isNaN(networkRate)) {
      m.add(entry("network_lr", num(networkRate)));
    }
    return new MappingNode(Tag.MAP, m, FlowStyle.BLOCK);
  }

  private static NodeTuple entry(String key, Node value) {
    return new NodeTuple(str(key), value);
  }

  private static Node map(FlowStyle style, NodeTuple... entries) {
    return new MappingNode(Tag.MAP, List.of(entries), style);
  }

  private static Node seq(Node... items) {
    return new SequenceNode(Tag.SEQ, List.of(items), FlowStyle.FLOW);
  }

  private static Node str(String s) {
    return new ScalarNode(Tag.STR, s, null, null, ScalarStyle.PLAIN);
  }

  private static Node integer(long v) {
    return new ScalarNode(Tag.INT, Long.toString(v), null, null, ScalarStyle.PLAIN);
  }

  /** The shortest text that reads back as the same double. */
  private static Node num(double v) {
    String text = Param.formatNumber(v);
    boolean whole = v == Math.rint(v) && Math.abs(v) < 1e15;
    return new ScalarNode(whole ? Tag.INT : Tag.FLOAT, text, null, null, ScalarStyle.PLAIN);
  }
}
