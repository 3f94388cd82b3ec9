package org.descent.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The data sets shipped in the jar (resources/data, with their credits in the README there):
 * the UCI handwritten digits (E. Alpaydin and C. Kaynak, 1998; 1,797 images of 8×8 pixels with
 * values 0 to 16, classes 0 to 9) and Fisher's iris (1936; 150 flowers, 4 measurements in cm,
 * 3 species), both CC BY 4.0, as redistributed by scikit-learn.
 */
final class BuiltInData {

  private BuiltInData() {}

  static Dataset load(String name) {
    try {
      return name.equals("digits") ? digits() : iris();
    } catch (IOException e) {
      throw new UncheckedIOException("the built-in data set " + name + " cannot be read", e);
    }
  }

  private static Dataset digits() throws IOException {
    List<String> features = new ArrayList<>();
    for (int r = 0; r < 8; r++) {
      for (int c = 0; c < 8; c++) {
        features.add("pixel " + r + "," + c);
      }
    }
    List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    try (BufferedReader in = open("digits.csv.gz", true)) {
      return parse(in, "digits", features, classes, false);
    }
  }

  private static Dataset iris() throws IOException {
    try (BufferedReader in = open("iris.csv", false)) {
      return parse(in, "iris", List.of("sepal length", "sepal width", "petal length",
          "petal width"), List.of("setosa", "versicolor", "virginica"), true);
    }
  }

  private static BufferedReader open(String file, boolean gzip) throws IOException {
    InputStream raw = BuiltInData.class.getResourceAsStream("/data/" + file);
    if (raw == null) {
      throw new IOException("/data/" + file + " is not on the class path");
    }
    InputStream in = gzip ? new GZIPInputStream(raw) : raw;
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Rows of features then the class index, comma-separated. */
  private static Dataset parse(BufferedReader in, String name, List<String> features,
      List<String> classes, boolean header) throws IOException {
    if (header) {
      in.readLine();
    }
    int d = features.size();
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(",");
      double[] row = new double[d];
      for (int k = 0; k < d; k++) {
        row[k] = Double.parseDouble(parts[k].trim());
      }
      rows.add(row);
      labels.add(Integer.parseInt(parts[d].trim()));
    }
    double[] x = new double[rows.size() * d];
    int[] y = new int[rows.size()];
    for (int i = 0; i < y.length; i++) {
      System.arraycopy(rows.get(i), 0, x, i * d, d);
      y[i] = labels.get(i);
    }
    return new Dataset(name, features, classes, x, y);
  }
}
