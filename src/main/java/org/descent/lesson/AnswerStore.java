package org.descent.lesson;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A student's answers, kept between runs in one small file ({@code answers.properties} in the
 * user's configuration folder), so that the demo browser can tick the demos already answered.
 * Per question "right" or "wrong", and per demo whose questions are all answered its score
 * ("2/3"). A file that cannot be read or parsed is ignored (the student starts afresh, nothing
 * crashes); the file is written under a temporary name and renamed, so a crash mid-write
 * leaves the last good one. Thread-safe: the app records on its JavaFX thread and writes on a
 * worker.
 */
public final class AnswerStore {

  /** The file's name in its folder. */
  public static final String FILE = "answers.properties";

  /** How many of a demo's questions were answered right. */
  public record Score(int right, int total) {}

  private final Path file;
  private final Properties answers = new Properties();
  // Writes one at a time, each with the newest answers: never an older snapshot over a newer.
  private final Object writing = new Object();

  /** A store in {@code directory} (created when the first answer is written). */
  public AnswerStore(Path directory) {
    this.file = directory.resolve(FILE);
  }

  /**
   * Where the answers live: the folder named by the system property {@code descent.config}
   * when set (tests, portable installs), else {@code $XDG_CONFIG_HOME/descent}, else
   * {@code ~/.config/descent}.
   */
  public static Path defaultDirectory() {
    String own = System.getProperty("descent.config");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "descent");
    }
    return Path.of(System.getProperty("user.home"), ".config", "descent");
  }

  public Path file() {
    return file;
  }

  /** Reads the file; a missing, unreadable or malformed file leaves the store empty. */
  public void load() {
    Properties read = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      read.load(in);
    } catch (IOException | IllegalArgumentException e) {
      read.clear(); // missing or broken: start afresh
    }
    synchronized (this) {
      answers.clear();
      answers.putAll(read);
    }
  }

  /**
   * Remembers the answer to question {@code question} (its index in the demo's file) of a
   * demo; once all {@code questions} have an answer, the demo's score too.
   */
  public synchronized void record(String demo, int question, boolean right, int questions) {
    answers.setProperty(demo + ".q" + question, right ? "right" : "wrong");
    int rights = 0;
    for (int i = 0; i < questions; i++) {
      String a = answers.getProperty(demo + ".q" + i);
      if (a == null) {
        return;
      }
      rights += a.equals("right") ? 1 : 0;
    }
    answers.setProperty(demo, rights + "/" + questions);
  }

  /** The score of a demo whose questions were all answered, if they were. */
  public synchronized Optional<Score> score(String demo) {
    String v = answers.getProperty(demo);
    if (v == null || !v.matches("\\d{1,4}/\\d{1,4}")) {
      return Optional.empty();
    }
    String[] parts = v.split("/");
    int right = Integer.parseInt(parts[0]);
    int total = Integer.parseInt(parts[1]);
    return right <= total && total > 0 ? Optional.of(new Score(right, total))
        : Optional.empty();
  }

  /** The answer recorded for one question: "right", "wrong", or empty. */
  public synchronized Optional<String> answer(String demo, int question) {
    return Optional.ofNullable(answers.getProperty(demo + ".q" + question));
  }

  /** Writes the answers: under a temporary name in the same folder, then renamed over. */
  public void save() throws IOException {
    synchronized (writing) {
      TreeMap<Object, Object> snapshot;
      synchronized (this) {
        snapshot = new TreeMap<>(answers);
      }
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
      try {
        Properties sorted = new Properties();
        sorted.putAll(snapshot);
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          sorted.store(out, "Descent: the answers to the demos' questions");
        }
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
