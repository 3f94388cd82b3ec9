package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.descent.analysis.PowerIteration;
import org.descent.trace.Continuation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lecture extras of a scenario - notes, hidden controls, the rate chart, continuation, the
 * power section, the function beside and the residual network - read, written and read back,
 * and refused with a message naming the field.
 */
class LectureExtrasTest {

  private static final String FULL = """
      title: extras
      function: rastrigin
      start: [1, 2]
      optimizers:
        - {type: sgd, label: plain, lr: 0.01}
        - {type: momentum, label: blurred, lr: 0.004, momentum: 0.9}
      notes: |
        First line: what to say.
        Second line: what to change next.
      hide: [function, start, noise, clip, schedule, add-optimizer, network-settings]
      chart: {x: log-steps, y: log-gap, guides: [1/k, 1/k^2], fstar: 0, anchor: 10, accelerated: true}
      continuation: {sigma: 2.0, stages: 6, optimizer: blurred}
      power: {eigenvalues: [1.1, 0.8], angles: [120, 30], x0: [1, 0.5], steps: 25}
      beside: {formula: "x^2 + y^2"}
      network:
        data: moons
        hidden: [8, 8]
        residual: true
      """;

  @Test
  void everyExtraIsReadIntoTheScenario() throws ScenarioException {
    Scenario s = ScenarioReader.read(FULL, "s.yaml");
    assertEquals("First line: what to say.\nSecond line: what to change next.\n", s.notes());
    assertEquals(EnumSet.of(Control.FUNCTION, Control.START, Control.NOISE, Control.CLIP,
        Control.SCHEDULE, Control.ADD_OPTIMIZER, Control.NETWORK_SETTINGS), s.hide());
    assertTrue(s.hides(Control.CLIP));
    assertEquals(new ChartSetting(ChartSetting.Axis.LOG_STEPS, ChartSetting.Axis.LOG_GAP,
        List.of(ChartSetting.Guide.INVERSE_K, ChartSetting.Guide.INVERSE_K_SQUARED), 0, 10,
        true), s.chart());
    assertEquals(new Continuation(2, 6, "blurred"), s.continuation());
    assertEquals(new PowerIteration.Setup(1.1, 0.8, 120, 30, 1, 0.5, 25), s.power());
    assertEquals(new FunctionChoice.UserFormula("x^2 + y^2"), s.beside());
    assertTrue(s.network().residual());
  }

  @Test
  void everyExtraSurvivesSavingAndReadingBack() throws ScenarioException {
    Scenario s = ScenarioReader.read(FULL, "s.yaml");
    String written = ScenarioWriter.write(s);
    assertEquals(s, ScenarioReader.read(written, "saved.yaml"), written);
    // one-line notes too, and a scenario without extras writes none of their keys
    Scenario one = s.withExtras("Say this.", Set.of(Control.SEED), null, null, null, null);
    assertEquals(one, ScenarioReader.read(ScenarioWriter.write(one), "one.yaml"));
    Scenario none = s.withExtras("", Set.of(), null, null, null, null);
    String plain = ScenarioWriter.write(none);
    for (String key : List.of("notes:", "hide:", "chart:", "continuation:", "power:",
        "beside:")) {
      assertTrue(!plain.contains(key), key + " written for a scenario without it");
    }
    Scenario back = ScenarioReader.read(plain, "none.yaml");
    assertEquals("", back.notes());
    assertEquals(Set.of(), back.hide());
    assertNull(back.chart());
  }

