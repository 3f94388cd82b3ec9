package org.descent.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user's files: CSV data and JSON weights, read exactly or refused with one clear line. */
class DataFilesTest {

  @TempDir
  Path dir;

  @Test
  void aCsvFileReadsItsFeaturesAndNamedOrNumberedClasses() throws Exception {
    Dataset d = CsvData.parse("x, y ,label\n1,2,cat\n\n3,-4.5e1,dog\n\"5\",6,cat\n", "p.csv");
    assertEquals(List.of("x", "y"), d.featureNames());
    assertEquals(List.of("cat", "dog"), d.classNames());
    assertEquals(3, d.size());
    assertArrayEquals(new double[] {3, -45}, d.row(1));
    assertEquals(1, d.label(1));
    Dataset n = CsvData.parse("label,a\n10,0\n2,1\n10,2\n", "n.csv");
    assertEquals(List.of("2", "10"), n.classNames(), "whole-number labels in numeric order");
    assertEquals(1, n.label(0));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      x,y\\n1,2                      | p.csv:1: no column named 'label'; the header has x, y
      x,label\\n1,a\\n2              | p.csv:3: expected 2 values (x, label), got 1
      x,label\\n1,a\\nabc,b          | p.csv:3: column x: expected a number, got 'abc'
      x,label\\n1,a\\n,b             | p.csv:3: column x is empty; expected a number
      x,label\\n1,a\\n1e999,b        | p.csv:3: column x: 1e999 is too large
      x,label\\n1,a\\n2,             | p.csv:3: the label is empty
      x,label\\n1,a\\n2,a            | p.csv: every sample has the label 'a'; a classifier needs at least two classes
      x,x,label\\n1,2,a              | p.csv:1: the header names column 'x' twice
      label\\n1                      | p.csv:1: no feature columns; the header has only 'label'
      x,label                        | p.csv: no samples after the header
      ''                             | p.csv: the file is empty; expected a header line naming the columns, one of them 'label'
      x,label\\n\"1,a                | p.csv:2: a quote opened in column 1 is not closed on this line
      """)
  void aBadCsvFileIsRefusedWithItsLine(String text, String message) {
    NetworkInputException e = assertThrows(NetworkInputException.class,
        () -> CsvData.parse(text.replace("\\n", "\n"), "p.csv"));
    assertEquals(message, e.getMessage());
  }

  @Test
  void csvFilesAreBoundedAndMustExist() throws IOException {
    Path missing = dir.resolve("none.csv");
    assertEquals(missing + ": no such file", assertThrows(NetworkInputException.class,
        () -> CsvData.read(missing)).getMessage());
    Path big = dir.resolve("big.csv");
    try (var out = Files.newOutputStream(big)) {
      out.write("x,label\n".getBytes());
      byte[] row = "1,a\n".getBytes();
      for (int i = 0; i < CsvData.MAX_BYTES / row.length + 1; i++) {
        out.write(row);
      }
    }
    assertEquals(big + ": too large: more than 20971520 bytes; a data file is at most 20 MB",
        assertThrows(NetworkInputException.class, () -> CsvData.read(big)).getMessage());
    StringBuilder rows = new StringBuilder("x,label\n");
    for (int i = 0; i <= CsvData.MAX_ROWS; i++) {
      rows.append(i % 7).append(',').append(i % 2).append('\n');
    }
    assertEquals("r.csv:100002: more than 100000 samples; at most 100000", assertThrows(
        NetworkInputException.class, () -> CsvData.parse(rows.toString(), "r.csv"))
        .getMessage());
  }

  private static final Architecture NET = new Architecture(2, List.of(3), 2, Activation.TANH,
      false);

  @Test
  void weightsWrittenAreReadBackBitForBit() throws Exception {
    for (boolean bn : new boolean[] {false, true}) {
      Architecture a = new Architecture(3, List.of(4, 5), 3, Activation.RELU, bn);
      double[] theta = TestNets.theta(a, 0.37, 11);
      theta[0] = 1e-300;
      theta[1] = -0.0;
      StringWriter w = new StringWriter();
      WeightsFile.write(a, theta, w);
      double[] back = WeightsFile.parse(w.toString(), "w.json", a);
      for (int i = 0; i < theta.length; i++) {
        assertEquals(Double.doubleToRawLongBits(theta[i]), Double.doubleToRawLongBits(back[i]),
            "parameter " + i);
      }
    }
  }

  @Test
  void theWeightsFileUsesPyTorchsLayoutRowsAreOutputUnits() throws Exception {
    String json = "{\"layers\": [{\"weight\": [[1, 2], [3, 4], [5, 6]], \"bias\": [7, 8, 9]},"
        + " {\"weight\": [[10, 11, 12], [13, 14, 15]], \"bias\": [16, 17]}]}";
    double[] t = WeightsFile.parse(json, "w.json", NET);
    ParameterLayout p = NET.layout();
    assertEquals(4, t[p.weight(0) + 1 * 2 + 1], "row 2 (unit 2), column 2 (input 2)");
    assertEquals(9, t[p.bias(0) + 2]);
    assertEquals(12, t[p.weight(1) + 2]);
    assertEquals(17, t[p.bias(1) + 1]);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      {"layers": [{"weight": [[1, 2]], "bias": [0]}]}                                                          | w.json:1: the file has 1 layers; the network 2-3-2 tanh has 2
      {"layers": [{"weight": [[1, 2], [3, 4]], "bias": [0, 0]}, {"weight": [[1,2,3],[4,5,6]], "bias": [0,0]}]}  | w.json:1: layer 1: weight has 2 rows; the layer has 3 units (one row per unit)
      {"layers": [{"weight": [[1, 2], [3, 4], [5]], "bias": [0, 0, 0]}, {"weight": [[1,2,3],[4,5,6]], "bias": [0,0]}]} | w.json:1: layer 1: weight row 3 has 1 values; the layer has 2 inputs
      {"layers": [{"weight": [[1, 2], [3, 4], [5, 6]], "bias": [0, 0]}, {"weight": [[1,2,3],[4,5,6]], "bias": [0,0]}]} | w.json:1: layer 1: bias has 2 values; the layer has 3 units
      {"layers": [{"weight": [[1, 2], [3, 4], [5, 6]]}, {"weight": [[1,2,3],[4,5,6]], "bias": [0,0]}]}          | w.json:1: layer 1: missing 'bias'
      {"layers": [{"weight": [[1, "a"], [3, 4], [5, 6]], "bias": [0, 0, 0]}, {"weight": [[1,2,3],[4,5,6]], "bias": [0,0]}]} | w.json:1: layer 1: weight[0][1]: expected a number, got 'a'
      {"layers": [{"weight": [[1, 2], [3, 4], [5, 6]], "bias": [0, 0, 0], "gain": 1}, {"weight": [[1,2,3],[4,5,6]], "bias": [0,0]}]} | w.json:1: layer 1: unknown key 'gain'; a layer has weight and bias
      {"weights": []}                                                                                             | w.json:1: unknown key 'weights'; expected 'layers'
      [1, 2]                                                                                                      | w.json: expected {"layers": [...]}
      {"layers": [                                                                                                | w.json:1: not valid JSON: expected the node content, but found '<stream end>'
      """)
  void aBadWeightsFileIsRefusedNamingTheLayer(String json, String message) {
    NetworkInputException e = assertThrows(NetworkInputException.class,
        () -> WeightsFile.parse(json, "w.json", NET));
    assertEquals(message, e.getMessage());
  }

  @Test
  void aBatchNormalizedLayerTakesScaleAndShiftNotABias() {
    Architecture bn = new Architecture(2, List.of(3), 2, Activation.TANH, true);
    String json = "{\"layers\": [\n{\"weight\": [[1, 2], [3, 4], [5, 6]], \"bias\": [0, 0, 0]},"
        + "\n{\"weight\": [[1,2,3],[4,5,6]], \"bias\": [0,0]}]}";
    assertEquals("w.json:2: layer 1: a layer followed by batch normalization has no bias (its "
        + "shift takes its place); give weight, scale and shift",
        assertThrows(NetworkInputException.class, () -> WeightsFile.parse(json, "w.json", bn))
            .getMessage());
  }
}
