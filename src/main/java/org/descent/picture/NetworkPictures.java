package org.descent.picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.descent.network.NetworkPicture;
import org.descent.network.PreparedData;
import org.descent.training.RunSnapshot;

/**
 * Every picture of the network side, drawn by one code for the app and for export: the
 * charts of all runs, and for the run looked into its decision regions, its hidden units and
 * the loss landscape around its weights.
 */
public final class NetworkPictures {

  /**
   * The network at a moment, as the pictures need it.
   *
   * @param runs the runs shown, in their cards' colours
   * @param steps the training's steps (the charts' x axis)
   * @param inspected the index into runs of the run looked into, or −1
   * @param data the split data (regions), or null
   * @param slice the sampled loss landscape around the inspected run, or null (not yet)
   * @param connect the inspected card trained from two seeds and the paths between the two
   *     minima, or null (not yet)
   * @param spectrum the Hessian's eigenvalues at the inspected run's latest kept weights, or
   *     null (not yet)
   */
  public record Frame(List<NetworkChartData.Run> runs, int steps, int inspected,
      PreparedData data, SlicePicture.Field slice,
      org.descent.training.ModeConnectivity.Result connect, SpectrumPicture.Field spectrum) {
    public Frame {
      runs = List.copyOf(runs);
    }

    /** A frame without the paths between two minima (not computed, or not asked for). */
    public Frame(List<NetworkChartData.Run> runs, int steps, int inspected, PreparedData data,
        SlicePicture.Field slice) {
      this(runs, steps, inspected, data, slice, null, null);
    }

    /** A frame without the spectrum. */
    public Frame(List<NetworkChartData.Run> runs, int steps, int inspected, PreparedData data,
        SlicePicture.Field slice, org.descent.training.ModeConnectivity.Result connect) {
      this(runs, steps, inspected, data, slice, connect, null);
    }

    RunSnapshot inspectedRun() {
      return inspected >= 0 && inspected < runs.size() ? runs.get(inspected).snapshot() : null;
    }

    String inspectedLabel() {
      return inspected >= 0 && inspected < runs.size() ? runs.get(inspected).label() : "";
    }
  }

  private NetworkPictures() {}

  /**
   * Trains a scenario's network to the end on the calling thread, as the app's background
   * training does (the same runs, bit for bit), and gathers what its pictures need: the shown
   * cards in their colours, the first one looked into.
   *
   * @return null when the scenario has no network
   * @throws org.descent.network.NetworkInputException when its data or weights cannot be read
   */
  public static Frame trained(org.descent.scenario.Scenario s)
      throws org.descent.network.NetworkInputException {
    if (s.network() == null) {
      return null;
    }
    var plan = org.descent.training.TrainingPlan.prepare(new org.descent.training
        .TrainingRequest(s.network(), s.optimizers(), s.networkRates()));
    List<RunSnapshot> trained = org.descent.training.Trainer.train(plan);
    List<NetworkChartData.Run> runs = new java.util.ArrayList<>();
    for (RunSnapshot r : trained) {
      int i = r.index();
      if (s.hidden().get(i)) {
        continue;
      }
      String hex = s.colors().get(i);
      runs.add(new NetworkChartData.Run(s.optimizers().get(i).label(),
          hex == null ? Colors.color(i) : Colors.parse(hex), r));
    }
    return new Frame(runs, s.network().steps(), runs.isEmpty() ? -1 : 0, plan.data(), null);
  }

  /**
   * The network's column of a slide: the loss over the decision regions (2-D data) or over the
   * accuracy, each with its title.
   */
  public static void column(Graphics2D g, Look look, double x, double y, double w, double h,
      Frame frame, RaceChart top, RaceChart bottom) {
    double half = Math.floor(h / 2);
    Graphics2D a = (Graphics2D) g.create((int) x, (int) y, (int) w, (int) half);
    try {
      draw(a, look, w, half, NetworkPicture.LOSS, frame, top);
    } finally {
      a.dispose();
    }
    NetworkPicture second = applies(NetworkPicture.REGIONS, frame.data()) ? NetworkPicture.REGIONS : NetworkPicture.ACCURACY;
    Graphics2D b = (Graphics2D) g.create((int) x, (int) (y + half), (int) w, (int) (h - half));
    try {
      draw(b, look, w, h - half, second, frame, bottom);
    } finally {
      b.dispose();
    }
  }

  /** Whether a kind can be drawn for these data (regions need 2-D inputs). */
  public static boolean applies(NetworkPicture kind, PreparedData data) {
    return kind != NetworkPicture.REGIONS || data == null || data.rawTrain().features() == 2;
  }

  /**
   * Draws one picture with its caption as a title. Charts use the given chart object
   * (JFreeChart objects are not thread-safe: one per drawing thread).
   */
  public static void draw(Graphics2D g, Look look, double width, double height, NetworkPicture kind,
      Frame frame, RaceChart chart) {
    draw(g, look, width, height, kind, frame, chart, true);
  }