  @Test
  void theExtraRunsAreTheOnesTheLessonsCheck() throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("basedir", "."))
        .resolve("scenarios");
    Scenario c = ScenarioReader.read(dir.resolve("continuation-rastrigin.yaml"));
    List<org.descent.trace.Trace> race = ScenarioTraces.race(c);
    assertTrue(race.get(0).finalLoss() < 1e-9, "the continuation card");
    assertTrue(race.get(1).finalLoss() > 10, "the plain card");
    assertEquals(6, ScenarioTraces.continuationStages(c).size());
    assertNull(ScenarioTraces.accelerated(c));
    Scenario r = ScenarioReader.read(dir.resolve("nesterov-rate.yaml"));
    org.descent.trace.Trace acc = ScenarioTraces.accelerated(r);
    assertEquals(-2, org.descent.analysis.RateFit.slope(acc, ScenarioTraces.fstar(r), 100,
        2000), 0.02);
    Scenario b = ScenarioReader.read(dir.resolve("surrogate-loss.yaml"));
    for (org.descent.trace.Trace t : ScenarioTraces.beside(b)) {
      assertEquals(t.x(0), t.x(t.lastStep()), 0.0, "no move on the 0-1 loss");
    }
  }

  @Test
  void theExtrasDefaultToNothing() throws ScenarioException {
    Scenario s = ScenarioReader.read("function: rosenbrock\noptimizers: [{type: sgd}]",
        "s.yaml");
    assertEquals("", s.notes());
    assertEquals(Set.of(), s.hide());
    assertNull(s.chart());
    assertNull(s.continuation());
    assertNull(s.power());
    assertNull(s.beside());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `hide: [function, sliders]` | s.yaml:3: hide[1]: unknown control 'sliders'; the controls a demo can hide are function, start, view, steps, noise, seed, hyperparameters, clip, schedule, average, add-optimizer, remove-optimizer, network-settings
      `hide: [noise, noise]` | s.yaml:3: hide[1]: 'noise' is listed twice
      `hide: noise` | s.yaml:3: hide: expected a list, got 'noise'
      `chart: {x: log-loss}` | s.yaml:3: chart.x: x must be steps or log-steps, got 'log-loss'
      `chart: {guides: [1/k^3]}` | s.yaml:3: chart.guides[0]: unknown guide '1/k^3'; expected one of 1/sqrt(k), 1/k, 1/k^2
      `chart: {anchor: 0}` | s.yaml:3: chart.anchor: anchor must be a step from 1 to 100000, got 0
      `chart: {accelerated: true}\noptimizers: [{type: newton}]` | s.yaml:2: chart: accelerated runs at the first card's learning rate, and newton has none; put a first-order card first
      `chart: {colour: red}` | s.yaml:3: chart.colour: unknown key 'colour'; a chart takes x, y, guides, fstar, anchor and accelerated
      `continuation: {sigma: 2, stages: 6, optimizer: nobody}` | s.yaml:3: continuation.optimizer: no optimizer is labelled 'nobody'; expected one of sgd
      `continuation: {sigma: 0, stages: 6, optimizer: sgd}` | s.yaml:3: continuation.sigma: sigma must be a positive width, got 0
      `continuation: {sigma: 1, stages: 1, optimizer: sgd}` | s.yaml:3: continuation.stages: stages must be between 2 and 100, got 1
      `continuation: {sigma: 1, stages: 3}` | s.yaml:3: continuation: missing 'optimizer'; e.g. {sigma: 2.0, stages: 6, optimizer: "label of a card"}
      `power: {eigenvalues: [1.1, 0.8], angles: [30, 210], x0: [1, 1]}` | s.yaml:3: power.angles: the eigenvectors must point in different directions; angle1 and angle2 differ by a multiple of 180 degrees
      `power: {eigenvalues: [1.1], angles: [30, 120], x0: [1, 1]}` | s.yaml:3: power.eigenvalues: expected 2 numbers, got 1
      `power: {eigenvalues: [1.1, 0.8], angles: [30, 120], x0: [1, 1], steps: 0}` | s.yaml:3: power.steps: steps must be between 1 and 1000, got 0
      `beside: {formula: "x^2 + * y"}` | s.yaml:3: beside.formula: column 7: unexpected '*'; expected a number, x, y, a function or '('
      `beside: rosenbrok` | s.yaml:3: beside: unknown function 'rosenbrok'; expected one of rosenbrock, beale, himmelblau, booth, quadratic, rotated-quadratic, offset-quadratic, normalized-inputs, saddle, monkey-saddle, plateau, cliff, six-hump-camel, rastrigin, coupled
      """)
  void badExtrasNameTheirField(String extra, String message) {
    String yaml = extra.contains("optimizers:")
        ? "function: rosenbrock\n" + extra.replace("\\n", "\n")
        : "function: rosenbrock\noptimizers: [{type: sgd}]\n" + extra;
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioReader.read(yaml, "s.yaml"));
    assertEquals(message, e.getMessage());
  }
}
