package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.descent.function.Vec2;
import org.descent.function.ViewBox;
import org.descent.optim.Averaging;
import org.descent.optim.LearningRateSchedule;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioReaderTest {

  private static final String FULL = """
      # a comment
      title: Ravine
      description: Momentum damps the zig-zag.
      function: {name: quadratic, params: {lambda2: 50}}
      view: {x: [-3, 3], y: [-2, 2]}
      start: [-2.5, 1.5]
      steps: 300
      seed: 4
      noise: 0.1
      optimizers:
        - type: sgd
          lr: 0.03
        - type: momentum
          label: heavy ball
          color: "#FF7F0E"
          lr: 0.01
          momentum: 0.95
          clip: 5
          schedule: {type: exponential, tau: 100, start: 50}
          average: {type: ema, tau: 20}
        - type: cg
          beta: fr
          line_search: exact
        - type: coordinate
          exact: false
          lr: 0.05
          average: polyak
      """;

  @Test
  void readsEveryField() throws ScenarioException {
    Scenario s = ScenarioReader.read(FULL, "full.yaml");
    assertEquals("Ravine", s.title());
    assertEquals("Momentum damps the zig-zag.", s.description());
    assertEquals(new FunctionChoice.Named("quadratic", Map.of("lambda2", 50.0)), s.function());
    assertEquals(new ViewBox(-3, 3, -2, 2), s.view());
    assertEquals(new Vec2(-2.5, 1.5), s.start());
    assertEquals(300, s.steps());
    assertEquals(4, s.seed());
    assertEquals(0.1, s.noise());
    assertEquals(4, s.optimizers().size());
    assertEquals(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 0.03), s.optimizers().get(0));
    OptimizerSpec m = s.optimizers().get(1);
    assertEquals("heavy ball", m.label());
    assertEquals(0.95, m.get(Param.MOMENTUM));
    assertEquals(5, m.clip());
    assertEquals(new LearningRateSchedule.Exponential(100, 50), m.schedule());
    assertEquals(new Averaging.Ema(20), m.averaging());
    assertEquals(List.of("#ff7f0e"), s.colors().subList(1, 2));
    assertNull(s.colors().get(0));
    assertEquals(1.0, s.optimizers().get(2).get(Param.BETA));
    assertEquals(1.0, s.optimizers().get(2).get(Param.LINE_SEARCH));
    assertEquals(0.0, s.optimizers().get(3).get(Param.EXACT));
    assertEquals(new Averaging.Polyak(0), s.optimizers().get(3).averaging());
  }

  @Test
  void writingAndReadingBackGivesTheSameScenario() throws ScenarioException {
    Scenario s = ScenarioReader.read(FULL, "full.yaml");
    String yaml = ScenarioWriter.write(s);
    assertEquals(s, ScenarioReader.read(yaml, "saved.yaml"), yaml);
  }

  @Test
  void formulasAndDefaultsRoundTrip() throws ScenarioException {
    Scenario s = ScenarioReader.read("""
        function: {formula: "x^2 + 3*y^2 - 0.5*x*y"}
        optimizers: [{type: adam, lr: 1e-8}, {type: lbfgs, memory: 3}]
        """, "f.yaml");
    assertEquals(Scenario.DEFAULT_STEPS, s.steps());
    assertNull(s.view());
    assertEquals(1e-8, s.optimizers().get(0).get(Param.LR));
    assertEquals(s, ScenarioReader.read(ScenarioWriter.write(s), "saved.yaml"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `function: rosenbrock\\noptimizers: [{type: sgd, lr: -1}]` | s.yaml:2: optimizers[0].lr: learning rate must be positive, got -1
      `function: rosenbrock\\noptimizers:\\n  - type: sgd\\n  - type: adam\\n    lr: 0` | s.yaml:5: optimizers[1].lr: learning rate must be positive, got 0
      `function: rosenbrok\\noptimizers: [{type: sgd}]` | s.yaml:1: function: unknown function 'rosenbrok'; expected one of rosenbrock, beale, himmelblau, booth, quadratic, rotated-quadratic, offset-quadratic, normalized-inputs, saddle, monkey-saddle, plateau, cliff, six-hump-camel, rastrigin, coupled
      `function: rosenbrock\\noptimizers: [{type: adamax}]` | s.yaml:2: optimizers[0].type: unknown optimizer 'adamax'; expected one of {optimizer keys}
      `function: rosenbrock\\noptimizers: [{type: sgd, momentum: 0.9}]` | s.yaml:2: optimizers[0].momentum: sgd has no hyperparameter momentum; it takes lr
      `function: rosenbrock\\noptimizers: [{type: sgd, learning_rate: 0.1}]` | s.yaml:2: optimizers[0].learning_rate: unknown key 'learning_rate'; expected type, label, color, visible, the hyperparameters of the type, clip, schedule, average or network_lr
      `function: rosenbrock\\nsteps: 10\\nsteps: 20\\noptimizers: [{type: sgd}]` | s.yaml:3: steps: duplicate key 'steps'
      `function: {formula: "x^2 + * y"}\\noptimizers: [{type: sgd}]` | s.yaml:1: function.formula: column 7: unexpected '*'; expected a number, x, y, a function or '('
      `function: rosenbrock\\noptimizers: [{type: newton, clip: 1}]` | s.yaml:2: optimizers[0].clip: clip applies to first-order methods only, not to newton
      `function: rosenbrock\\noptimizers: [{type: sgd, schedule: {type: step, every: 0}}]` | s.yaml:2: optimizers[0].schedule.every: every must be at least 1, got 0
      `function: rosenbrock\\noptimizers: [{type: sgd, schedule: cosine}]` | s.yaml:2: optimizers[0].schedule: unknown schedule 'cosine'; expected constant, exponential, linear, step, warmup, cosine-restarts or one-cycle
      `function: rosenbrock\\noptimizers: [{type: sgd, average: {type: ema}}]` | s.yaml:2: optimizers[0].average: missing 'tau'
      `function: rosenbrock\\noptimizers: [{type: cg, beta: hs}]` | s.yaml:2: optimizers[0].beta: beta must be one of pr, fr, got 'hs'
      `function: rosenbrock\\nstart: [1]\\noptimizers: [{type: sgd}]` | s.yaml:2: start: expected 2 numbers, got 1
      `function: rosenbrock\\nstart: [1, abc]\\noptimizers: [{type: sgd}]` | s.yaml:2: start[1]: expected a number, got 'abc'
      `function: rosenbrock\\nview: {x: [2, -2], y: [0, 1]}\\noptimizers: [{type: sgd}]` | s.yaml:2: view.x: the range must go from low to high, got [2.0, -2.0]
      `function: rosenbrock\\nsteps: 0\\noptimizers: [{type: sgd}]` | s.yaml:2: steps: steps must be between 1 and 100000, got 0
      `function: rosenbrock\\nnoise: -1\\noptimizers: [{type: sgd}]` | s.yaml:2: noise: noise must be zero or a positive standard deviation, got -1
      `function: rosenbrock\\noptimizers: []` | s.yaml:2: optimizers: the list is empty; add at least one optimizer
      `function: rosenbrock` | s.yaml:1: missing 'optimizers'
      `optimizers: [{type: sgd}]\\ncolour: red` | s.yaml:2: colour: unknown key 'colour'; expected one of title, description, topic, function, view, start, steps, seed, noise, trail, camera, budget, optimizers, network, notes, hide, chart, continuation, power, beside, views, questions, network_pictures
      `function: rosenbrock\\noptimizers: [{type: sgd}]\\nnetwork_pictures: [loss]` | s.yaml:3: network_pictures: network_pictures needs a network: section
      `function: rosenbrock\\noptimizers: [{type: sgd}]\\nnetwork: {data: xor}\\nnetwork_pictures: [loss, curvatur]` | s.yaml:4: network_pictures[1]: unknown picture 'curvatur'; the network's pictures are {picture keys}
      `function: rosenbrock\\noptimizers: [{type: sgd}]\\nnetwork: {data: xor}\\nnetwork_pictures: [loss, regions, loss]` | s.yaml:4: network_pictures: network_pictures lists the top picture and the bottom one, e.g. [loss, two-minima]; got 3
      `function: {name: coupled, params: {beta: 1}}\\noptimizers: [{type: sgd}]` | s.yaml:1: function.params.beta: unknown parameter 'beta' of coupled; expected one of alpha
      `function: rosenbrock\\noptimizers: [{lr: 0.1}]` | s.yaml:2: optimizers[0]: missing 'type'; expected one of {optimizer keys}
      `function: rosenbrock\\noptimizers: [{type: sgd, color: red}]` | s.yaml:2: optimizers[0].color: expected a colour as #rrggbb, got 'red'
      `function: rosenbrock\\noptimizers: [{type: sgd}` | s.yaml:2: not valid YAML: expected ',' or ']', but got <stream end> (unclosed '[' opened at line 2)
      `function: !!\\noptimizers: [{type: sgd}]` | s.yaml:1: not valid YAML: expected URI, but found \\n(10) (while scanning a tag at line 1)
      `function: [rosenbrock\\n  optimizers: x:` | s.yaml:2: not valid YAML: expected ',' or ']', but got : (unclosed '[' opened at line 1)
      `` | s.yaml: the file is empty; a scenario needs at least 'function' and 'optimizers'
      `- a\\n- b` | s.yaml:1: expected a mapping of keys to values, got a list
      """)
  void badInputNamesTheFileLineAndField(String yaml, String message) {
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioReader.read(yaml.replace("\\n", "\n"), "s.yaml"));
    // The list of types is the table's (sgd, momentum, ..., coordinate): a new row joins it.
    assertEquals(message.replace("{optimizer keys}", OptimizerType.keys())
        .replace("{picture keys}", org.descent.network.NetworkPicture.keys()), e.getMessage());
  }
}
