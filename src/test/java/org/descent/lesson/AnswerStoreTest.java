package org.descent.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student's answers between runs: kept per question and, once a demo's questions are all
 * answered, its score; written atomically; a broken file ignored.
 */
class AnswerStoreTest {

  @TempDir
  Path dir;

  @Test
  void aDemoIsAnsweredOnceEveryQuestionIsAndItKeepsBetweenRuns() throws Exception {
    AnswerStore store = new AnswerStore(dir.resolve("descent"));
    store.load(); // no file yet: empty
    store.record("momentum-ravine", 1, true, 2);
    assertEquals(Optional.empty(), store.score("momentum-ravine"));
    store.record("momentum-ravine", 0, false, 2);
    assertEquals(Optional.of(new AnswerStore.Score(1, 2)), store.score("momentum-ravine"));
    store.save();
    assertTrue(Files.exists(dir.resolve("descent").resolve(AnswerStore.FILE)));
    try (var files = Files.list(dir.resolve("descent"))) {
      assertEquals(1, files.count(), "no temporary file is left");
    }
    AnswerStore again = new AnswerStore(dir.resolve("descent"));
    again.load();
    assertEquals(Optional.of(new AnswerStore.Score(1, 2)), again.score("momentum-ravine"));
    assertEquals(Optional.of("right"), again.answer("momentum-ravine", 1));
    assertEquals(Optional.empty(), again.score("lr-too-small"));
  }

  @Test
  void anUnreadableFileIsIgnored() throws Exception {
    Files.write(dir.resolve(AnswerStore.FILE), new byte[] {'a', '=', '\\', 'u', '1'});
    AnswerStore store = new AnswerStore(dir);
    store.load(); // a malformed \\u escape: no exception, nothing read
    assertEquals(Optional.empty(), store.score("a"));
    Files.writeString(dir.resolve(AnswerStore.FILE), "momentum-ravine=7/2\nx=abc\n");
    store.load();
    assertEquals(Optional.empty(), store.score("momentum-ravine"), "more right than asked");
    assertEquals(Optional.empty(), store.score("x"));
    // A folder where the file should be: unreadable, ignored.
    Path folder = dir.resolve("f");
    Files.createDirectories(folder.resolve(AnswerStore.FILE));
    AnswerStore blocked = new AnswerStore(folder);
    blocked.load();
    assertEquals(Optional.empty(), blocked.score("a"));
  }

  @Test
  void theDefaultFolderIsTheOneTheSystemPropertyNames() {
    String before = System.getProperty("descent.config");
    try {
      System.setProperty("descent.config", dir.toString());
      assertEquals(dir, AnswerStore.defaultDirectory());
    } finally {
      if (before == null) {
        System.clearProperty("descent.config");
      } else {
        System.setProperty("descent.config", before);
      }
    }
  }
}
