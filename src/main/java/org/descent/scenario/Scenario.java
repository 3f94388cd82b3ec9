package org.descent.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.descent.analysis.PowerIteration;
import org.descent.function.FormulaException;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.lesson.Question;
import org.descent.network.NetworkSetup;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.Param;
import org.descent.trace.Continuation;
import org.descent.trace.RaceSetup;

/**
 * A lecture demo: a function, where to look, where to start, and the optimizers that race.
 * With its seed it reproduces every trace bit for bit.
 *
 * @param view the visible rectangle, or null for the function's default
 * @param start the start point, or null for the function's first suggested start
 * @param colors one colour per optimizer ("#rrggbb"), or null entries for the palette's
 * @param hidden one flag per optimizer: true where its path is hidden
 * @param camera where the surface view looks from, or null to let the app choose
 * @param topic the lecture topic the demo belongs to ("momentum"), or empty
 * @param trail how many recent steps of each path the map draws bold (0: the whole path): a
 *     noisy run's current spread is then seen, not its whole history
 * @param network the real network trained beside the landscape with the same optimizers, or
 *     null for none
 * @param networkRates one per optimizer: the learning rate it uses on the network, NaN for its
 *     own lr (a good step for a 2-D toy is rarely a good one for a network); null or null
 *     entries mean NaN
 * @param budget the most function + gradient evaluations each optimizer may spend (the race is
 *     then at equal cost, and {@code steps} is the most steps a run takes), or 0 for none: every
 *     run takes {@code steps} steps
 * @param notes the lecturer's notes: what to say, what to change next (several lines), or
 *     empty; not shown to students
 * @param hide the controls the student view hides (empty: every control shows)
 * @param chart how the loss chart is drawn (log-log with rate guides), or null for the default
 * @param continuation the blurring schedule one card runs under, or null for none
 * @param power the power-method picture (x_t = W^t x0 of a 2x2 W), or null for none
 * @param beside a second function drawn beside the first, over the same view, with the same
 *     optimizers run on it from the same start (the same problem under another loss), or null
 * @param views the named views the lecturer jumps to with keys 1 to 9 (at most
 *     {@link ViewPreset#MAX}); empty for none
 * @param questions what the demo asks before it shows the answer ("predict, then reveal"),
 *     in file order; empty for none
 */
