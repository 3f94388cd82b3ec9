package org.descent.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.descent.function.Formula;
import org.descent.function.Vec2;
import org.descent.optim.OptimizerSpec;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import org.descent.trace.Trace;
import org.descent.trace.TraceRunner;
import org.junit.jupiter.api.Test;

/**
 * Each rule's decision on small runs whose numbers are known in closed form: gradient descent
 * on f = x² + y² from (1, 1) multiplies the error by 1 − 2ε per step, so f_k = 2 (1 − 2ε)^{2k}.
 * ε = 0.25 halves it (f − f* < 0.001 first at step 6), ε = 0.1 takes 0.8 (step 18), ε = 1
 * bounces between ±1 for ever (f = 2), ε = 1.2 grows by 1.4 and blows up (f > 2 + 1000 · 2)
 * at step 11. √(1 − x) + y² stepped past x = 1 has no finite loss: a divergence.
 */
class RuleTest {

  private static final int STEPS = 20;

  private static Trace gd(double lr) throws Exception {
    return TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, lr).withLabel("lr "
        + lr), Formula.parse("x^2 + y^2").objective(), new double[] {1, 1}, STEPS, 0, 0);
  }

  /** Steps from (0, 0) to x = 2, where √(1 − x) is not a number. */
  private static Trace nonFinite() throws Exception {
    return TraceRunner.run(OptimizerSpec.of(OptimizerType.SGD, Param.LR, 4.0),
        Formula.parse("sqrt(1 - x) + y^2").objective(), new double[] {0, 0}, STEPS, 0, 0);
  }

  private static Runs runs(Trace... traces) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < traces.length; i++) {
      labels.add(traces[i] == null ? "gone" : "card " + (char) ('A' + i));
    }
    return new Runs(labels, Arrays.asList(traces), 0, STEPS);
  }

  private static Question cards(Rule rule, int n) {
    List<Choice> cs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cs.add(Choice.card("card " + (char) ('A' + i), i));
    }
    return new Question("which?", 0, cs, rule, null);
  }

  @Test
  void theClosedFormsHold() throws Exception {
    Runs r = runs(gd(0.1), gd(0.25), gd(1.2));
    assertEquals(OptionalInt.of(18), r.firstBelow(r.trace(0), 1e-3));
    assertEquals(OptionalInt.of(6), r.firstBelow(r.trace(1), 1e-3));
    assertEquals(OptionalInt.of(11), Runs.blowUp(r.trace(2)));
    assertEquals(OptionalInt.empty(), Runs.blowUp(gd(1.0)));
    assertEquals(OptionalInt.of(1), Runs.blowUp(nonFinite()));
  }

  @Test
  void firstBelowIsTheEarliestCardAndSaysWhenEachGotThere() throws Exception {
    Runs r = runs(gd(0.1), gd(0.25), gd(1.0));
    Verdict v = cards(new Rule.FirstBelow(1e-3), 3).decide(r);
    assertEquals(Set.of(1), v.right());
    assertEquals(6, v.step());
    assertEquals("card B reached f − f* < 0.001 at step 6 · card A at step 18 · card C not in "
        + "20 steps", v.reason());
    assertTrue(v.isRight(new Pick.Chosen(1)));
    assertFalse(v.isRight(new Pick.Chosen(0)));
    assertFalse(v.isRight(new Pick.Skipped()));
  }

  @Test
  void firstBelowSharesATieAndDecidesAtTheEndWhenNoCardGetsThere() throws Exception {
    Runs tie = runs(gd(0.25), gd(0.25));
    assertEquals(Set.of(0, 1), cards(new Rule.FirstBelow(1e-3), 2).decide(tie).right());
    Verdict none = cards(new Rule.FirstBelow(1e-30), 2).decide(runs(gd(0.1), gd(0.25)));
    assertEquals(Set.of(), none.right());
    assertEquals(STEPS, none.step());
    assertEquals("none of them reached f − f* < 1e−30 in 20 steps", none.reason());
  }

  @Test
  void firstToDivergeIsTheCardThatBlowsUpFirst() throws Exception {
    Verdict v = cards(new Rule.FirstToDiverge(), 3).decide(runs(gd(0.1), gd(1.2), gd(1.0)));
    assertEquals(Set.of(1), v.right());
    assertEquals(11, v.step());
    Trace t = gd(1.2);
    assertEquals("card B blew up at step 11: f rose from 2 to "
        + Text.number(t.loss(11)) + " · card A did not blow up in 20 steps · card C did not "
        + "blow up in 20 steps", v.reason());
  }

  @Test
  void divergesIsYesAtTheStepItBlowsUpAndNoAtTheEnd() throws Exception {
    Question q = new Question("does it?", 0, List.of(Choice.plain("yes"), Choice.plain("no")),
        new Rule.Diverges(0), null);
    Verdict bounce = q.decide(runs(gd(1.0)));
    assertEquals(Set.of(1), bounce.right());
    assertEquals(STEPS, bounce.step());
    assertEquals("card A did not blow up in 20 steps: f went from 2 to 2", bounce.reason());
    Verdict nan = q.decide(runs(nonFinite()));
    assertEquals(Set.of(0), nan.right());
    assertEquals(1, nan.step());
    assertEquals("card A diverged at step 1 (the loss is not finite)", nan.reason());
  }

  @Test
  void lowestAtEndRanksTheFinalGapsAndPutsADivergedRunLast() throws Exception {
    Verdict v = cards(new Rule.LowestAtEnd(), 3).decide(runs(gd(0.1), gd(0.25), nonFinite()));
    assertEquals(Set.of(1), v.right());
    assertEquals(STEPS, v.step());
    assertEquals("f − f* at the end — card B: " + Text.number(gd(0.25).finalLoss())
        + " · card A: " + Text.number(gd(0.1).finalLoss()) + " · card C: diverged at step 1",
        v.reason());
  }

  @Test
  void endsNearestIsThePointNearestTheRunsLastIterate() throws Exception {
    Question q = new Question("where?", 0, List.of(Choice.point("far (1, 1)", new Vec2(1, 1)),
        Choice.point("the minimum (0, 0)", new Vec2(0, 0))), new Rule.EndsNearest(0), null);
    Verdict v = q.decide(runs(gd(0.25)));
    assertEquals(Set.of(1), v.right());
    assertTrue(v.reason().startsWith("card A ended at ("), v.reason());
    assertTrue(v.reason().endsWith("nearest to the minimum (0, 0)"), v.reason());
    Verdict nowhere = q.decide(runs(nonFinite()));
    assertEquals(Set.of(), nowhere.right());
    assertEquals("card A diverged at step 1: it ends nowhere", nowhere.reason());
  }

  @Test
  void stepBelowIsANumberRightWithinItsTolerance() throws Exception {
    Question q = new Question("when?", 0, List.of(), new Rule.StepBelow(0, 1e-3, 2), null);
    Verdict v = q.decide(runs(gd(0.1)));
    assertEquals(18, v.value());
    assertEquals(18, v.step());
    assertEquals("card A reached f − f* < 0.001 at step 18 (a guess within 2 steps is right)",
        v.reason());
    assertTrue(v.isRight(new Pick.Number(16)));
    assertTrue(v.isRight(new Pick.Number(20)));
    assertFalse(v.isRight(new Pick.Number(21)));
    assertFalse(v.isRight(new Pick.Skipped()));
    Verdict never = q.decide(runs(gd(1.0)));
    assertEquals(Double.NaN, never.value());
    assertEquals(STEPS, never.step());
    assertFalse(never.isRight(new Pick.Number(20)));
    assertEquals("card A did not reach f − f* < 0.001 in 20 steps", never.reason());
  }

  @Test
  void aCardNoLongerInTheRaceDecidesNothing() throws Exception {
    Verdict v = cards(new Rule.FirstBelow(1e-3), 2).decide(runs(gd(0.1), null));
    assertEquals(Set.of(), v.right());
    assertEquals("the card this question is about is no longer in the race", v.reason());
  }

  @Test
  void withoutAKnownMinimumTheGapRulesDecideNothing() throws Exception {
    Runs r = new Runs(List.of("a", "b"), List.of(gd(0.1), gd(0.25)), Double.NaN, STEPS);
    assertEquals(Set.of(), cards(new Rule.FirstBelow(1e-3), 2).decide(r).right());
  }

  @Test
  void aQuestionsChoicesMustFitItsRule() {
    assertThrows(() -> new Question("q", 0, List.of(Choice.plain("a"), Choice.plain("b")),
        new Rule.LowestAtEnd(), null));
    assertThrows(() -> new Question("q", 0, List.of(Choice.card("a", 0)),
        new Rule.LowestAtEnd(), null));
    assertThrows(() -> new Question("q", 0, List.of(Choice.card("a", 0), Choice.card("b", 1)),
        new Rule.StepBelow(0, 1, 1), null));
    assertThrows(() -> new Question("q", -1, List.of(), new Rule.StepBelow(0, 1, 1), null));
    assertThrows(() -> new Question("q", 0, List.of(), new Rule.StepBelow(0, 1, 1),
        new Pick.Chosen(0)));
  }

  @Test
  void remappingFollowsMovedCardsAndDropsAQuestionAboutARemovedOne() {
    Question q = new Question("q", 3, List.of(Choice.card("a", 0), Choice.card("b", 1)),
        new Rule.FirstBelow(1), new Pick.Chosen(1));
    assertEquals(List.of(Choice.card("a", 1), Choice.card("b", 0)),
        q.remapCards(new int[] {1, 0}).orElseThrow().choices());
    assertTrue(q.remapCards(new int[] {0, -1}).isEmpty());
    Question one = new Question("q", 0, List.of(), new Rule.StepBelow(1, 1, 1), null);
    assertEquals(new Rule.StepBelow(0, 1, 1), one.remapCards(new int[] {-1, 0}).orElseThrow()
        .rule());
  }

  private static void assertThrows(org.junit.jupiter.api.function.Executable e) {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
  }
}
