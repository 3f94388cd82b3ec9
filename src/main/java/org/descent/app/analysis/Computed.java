package org.descent.app.analysis;

import org.descent.picture.Look;
import org.descent.picture.MapScene;

/** A result with the analysis that made it, which draws it and answers its clicks. */
record Computed<R extends AnalysisView.Result>(Analysis<R> analysis, R result) {

  /** On the JavaFX thread. */
  Analysis.Marks marks() {
    return analysis.marks(result);
  }

  /** On any thread, from the marks read before. */
  AnalysisPicture draw(Analysis.Marks marks, Look look, int width, int height) {
    return AnalysisPicture.draw(this, width, height,
        g -> analysis.draw(result, marks, g, look, width, height));
  }

  boolean click(AnalysisPicture picture, double x, double y) {
    return analysis.click(result, picture.plots(), x, y);
  }

  MapScene.Inspection onMap() {
    return analysis.onMap(result);
  }
}
