package org.descent.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.descent.export.AtomicFiles;
import org.descent.export.AnimatedGif;
import org.descent.export.Animation;
import org.descent.export.AnimationExport;
import org.descent.export.FrameSink;
import org.descent.export.Mp4Video;
import org.descent.export.PngFrames;
import org.descent.export.StillExport;
import org.descent.function.FormulaException;
import org.descent.picture.Look;
import org.descent.picture.Pictures;
import org.descent.picture.RaceScene;
import org.descent.scenario.Scenario;
import org.descent.scenario.ScenarioException;
import org.descent.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code descent render FILE --still PNG}: a picture of a scenario at a step, drawn headless by
 * the same painters as the app's views.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = {"Draws a scenario's pictures headless, with the app's own painters: a still "
        + "picture, or an animation as PNG frames, an animated GIF and an MP4 video (any of "
        + "them, or several in one run).",
        "Examples:",
        "  descent render ravine.yaml --still ravine.png --step 50",
        "  descent render ravine.yaml --gif ravine.gif --mp4 ravine.mp4 --size 1280x720",
        "  descent render ravine.yaml --frames frames/ --view contour --every 2"},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:written", "2:invalid input, an existing file without --force, "
        + "a folder or disk that cannot be written"})
final class RenderCommand implements Callable<Integer> {

  /** The largest picture side: 8K for a still, 4K for an animation. */
  static final int MAX_SIDE = 7680;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (YAML)")
  Path scenarioFile;

  @Option(names = "--still", paramLabel = "PNG",
      description = "write one picture here (.png, or .pdf for a vector picture)")
  Path still;

  @Option(names = "--step", paramLabel = "K",
      description = "the step of the still (default: the last)")
  Integer step;

  @Option(names = "--frames", paramLabel = "DIR",
      description = "write the animation as frame_0001.png, frame_0002.png, ... here")
  Path frames;

  @Option(names = "--gif", paramLabel = "FILE", description = "write a looping animated GIF")
  Path gif;

  @Option(names = "--mp4", paramLabel = "FILE", description = "write an H.264 MP4 video")
  Path mp4;

  @Option(names = "--from", paramLabel = "K", defaultValue = "0",
      description = "first step of the animation (default ${DEFAULT-VALUE})")
  int from;

  @Option(names = "--to", paramLabel = "K",
      description = "last step of the animation (default: the scenario's steps)")
  Integer to;

  @Option(names = "--every", paramLabel = "N", defaultValue = "1",
      description = "show every N-th step (default ${DEFAULT-VALUE})")
  int every;

  @Option(names = "--speed", paramLabel = "STEPS", defaultValue = "30",
      description = "playback speed in steps per second (default ${DEFAULT-VALUE})")
  double speed;

  @Option(names = "--turn", description = "turn the surface slowly while it plays")
  boolean turn;

  @Option(names = "--size", paramLabel = "WxH", defaultValue = "1920x1080",
      description = "picture size in pixels (default ${DEFAULT-VALUE})")
  String size;

  @Option(names = "--view", paramLabel = "VIEW", defaultValue = "layout",
      description = "contour, surface, charts, layout (with the network beside the map when the "
          + "scenario trains one), network, or step (the first card's step opened beside the "
          + "map) (default ${DEFAULT-VALUE})")
  String view;

