package org.descent.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.descent.function.CriticalPoint.Kind;
import org.junit.jupiter.api.Test;

class CriticalPointsTest {

  @Test
  void listedPointsAreCriticalWithTheirKnownKinds() {
    assertKinds("rosenbrock", Map.of(Kind.MINIMUM, 1));
    assertKinds("himmelblau", Map.of(Kind.MINIMUM, 4, Kind.SADDLE, 4, Kind.MAXIMUM, 1));
    assertKinds("saddle", Map.of(Kind.SADDLE, 1));
    assertKinds("monkey-saddle", Map.of(Kind.SADDLE, 1));
    assertKinds("six-hump-camel", Map.of(Kind.MINIMUM, 6, Kind.SADDLE, 7, Kind.MAXIMUM, 2));
    assertKinds("beale", Map.of(Kind.MINIMUM, 1, Kind.SADDLE, 2));
  }

  private static void assertKinds(String name, Map<Kind, Integer> expected) {
    Landscape l = Catalogue.find(name).orElseThrow().instantiate();
    for (Kind kind : Kind.values()) {
      long n = l.criticalPoints().stream().filter(p -> p.kind() == kind).count();
      assertEquals(expected.getOrDefault(kind, 0).longValue(), n, name + " " + kind);
    }
  }

  @Test
  void everyListedPointHasAVanishingGradient() {
    double[] g = new double[2];
    for (FunctionDefinition d : Catalogue.all()) {
      Landscape l = d.instantiate();
      assertEquals(d.criticalPoints().size(), l.criticalPoints().size(), d.name());
      FormulaObjective f = l.formula().objective();
      for (CriticalPoint p : l.criticalPoints()) {
        f.valueAndGradient(new double[] {p.x(), p.y()}, g);
        assertTrue(Math.hypot(g[0], g[1]) < 1e-9, d.name() + " at " + p);
      }
    }
  }

  @Test
  void catalogueListsEveryCriticalPointInItsView() {
    for (FunctionDefinition d : Catalogue.all()) {
      if (d.name().equals("rastrigin")) {
        continue; // 169 critical points in view; only the global minimum is listed
      }
      Landscape l = d.instantiate();
      List<CriticalPoint> found = CriticalPoints.find(l.formula().objective(), l.view(), 100);
      for (CriticalPoint p : found) {
        boolean listed = l.criticalPoints().stream()
            .anyMatch(q -> Math.hypot(q.x() - p.x(), q.y() - p.y()) < 1e-6 && q.kind() == p.kind());
        assertTrue(listed, d.name() + " does not list " + p);
      }
    }
  }

  @Test
  void himmelblauMinimaHaveThePublishedCoordinates() {
    Landscape l = Catalogue.find("himmelblau").orElseThrow().instantiate();
    double[][] published = {{3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186},
        {3.584428, -1.848126}};
    for (double[] m : published) {
      assertTrue(l.minima().stream().anyMatch(p -> Math.hypot(p.x() - m[0], p.y() - m[1]) < 2e-6),
          "missing minimum near " + m[0] + ", " + m[1]);
    }
  }

  @Test
  void changingAParameterMovesAndReclassifiesThePoints() {
    FunctionDefinition q = Catalogue.find("quadratic").orElseThrow();
    Landscape saddle = q.instantiate(Map.of("lambda2", -2.0));
    assertEquals(Kind.SADDLE, saddle.criticalPoints().get(0).kind());
  }

  @Test
  void aUserFormulaGetsItsCriticalPointsFound() throws FormulaException {
    Landscape l = Landscape.ofFormula(Formula.parse("x^4 + y^4 - 2*x^2"),
        new ViewBox(-2, 2, -2, 2));
    // minima at (±1, 0); a degenerate saddle-like point at the origin (flat along y)
    assertEquals(2, l.minima().size());
    assertEquals(-1.0, l.minima().get(0).value(), 1e-12);
    assertTrue(l.criticalPoints().stream().anyMatch(p -> p.kind() == Kind.SADDLE
        && Math.hypot(p.x(), p.y()) < 1e-4));
  }

