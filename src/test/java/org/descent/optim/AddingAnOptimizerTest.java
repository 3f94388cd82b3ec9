package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.descent.cli.Cli;
import org.descent.function.Objective;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import org.descent.scenario.ScenarioWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scilab.forge.jlatexmath.TeXFormula;

/**
 * Adding an optimizer takes one class and one row of {@link OptimizerType}: nothing else in
 * Descent has to be edited for it to be created, read and written in scenario files, listed on
 * the command line, offered in the app's Add menu, typeset on its card and run through the
 * shared optimizer tests (docs/architecture.md).
 *
 * <p>Each check below runs for every row of the table, so a new row is checked as soon as it
 * exists. What cannot be checked from here is said in the architecture page: a new
 * <em>hyperparameter</em> is a row of {@link Param} with its own validation case, and the app's
 * Add menu is built from {@code OptimizerType.values()} (the no-switch check below is what
 * guarantees that no view or command needs a case for the new row).
 */
class AddingAnOptimizerTest {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  /** The field javac writes for every switch over the enum (in a synthetic class Outer$1). */
  private static final String SWITCH_MAP = "$SwitchMap$org$descent$optim$OptimizerType";

  // --- The row itself --------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void theRowIsComplete(OptimizerType type) {
    assertTrue(KEY.matcher(type.key()).matches(), "file key '" + type.key() + "'");
    assertSame(type, OptimizerType.byKey(type.key()).orElseThrow());
    assertFalse(type.displayName().isBlank());
    assertFalse(type.rule().isEmpty(), type + " has no update rule");
    for (String line : type.rule()) {
      assertFalse(line.isBlank(), type + " has a blank line in its rule");
    }
    for (Param p : type.params()) {
      assertEquals(List.of(), p.problem(type.defaultValue(p)).stream().toList(),
          type + ": the default of " + p.key() + " is invalid");
    }
    assertTrue(Arrays.asList(OptimizerType.keys().split(", ")).contains(type.key()));
  }

  @Test
  void keysAndNamesAreUnique() {
    Set<String> keys = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (OptimizerType t : OptimizerType.values()) {
      assertTrue(keys.add(t.key()), "two rows with the key " + t.key());
      assertTrue(names.add(t.displayName()), "two rows named " + t.displayName());
    }
  }

  // --- Its class ---------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void theRowMakesARunOfItsOwnClass(OptimizerType type) {
    OptimizerSpec spec = OptimizerSpec.of(type);
    Optimizer run = spec.create();
    assertSame(spec, run.spec());
    assertNotSame(run, spec.create(), "every create() is a fresh run with its own state");
    double[] theta = {-1.2, 1};
    Objective f = Landscapes.catalogue("rosenbrock");
    for (int k = 0; k < 3; k++) {
      run.step(theta, f);
    }
    assertTrue(Double.isFinite(theta[0]) && Double.isFinite(theta[1]), type + " stepped to "
        + Arrays.toString(theta));
  }

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void aConfigurationOfAnotherTypeIsRefused(OptimizerType type) {
    OptimizerType other = OptimizerType.values()[(type.ordinal() + 1)
        % OptimizerType.values().length];
    assertThrows(IllegalArgumentException.class, () -> type.create(OptimizerSpec.of(other)));
  }

  /**
   * The flag that lets a row take {@code clip} and {@code schedule} must be true exactly for the
   * classes that apply them: the subclasses of {@link FirstOrderOptimizer}, which read the
   * learning rate of the schedule at every step and offer the clipped gradient.
   */
  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void firstOrderRowsAreRunByFirstOrderClasses(OptimizerType type) {
    assertEquals(type.firstOrder(), OptimizerSpec.of(type).create() instanceof FirstOrderOptimizer,
        type + ": firstOrder() must say whether its class applies clipping and schedules");
  }

  /**
   * ... and their steps follow the schedule. An exact minimization along a coordinate has no
   * learning rate to schedule, so a boolean hyperparameter (coordinate descent's {@code exact})
   * is switched off here; docs/scenarios.md says so. Clipping cannot be checked the same way
   * for every method: it rescales the gradient, and a method that only reads the gradient's
   * direction or its ratio to its own history (sign descent; Adam's and AdaGrad's first step)
   * may rightly take the same step with or without it. That the class reads the clipped
   * gradient ({@code FirstOrderOptimizer.gradient}, not {@code f.gradient}) is the author's
   * part.
   */
  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void firstOrderRowsFollowTheSchedule(OptimizerType type) {
    assumeTrue(type.firstOrder());
    OptimizerSpec plain = OptimizerSpec.of(type);
    for (Param p : type.params()) {
      if (p.kind() == Param.Kind.BOOLEAN) {
        plain = plain.with(p, 0);
      }
    }
    plain = plain.with(Param.LR, 0.01);
    double[] constant = threeSteps(plain);
    double[] scheduled = threeSteps(plain.withSchedule(new LearningRateSchedule.Step(1, 1e-3)));
    assertFalse(Arrays.equals(constant, scheduled), type + " ignores its schedule");
  }

  private static double[] threeSteps(OptimizerSpec spec) {
    Objective f = Landscapes.catalogue("quadratic");
    double[] theta = {-2.8, 1.2};
    Optimizer run = spec.create();
    for (int k = 0; k < 3; k++) {
      run.step(theta, f);
    }
    return theta;
  }

  // --- Scenario files and the command line -------------------------------------------------

  /** A file that names the type and writes out every one of its hyperparameters. */
  private static String scenarioNaming(OptimizerType type) {
    StringBuilder yaml = new StringBuilder("function: rosenbrock\nsteps: 5\noptimizers:\n");
    yaml.append("  - type: ").append(type.key()).append('\n');
    for (Param p : type.params()) {
      yaml.append("    ").append(p.key()).append(": ").append(p.format(type.defaultValue(p)))
          .append('\n');
    }
    return yaml.toString();
  }

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void scenarioFilesReadAndWriteItByItsKey(OptimizerType type) throws ScenarioException {
    Scenario read = ScenarioReader.read(scenarioNaming(type), "new.yaml");
    OptimizerSpec spec = read.optimizers().get(0);
    assertSame(type, spec.type());
    assertEquals(OptimizerSpec.of(type).values(), spec.values());
    String written = ScenarioWriter.write(read);
    assertTrue(written.contains("type: " + type.key()), written);
    assertEquals(read.optimizers(), ScenarioReader.read(written, "written.yaml").optimizers());
  }

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void aWrongTypeNameListsItAmongTheChoices(OptimizerType type) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(
        "function: rosenbrock\noptimizers:\n  - type: no-such-method\n", "bad.yaml"));
    assertTrue(e.getMessage().contains(type.key()), e.getMessage());
  }

  @Test
  void theListCommandShowsEveryRow() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(Cli.OK, Cli.run(new String[] {"list"}, new PrintWriter(out),
        new PrintWriter(err)));
    for (OptimizerType t : OptimizerType.values()) {
      assertTrue(out.toString().contains(t.key()), "list does not show " + t.key());
      assertTrue(out.toString().contains(t.displayName()), "list does not show "
          + t.displayName());
    }
  }

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void theTraceCommandRunsIt(OptimizerType type, @org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("new.yaml");
    java.nio.file.Files.writeString(file, scenarioNaming(type));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(Cli.OK, Cli.run(new String[] {"trace", file.toString()}, new PrintWriter(out),
        new PrintWriter(err)), err.toString());
    assertEquals(1 + 6, out.toString().lines().count(), "a header and steps 0 to 5");
  }

  // --- Its card ------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void itsCardTypesetsTheRuleOfItsRow(OptimizerType type) {
    assertSame(type.rule(), UpdateRule.lines(type));
    String tex = UpdateRule.latex(OptimizerSpec.of(type));
    assertDoesNotThrow(() -> new TeXFormula(tex), tex);
    assertDoesNotThrow(() -> new TeXFormula(UpdateRule.latex(type)));
  }

  // --- Nothing else names the rows ----------------------------------------------------------

  /**
   * A {@code switch} over the table anywhere in Descent would need a new case for a new row
   * (or, with a default, silently do the wrong thing for it). javac compiles every switch over
   * an enum into a synthetic field named after the enum, so none may exist in the main code.
   */
  @Test
  void noSwitchOverTheTableOutsideIt() {
    JavaClasses main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.descent");
    assertEquals(Set.of(), switchesOverTheTable(main),
        "these classes switch over OptimizerType: a new row would need a case in each");
  }

  /** The check above can see a switch: EveryOptimizerTest has one (its quadratic tuning). */
  @Test
  void theSwitchDetectorFindsASwitch() {
    JavaClasses tests = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
        .importPackages("org.descent.optim");
    assertTrue(switchesOverTheTable(tests).stream()
        .anyMatch(name -> name.startsWith(EveryOptimizerTest.class.getName())),
        switchesOverTheTable(tests).toString());
  }

  private static Set<String> switchesOverTheTable(JavaClasses classes) {
    Set<String> found = new TreeSet<>();
    for (JavaClass c : classes) {
      if (c.getFields().stream().anyMatch(f -> f.getName().equals(SWITCH_MAP))) {
        found.add(c.getName());
      }
    }
    return found;
  }

  // --- The shared optimizer tests cover every row -------------------------------------------

  /**
   * The behaviour every algorithm must show (it reduces a quadratic's loss, makes progress on
   * Rosenbrock, stays put at a minimum, is reproducible bit for bit, takes new hyperparameters
   * mid-run) and the typesetting of its rule are parameterized over the whole table, not over
   * a list of names; a row without tuned hyperparameters runs them with its defaults.
   */
  @Test
  void theSharedTestsRunForEveryRow() {
    Set<String> everyRow = new TreeSet<>();
    for (Class<?> suite : List.of(EveryOptimizerTest.class, UpdateRuleTest.class)) {
      for (Method m : suite.getDeclaredMethods()) {
        EnumSource source = m.getAnnotation(EnumSource.class);
        if (source != null && source.value() == OptimizerType.class
            && source.names().length == 0 && source.mode() == EnumSource.Mode.INCLUDE) {
          everyRow.add(suite.getSimpleName() + "." + m.getName());
        }
      }
    }
    assertEquals(new TreeSet<>(List.of(
        "EveryOptimizerTest.hyperparametersCanBeSwappedMidRun",
        "EveryOptimizerTest.makesProgressOnRosenbrock",
        "EveryOptimizerTest.reducesTheLossOfAQuadratic",
        "EveryOptimizerTest.sameSeedGivesTheSameTraceBitForBit",
        "EveryOptimizerTest.staysAtTheMinimumWithoutProducingNaN",
        "UpdateRuleTest.everyRuleTypesetsWithItsValues")), everyRow);
  }

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void itsDefaultsAreAValidConfiguration(OptimizerType type) {
    OptimizerSpec spec = OptimizerSpec.of(type);
    assertEquals(Set.copyOf(type.params()), spec.values().keySet());
    assertEquals(type.key(), spec.label());
  }
}
