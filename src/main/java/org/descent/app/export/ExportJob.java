package org.descent.app.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;
import org.descent.export.AnimatedGif;
import org.descent.export.Animation;
import org.descent.export.AnimationExport;
import org.descent.export.FrameSink;
import org.descent.export.Mp4Video;
import org.descent.export.PngFrames;
import org.descent.export.StillExport;
import org.descent.export.TraceCsv;
import org.descent.export.AtomicFiles;
import org.descent.picture.Look;
import org.descent.picture.Pictures;
import org.descent.picture.RaceScene;
import org.descent.scenario.Scenario;

/**
 * One export from the app, as a background task built from immutable inputs: the scenario as
 * the window shows it (its traces are recomputed, bit for bit the same), what to write, and
 * where. It reports progress, stops between frames when cancelled, and its message says what
 * was written.
 */
public final class ExportJob extends Task<String> {

  /** What to write, with the extension of its file ("" for the folder of PNG frames). */
  public enum Kind {
    PNG_FRAMES(""), GIF(".gif"), MP4(".mp4"), STILL(".png"), CSV(".csv"), TRAINING_CSV(".csv");

    private final String extension;

    Kind(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  /**
   * An export request.
   *
   * @param target a folder for PNG frames, a file otherwise
   * @param step the step of a still
   */
  public record Request(Kind kind, Path target, Pictures.View view, int width, int height,
      int from, int to, int every, double stepsPerSecond, boolean turn, int step, Look look) {}

  private final Scenario scenario;
  private final Request request;

  public ExportJob(Scenario scenario, Request request) {
    this.scenario = scenario;
    this.request = request;
  }

  @Override
  protected String call() throws Exception {
    Request r = request;
    RaceScene scene = RaceScene.of(scenario);
    boolean network = r.kind() == Kind.TRAINING_CSV || r.kind() != Kind.CSV
        && (r.view() == Pictures.View.NETWORK || r.view() == Pictures.View.LAYOUT);
    if (network && scenario.network() == null) {
      if (r.kind() == Kind.TRAINING_CSV || r.view() == Pictures.View.NETWORK) {
        throw new IllegalArgumentException("this demo trains no network (View > Train a real "
            + "network beside the map)");
      }
    } else if (network) {
      updateMessage("training the network…");
      // The same runs as the window's training, bit for bit, trained here to the end.
      scene = scene.withNetwork(org.descent.picture.NetworkPictures.trained(scenario));
    }
    switch (r.kind()) {
      case STILL -> {
        updateProgress(0, 1);
        StillExport.write(r.target(), r.view(), scene, r.step(), r.width(), r.height(),
            r.look());
        updateProgress(1, 1);
        return "wrote " + r.target();
      }
      case TRAINING_CSV -> {
        var frame = scene.network();
        AtomicFiles.writeText(r.target(), w -> {
          try (org.descent.export.TrainingCsv csv = org.descent.export.TrainingCsv.open(w)) {
            for (var run : frame.runs()) {
              for (var p : run.snapshot().points()) {
                csv.append(run.label(), p);
              }
            }
          }
        });
        return "wrote " + r.target() + " (" + frame.runs().size() + " runs)";
      }
      case CSV -> {
        List<org.descent.trace.Trace> traces = scene.runs().stream()
            .map(org.descent.picture.ChartInput::trace).toList();
        AtomicFiles.writeText(r.target(), w -> TraceCsv.write(traces, w));
        return "wrote " + r.target() + " (" + traces.size() + " trajectories)";
      }
      default -> {
        Animation a = new Animation(r.view(), r.width(), r.height(), r.from(), r.to(),
            r.every(), r.stepsPerSecond(), r.look(), r.turn());
        List<FrameSink> sinks = new ArrayList<>();
        switch (r.kind()) {
          case PNG_FRAMES -> sinks.add(new PngFrames(r.target()));
          case GIF -> sinks.add(new AnimatedGif(r.target(), a.frameSeconds()));
          default -> sinks.add(new Mp4Video(r.target(), a.framesPerSecond()));
        }
        AnimationExport.Result result = AnimationExport.run(scene, a, sinks,
            new AnimationExport.Progress() {
              @Override
              public void frames(int done, int total) {
                updateProgress(done, total);
                updateMessage(done + " of " + total + " frames");
              }

              @Override
              public boolean cancelled() {
                return isCancelled();
              }
            }, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        return result.summary();
      }
    }
  }
}