public record Scenario(String title, String description, FunctionChoice function, ViewBox view,
    Vec2 start, int steps, long seed, double noise, List<OptimizerSpec> optimizers,
    List<String> colors, List<Boolean> hidden, CameraSetting camera, String topic, int trail,
    NetworkSetup network, List<Double> networkRates, long budget, String notes,
    Set<Control> hide, ChartSetting chart, Continuation continuation,
    PowerIteration.Setup power, FunctionChoice beside, List<ViewPreset> views,
    List<Question> questions, List<org.descent.network.NetworkPicture> networkPictures) {

  /** A scenario whose network shows its default pictures. */
  public Scenario(String title, String description, FunctionChoice function, ViewBox view,
      Vec2 start, int steps, long seed, double noise, List<OptimizerSpec> optimizers,
      List<String> colors, List<Boolean> hidden, CameraSetting camera, String topic, int trail,
      NetworkSetup network, List<Double> networkRates, long budget, String notes,
      Set<Control> hide, ChartSetting chart, Continuation continuation,
      PowerIteration.Setup power, FunctionChoice beside, List<ViewPreset> views,
      List<Question> questions) {
    this(title, description, function, view, start, steps, seed, noise, optimizers, colors,
        hidden, camera, topic, trail, network, networkRates, budget, notes, hide, chart,
        continuation, power, beside, views, questions, List.of());
  }

  /** The most pictures a scenario may choose for its network: the top one and the bottom. */
  public static final int MAX_NETWORK_PICTURES = 2;

  /** A scenario without questions. */
  public Scenario(String title, String description, FunctionChoice function, ViewBox view,
      Vec2 start, int steps, long seed, double noise, List<OptimizerSpec> optimizers,
      List<String> colors, List<Boolean> hidden, CameraSetting camera, String topic, int trail,
      NetworkSetup network, List<Double> networkRates, long budget, String notes,
      Set<Control> hide, ChartSetting chart, Continuation continuation,
      PowerIteration.Setup power, FunctionChoice beside, List<ViewPreset> views) {
    this(title, description, function, view, start, steps, seed, noise, optimizers, colors,
        hidden, camera, topic, trail, network, networkRates, budget, notes, hide, chart,
        continuation, power, beside, views, List.of());
  }

  /** The most evaluations a budget may allow. */
  public static final long MAX_BUDGET = 10_000_000;

  /** A scenario without named views. */
  public Scenario(String title, String description, FunctionChoice function, ViewBox view,
      Vec2 start, int steps, long seed, double noise, List<OptimizerSpec> optimizers,
      List<String> colors, List<Boolean> hidden, CameraSetting camera, String topic, int trail,
      NetworkSetup network, List<Double> networkRates, long budget, String notes,
      Set<Control> hide, ChartSetting chart, Continuation continuation,
      PowerIteration.Setup power, FunctionChoice beside) {
    this(title, description, function, view, start, steps, seed, noise, optimizers, colors,
        hidden, camera, topic, trail, network, networkRates, budget, notes, hide, chart,
        continuation, power, beside, List.of());
  }

  /** A scenario without an evaluation budget. */
  public Scenario(String title, String description, FunctionChoice function, ViewBox view,
      Vec2 start, int steps, long seed, double noise, List<OptimizerSpec> optimizers,
      List<String> colors, List<Boolean> hidden, CameraSetting camera, String topic, int trail,
      NetworkSetup network, List<Double> networkRates) {
    this(title, description, function, view, start, steps, seed, noise, optimizers, colors,
        hidden, camera, topic, trail, network, networkRates, 0);
  }

  /** A scenario with a budget and without the lecture extras. */
  public Scenario(String title, String description, FunctionChoice function, ViewBox view,
      Vec2 start, int steps, long seed, double noise, List<OptimizerSpec> optimizers,
      List<String> colors, List<Boolean> hidden, CameraSetting camera, String topic, int trail,
      NetworkSetup network, List<Double> networkRates, long budget) {
    this(title, description, function, view, start, steps, seed, noise, optimizers, colors,
        hidden, camera, topic, trail, network, networkRates, budget, "", Set.of(), null, null,
        null, null);
  }

  /** A scenario with the lecture extras and no budget. */
  public Scenario(String title, String description, FunctionChoice function, ViewBox view,
      Vec2 start, int steps, long seed, double noise, List<OptimizerSpec> optimizers,
      List<String> colors, List<Boolean> hidden, CameraSetting camera, String topic, int trail,
      NetworkSetup network, List<Double> networkRates, String notes, Set<Control> hide,
      ChartSetting chart, Continuation continuation, PowerIteration.Setup power,
      FunctionChoice beside) {
    this(title, description, function, view, start, steps, seed, noise, optimizers, colors,
        hidden, camera, topic, trail, network, networkRates, 0, notes, hide, chart, continuation,
        power, beside);
  }

  /** A scenario without a network. */
  public Scenario(String title, String description, FunctionChoice function, ViewBox view,
      Vec2 start, int steps, long seed, double noise, List<OptimizerSpec> optimizers,
      List<String> colors, List<Boolean> hidden, CameraSetting camera, String topic, int trail) {
    this(title, description, function, view, start, steps, seed, noise, optimizers, colors,
        hidden, camera, topic, trail, null, null);
  }

  /** A scenario with every path shown, the app's camera and no topic. */
  public Scenario(String title, String description, FunctionChoice function, ViewBox view,
      Vec2 start, int steps, long seed, double noise, List<OptimizerSpec> optimizers,
      List<String> colors) {
    this(title, description, function, view, start, steps, seed, noise, optimizers, colors,
        null, null, "", 0);
  }

  public static final int DEFAULT_STEPS = 200;
  public static final int MAX_STEPS = 100_000;
  /** The most optimizers a scenario file may race. */
  public static final int MAX_OPTIMIZERS = 64;
  /**
   * The most steps a scenario file may ask for, over all its optimizers: a trace takes memory
   * and time in proportion (about 20 optimizers of 100,000 steps, or 64 of 31,250).
   */
  public static final long MAX_TOTAL_STEPS = 2_000_000;

  public Scenario {
    optimizers = List.copyOf(optimizers);
    colors = colors == null ? java.util.Collections.nCopies(optimizers.size(), null)
        : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(colors));
    if (colors.size() != optimizers.size()) {
      throw new IllegalArgumentException("one colour per optimizer: " + colors.size()
          + " colours for " + optimizers.size() + " optimizers");
    }
    hidden = hidden == null ? java.util.Collections.nCopies(optimizers.size(), false)
        : List.copyOf(hidden);
    if (hidden.size() != optimizers.size()) {
      throw new IllegalArgumentException("one visibility per optimizer: " + hidden.size()
          + " flags for " + optimizers.size() + " optimizers");
    }
    topic = topic == null ? "" : topic;
    if (trail < 0 || trail > MAX_STEPS) {
      throw new IllegalArgumentException("trail must be between 0 and " + MAX_STEPS + ", got "
          + trail);
    }
    if (steps < 1 || steps > MAX_STEPS) {
      throw new IllegalArgumentException("steps must be between 1 and " + MAX_STEPS + ", got "
          + steps);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise must be zero or a positive standard deviation, "
          + "got " + noise);
    }
    networkRates = rates(networkRates, optimizers.size());
    if (budget < 0 || budget > MAX_BUDGET) {
      throw new IllegalArgumentException("budget must be between 1 and " + MAX_BUDGET
          + " evaluations (0: none), got " + budget);
    }
    notes = notes == null ? "" : notes;
    hide = hide == null || hide.isEmpty() ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(hide));
    if (continuation != null) {
      String label = continuation.optimizer();
      if (optimizers.stream().noneMatch(o -> o.label().equals(label))) {
        throw new IllegalArgumentException("continuation: no optimizer is labelled '" + label
            + "'");
      }
    }
    views = views == null ? List.of() : List.copyOf(views);
    if (views.size() > ViewPreset.MAX) {
      throw new IllegalArgumentException("at most " + ViewPreset.MAX + " named views (keys 1 to "
          + ViewPreset.MAX + "), got " + views.size());
    }
    questions = questions == null ? List.of() : List.copyOf(questions);
    networkPictures = networkPictures == null ? List.of() : List.copyOf(networkPictures);
    if (networkPictures.size() > MAX_NETWORK_PICTURES) {
      throw new IllegalArgumentException("network_pictures: at most two, the top picture and "
          + "the bottom one; got " + networkPictures.size());
    }
    for (Question q : questions) {
      int n = optimizers.size();
      if (q.rule().card() >= n || q.choices().stream().anyMatch(c -> c.card() >= n)) {
        throw new IllegalArgumentException("questions: a question names card " + n
            + " or later; there are " + n + " optimizers");
      }
    }
  }

  /** The same scenario with these questions. */
  public Scenario withQuestions(List<Question> newQuestions) {
    return new Scenario(title, description, function, view, start, steps, seed, noise,
        optimizers, colors, hidden, camera, topic, trail, network, networkRates, budget, notes,
        hide, chart, continuation, power, beside, views, newQuestions, networkPictures);
  }

  /** The same scenario with these pictures of its network (none: the defaults). */
  public Scenario withNetworkPictures(List<org.descent.network.NetworkPicture> pictures) {
    return new Scenario(title, description, function, view, start, steps, seed, noise,
        optimizers, colors, hidden, camera, topic, trail, network, networkRates, budget, notes,
        hide, chart, continuation, power, beside, views, questions, pictures);
  }

  /** Whether the student view hides this control. */
  public boolean hides(Control c) {
    return hide.contains(c);
  }

  /** The same scenario with these lecture extras. */
  public Scenario withExtras(String newNotes, Set<Control> newHide, ChartSetting newChart,
      Continuation newContinuation, PowerIteration.Setup newPower, FunctionChoice newBeside) {
    return new Scenario(title, description, function, view, start, steps, seed, noise,
        optimizers, colors, hidden, camera, topic, trail, network, networkRates, budget, newNotes,
        newHide, newChart, newContinuation, newPower, newBeside, views, questions,
        networkPictures);
  }

  private static List<Double> rates(List<Double> given, int n) {
    if (given != null && given.size() != n) {
      throw new IllegalArgumentException("one network learning rate per optimizer: "
          + given.size() + " rates for " + n + " optimizers");
    }
    List<Double> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Double r = given == null ? null : given.get(i);
      double v = r == null ? Double.NaN : r;
      if (!Double.isNaN(v)) {
        Param.LR.problem(v).ifPresent(msg -> {
          throw new IllegalArgumentException("network_lr: " + msg);
        });
      }
      out.add(v);
    }
    return Collections.unmodifiableList(out);
  }

  /** The same scenario with this network and these per-optimizer network learning rates. */
  public Scenario withNetwork(NetworkSetup newNetwork, List<Double> rates) {
    return new Scenario(title, description, function, view, start, steps, seed, noise,
        optimizers, colors, hidden, camera, topic, trail, newNetwork, rates, budget, notes,
        hide, chart, continuation, power, beside, views, questions,
        networkPictures);
  }

  /** The same scenario with another evaluation budget (0: none). */
  public Scenario withBudget(long newBudget) {
    return new Scenario(title, description, function, view, start, steps, seed, noise,
        optimizers, colors, hidden, camera, topic, trail, network, networkRates, newBudget, notes,
        hide, chart, continuation, power, beside, views, questions,
        networkPictures);
  }

  /**
   * What its traces are computed from, on its landscape (view, start, steps, noise, seed and
   * budget): {@code Race.run(s.race(l))} gives the traces that {@code descent trace} writes, and
   * {@code StepReplay.replay(s.race(l), i, k)} opens step k of optimizer i.
   */
  public RaceSetup race(Landscape landscape) {
    Vec2 s = startOn(landscape);
    return new RaceSetup(landscape.formula().objective(), optimizers, new double[] {s.x(), s.y()},
        steps, noise, seed, budget);
  }

  /** The learning rate optimizer i uses on the network (its own lr when none is set). */
  public double networkRate(int i) {
    double r = networkRates.get(i);
    OptimizerSpec o = optimizers.get(i);
    if (!Double.isNaN(r) || !o.type().params().contains(Param.LR)) {
      return r;
    }
    return o.get(Param.LR);
  }

  /** The same scenario with these named views (keys 1 to 9). */
  public Scenario withViews(List<ViewPreset> newViews) {
    return new Scenario(title, description, function, view, start, steps, seed, noise,
        optimizers, colors, hidden, camera, topic, trail, network, networkRates, budget, notes,
        hide, chart, continuation, power, beside, newViews, questions,
        networkPictures);
  }

  /** The same scenario seen through another window (undo keeps the lecturer's zoom). */
  public Scenario withView(ViewBox newView) {
    return new Scenario(title, description, function, newView, start, steps, seed, noise,
        optimizers, colors, hidden, camera, topic, trail, network, networkRates, budget, notes,
        hide, chart, continuation, power, beside, views, questions,
        networkPictures);
  }

  /** The landscape in this scenario's view. */
  public Landscape landscape() throws FormulaException {
    return function.resolve(view);
  }

  /** The start point, or the landscape's suggested one. */
  public Vec2 startOn(Landscape landscape) {
    return start != null ? start : landscape.starts().get(0);
  }

  /**
   * The second function over this scenario's view (its own default view when the scenario
   * has none), or null when there is none.
   */
  public Landscape besideLandscape() throws FormulaException {
    return beside == null ? null : beside.resolve(view != null ? view : landscape().view());
  }
}
