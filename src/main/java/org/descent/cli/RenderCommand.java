package org.descent.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.descent.export.AtomicFiles;
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

/**
 * {@code descent render FILE --still PNG}: a picture of a scenario at a step, drawn headless by
 * the same painters as the app's views.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = {"Draws a scenario's pictures headless, with the app's own painters.",
        "--still PNG writes one picture at --step (default: the last step)."})
final class RenderCommand implements Callable<Integer> {

  /** The largest picture side: 8K. */
  static final int MAX_SIDE = 7680;

  @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (YAML)")
  Path scenarioFile;

  @Option(names = "--still", paramLabel = "PNG", required = true,
      description = "write one picture here")
  Path still;

  @Option(names = "--step", paramLabel = "K",
      description = "the step to show (default: the last)")
  Integer step;

  @Option(names = "--size", paramLabel = "WxH", defaultValue = "1920x1080",
      description = "picture size in pixels (default ${DEFAULT-VALUE})")
  String size;

  @Option(names = "--view", paramLabel = "VIEW", defaultValue = "layout",
      description = "contour, surface, charts or layout (default ${DEFAULT-VALUE})")
  String view;

  @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light",
      description = "light, dark or high-contrast (default ${DEFAULT-VALUE})")
  String theme;

  @Option(names = "--presentation", description = "large fonts and thick lines")
  boolean presentation;

  @Override
  public Integer call() throws ScenarioException, InvalidInputException {
    int[] wh = size(size);
    Pictures.View v = view(view);
    Look look = look(theme, presentation, wh[1]);
    Scenario scenario = ScenarioReader.read(scenarioFile);
    RaceScene scene;
    try {
      scene = RaceScene.of(scenario);
    } catch (FormulaException e) {
      throw new InvalidInputException(scenarioFile + ": function: " + e.getMessage());
    }
    int k = step == null ? scenario.steps() : step;
    if (k < 0 || k > scenario.steps()) {
      throw new InvalidInputException("--step must be between 0 and " + scenario.steps()
          + " (the scenario's steps), got " + k);
    }
    BufferedImage img = new Pictures().draw(v, scene, k, wh[0], wh[1], look);
    try {
      AtomicFiles.write(still, temp -> {
        if (!ImageIO.write(img, "png", temp.toFile())) {
          throw new IOException("no PNG writer");
        }
      });
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + still + ": " + TraceCommand.describe(e));
    }
    return Cli.OK;
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
      default -> throw new InvalidInputException("unknown view '" + text
          + "'; expected contour, surface, charts or layout");
    };
  }

  /** The look of a theme, with fonts that grow with the picture (12 px at 720 lines). */
  static Look look(String theme, boolean presentation, int height) throws InvalidInputException {
    Look base = switch (theme.toLowerCase(Locale.ROOT)) {
      case "light" -> Look.LIGHT;
      case "dark" -> Look.DARK;
      case "high-contrast" -> Look.HIGH_CONTRAST;
      default -> throw new InvalidInputException("unknown theme '" + theme
          + "'; expected light, dark or high-contrast");
    };
    double grow = Math.max(1, height / 720.0);
    double scale = (presentation ? 2 : 1) * Math.sqrt(grow);
    float font = (float) ((presentation ? 18 : 12) * grow);
    return base.scaled(scale, font);
  }
}
