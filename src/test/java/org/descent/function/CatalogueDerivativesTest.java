package org.descent.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Every catalogue function, compiled from its formula, agrees with the same function written
 * independently with Commons Math's DerivativeStructure at random points of its view.
 */
class CatalogueDerivativesTest {

  private static final Map<String,
      BiFunction<DerivativeStructure, DerivativeStructure, DerivativeStructure>> REFERENCE =
      Map.ofEntries(
          Map.entry("rosenbrock", (x, y) -> x.negate().add(1).pow(2)
              .add(y.subtract(x.pow(2)).pow(2).multiply(100))),
          Map.entry("beale", (x, y) -> x.negate().add(1.5).add(x.multiply(y)).pow(2)
              .add(x.negate().add(2.25).add(x.multiply(y.pow(2))).pow(2))
              .add(x.negate().add(2.625).add(x.multiply(y.pow(3))).pow(2))),
          Map.entry("himmelblau", (x, y) -> x.pow(2).add(y).subtract(11).pow(2)
              .add(x.add(y.pow(2)).subtract(7).pow(2))),
          Map.entry("booth", (x, y) -> x.add(y.multiply(2)).subtract(7).pow(2)
              .add(x.multiply(2).add(y).subtract(5).pow(2))),
          Map.entry("quadratic", (x, y) -> x.pow(2).multiply(1).add(y.pow(2).multiply(10))
              .multiply(0.5)),
          Map.entry("rotated-quadratic", (x, y) -> {
            double c = Math.cos(Math.PI / 4);
            double s = Math.sin(Math.PI / 4);
            DerivativeStructure u = x.multiply(c).add(y.multiply(s));
            DerivativeStructure v = y.multiply(c).subtract(x.multiply(s));
            return u.pow(2).add(v.pow(2).multiply(10)).multiply(0.5);
          }),
          Map.entry("offset-quadratic", (x, y) -> x.multiply(2).add(y).subtract(2).pow(2)
              .add(x.multiply(4).add(y).subtract(4).pow(2)).multiply(0.25)),
          Map.entry("normalized-inputs", (x, y) -> y.subtract(x).add(1).pow(2)
              .add(x.add(y).subtract(1).pow(2)).multiply(0.25)),
          Map.entry("saddle", (x, y) -> x.pow(2).subtract(y.pow(2))),
          Map.entry("monkey-saddle", (x, y) -> x.pow(3).subtract(x.multiply(y.pow(2)).multiply(3))),
          Map.entry("plateau", (x, y) -> x.pow(2).add(y.pow(2)).divide(8).tanh()
              .add(x.pow(2).add(y.pow(2)).multiply(0.001))),
          Map.entry("cliff", (x, y) -> x.subtract(3).pow(2).multiply(0.02)
              .add(y.pow(2).multiply(0.02))
              .add(DerivativeReference.sigmoid(x.multiply(-10)).multiply(20))),
          Map.entry("six-hump-camel", (x, y) -> x.pow(2).multiply(-2.1).add(4)
              .add(x.pow(4).divide(3)).multiply(x.pow(2)).add(x.multiply(y))
              .add(y.pow(2).multiply(4).subtract(4).multiply(y.pow(2)))),
          Map.entry("rastrigin", (x, y) -> x.pow(2).subtract(x.multiply(2 * Math.PI).cos()
              .multiply(10)).add(y.pow(2)).subtract(y.multiply(2 * Math.PI).cos().multiply(10))
              .add(20)),
          Map.entry("coupled", (x, y) -> x.subtract(y).pow(2)
              .add(x.pow(2).add(y.pow(2)).multiply(0.05))));

  @Test
  void everyCatalogueFunctionHasAnIndependentReference() {
    for (FunctionDefinition d : Catalogue.all()) {
      assertTrue(REFERENCE.containsKey(d.name()), "no reference for " + d.name());
    }
    assertEquals(Catalogue.all().size(), REFERENCE.size());
  }

  @Test
  void valueGradientAndHessianAgreeWithDerivativeStructureAtRandomPoints() {
    Random random = new Random(42);
    double[] jet = new double[6];
    for (FunctionDefinition d : Catalogue.all()) {
      Landscape landscape = d.instantiate();
      FormulaObjective f = landscape.formula().objective();
      ViewBox v = landscape.view();
      for (int k = 0; k < 200; k++) {
        double x = v.xMin() + random.nextDouble() * v.width();
        double y = v.yMin() + random.nextDouble() * v.height();
        f.jet(x, y, jet);
        DerivativeReference.assertClose(DerivativeReference.jet(REFERENCE.get(d.name()), x, y),
            jet, 1e-11, d.name() + " at (" + x + ", " + y + ")");
      }
    }
  }

  @Test
  void objectiveArraysMatchTheJet() {
    FormulaObjective f = Catalogue.find("himmelblau").orElseThrow().instantiate()
        .formula().objective();
    double[] theta = {0.7, -1.3};
    double[] g = new double[2];
    double[] h = new double[4];
    double[] jet = new double[6];
    f.jet(0.7, -1.3, jet);
    assertEquals(jet[0], f.valueGradientHessian(theta, g, h));
    assertEquals(jet[1], g[0]);
    assertEquals(jet[2], g[1]);
    assertEquals(jet[3], h[0]);
    assertEquals(jet[4], h[1]);
    assertEquals(jet[4], h[2]);
    assertEquals(jet[5], h[3]);
    assertEquals(jet[0], f.value(theta));
  }

  @Test
  void rosenbrockAtTheClassicStartHasThePublishedDerivatives() {
    double[] jet = new double[6];
    Catalogue.find("rosenbrock").orElseThrow().instantiate().formula().objective()
        .jet(-1.2, 1, jet);
    assertEquals(24.2, jet[0], 1e-12);
    assertEquals(-215.6, jet[1], 1e-10);
    assertEquals(-88, jet[2], 1e-10);
    assertEquals(1330, jet[3], 1e-9);
    assertEquals(480, jet[4], 1e-9);
    assertEquals(200, jet[5], 1e-9);
  }
}
