package org.descent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reading a scenario never runs code: the YAML is composed into nodes only (never constructed
 * into Java objects), and a tag that names a type is refused with its field, so nothing in a
 * file can instantiate a class, open a connection or read another file.
 */
class ScenarioSafetyTest {

  private static final String REST = "optimizers: [{type: sgd}]\n";

  static ScenarioException refused(String yaml) {
    return assertThrows(ScenarioException.class, () -> ScenarioReader.read(yaml, "evil.yaml"));
  }

  @Test
  void theClassicScriptEngineGadgetIsRefusedAtItsField() {
    ScenarioException e = refused("function: !!javax.script.ScriptEngineManager "
        + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/x.jar\"]]]]\n"
        + REST);
    assertEquals("evil.yaml:1: function: the tag !!javax.script.ScriptEngineManager is not "
        + "allowed; a scenario holds plain values (numbers, text, lists and mappings)",
        e.getMessage());
  }

  @Test
  void typeTagsAnywhereAreRefused() {
    String[] cases = {
        "--- !!javax.script.ScriptEngineManager\nfunction: himmelblau\n" + REST,
        "function: himmelblau\nsteps: !!java.lang.Integer 5\n" + REST,
        "function: himmelblau\ntitle: !local thing\n" + REST,
        "function: himmelblau\ntitle: !!binary aGVsbG8=\n" + REST,
        "function: himmelblau\noptimizers: [!!java.io.FileInputStream [\"/etc/passwd\"]]\n",
        "function: {formula: !!java.lang.ProcessBuilder [\"sh\", \"-c\", \"touch /tmp/x\"]}\n"
            + REST,
        "function: himmelblau\nview: !!set {x: [-1, 1], y: [-1, 1]}\n" + REST,
        "function: himmelblau\n" + "optimizers: [{type: sgd, lr: !!java.lang.Double 0.1}]\n"};
    String[] fields = {"", "steps", "title", "title", "optimizers[0]", "function.formula",
        "view", "optimizers[0].lr"};
    for (int i = 0; i < cases.length; i++) {
      ScenarioException e = refused(cases[i]);
      assertTrue(e.problem().contains("is not allowed"), e.getMessage());
      assertEquals(fields[i], e.field(), e.getMessage());
      assertTrue(e.line() >= 1);
    }
  }

  @Test
  void snakeYamlIsNeverAskedToConstructObjects() {
    var classes = new com.tngtech.archunit.core.importer.ClassFileImporter()
        .importPackages("org.descent");
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
            com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                "load.*"))
            .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                        org.yaml.snakeyaml.Yaml.class)))))
        .because("a scenario is composed into nodes only: construction could instantiate "
            + "classes named by tags")
        .check(classes);
  }

  @Test
  void plainYamlTagsStillRead() throws ScenarioException {
    Scenario s = ScenarioReader.read("function: !!str himmelblau\nsteps: !!int 7\n"
        + "base: &b {type: sgd, lr: 0.1}\n".replace("base: &b {type: sgd, lr: 0.1}\n", "")
        + "optimizers: [{type: !!str momentum, lr: !!float 0.01}]\n", "ok.yaml");
    assertEquals(7, s.steps());
    assertEquals(0.01, s.optimizers().get(0).get(org.descent.optim.Param.LR));
  }

  @Test
  void namesThatLookLikePathsAreJustText() throws ScenarioException {
    Scenario s = ScenarioReader.read("title: /etc/passwd\nfunction: himmelblau\n" + REST,
        "ok.yaml");
    assertEquals("/etc/passwd", s.title());
    ScenarioException e = refused("function: {formula: \"file:///etc/passwd\"}\n" + REST);
    assertEquals("function.formula", e.field());
    e = refused("function: /etc/passwd\n" + REST);
    assertTrue(e.getMessage().contains("unknown function"), e.getMessage());
  }
}
