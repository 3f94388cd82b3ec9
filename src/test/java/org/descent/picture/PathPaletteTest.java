package org.descent.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.descent.picture.ColourVision.Vision;
import org.descent.scenario.BuiltInScenarios;
import org.descent.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Every pair of path colours a demo shows together stays apart for normal vision and for the
 * two red-green dichromacies (1 in 12 men has a red-green deficiency; the dichromats, about 2%,
 * see least).
 *
 * <p>The measure is CIEDE2000, not CIE76: CIE76's Euclidean distance in Lab overstates the
 * difference between saturated colours (a yellow and an orange of equal lightness are 20 apart
 * in CIE76 and look much closer), which is exactly where the simulated dichromat's colours
 * crowd; CIEDE2000 corrects chroma and hue for that and is the CIE's current recommendation.
 *
 * <p>The threshold is ΔE2000 ≥ 10. One unit is about the smallest difference seen between
 * two large patches side by side; the paths are lines 2.5 px wide, and the difference needed
 * to tell colours apart grows several times as the mark shrinks to a line (Stone, Szafir and
 * Setlur 2014, "An engineering model for color difference as a function of size"); 10 leaves
 * that margin, so two paths are told apart at a glance, not by study. Each path has a dark
 * halo, so its colour is seen against the halo, not mixed with the map's. Colour is not the
 * only cue: each card also has its own line style ({@link LineStyle}).
 */
class PathPaletteTest {

  /** The least ΔE2000 between two path colours shown together, for every vision tested. */
  static final double THRESHOLD = 10;

  /** The colours a demo's cards get: its own where it states one, else the palette's. */
  static List<Integer> colours(Scenario s) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < s.optimizers().size(); i++) {
      String hex = s.colors().get(i);
      out.add((hex == null ? Colors.color(i) : Colors.parse(hex)) & 0xFFFFFF);
    }
    return out;
  }

  /** The pairs closer than the threshold, as "#rrggbb/#rrggbb: 4.6 (deuteranopia)". */
  static List<String> tooClose(List<Integer> colours) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < colours.size(); i++) {
      for (int j = i + 1; j < colours.size(); j++) {
        for (Vision v : Vision.values()) {
          double d = ColourVision.difference(v, colours.get(i), colours.get(j));
          if (d < THRESHOLD) {
            out.add(String.format("#%06x/#%06x: %.1f (%s)", colours.get(i), colours.get(j), d,
                v.name().toLowerCase()));
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyDemoShowsColoursThatStayApartForNormalAndRedGreenBlindEyes() throws Exception {
    List<String> names = BuiltInScenarios.names();
    try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
      assertEquals(files.filter(p -> p.toString().endsWith(".yaml")).count(), names.size(),
          "every demo file is read");
    }
    List<String> failures = new ArrayList<>();
    for (String name : names) {
      List<String> close = tooClose(colours(BuiltInScenarios.read(name)));
      if (!close.isEmpty()) {
        failures.add(name + " " + close);
      }
    }
    assertTrue(failures.isEmpty(), "path colours too close (ΔE2000 < " + THRESHOLD + "): "
        + String.join("; ", failures));
  }

  @Test
  void theFirstFiveColoursOfThePaletteStayApart() {
    // A demo without colours of its own, or cards added to one, get the palette's in order;
    // the demos race at most five.
    List<Integer> first = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      first.add(Colors.color(i) & 0xFFFFFF);
    }
    assertEquals(List.of(), tooClose(first));
  }

  @Test
  void theMatplotlibRedAndGreenOfTheOldCliffDemoAreRejected() throws IOException {
    // The old cliff-clipping.yaml's pair: far apart for normal vision, nearly one colour for a
    // deuteranope. The test must see that.
    List<String> close = tooClose(List.of(0xd62728, 0x2ca02c));
    assertEquals(1, close.size(), close.toString());
    assertTrue(close.get(0).contains("deuteranopia"), close.toString());
    assertTrue(ColourVision.difference(Vision.NORMAL, 0xd62728, 0x2ca02c) > 50);
  }

  @Test
  void ciede2000MatchesSharmasTestData() {
    // Pairs 1, 7, 17 and 25 of Sharma, Wu and Dalal (2005), Table 1.
    assertEquals(2.0425, ColourVision.ciede2000(new double[] {50, 2.6772, -79.7751},
        new double[] {50, 0, -82.7485}), 1e-4);
    assertEquals(0.0, ColourVision.ciede2000(new double[] {50, 0, 0},
        new double[] {50, 0, 0}), 1e-4);
    assertEquals(27.1492, ColourVision.ciede2000(new double[] {50, 2.5, 0},
        new double[] {73, 25, -18}), 1e-4);
    assertEquals(1.2644, ColourVision.ciede2000(new double[] {60.2574, -34.0099, 36.2677},
        new double[] {60.4626, -34.1751, 39.4387}), 1e-4);
  }

  @Test
  void theSimulationKeepsGreysAndCollapsesRedAgainstGreen() {
    // Severity-1.0 matrices map white to white (their rows sum to 1) and make pure red and a
    // green of equal lightness hard to tell apart, but not blue from yellow.
    for (Vision v : Vision.values()) {
      double[] white = v.sees(0xFFFFFF);
      for (double c : white) {
        assertEquals(1.0, c, 1e-3, v.name());
      }
    }
    assertTrue(ColourVision.difference(Vision.DEUTERANOPIA, 0xd62728, 0x2ca02c) < 10);
    assertTrue(ColourVision.difference(Vision.PROTANOPIA, 0x0072b2, 0xf0e442) > 40);
  }
}