  @Test
  void flatRegionsAndExponentialSlopesAreNotCriticalPoints() throws FormulaException {
    ViewBox v = new ViewBox(-3, 3, -3, 3);
    Landscape capped = Landscape.ofFormula(Formula.parse("min(x^2 + y^2, 4)"), v);
    assertEquals(1, capped.criticalPoints().size(), capped.criticalPoints().toString());
    assertEquals(0, capped.minima().get(0).value(), 1e-12);
    assertEquals(0, Landscape.ofFormula(Formula.parse("5"), v).criticalPoints().size());
    assertEquals(0, Landscape.ofFormula(Formula.parse("sqrt(-1)"), v).criticalPoints().size());
    // exp(100x) + y² has no critical point although its gradient nearly vanishes for x < 0.
    assertEquals(0, Landscape.ofFormula(Formula.parse("exp(100*x) + y^2"), v)
        .criticalPoints().size());
    // A degenerate minimum is still found.
    Landscape quartic = Landscape.ofFormula(Formula.parse("x^4 + y^4"), v);
    assertEquals(1, quartic.minima().size());
  }

  @Test
  void unknownParameterIsRejectedWithItsName() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> Catalogue.find("coupled").orElseThrow().instantiate(Map.of("beta", 1.0)));
    assertEquals("unknown parameter 'beta' of coupled; expected one of alpha", e.getMessage());
  }

  @Test
  void aKinkIsNoCriticalPoint() throws FormulaException {
    // The dead ReLU's loss: f = 1 + y²/2 for x < 0 and (1 − x)² + y²/2 beyond; at (0, 0) the
    // slope along x jumps from 0 to −2, so f has no gradient there to vanish.
    FormulaObjective f = Formula.parse("(1 - max(0, x))^2 + 0.5*y^2").objective();
    ViewBox view = new ViewBox(-3, 3, -2, 2);
    assertTrue(CriticalPoints.kink(f, 0, 0, 4));
    List<CriticalPoint> found = CriticalPoints.find(f, view, 40);
    assertTrue(found.stream().noneMatch(p -> Math.hypot(p.x(), p.y()) < 1e-6), found.toString());
    assertTrue(found.stream().noneMatch(p -> p.kind() == Kind.SADDLE), found.toString());
    // The true minimum stays.
    assertTrue(found.stream().anyMatch(p -> Math.hypot(p.x() - 1, p.y()) < 1e-9));
    // Smooth functions have no kinks at their critical points.
    for (FunctionDefinition d : Catalogue.all()) {
      Landscape l = d.instantiate();
      double scale = Math.max(l.view().width(), l.view().height());
      for (CriticalPoint p : l.criticalPoints()) {
        if (!d.name().equals("cliff")) {
          assertFalse(CriticalPoints.kink(l.formula().objective(), p.x(), p.y(), scale),
              d.name() + " at " + p);
        }
      }
    }
  }

  @Test
  void minimaAlongAValleyOfMinimaAreNotIsolatedAndIsolatedOnesAre() throws FormulaException {
    FormulaObjective valley = Formula.parse("(1 - x*y)^2").objective();
    for (double x : new double[] {0.5, 1, 2, -1.5}) {
      assertTrue(CriticalPoints.onCurveOfCriticalPoints(valley, x, 1 / x, 4), "xy = 1 at " + x);
    }
    FormulaObjective relu = Formula.parse("(1 - max(0, x))^2 + 0.5*y^2").objective();
    assertTrue(CriticalPoints.onCurveOfCriticalPoints(relu, -1.5, 0, 6));
    assertFalse(CriticalPoints.onCurveOfCriticalPoints(relu, 1, 0, 6));
    // Degenerate but isolated: flat to second order along y, yet f rises like y⁴.
    assertFalse(CriticalPoints.onCurveOfCriticalPoints(
        Formula.parse("x^2 + y^4").objective(), 0, 0, 4));
    assertFalse(CriticalPoints.onCurveOfCriticalPoints(
        Formula.parse("x^4 + y^4").objective(), 0, 0, 4));
    for (String name : List.of("rosenbrock", "himmelblau", "six-hump-camel", "beale")) {
      Landscape l = Catalogue.find(name).orElseThrow().instantiate();
      double scale = Math.max(l.view().width(), l.view().height());
      for (CriticalPoint p : l.minima()) {
        assertFalse(CriticalPoints.onCurveOfCriticalPoints(l.formula().objective(), p.x(),
            p.y(), scale), name + " at " + p);
      }
    }
  }
}