  @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light",
      description = "light, dark or high-contrast (default ${DEFAULT-VALUE})")
  String theme;

  @Option(names = "--presentation", description = "large fonts and thick lines")
  boolean presentation;

  @Option(names = "--force", description = "replace files that exist")
  boolean force;

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    if (still == null && frames == null && gif == null && mp4 == null) {
      throw new InvalidInputException("nothing to write: give --still, --frames, --gif or --mp4");
    }
    int[] wh = size(size);
    Pictures.View v = view(view);
    Look look = look(theme, presentation, wh[0], wh[1]);
    Scenario scenario = ScenarioReader.read(scenarioFile);
    RaceScene scene;
    try {
      scene = RaceScene.of(scenario);
    } catch (FormulaException e) {
      throw new InvalidInputException(scenarioFile + ": function: " + e.getMessage());
    }
    if (v == Pictures.View.NETWORK && scenario.network() == null) {
      throw new InvalidInputException(scenarioFile + " trains no network: --view network "
          + "needs a network: section");
    }
    // Every option and every output is checked before the first byte is written: a mistake in
    // the last option must not leave the first one's file behind.
    int k = stillStep(scenario);
    Animation a = frames != null || gif != null || mp4 != null
        ? animation(scenario, v, wh, look) : null;
    Outputs.replacingOnlyWith(force).reads(scenarioFile, scenario)
        .picture("--still", still)
        .frames("--frames", frames, a == null ? 0 : a.frames())
        .animation("--gif", gif)
        .animation("--mp4", mp4)
        .check();
    if (scenario.network() != null && (v == Pictures.View.NETWORK
        || v == Pictures.View.LAYOUT)) {
      try {
        scene = scene.withNetwork(org.descent.picture.NetworkPictures.trained(scenario));
      } catch (org.descent.network.NetworkInputException e) {
        throw new InvalidInputException(e.getMessage());
      }
    }
    if (still != null) {
      writeStill(scene, v, k, wh, look);
    }
    if (a != null) {
      writeAnimation(scene, a);
    }
    return Cli.OK;
  }

  /** The still's step, checked (the last step when none is given). */
  private int stillStep(Scenario scenario) throws InvalidInputException {
    int k = step == null ? scenario.steps() : step;
    if (still != null && (k < 0 || k > scenario.steps())) {
      throw new InvalidInputException("--step must be between 0 and " + scenario.steps()
          + " (the scenario's steps), got " + k);
    }
    return k;
  }

  /** The animation the options describe, checked. */
  private Animation animation(Scenario scenario, Pictures.View v, int[] wh, Look look)
      throws InvalidInputException {
    int last = to == null ? scenario.steps() : to;
    if (from < 0 || from > scenario.steps() || last < from || last > scenario.steps()) {
      throw new InvalidInputException("--from and --to must satisfy 0 <= from <= to <= "
          + scenario.steps() + " (the scenario's steps), got " + from + " and " + last);
    }
    if (wh[0] > Animation.MAX_SIDE || wh[1] > Animation.MAX_SIDE) {
      throw new InvalidInputException("an animation is at most " + Animation.MAX_SIDE + " x "
          + Animation.MAX_SIDE + " pixels, got " + size);
    }
    try {
      return new Animation(v, wh[0], wh[1], from, last, every, speed, look, turn);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage().replace("every must", "--every must")
          .replace("the speed must", "--speed must"));
    }
  }

  private void writeStill(RaceScene scene, Pictures.View v, int k, int[] wh, Look look)
      throws InvalidInputException {
    try {
      StillExport.write(still, v, scene, k, wh[0], wh[1], look);
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + still + ": " + TraceCommand.describe(e));
    }
    spec.commandLine().getErr().println("wrote " + still);
  }

  /** An output as the user gave it. */
  private record Given(String option, Path path) {}

  private void writeAnimation(RaceScene scene, Animation a) throws InvalidInputException {
    // each sink with its option, so that a failure names the file it is about
    Map<FrameSink, Given> sinks = new LinkedHashMap<>();
    if (frames != null) {
      sinks.put(new PngFrames(frames), new Given("--frames", frames));
    }
    if (gif != null) {
      sinks.put(new AnimatedGif(gif, a.frameSeconds()), new Given("--gif", gif));
    }
    if (mp4 != null) {
      sinks.put(new Mp4Video(mp4, a.framesPerSecond()), new Given("--mp4", mp4));
    }
    AnimationExport.Result r;
    try {
      r = AnimationExport.run(scene, a, new ArrayList<>(sinks.keySet()),
          AnimationExport.Progress.NONE, Runtime.getRuntime().availableProcessors());
    } catch (AnimationExport.SinkFailure e) {
      Given g = sinks.get(e.sink());
      // A pipe or a device may have had part of it; files are whole or not there at all.
      boolean partSent = !(e.sink() instanceof PngFrames)
          && AtomicFiles.kind(g.path()) == AtomicFiles.Kind.THROUGH;
      throw new InvalidInputException("cannot write the animation: " + g.option() + " "
          + g.path() + ": " + TraceCommand.describe(e.reason())
          + (partSent ? "" : "; nothing half-written was left"));
    } catch (IOException e) {
      throw new InvalidInputException("cannot write the animation: " + TraceCommand.describe(e)
          + "; nothing half-written was left");
    }
    spec.commandLine().getErr().println(r.summary());
  }

  static int[] size(String text) throws InvalidInputException {
    String[] parts = text.toLowerCase(Locale.ROOT).split("x");
    try {
      if (parts.length == 2) {
        int w = Integer.parseInt(parts[0].trim());
        int h = Integer.parseInt(parts[1].trim());
        if (w >= 160 && h >= 120 && w <= MAX_SIDE && h <= MAX_SIDE) {
          return new int[] {w, h};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("--size must be WIDTHxHEIGHT between 160x120 and "
        + MAX_SIDE + "x" + MAX_SIDE + ", e.g. 1920x1080; got '" + text + "'");
  }

  static Pictures.View view(String text) throws InvalidInputException {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "contour" -> Pictures.View.CONTOUR;
      case "surface" -> Pictures.View.SURFACE;
      case "charts" -> Pictures.View.CHARTS;
      case "layout" -> Pictures.View.LAYOUT;
      case "network" -> Pictures.View.NETWORK;
      case "step" -> Pictures.View.STEP;
      default -> throw new InvalidInputException("unknown view '" + text
          + "'; expected contour, surface, charts, layout, network or step");
    };
  }

  /** The look of a theme, with text that grows with the picture (see ExportLook). */
  static Look look(String theme, boolean presentation, int width, int height) throws InvalidInputException {
    Look base = switch (theme.toLowerCase(Locale.ROOT)) {
      case "light" -> Look.LIGHT;
      case "dark" -> Look.DARK;
      case "high-contrast" -> Look.HIGH_CONTRAST;
      default -> throw new InvalidInputException("unknown theme '" + theme
          + "'; expected light, dark or high-contrast");
    };
    return org.descent.export.ExportLook.of(base, presentation, width, height);
  }
}
