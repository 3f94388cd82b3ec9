package org.descent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.descent.export.AtomicFiles;
import org.descent.export.PngFrames;
import org.descent.network.DataSource;
import org.descent.network.Initializer;
import org.descent.network.NetworkInputException;
import org.descent.network.NetworkSetup;
import org.descent.scenario.Scenario;

/**
 * Every file a command writes, checked together against every file it reads before anything
 * runs or is written, so that a mistake costs nothing: an output that is the command's own
 * input (the scenario, its data or weights file — by the file, through links and {@code ..}),
 * two outputs that are one file, a folder where a file goes, a file where a folder goes, an
 * unwritable folder, a file that exists without {@code --force}. Pipes, devices and
 * /dev/stdout are written through: never "exists".
 *
 * <p>Each problem is one line that names the option or the file.
 */
final class Outputs {

  /** What an output is, which decides its messages. */
  private enum Role {
    /** A command's CSV ({@code --out}): replaced when it exists. */
    CSV,
    /** A still picture: replaced only with --force. */
    PICTURE,
    /** A GIF or a video: replaced only with --force. */
    ANIMATION,
    /** A folder of frames: its frames replaced only with --force. */
    FRAMES
  }

  private record Output(String option, Path path, Role role, int frames) {}

  private record Input(String what, Path path) {}

  private static final Pattern FRAME = Pattern.compile("frame_(\\d{4,})\\.png");

  private final boolean force;
  private final List<Input> inputs = new ArrayList<>();
  private final List<Output> outputs = new ArrayList<>();

  private Outputs(boolean force) {
    this.force = force;
  }

  /** A command whose outputs may replace what is there (the CSV of --out). */
  static Outputs replacing() {
    return new Outputs(true);
  }

  /** A command that replaces a file only when asked ({@code --force}). */
  static Outputs replacingOnlyWith(boolean force) {
    return new Outputs(force);
  }

  /** The scenario and the files it names (its network's CSV data, its weights), all read. */
  Outputs reads(Path scenarioFile, Scenario scenario) {
    inputs.add(new Input("the scenario " + scenarioFile, scenarioFile));
    NetworkSetup n = scenario.network();
    if (n == null) {
      return this;
    }
    try {
      if (n.data() instanceof DataSource.Csv csv) {
        Path p = DataSource.resolve(n.folder(), csv.path());
        inputs.add(new Input("the network's data file " + p, p));
      }
      if (n.init() instanceof Initializer.FromFile w) {
        Path p = DataSource.resolve(n.folder(), w.path());
        inputs.add(new Input("the network's weights file " + p, p));
      }
    } catch (NetworkInputException e) {
      // not a file name: reading the scenario has said so already
    }
    return this;
  }

  /** A CSV the command writes (none when {@code path} is null: standard output). */
  Outputs csv(String option, Path path) {
    return add(option, path, Role.CSV, 0);
  }

  /** A still picture. */
  Outputs picture(String option, Path path) {
    return add(option, path, Role.PICTURE, 0);
  }

  /** An animated GIF or a video. */
  Outputs animation(String option, Path path) {
    return add(option, path, Role.ANIMATION, 0);
  }

  /** A folder that gets {@code frames} PNG frames. */
  Outputs frames(String option, Path folder, int frames) {
    return add(option, folder, Role.FRAMES, frames);
  }

  private Outputs add(String option, Path path, Role role, int frames) {
    if (path != null) {
      outputs.add(new Output(option, path, role, frames));
    }
    return this;
  }

  /** Throws the first problem of the outputs, in the order they were given. */
  void check() throws InvalidInputException {
    for (int i = 0; i < outputs.size(); i++) {
      Output o = outputs.get(i);
      if (o.role() == Role.FRAMES) {
        checkFolder(o);
      } else {
        checkFile(o);
      }
      for (Input in : inputs) {
        if (writes(o, in.path())) {
          throw new InvalidInputException(o.option() + " " + o.path() + " would overwrite "
              + in.what() + ", which this command reads; write to another file");
        }
      }
      for (int j = 0; j < i; j++) {
        checkApart(outputs.get(j), o);
      }
    }
  }

  /** Two outputs of one command write different files. */
  private static void checkApart(Output a, Output b) throws InvalidInputException {
    if (a.role() == Role.FRAMES || b.role() == Role.FRAMES) {
      Output frames = a.role() == Role.FRAMES ? a : b;
      Output file = frames == a ? b : a;
      if (writes(frames, file.path())) {
        throw new InvalidInputException(file.option() + " " + file.path() + " is one of the "
            + "frames that " + frames.option() + " " + frames.path() + " writes; give it "
            + "another name");
      }
    } else if (writes(a, b.path())) {
      throw new InvalidInputException(a.option() + " " + a.path() + " and " + b.option() + " "
          + b.path() + " are the same file; give each its own");
    }
  }

  private void checkFile(Output o) throws InvalidInputException {
    AtomicFiles.Kind kind = AtomicFiles.kind(o.path());
    if (kind == AtomicFiles.Kind.FOLDER) {
      // two wordings, as the commands have always said it
      throw new InvalidInputException("cannot write " + o.path() + ": "
          + (o.role() == Role.CSV ? "is a folder" : "it is a folder"));
    }
    if (kind == AtomicFiles.Kind.FILE && !force) {
      throw new InvalidInputException(o.path() + " exists; use --force to replace it");
    }
    String problem = AtomicFiles.problem(o.path());
    if (problem != null) {
      throw cannotWrite(o, problem);
    }
  }

  private void checkFolder(Output o) throws InvalidInputException {
    Path folder = o.path();
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new InvalidInputException("cannot write frames into " + folder + ": it is a file");
    }
    if (!force && PngFrames.wouldReplace(folder, o.frames())) {
      throw new InvalidInputException(folder + " already holds frames; use --force to "
          + "replace them");
    }
    String problem = AtomicFiles.problem(folder.resolve(PngFrames.name(0)));
    if (problem != null) {
      throw cannotWrite(o, problem);
    }
  }

  /**
   * "cannot write F: why"; an animation's message begins as its failures while writing do
   * ("cannot write the animation: --gif F: why; nothing half-written was left").
   */
  private static InvalidInputException cannotWrite(Output o, String problem) {
    if (o.role() == Role.ANIMATION || o.role() == Role.FRAMES) {
      return new InvalidInputException("cannot write the animation: " + o.option() + " "
          + o.path() + ": " + problem + "; nothing half-written was left");
    }
    return new InvalidInputException("cannot write " + o.path() + ": " + problem);
  }

  /**
   * Whether writing {@code o} writes the file at {@code p}: the same file (also through a
   * link, {@code ..} or a hard link), or, for frames, one of its frame files. The null device
   * takes any number of outputs.
   */
  private static boolean writes(Output o, Path p) {
    if (o.role() != Role.FRAMES) {
      return sameFile(o.path(), p) && !sameFile(p, Path.of("/dev/null"));
    }
    Matcher m = FRAME.matcher(String.valueOf(p.getFileName()));
    Path parent = p.toAbsolutePath().getParent();
    return m.matches() && parent != null && sameFile(o.path(), parent)
        && Integer.parseInt(m.group(1)) <= o.frames();
  }

  /** Whether two paths name one file: by the file when both exist, else by the real path. */
  static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // compared by name below
    }
    return identity(a).equals(identity(b));
  }

  /** The path as the file system knows it: its folder's real path, and its name. */
  private static Path identity(Path p) {
    Path abs = p.toAbsolutePath();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      Path parent = abs.getParent();
      try {
        return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName());
      } catch (IOException notThere) {
        return abs.normalize();
      }
    }
  }
}
