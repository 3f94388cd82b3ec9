package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scilab.forge.jlatexmath.TeXFormula;

class UpdateRuleTest {

  @ParameterizedTest
  @EnumSource(OptimizerType.class)
  void everyRuleTypesetsWithItsValues(OptimizerType type) {
    OptimizerSpec spec = OptimizerSpec.of(type);
    String tex = UpdateRule.latex(spec);
    assertDoesNotThrow(() -> new TeXFormula(tex), tex);
    if (type.params().contains(Param.LR) && type != OptimizerType.COORDINATE) {
      assertTrue(tex.contains("\\epsilon = " + UpdateRule.texNumber(spec.get(Param.LR))), tex);
    }
  }

  @Test
  void valuesAreWrittenAsALecturerWritesThem() {
    assertEquals("0.001", UpdateRule.texNumber(0.001));
    assertEquals("10^{-8}", UpdateRule.texNumber(1e-8));
    assertEquals("2.5 \\cdot 10^{-7}", UpdateRule.texNumber(2.5e-7));
  }

  @Test
  void clippingAndSchedulesShowInTheValues() {
    String tex = UpdateRule.latex(OptimizerSpec.of(OptimizerType.SGD).withClip(5));
    assertTrue(tex.contains("\\|g\\| \\le 5"), tex);
    assertDoesNotThrow(() -> new TeXFormula(tex));
  }
}
