package org.descent.app.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A Greek letter is found whether it is typed by name or written as its symbol. */
class DemoSearchTest {

  @Test
  void aGreekLetterTypedByNameFindsItsSymbol() {
    String title = DemoBrowser.searchable("Learning rate too large: the 2/λmax boundary");
    for (String word : DemoBrowser.searchable("2 / lambda").split("\\s+")) {
      assertTrue(title.contains(word), word + " in " + title);
    }
    assertTrue(title.contains(DemoBrowser.searchable("lambda_max")));
    assertTrue(DemoBrowser.searchable("momentum α = 0.9").contains(
        DemoBrowser.searchable("alpha")));
  }

  @Test
  void wordsThatOnlyContainALettersNameStayWords() {
    assertEquals("alphabetical order, betas", DemoBrowser.searchable("Alphabetical order, betas"));
    assertEquals("λ1 and λ2", DemoBrowser.searchable("lambda1 and lambda2"));
  }
}
