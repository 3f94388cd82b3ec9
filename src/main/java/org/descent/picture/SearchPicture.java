package org.descent.picture;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import org.descent.analysis.HyperMap;
import org.descent.analysis.HyperSearch;

/**
 * Grid search against random search with the same budget (Bergstra and Bengio 2012, as the
 * lectures show it): the two searches' trials over the same map of two hyperparameters, one
 * above the other, the best trial of each starred and the values tried of the first
 * hyperparameter as a rug along the bottom, so that the grid's few columns and random search's
 * many can be counted.
 */
public final class SearchPicture {

  private SearchPicture() {}

  /**
   * The title of one search's half: what it tried and the best loss it found, then shorter
   * forms of it (one a line) for a narrow picture, each keeping the best loss.
   */
  public static String title(HyperSearch.Result r, String param) {
    String best = "best f " + (r.best() == null ? "—" : Numbers.format(r.best().score()));
    return r.method() + " search: " + r.trials().size() + " runs, " + r.distinctA() + " "
        + param + "s; " + best + "\n" + r.method() + ", " + r.distinctA() + " " + param + "s: "
        + best + "\n" + r.method() + ": " + best + "\n" + best;
  }

  /**
   * Draws both searches; returns the two plots' geometries (the second one offset by the top
   * half's height), either null when too small.
   */
  public static AnalysisPlot[] draw(Graphics2D g, Look look, double w, double h, HyperMap map,
      int steps, HyperSearch.Result grid, HyperSearch.Result random) {
    double half = Math.floor(h / 2);
    String param = map.px().key().equals("lr") ? "rate"
        : HyperMapPicture.title(map.px().key()).replace(" α", "");
    AnalysisPlot top = HyperMapPicture.draw(g, look, w, half, map, steps,
        title(grid, param), new HyperMapPicture.Marks(null, grid.trials(), grid.best(), false));
    AffineTransform saved = g.getTransform();
    g.translate(0, half);
    AnalysisPlot bottom = HyperMapPicture.draw(g, look, w, h - half, map, steps,
        title(random, param), new HyperMapPicture.Marks(null, random.trials(), random.best(),
            false));
    g.setTransform(saved);
    if (bottom != null) {
      bottom = bottom.shiftedDown(half);
    }
    return new AnalysisPlot[] {top, bottom};
  }
}
