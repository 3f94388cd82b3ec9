package org.descent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependencies point one way, from the pure core out to the screen (DESIGN.md). */
class ArchitectureTest {

  private static final JavaClasses ALL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.descent");

  @Test
  void onlyTheAppImportsJavaFx() {
    noClasses().that().resideOutsideOfPackage("org.descent.app..")
        .should().dependOnClassesThat().resideInAPackage("javafx..")
        .check(ALL);
  }

  @Test
  void theCoreKnowsNothingOfTheAppOrTheCommandLine() {
    noClasses().that().resideInAnyPackage("org.descent.function..", "org.descent.optim..",
            "org.descent.trace..", "org.descent.scenario..", "org.descent.analysis..",
            "org.descent.network..", "org.descent.training..",
            "org.descent.render..", "org.descent.picture..", "org.descent.export..",
            "org.descent.io..", "org.descent.lesson..")
        .should().dependOnClassesThat().resideInAnyPackage("org.descent.app..",
            "org.descent.cli..")
        .check(ALL);
  }

  @Test
  void picturesNeedNoDisplay() {
    // Java2D draws headless (export runs without a display); windows and Swing do not.
    noClasses().that().resideInAPackage("org.descent.picture..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.awt.Window")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.awt.Frame")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.awt.Toolkit")
        .check(ALL);
  }

  @Test
  void functionsDependOnNothingAbove() {
    noClasses().that().resideInAPackage("org.descent.function..")
        .should().dependOnClassesThat().resideInAnyPackage("org.descent.optim..",
            "org.descent.trace..", "org.descent.scenario..", "org.descent.analysis..",
            "org.descent.render..", "org.descent.export..")
        .check(ALL);
  }

  @Test
  void optimizersDependOnlyOnFunctions() {
    noClasses().that().resideInAPackage("org.descent.optim..")
        .should().dependOnClassesThat().resideInAnyPackage("org.descent.trace..",
            "org.descent.scenario..", "org.descent.analysis..", "org.descent.render..",
            "org.descent.export..")
        .check(ALL);
  }

  @Test
  void theNetworkKnowsOnlyFunctionsAndOptimizers() {
    noClasses().that().resideInAPackage("org.descent.network..")
        .should().dependOnClassesThat().resideInAnyPackage("org.descent.training..",
            "org.descent.trace..", "org.descent.scenario..", "org.descent.analysis..",
            "org.descent.render..", "org.descent.picture..", "org.descent.export..")
        .check(ALL);
  }

  @Test
  void trainingKnowsNothingOfScenariosOrPictures() {
    noClasses().that().resideInAPackage("org.descent.training..")
        .should().dependOnClassesThat().resideInAnyPackage("org.descent.scenario..",
            "org.descent.render..", "org.descent.picture..", "org.descent.export..")
        .check(ALL);
  }

  @Test
  void tracesDoNotKnowScenariosOrPictures() {
    noClasses().that().resideInAPackage("org.descent.trace..")
        .should().dependOnClassesThat().resideInAnyPackage("org.descent.scenario..",
            "org.descent.render..", "org.descent.export..")
        .check(ALL);
  }

  /**
   * The rules of "predict, then reveal" decide from traces alone: scenario files read into
   * them, pictures never decide.
   */
  @Test
  void lessonsDecideFromTracesAlone() {
    noClasses().that().resideInAPackage("org.descent.lesson..")
        .should().dependOnClassesThat().resideInAnyPackage("org.descent.scenario..",
            "org.descent.picture..", "org.descent.render..", "org.descent.export..",
            "org.descent.training..", "org.descent.network..")
        .check(ALL);
  }

  /** The app's views, a package each; they share the model, never each other. */
  private static final String[] VIEWS = {"analysis", "charts", "demos", "export", "landscape",
      "network", "race"};

  @Test
  void noViewDependsOnAnotherView() {
    for (String view : VIEWS) {
      String[] others = java.util.Arrays.stream(VIEWS).filter(v -> !v.equals(view))
          .map(v -> "org.descent.app." + v + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("org.descent.app." + view + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .because("views observe the model and change it only through it")
          .check(ALL);
    }
  }

  @Test
  void onlyAppThreadsStartsThreads() {
    com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaCall<?>>
        startsWork = new com.tngtech.archunit.base.DescribedPredicate<>(
            "create a thread, an executor or a service that owns threads") {
          @Override
          public boolean test(com.tngtech.archunit.core.domain.JavaCall<?> call) {
            var owner = call.getTargetOwner();
            boolean constructor = call.getName().equals("<init>");
            return constructor && owner.isAssignableTo(Thread.class)
                || constructor && owner.isAssignableTo(java.util.concurrent.ExecutorService.class)
                || owner.isEquivalentTo(java.util.concurrent.Executors.class)
                || owner.isEquivalentTo(java.util.concurrent.ForkJoinPool.class)
                || owner.isEquivalentTo(java.util.concurrent.CompletableFuture.class)
                    && call.getName().endsWith("Async")
                || constructor && owner.isEquivalentTo(org.descent.analysis.Workers.class)
                || constructor && owner.isEquivalentTo(
                    org.descent.training.TrainingService.class);
          }
        };
    noClasses().that().resideInAPackage("org.descent.app..")
        .and().haveNameNotMatching("org\\.descent\\.app\\.model\\.AppThreads(\\$.*)?")
        .should().callCodeUnitWhere(startsWork)
        .because("the app's threads are created, named and shut down in one place")
        .check(ALL);
  }

  @Test
  void eachAnalysisIsAClassOfItsOwnInTheAnalysisPackage() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that().implement("org.descent.app.analysis.Analysis")
        .should().resideInAPackage("org.descent.app.analysis")
        .andShould().beTopLevelClasses()
        .check(ALL);
  }
}
