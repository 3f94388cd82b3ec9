package org.descent.picture;

import java.util.ArrayList;
import java.util.List;
import org.descent.function.FormulaException;
import org.descent.function.Landscape;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.render.Camera;
import org.descent.scenario.Scenario;
import org.descent.trace.Race;
import org.descent.trace.Trace;

/**
 * A scenario's race ready to draw without the app: the landscape and the window onto it, every
 * shown run with its colour and trace, the start, the number of steps, the surface's camera
 * and the title. Export draws this; the app draws the same pictures from its live state.
 */
public record RaceScene(String title, Landscape landscape, ViewBox view, List<ChartInput> runs,
    Vec2 start, int steps, int trail, Camera camera, NetworkPictures.Frame network,
    RateChart rate, org.descent.trace.RaceSetup setup, RaceScene beside) {

  /**
   * A rate demo's loss chart (see {@link RaceChartData#withRateChart}).
   *
   * @param accelerated Nesterov's accelerated run, or null
   */
  public record RateChart(org.descent.scenario.ChartSetting chart, double fstar,
      Trace accelerated) {}

  public RaceScene {
    runs = List.copyOf(runs);
  }

  /** A race with a network and the default charts. */
  public RaceScene(String title, Landscape landscape, ViewBox view, List<ChartInput> runs,
      Vec2 start, int steps, int trail, Camera camera, NetworkPictures.Frame network) {
    this(title, landscape, view, runs, start, steps, trail, camera, network, null, null, null);
  }

  /**
   * The race on a scenario's function beside its own (its {@code beside}), from the same start:
   * its map has no critical points marked (a piecewise-constant loss such as the 0-1 loss has
   * none worth the name, only artefacts of its steps); null without one.
   *
   * @param colours each optimizer's colour, {@code shown} whether it is drawn
   * @param styles each optimizer's line style
   */
  public static RaceScene beside(Scenario s, List<Integer> colours, List<LineStyle> styles,
      List<Boolean> shown)
      throws FormulaException {
    Landscape found = s.besideLandscape();
    if (found == null) {
      return null;
    }
    Landscape beside = new Landscape(found.name(), found.title(), found.formula(), found.view(),
        List.of(), found.starts(), found.description());
    List<Trace> traces = org.descent.scenario.ScenarioTraces.beside(s);
    List<ChartInput> runs = new ArrayList<>();
    for (int i = 0; i < traces.size(); i++) {
      if (shown.get(i)) {
        runs.add(new ChartInput(s.optimizers().get(i).label(), colours.get(i), traces.get(i),
            styles.get(i)));
      }
    }
    return new RaceScene(BesideTitle.of(beside, traces), beside, beside.view(), runs,
        s.startOn(s.landscape()),
        s.steps(), s.trail(), null);
  }

  /** The race beside with each card in the style of its place (see {@link LineStyle#of}). */
  public static RaceScene beside(Scenario s, List<Integer> colours, List<Boolean> shown)
      throws FormulaException {
    List<LineStyle> styles = new ArrayList<>();
    for (int i = 0; i < colours.size(); i++) {
      styles.add(LineStyle.of(i));
    }
    return beside(s, colours, styles, shown);
  }

  /**
   * The index, in the race's setup, of the optimizer whose steps the step view opens: the
   * first run drawn; −1 without a setup.
   */
  public int inspectedOptimizer() {
    if (setup == null || runs.isEmpty()) {
      return -1;
    }
    String label = runs.get(0).label();
    for (int i = 0; i < setup.optimizers().size(); i++) {
      if (setup.optimizers().get(i).label().equals(label)) {
        return i;
      }
    }
    return -1;
  }

  /** A race without a network. */
  public RaceScene(String title, Landscape landscape, ViewBox view, List<ChartInput> runs,
      Vec2 start, int steps, int trail, Camera camera) {
    this(title, landscape, view, runs, start, steps, trail, camera, null);
  }

  /** The same race seen from another camera (a slowly turning surface). */
  public RaceScene withCamera(Camera c) {
    return new RaceScene(title, landscape, view, runs, start, steps, trail, c, network, rate,
        setup, beside);
  }

  /** The same race with the network trained beside it (null for none). */
  public RaceScene withNetwork(NetworkPictures.Frame n) {
    return new RaceScene(title, landscape, view, runs, start, steps, trail, camera, n, rate,
        setup, beside);
  }

  /** Runs the scenario's optimizers (on the calling thread) and gathers what is drawn. */
  public static RaceScene of(Scenario s) throws FormulaException {
    Landscape l = s.landscape();
    Vec2 start = s.startOn(l);
    // As the app runs it: at the scenario's budget, with its continuation.
    List<Trace> traces = org.descent.scenario.ScenarioTraces.race(s);
    List<ChartInput> runs = new ArrayList<>();
    for (int i = 0; i < traces.size(); i++) {
      if (s.hidden().get(i)) {
        continue;
      }
      String hex = s.colors().get(i);
      // The app gives the i-th card of a scenario the i-th style, so the export draws it so.
      runs.add(new ChartInput(s.optimizers().get(i).label(),
          hex == null ? Colors.color(i) : Colors.parse(hex), traces.get(i), LineStyle.of(i)));
    }
    Camera camera = s.camera() == null ? Camera.forLandscape(l, start)
        : new Camera(Math.toRadians(s.camera().azimuth()),
            Math.toRadians(s.camera().elevation()), s.camera().zoom());
    RateChart rate = s.chart() == null ? null : new RateChart(s.chart(),
        org.descent.scenario.ScenarioTraces.fstar(s), org.descent.scenario.ScenarioTraces
            .accelerated(s));
    List<Integer> colours = new ArrayList<>();
    List<LineStyle> styles = new ArrayList<>();
    List<Boolean> shown = new ArrayList<>();
    for (int i = 0; i < s.optimizers().size(); i++) {
      String hex = s.colors().get(i);
      colours.add(hex == null ? Colors.color(i) : Colors.parse(hex));
      styles.add(LineStyle.of(i));
      shown.add(!s.hidden().get(i));
    }
    return new RaceScene(s.title(), l, l.view(), runs, start, s.steps(), s.trail(), camera,
        null, rate, s.race(l), beside(s, colours, styles, shown));
  }
}
