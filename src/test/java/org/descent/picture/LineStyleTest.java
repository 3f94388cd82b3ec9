package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.descent.scenario.BuiltInScenarios;
import org.junit.jupiter.api.Test;

/** The line style a run is drawn with: one per card, the same in every picture. */
class LineStyleTest {

  @Test
  void theFirstRunIsSolidAndEachOfTheFirstSixHasItsOwnStyle() {
    assertEquals(LineStyle.SOLID, LineStyle.of(0));
    List<LineStyle> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      assertTrue(!six.contains(LineStyle.of(i)), "style " + i + " repeats");
      six.add(LineStyle.of(i));
    }
    assertEquals(LineStyle.DASHED, LineStyle.unused(List.of(LineStyle.SOLID,
        LineStyle.DOTTED)));
  }

  @Test
  void roundCapsShortenTheDashesByAWidthSoTheyLookAsButtCapsDo() {
    assertNull(LineStyle.SOLID.dashes(2, true));
    float[] butt = LineStyle.DASHED.dashes(2, false);
    float[] round = LineStyle.DASHED.dashes(2, true);
    assertArrayEquals(new float[] {7, 4}, butt, 1e-6f);
    assertArrayEquals(new float[] {5, 6}, round, 1e-6f);
    // A dot is a dash of (nearly) no length with round ends.
    assertTrue(LineStyle.DOTTED.dashes(3, true)[0] < 0.1);
    assertEquals(1, LineStyle.SOLID.ink());
    assertEquals(1 / 2.6, LineStyle.DOTTED.ink(), 1e-9);
  }

  @Test
  void anExportedDemoDrawsEachCardInTheStyleOfItsPlace() throws Exception {
    RaceScene scene = RaceScene.of(BuiltInScenarios.read("cliff-clipping.yaml"));
    assertEquals(List.of(LineStyle.SOLID, LineStyle.DASHED),
        scene.runs().stream().map(ChartInput::style).toList());
    RaceChartData charts = RaceChartData.of(scene.landscape(), scene.view(), scene.runs(),
        scene.steps());
    assertEquals(List.of(LineStyle.SOLID, LineStyle.DASHED),
        charts.loss().curves().stream().map(RaceChartData.Curve::style).toList());
  }

  /** Pixels of exactly a run's colour in the contour picture. */
  private static int pixelsOf(RaceScene scene, int argb) {
    BufferedImage img = new Pictures().draw(Pictures.View.CONTOUR, scene, scene.steps(), 900,
        600, Look.LIGHT);
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        n += (img.getRGB(x, y) & 0xFFFFFF) == (argb & 0xFFFFFF) ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void theMapDrawsADashedPathWithGapsWhereTheSolidOneIsWhole() throws Exception {
    RaceScene scene = RaceScene.of(BuiltInScenarios.read("lr-too-small.yaml"));
    ChartInput first = scene.runs().get(0);
    RaceScene solid = only(scene, new ChartInput(first.label(), first.argb(), first.trace(),
        LineStyle.SOLID));
    RaceScene dashed = only(scene, new ChartInput(first.label(), first.argb(), first.trace(),
        LineStyle.DASHED));
    int whole = pixelsOf(solid, first.argb());
    int gaps = pixelsOf(dashed, first.argb());
    assertTrue(whole > 300, "the solid path shows " + whole + " px");
    // About the dashes' share of the length (0.64), the head and its dots aside.
    assertTrue(gaps < 0.9 * whole && gaps > 0.4 * whole, "dashed " + gaps + " of " + whole);
  }

  @Test
  void theSurfaceDrawsTheDashesToo() throws Exception {
    RaceScene scene = RaceScene.of(BuiltInScenarios.read("cliff-clipping.yaml"));
    ChartInput run = scene.runs().get(1);
    BufferedImage solid = new Pictures().draw(Pictures.View.SURFACE, only(scene,
        new ChartInput(run.label(), run.argb(), run.trace(), LineStyle.SOLID)), scene.steps(),
        600, 400, Look.LIGHT);
    BufferedImage dashed = new Pictures().draw(Pictures.View.SURFACE, only(scene,
        new ChartInput(run.label(), run.argb(), run.trace(), LineStyle.DASHED)), scene.steps(),
        600, 400, Look.LIGHT);
    int differ = 0;
    for (int y = 0; y < 400; y++) {
      for (int x = 0; x < 600; x++) {
        differ += solid.getRGB(x, y) != dashed.getRGB(x, y) ? 1 : 0;
      }
    }
    assertNotEquals(0, differ, "the dashed path on the surface looks solid");
  }

  private static RaceScene only(RaceScene s, ChartInput run) {
    return new RaceScene(s.title(), s.landscape(), s.view(), List.of(run), s.start(), s.steps(),
        s.trail(), s.camera());
  }
}
