package org.descent.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.descent.function.Catalogue;
import org.descent.function.Formula;
import org.descent.function.FormulaException;
import org.descent.function.FormulaObjective;
import org.descent.function.ViewBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ScalarGridTest {

  private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

  @AfterAll
  static void stopPool() {
    POOL.shutdownNow();
  }

  static FormulaObjective formula(String text) {
    try {
      return Formula.parse(text).objective();
    } catch (FormulaException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void nodesSitOnTheDocumentedCoordinatesWithRowZeroAtTheTop() {
    ScalarGrid g = ScalarGrid.sample(formula("x + 10*y"), new ViewBox(0, 4, 10, 12), 5, 3);
    assertEquals(5, g.columns());
    assertEquals(3, g.rows());
    for (int i = 0; i < 5; i++) {
      assertEquals(i, g.x(i), 1e-15);
    }
    assertEquals(12, g.y(0), 0);
    assertEquals(11, g.y(1), 1e-15);
    assertEquals(10, g.y(2), 0);
    assertEquals(0 + 120, g.value(0, 0), 1e-12);
    assertEquals(4 + 100, g.value(4, 2), 1e-12);
    assertEquals(100, g.min(), 0);
    assertEquals(124, g.max(), 0);
  }

  @Test
  void lastNodesAreExactlyOnTheEdgesOfTheView() {
    ViewBox v = new ViewBox(-0.3, 0.7, -1.1, 2.9);
    ScalarGrid g = ScalarGrid.sample(formula("x"), v, 7, 13);
    assertEquals(-0.3, g.x(0), 0);
    assertEquals(0.7, g.x(6), 0);
    assertEquals(2.9, g.y(0), 0);
    assertEquals(-1.1, g.y(12), 0);
  }

  @Test
  void parallelSamplingGivesTheSameGridAsSequential() {
    FormulaObjective f = Catalogue.find("rosenbrock").orElseThrow().instantiate().formula()
        .objective();
    ViewBox v = new ViewBox(-2, 2, -1, 3);
    ScalarGrid seq = ScalarGrid.sample(f, v, 211, 173);
    ScalarGrid par = ScalarGrid.sampleParallel(f, v, 211, 173, POOL);
    assertArrayEquals(seq.values(), par.values());
  }

  @Test
  void parallelSamplingKeepsNaNAndInfinityWhereSequentialHasThem() {
    FormulaObjective f = formula("log(x) + 1/y");
    ViewBox v = new ViewBox(-1, 1, -1, 1);
    double[] seq = ScalarGrid.sample(f, v, 41, 41).values();
    double[] par = ScalarGrid.sampleParallel(f, v, 41, 41, POOL).values();
    // Arrays.equals compares doubles bit for bit, NaN included
    assertTrue(java.util.Arrays.equals(seq, par));
  }

  @Test
  void aPoolThatRefusesWorkLeavesTheCallingThreadToDoItAll() {
    ExecutorService closed = Executors.newSingleThreadExecutor();
    closed.shutdown();
    FormulaObjective f = formula("x*y");
    ViewBox v = new ViewBox(-1, 1, -1, 1);
    assertArrayEquals(ScalarGrid.sample(f, v, 30, 20).values(),
        ScalarGrid.sampleParallel(f, v, 30, 20, closed).values());
  }

  @Test
  void minAndMaxIgnoreNaNAndInfinity() {
    // log(x) is NaN for x < 0 and -infinity at x = 0; 1/y is infinite at y = 0
    ScalarGrid g = ScalarGrid.sample(formula("log(x) + 1/y"), new ViewBox(-1, 1, -1, 1), 21,
        21);
    assertTrue(Double.isNaN(g.value(0, 0)));
    assertEquals(Double.NEGATIVE_INFINITY, g.value(10, 3), 0);
    assertTrue(Double.isFinite(g.min()) && Double.isFinite(g.max()));
    // finite values are log(x) + 1/y with x in (0, 1], |y| >= 0.1
    assertEquals(Math.log(1) + 10, g.max(), 1e-9);
    assertEquals(Math.log(0.1) - 10, g.min(), 1e-9);
  }

  @Test
  void aGridWithoutFiniteValuesHasNaNMinAndMax() {
    ScalarGrid g = ScalarGrid.sample(formula("sqrt(-1 - x*x)"), new ViewBox(-1, 1, -1, 1), 5,
        5);
    assertTrue(Double.isNaN(g.min()));
    assertTrue(Double.isNaN(g.max()));
  }

  @Test
  void sequentialSamplingStopsWhenCancelled() {
    AtomicInteger asked = new AtomicInteger();
    assertThrows(CancellationException.class, () -> ScalarGrid.sample(formula("x"),
        new ViewBox(0, 1, 0, 1), 10, 100, () -> asked.incrementAndGet() > 5));
    assertEquals(6, asked.get());
  }

  @Test
  void parallelSamplingStopsWhenCancelled() {
    AtomicInteger asked = new AtomicInteger();
    assertThrows(CancellationException.class, () -> ScalarGrid.sampleParallel(formula("x"),
        new ViewBox(0, 1, 0, 1), 10, 10_000, POOL, () -> asked.incrementAndGet() > 50));
    assertTrue(asked.get() < 10_000, "stopped early, asked " + asked.get() + " times");
  }

  @Test
  void ofCopiesTheValuesAndChecksTheirCount() {
    double[] values = {1, 2, 3, 4};
    ScalarGrid g = ScalarGrid.of(new ViewBox(0, 1, 0, 1), 2, 2, values);
    values[0] = 99;
    assertEquals(1, g.value(0, 0), 0);
    assertThrows(IllegalArgumentException.class,
        () -> ScalarGrid.of(new ViewBox(0, 1, 0, 1), 2, 3, values));
  }

  @Test
  void gridsNeedAtLeastTwoNodesEachWay() {
    assertThrows(IllegalArgumentException.class,
        () -> ScalarGrid.sample(formula("x"), new ViewBox(0, 1, 0, 1), 1, 10));
  }
}
