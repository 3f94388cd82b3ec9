package org.descent.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A user's data as CSV: a header line naming the columns, then one sample per line; every
 * column is a numeric feature except the one named {@code label}, which holds the class,
 * either as whole numbers (classes in numeric order) or as names (in alphabetical order).
 * Fields are separated by commas and may be quoted ("a, b" with "" for a quote); blank lines
 * are skipped. A problem is reported with the file and line ({@code points.csv:7: expected 3
 * values (x, y, label), got 2}). What a file may hold is bounded so that a wrong file cannot
 * exhaust memory: {@link #MAX_BYTES}, {@link #MAX_ROWS}, {@link Architecture#MAX_INPUTS}
 * features and {@link Architecture#MAX_CLASSES} classes.
 */
public final class CsvData {

  /** The largest file: 20 MB. */
  public static final int MAX_BYTES = 20 << 20;
  /** The most samples. */
  public static final int MAX_ROWS = 100_000;
  /** The name of the class column. */
  public static final String LABEL = "label";

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");

  private CsvData() {}

  /** Reads a CSV file. */
  public static Dataset read(Path file) throws NetworkInputException {
    return read(file, new FileContents());
  }

  /** Reads a CSV file once: later reads through the same {@code contents} use its bytes. */
  public static Dataset read(Path file, FileContents contents) throws NetworkInputException {
    String name = file.toString();
    byte[] bytes = contents.bytes(file, CsvData::bytes);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new NetworkInputException(name + ": not UTF-8 text; save the file as UTF-8");
    }
    return parse(text, name);
  }

  private static byte[] bytes(Path file) throws NetworkInputException {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new NetworkInputException(name + ": is a folder, not a CSV file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new NetworkInputException(name + ": no such file");
    } catch (AccessDeniedException e) {
      throw new NetworkInputException(name + ": cannot read the file: permission denied");
    } catch (IOException e) {
      throw new NetworkInputException(name + ": cannot read the file: " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new NetworkInputException(name + ": too large: more than " + MAX_BYTES
          + " bytes; a data file is at most 20 MB");
    }
    return bytes;
  }

  /**
   * Reads CSV text.
   *
   * @param source the name used in messages
   */
  public static Dataset parse(String text, String source) throws NetworkInputException {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n|\r", -1);
    int headerLine = 0;
    while (headerLine < lines.length && lines[headerLine].isBlank()) {
      headerLine++;
    }
    if (headerLine == lines.length) {
      throw new NetworkInputException(source + ": the file is empty; expected a header line "
          + "naming the columns, one of them 'label'");
    }
    List<String> header = fields(lines[headerLine], source, headerLine + 1);
    Set<String> seen = new HashSet<>();
    int labelColumn = -1;
    List<String> features = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      String h = header.get(c).trim();
      if (h.isEmpty()) {
        throw error(source, headerLine + 1, "column " + (c + 1) + " of the header has no name");
      }
      if (!seen.add(h)) {
        throw error(source, headerLine + 1, "the header names column '" + h + "' twice");
      }
      if (h.equals(LABEL)) {
        labelColumn = c;
      } else {
        features.add(h);
      }
    }
    if (labelColumn < 0) {
      throw error(source, headerLine + 1, "no column named 'label'; the header has "
          + String.join(", ", header.stream().map(String::trim).toList()));
    }
    if (features.isEmpty()) {
      throw error(source, headerLine + 1, "no feature columns; the header has only 'label'");
    }
    if (features.size() > Architecture.MAX_INPUTS) {
      throw error(source, headerLine + 1, features.size() + " feature columns; at most "
          + Architecture.MAX_INPUTS);
    }
    int d = features.size();
    String columns = String.join(", ", header.stream().map(String::trim).toList());
    int[] fileColumns = new int[d];
    for (int c = 0, k = 0; c < header.size(); c++) {
      if (c != labelColumn) {
        fileColumns[k++] = c + 1;
      }
    }
    List<double[]> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Integer> labelLines = new ArrayList<>();
    for (int li = headerLine + 1; li < lines.length; li++) {
      if (lines[li].isBlank()) {
        continue;
      }
      int line = li + 1;
      if (rows.size() == MAX_ROWS) {
        throw error(source, line, "more than " + MAX_ROWS + " samples; at most " + MAX_ROWS);
      }
      List<String> values = fields(lines[li], source, line);
      if (values.size() != header.size()) {
        throw error(source, line, "expected " + header.size() + " values (" + columns
            + "), got " + values.size());
      }
      double[] row = new double[d];
      int k = 0;
      for (int c = 0; c < values.size(); c++) {
        String v = values.get(c).trim();
        if (c == labelColumn) {
          if (v.isEmpty()) {
            throw error(source, line, "the label is empty");
          }
          labels.add(v);
          labelLines.add(line);
          continue;
        }
        row[k++] = number(v, header.get(c).trim(), source, line);
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new NetworkInputException(source + ": no samples after the header");
    }
    boolean integers = labels.stream().allMatch(s -> INTEGER.matcher(s).matches());
    TreeMap<Object, Integer> index = new TreeMap<>();
    for (String s : labels) {
      index.put(integers ? (Object) Integer.parseInt(s) : s, 0);
    }
    if (index.size() < 2) {
      throw new NetworkInputException(source + ": every sample has the label '" + labels.get(0)
          + "'; a classifier needs at least two classes");
    }
    if (index.size() > Architecture.MAX_CLASSES) {
      throw new NetworkInputException(source + ": " + index.size() + " different labels; at "
          + "most " + Architecture.MAX_CLASSES + " classes");
    }
    List<String> classNames = new ArrayList<>();
    int next = 0;
    for (var e : index.entrySet()) {
      e.setValue(next++);
      classNames.add(e.getKey().toString());
    }
    double[] x = new double[rows.size() * d];
    int[] y = new int[rows.size()];
    for (int i = 0; i < y.length; i++) {
      System.arraycopy(rows.get(i), 0, x, i * d, d);
      String s = labels.get(i);
      y[i] = index.get(integers ? (Object) Integer.parseInt(s) : s);
    }
    String name = Path.of(source).getFileName() == null ? source
        : Path.of(source).getFileName().toString();
    int[] rowLines = labelLines.stream().mapToInt(Integer::intValue).toArray();
    return new Dataset(name, features, classNames, x, y,
        new FileOrigin(source, rowLines, fileColumns));
  }

  private static double number(String v, String column, String source, int line)
      throws NetworkInputException {
    if (v.isEmpty()) {
      throw error(source, line, "column " + column + " is empty; expected a number");
    }
    if (!NUMBER.matcher(v).matches()) {
      throw error(source, line, "column " + column + ": expected a number, got '"
          + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'");
    }
    double x = Double.parseDouble(v);
    if (!Double.isFinite(x)) {
      throw error(source, line, "column " + column + ": " + v + " is too large");
    }
    return x;
  }

  /** The fields of one line: comma-separated, optionally in double quotes. */
  private static List<String> fields(String line, String source, int number)
      throws NetworkInputException {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      field.setLength(0);
      int start = i;
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw error(source, number, "a quote opened in column " + (out.size() + 1)
                + " is not closed on this line");
          }
          char ch = line.charAt(i++);
          if (ch == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(ch);
          }
        }
        while (i < n && line.charAt(i) == ' ') {
          i++;
        }
        if (i < n && line.charAt(i) != ',') {
          throw error(source, number, "unexpected text after the quoted value in column "
              + (out.size() + 1));
        }
      } else {
        i = start;
        while (i < n && line.charAt(i) != ',') {
          char ch = line.charAt(i++);
          if (ch < ' ' && ch != '\t') {
            throw error(source, number, String.format("the control character U+%04X is not "
                + "allowed", (int) ch));
          }
          field.append(ch);
        }
      }
      out.add(field.toString());
      if (i >= n) {
        return out;
      }
      i++; // the comma
      if (out.size() > Architecture.MAX_INPUTS + 1) {
        throw error(source, number, "more than " + (Architecture.MAX_INPUTS + 1) + " columns");
      }
    }
  }

  private static NetworkInputException error(String source, int line, String problem) {
    return new NetworkInputException(source + ":" + line + ": " + problem);
  }
}