  /**
   * Draws one picture; without a title when the caller shows {@link #caption} itself (the
   * app, beside the picture's chooser).
   */
  public static void draw(Graphics2D g, Look look, double width, double height, NetworkPicture kind,
      Frame frame, RaceChart chart, boolean titled) {
    String title = titled ? caption(kind, frame) : "";
    switch (kind) {
      case REGIONS -> regions(g, look, width, height, frame, title);
      case UNITS -> {
        RunSnapshot r = frame.inspectedRun();
        UnitsPicture.draw(g, look, width, height, r == null ? List.of() : r.layers(), title);
      }
      case SLICE -> {
        if (frame.slice() == null) {
          message(g, look, width, height, frame.runs().isEmpty() ? "no run to look into"
              : "computing the loss landscape around " + frame.inspectedLabel() + "…");
        } else {
          SlicePicture.draw(g, look, width, height, frame.slice(), title);
        }
      }
      case SPECTRUM -> {
        if (frame.spectrum() == null) {
          message(g, look, width, height, frame.runs().isEmpty() ? "no run to look into"
              : "computing the Hessian's eigenvalues at " + frame.inspectedLabel() + "'s "
                  + "weights…");
        } else {
          SpectrumPicture.draw(g, look, width, height, frame.spectrum(), title);
        }
      }
      case CONNECT -> {
        if (frame.connect() == null) {
          message(g, look, width, height, frame.runs().isEmpty() ? "no run to look into"
              : "training " + frame.inspectedLabel() + " from a second seed…");
        } else {
          RaceChartData.Panel p = ConnectivityChart.panel(frame.connect(), look, titled
              ? title : "");
          chart.style(look);
          chart.show(p, ConnectivityChart.WIDTH, (int) width);
          chart.chart().draw(g, new Rectangle2D.Double(0, 0, width, height));
        }
      }
      default -> {
        NetworkChartData data = NetworkChartData.of(frame.runs(), frame.steps());
        RaceChartData.Panel p = panel(data, kind);
        if (!titled) {
          p = new RaceChartData.Panel("", p.yLabel(), p.scale(), p.yMin(), p.yMax(), p.curves(),
              p.xLabel(), p.guides());
        }
        chart.style(look);
        chart.show(p, data.steps(), (int) width);
        chart.chart().draw(g, new Rectangle2D.Double(0, 0, width, height));
      }
    }
  }

  /** What a picture shows, in words: its title. */
  public static String caption(NetworkPicture kind, Frame frame) {
    RunSnapshot r = frame.inspectedRun();
    String who = frame.inspectedLabel();
    return switch (kind) {
      case REGIONS -> r == null ? "the data" : who + ": step " + r.step() + accuracy(r);
      case UNITS -> r == null ? "hidden units" : who + ": hidden units at step " + r.step();
      case SLICE -> r == null ? "loss landscape" : "loss around " + who + "'s weights";
      case CONNECT -> ConnectivityChart.caption(frame.connect(), who);
      case SPECTRUM -> SpectrumPicture.caption(frame.spectrum());
      default -> panel(NetworkChartData.of(frame.runs(), frame.steps()), kind).title();
    };
  }

  static RaceChartData.Panel panel(NetworkChartData data, NetworkPicture kind) {
    return switch (kind) {
      case ACCURACY -> data.accuracy();
      case GRADIENT -> data.gradient();
      case RATE -> data.rate();
      case CURVATURE -> data.curvature();
      case SHARPNESS -> data.sharpness();
      default -> data.loss();
    };
  }

  private static void regions(Graphics2D g, Look look, double width, double height,
      Frame frame, String title) {
    RunSnapshot r = frame.inspectedRun();
    if (frame.data() == null || frame.data().rawTrain().features() != 2) {
      message(g, look, width, height, "decision regions need 2-D data");
      return;
    }
    DecisionPicture.draw(g, look, width, height, r == null ? null : r.grid(),
        frame.data().rawTrain(), frame.data().rawValidation(), title);
  }

  private static String accuracy(RunSnapshot r) {
    var p = r.latest();
    if (p == null) {
      return "";
    }
    double a = Double.isFinite(p.valAccuracy()) ? p.valAccuracy() : p.trainAccuracy();
    String which = Double.isFinite(p.valAccuracy()) ? " val." : " training";
    return Double.isFinite(a) ? ", " + Math.round(100 * a) + " %" + which + " accuracy" : "";
  }

  private static void message(Graphics2D g, Look look, double width, double height,
      String text) {
    g.setPaint(new Color(look.background(), true));
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    g.setPaint(new Color(look.foreground(), true));
    g.setFont(look.font(Font.ITALIC, look.fontSize()));
    int w = g.getFontMetrics().stringWidth(text);
    g.drawString(text, (float) Math.max(4, (width - w) / 2), (float) (height / 2));
  }
}
