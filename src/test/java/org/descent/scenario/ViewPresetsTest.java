package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.descent.function.ViewBox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A demo's named views ({@code views:}, keys 1 to 9): read in order, saved and read back, and
 * every mistake reported with the file, the line and the field, as {@code view} is.
 */
class ViewPresetsTest {

  private static final String SADDLE = """
      function: saddle
      view: {x: [-2, 2], y: [-2, 2]}
      views:
        - {name: the saddle, x: [-0.5, 0.5], y: [-0.5, 0.5]}
        - name: where it escapes
          x: [0, 2]
          y: [-2, 0]
      start: [1, 0.001]
      optimizers: [{type: sgd, lr: 0.1}]
      """;

  @Test
  void namedViewsAreReadInTheirOrder() throws ScenarioException {
    Scenario s = ScenarioReader.read(SADDLE, "s.yaml");
    assertEquals(List.of(new ViewPreset("the saddle", new ViewBox(-0.5, 0.5, -0.5, 0.5)),
        new ViewPreset("where it escapes", new ViewBox(0, 2, -2, 0))), s.views());
  }

  @Test
  void aDemoWithoutViewsHasNone() throws ScenarioException {
    Scenario s = ScenarioReader.read("function: saddle\nstart: [1, 0.1]\n"
        + "optimizers: [{type: sgd}]\n", "s.yaml");
    assertTrue(s.views().isEmpty());
    assertTrue(!ScenarioWriter.write(s).contains("views"));
  }

  @Test
  void namedViewsAreSavedAndReadBack() throws ScenarioException {
    Scenario s = ScenarioReader.read(SADDLE, "s.yaml");
    String yaml = ScenarioWriter.write(s);
    assertTrue(yaml.contains("- {name: the saddle, x: [-0.5, 0.5], y: [-0.5, 0.5]}"), yaml);
    assertEquals(s, ScenarioReader.read(yaml, "saved.yaml"), yaml);
  }

  @Test
  void theOtherCopiesOfAScenarioKeepItsViews() throws ScenarioException {
    Scenario s = ScenarioReader.read(SADDLE, "s.yaml");
    assertEquals(s.views(), s.withView(new ViewBox(0, 1, 0, 1)).views());
    assertEquals(s.views(), s.withBudget(100).views());
    assertEquals(s.views(), s.withNetwork(null, null).views());
    assertEquals(s.views(), s.withExtras("notes", s.hide(), null, null, null, null).views());
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `views: {name: a, x: [0, 1], y: [0, 1]}` | s.yaml:3: views: expected a list, got a mapping
      `views: []` | s.yaml:3: views: the list is empty; name at least one view, e.g. [{name: the minimum, x: [0.5, 1.5], y: [0.5, 1.5]}], or leave views out
      `views:\\n  - {x: [0, 1], y: [0, 1]}` | s.yaml:4: views[0]: missing 'name'; e.g. {name: the saddle, x: [-1, 1], y: [-1, 1]}
      `views:\\n  - {name: a, x: [0, 1]}` | s.yaml:4: views[0]: expected x and y ranges, e.g. {x: [-2, 2], y: [-1, 3]}
      `views:\\n  - {name: a, x: [1, 0], y: [0, 1]}` | s.yaml:4: views[0].x: the range must go from low to high, got [1.0, 0.0]
      `views:\\n  - {name: a, x: [0, 1], y: [0]}` | s.yaml:4: views[0].y: expected 2 numbers, got 1
      `views:\\n  - {name: a, x: [0, 1], y: [0, 1]}\\n  - {name: b, x: [0, 1], y: [0, abc]}` | s.yaml:5: views[1].y[1]: expected a number, got 'abc'
      `views:\\n  - {name: a, x: [0, 1], y: [0, 1], zoom: 2}` | s.yaml:4: views[0].zoom: unknown key 'zoom'; a view takes name, x and y, e.g. {name: the saddle, x: [-1, 1], y: [-1, 1]}
      `views:\\n  - {name: a, x: [0, 1], y: [0, 1]}\\n  - {name: a, x: [0, 2], y: [0, 2]}` | s.yaml:5: views[1].name: the name 'a' is given twice
      `views:\\n  - {name: '  ', x: [0, 1], y: [0, 1]}` | s.yaml:4: views[0].name: the name is empty; the View menu and the help show it
      `views:\\n  - {name: a, x: [0, 1], y: [0, 1], name: b}` | s.yaml:4: views[0].name: duplicate key 'name'
      """)
  void badViewsNameTheFileLineAndField(String views, String message) {
    String yaml = "function: saddle\nstart: [1, 0.1]\n" + views.replace("\\n", "\n")
        + "\noptimizers: [{type: sgd}]\n";
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioReader.read(yaml, "s.yaml"));
    assertEquals(message, e.getMessage());
  }

  @Test
  void atMostNineViewsOneForEachKey() {
    StringBuilder yaml = new StringBuilder("function: saddle\nstart: [1, 0.1]\nviews:\n");
    for (int i = 0; i < 10; i++) {
      yaml.append("  - {name: v").append(i).append(", x: [0, 1], y: [0, 1]}\n");
    }
    yaml.append("optimizers: [{type: sgd}]\n");
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioReader.read(yaml.toString(), "s.yaml"));
    assertEquals("s.yaml:4: views: too many views: 10; at most 9, one per key from 1 to 9",
        e.getMessage());
  }

  @Test
  void aLongNameIsRefused() {
    String yaml = "function: saddle\nstart: [1, 0.1]\nviews:\n  - {name: " + "n".repeat(61)
        + ", x: [0, 1], y: [0, 1]}\noptimizers: [{type: sgd}]\n";
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> ScenarioReader.read(yaml, "s.yaml"));
    assertEquals("s.yaml:4: views[0].name: too long: 61 characters; at most 60", e.getMessage());
  }

  @Test
  void builtInDemosNameTheViewsTheyTeachWith() throws ScenarioException {
    java.util.Map<String, List<String>> named = new java.util.TreeMap<>();
    for (BuiltInScenarios.Demo d : BuiltInScenarios.inLectureOrder()) {
      Scenario s = BuiltInScenarios.read(d.file());
      if (!s.views().isEmpty()) {
        named.put(d.file(), s.views().stream().map(ViewPreset::name).toList());
      }
    }
    assertTrue(named.size() >= 5, named.toString());
    assertEquals(List.of("the saddle, where gradient descent lingers",
        "the approach, a hair off the x axis"), named.get("saddle-escape.yaml"));
    // A view named after a point shows it: Rosenbrock's minimum is in its view.
    ViewBox minimum = BuiltInScenarios.read("rosenbrock-race.yaml").views().get(2).view();
    assertTrue(minimum.contains(1, 1), minimum.toString());
  }
}
