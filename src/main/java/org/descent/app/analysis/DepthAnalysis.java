package org.descent.app.analysis;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.descent.app.analysis.AnalysisView.DepthResult;
import org.descent.network.Initializer;
import org.descent.network.NetworkInputException;
import org.descent.network.NetworkObjective;
import org.descent.network.NetworkSetup;
import org.descent.network.SignalDiagnostics;
import org.descent.picture.AnalysisPlot;
import org.descent.picture.DepthPicture;
import org.descent.picture.Look;

/**
 * The signal through the network at its initial weights, for the demo's setup and for each
 * initialization with and without skip connections: what Tripp's ten-layer example shows.
 */
final class DepthAnalysis implements Analysis<DepthResult> {

  @Override
  public Plan<DepthResult> plan(AnalysisInput in) {
    NetworkSetup setup = in.network();
    if (setup == null) {
      return Plan.refused("no network in this demo: turn it on with N");
    }
    return Plan.work(null, "each hidden layer's output variance and weight-gradient norm at "
        + "the initial weights, under each initialization, with and without skips (bold: this "
        + "demo's).", "signal through depth", (w, c, listener) -> {
          List<DepthPicture.Line> lines = new ArrayList<>();
          List<Initializer> inits = List.of(new Initializer.Small(), new Initializer.Glorot(),
              new Initializer.He());
          for (boolean skips : new boolean[] {false, true}) {
            for (Initializer init : inits) {
              if (c.isCancelled()) {
                throw new CancellationException();
              }
              var tried = setup.withInit(init).withResidual(skips);
              boolean own = init.key().equals(setup.init().key()) && skips == setup.residual();
              lines.add(line(tried, init.key() + (skips ? ", skips" : ""), own));
            }
          }
          listener.pass(new DepthResult(new DepthPicture(lines)));
        });
  }

  @Override
  public AnalysisPlot[] draw(DepthResult r, Marks marks, Graphics2D g, Look look, int w,
      int h) {
    r.picture().draw(g, look, w, h);
    return new AnalysisPlot[0];
  }

  private static DepthPicture.Line line(NetworkSetup setup, String name, boolean own) {
    try {
      var p = setup.prepare();
      var f = new NetworkObjective(p.architecture(), p.data().train());
      var signal = SignalDiagnostics.compute(f, p.start(), p.data().train());
      double[] variance = new double[signal.size()];
      double[] gradient = new double[signal.size()];
      for (int i = 0; i < signal.size(); i++) {
        variance[i] = signal.get(i).variance();
        gradient[i] = signal.get(i).weightGradientNorm();
      }
      return new DepthPicture.Line(name, own, variance, gradient);
    } catch (NetworkInputException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }
}
