package org.descent.picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.descent.render.ColorMap;
import org.descent.render.ContourLevels;
import org.descent.render.ScalarGrid;
import org.descent.render.SurfaceMarker;
import org.descent.render.SurfaceMesh;
import org.descent.render.SurfacePath;
import org.descent.render.SurfaceRenderer;
import org.descent.trace.Trace;

/**
 * The pictures of a race at one step, as images: the contour map, the surface, the charts, and
 * a slide layout of all three under the title. The same painters as the app's views, so a
 * slide shows what the window shows. One instance per thread (it keeps its renderers'
 * buffers and the last field and mesh between frames).
 */
public final class Pictures {

  /** What to draw. */
  public enum View {
    CONTOUR, SURFACE, CHARTS, LAYOUT, NETWORK,
    /** The contour map with the first card's step drawn at its iterate, and its numbers. */
    STEP
  }

  private final MapPainter painter = new MapPainter();
  private final SurfaceRenderer renderer = new SurfaceRenderer();
  private final RaceChart lossChart = new RaceChart();
  private final RaceChart distanceChart = new RaceChart();
  private final RaceChart networkTop = new RaceChart();
  private final RaceChart networkBottom = new RaceChart();
  private MapField field;
  private SurfaceMesh mesh;
  private RaceScene meshScene;

  public Pictures() {
    Fonts.registerWithJava2d();
  }

  /** A view of the race at a step, w × h pixels. */
  public BufferedImage draw(View view, RaceScene scene, int step, int w, int h, Look look) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      drawInto(g, view, scene, step, w, h, look);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Draws a view into any Graphics2D (an image, a PDF page) of w × h units. */
  public void drawInto(Graphics2D g, View view, RaceScene scene, int step, int w, int h,
      Look look) {
    hints(g);
    g.setPaint(new Color(look.background(), true));
    g.fillRect(0, 0, w, h);
    switch (view) {
      case CONTOUR -> contour(g, scene, step, 0, 0, w, h, look);
      case SURFACE -> surface(g, scene, step, 0, 0, w, h, look);
      case CHARTS -> charts(g, scene, step, 0, 0, w, h, look);
      case LAYOUT -> layout(g, scene, step, w, h, look);
      case NETWORK -> network(g, scene, 0, 0, w, h, look);
      case STEP -> step(g, scene, step, w, h, look);
    }
  }

  /** The contour map's geometry in a picture of this size (for tests that look at pixels). */
  public static MapGeometry contourGeometry(RaceScene scene, int w, int h, Look look) {
    return MapGeometry.layout(scene.view(), w, h, look);
  }

  /** The run labels' boxes on the last contour map drawn, in its pixels (for tests). */
  java.util.List<Rectangle2D> lastLabels() {
    return painter.lastLabels();
  }

  static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
  }

  private void layout(Graphics2D g, RaceScene scene, int step, int w, int h, Look look) {
    double fs = look.fontSize();
    int titleHeight = 0;
    FontMetrics title = null;
    if (!scene.title().isEmpty()) {
      g.setFont(look.font(Font.BOLD, fs * 1.35));
      title = g.getFontMetrics();
      titleHeight = title.getHeight() + (int) Math.round(fs * 0.6);
    }
    SlideLayout s = SlideLayout.of(w, h, fs, titleHeight, scene.network() != null);
    if (s.titleHeight() > 0) {
      g.setFont(title.getFont());
      g.setPaint(new Color(look.foreground(), true));
      g.drawString(Numbers.fit(g, scene.title(), w - fs), (float) (fs * 0.8),
          (float) (fs * 0.3 + title.getAscent()));
    }
    Rectangle map = s.map();
    contour(g, scene, step, map.x, map.y, map.width, map.height, look);
    Rectangle beside = s.beside();
    if (beside != null && scene.network() != null) {
      // With a network, its column takes the surface's place and the whole height beside
      // the map and the charts, as in the app.
      network(g, scene, beside.x, beside.y, beside.width, beside.height, look);
    } else if (beside != null && scene.beside() != null) {
      // A demo's second loss takes the surface's place, as in the app, named above its map.
      if (besidePictures == null) {
        besidePictures = new Pictures();
      }
      int label = (int) Math.round(fs * 1.6);
      besidePictures.contour(g, scene.beside(), step, beside.x, beside.y + label,
          beside.width, beside.height - label, look);
      g.setFont(look.font(Font.BOLD, fs));
      g.setPaint(new Color(look.foreground(), true));
      g.drawString(Numbers.fit(g, "beside: " + scene.beside().title(), beside.width - fs),
          (float) (beside.x + fs * 0.5), (float) (beside.y + fs * 1.1));
    } else if (beside != null) {
      surface(g, scene, step, beside.x, beside.y, beside.width, beside.height, look);
    }
    Rectangle charts = s.charts();
    if (charts != null) {
      charts(g, scene, step, charts.x, charts.y, charts.width, charts.height, look);
    }
  }

  /** The pictures of the function beside (its own cached field). */
  private Pictures besidePictures;

  private void network(Graphics2D g, RaceScene scene, int x, int y, int w, int h, Look look) {
    if (scene.network() == null) {
      g.setPaint(new Color(look.foreground(), true));
      g.setFont(look.font(Font.ITALIC, look.fontSize()));
      g.drawString("this scenario trains no network", x + 10f, y + h / 2f);
      return;
    }
    NetworkPictures.column(g, look, x, y, w, h, scene.network(), networkTop, networkBottom);
  }

  private void contour(Graphics2D g, RaceScene scene, int step, int x, int y, int w, int h,
      Look look) {
    contour(g, scene, step, x, y, w, h, look, null);
  }

  private void contour(Graphics2D g, RaceScene scene, int step, int x, int y, int w, int h,
      Look look, MapScene.Inspection inspection) {
    MapGeometry a = MapGeometry.layout(scene.view(), w, h, look);
    if (a == null) {
      return;
    }
    int fw = (int) Math.round(a.width());
    int fh = (int) Math.round(a.height());
    if (field == null || field.landscape() != scene.landscape() || field.width() != fw
        || field.height() != fh || !field.view().equals(a.view())) {
      var f = scene.landscape().formula().objective();
      field = MapField.compute(f, a.view(), fw, fh, (float) look.scale(), look.highContrast(),
          MapField.logarithmicFor(f, scene.landscape().view()), scene.landscape());
    }
    Graphics2D sub = (Graphics2D) g.create(x, y, w, h);
    try {
      MapScene map = new MapScene(scene.landscape(), scene.view(), field, scene.runs(), step,
          scene.trail(), scene.start(), false, true, null, inspection);
      painter.paint(sub, map, look, w, h, painter.java2d);
    } finally {
      sub.dispose();
    }
  }

  /**
   * The step inspector as the app shows it: on the left the map with the first card's step k
   * drawn at its iterate (its parts, trial points, M beside H⁻¹), on the right that step's rule
   * with its numbers and, for a line search, φ(α). The step is replayed from the start.
   */
  private void step(Graphics2D g, RaceScene scene, int step, int w, int h, Look look) {
    int index = scene.inspectedOptimizer();
    OpenedStep opened = null;
    if (index >= 0 && !scene.runs().isEmpty()) {
      Trace t = scene.runs().get(0).trace();
      int k = Math.min(step, t.lastStep() - 1);
      if (k >= 0) {
        opened = OpenedStep.replay(scene.setup(), scene.landscape(), index, k);
      }
    }
    int left = (int) Math.round(w * 0.58);
    contour(g, scene, step, 0, 0, left, h, look, opened == null ? null : opened.onMap(0));
    if (opened != null) {
      Graphics2D sub = (Graphics2D) g.create(left, 0, w - left, h);
      try {
        opened.picture().draw(sub, look, w - left, h);
      } finally {
        sub.dispose();
      }
    }
  }

  private void surface(Graphics2D g, RaceScene scene, int step, int x, int y, int w, int h,
      Look look) {
    if (mesh == null || meshScene != scene) {
      var f = scene.landscape().formula().objective();
      ScalarGrid grid = ScalarGrid.sample(f, scene.view(), 100, 100);
      ContourLevels levels = ContourLevels.choose(grid.min(), grid.max(), MapField.LEVELS,
          MapField.logarithmicFor(f, scene.landscape().view()));
      mesh = SurfaceMesh.sample(f, scene.view(), 100, 100, levels, ColorMap.viridis());
      meshScene = scene;
    }
    float s = (float) look.scale();
    List<SurfacePath> paths = new ArrayList<>();
    List<SurfaceMarker> markers = new ArrayList<>();
    for (ChartInput run : scene.runs()) {
      Trace t = run.trace();
      int k = Math.min(step, t.lastStep());
      if (k < 0) {
        continue;
      }
      int from = scene.trail() > 0 ? k - scene.trail() : 0;
      SurfacePaths.addInsideRuns(paths, t, from, k, scene.view(), run.argb(), 2.5f * s,
          run.style());
      markers.add(new SurfaceMarker(t.x(k), t.y(k), run.argb(), 7 * s));
    }
    if (scene.start() != null) {
      markers.add(new SurfaceMarker(scene.start().x(), scene.start().y(), 0xFFFFFFFF, 6 * s));
    }
    int[] argb = renderer.render(mesh, scene.camera(), w, h, look.plotBackground(), paths,
        markers);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, w, h, argb, 0, w);
    g.drawImage(img, x, y, null);
  }

  private void charts(Graphics2D g, RaceScene scene, int step, int x, int y, int w, int h,
      Look look) {
    RaceChartData data = RaceChartData.of(scene.landscape(), scene.view(), scene.runs(),
        scene.steps());
    if (scene.rate() != null) {
      data = data.withRateChart(scene.rate().chart(), scene.rate().fstar(), scene.runs(),
          scene.rate().accelerated());
    }
    RaceLegend legend = new RaceLegend(data.loss(), look);
    int pad = (int) Math.round(look.fontSize() * 0.5);
    if (w - 3 * pad < 4 * look.fontSize() || h < 4 * look.fontSize()) {
      return; // no room for a plot between its tick labels
    }
    int lh = (int) legend.height(g, w - 2 * pad);
    legend.draw(g, new Rectangle2D.Double(x + pad, y, w - 2 * pad, lh));
    int half = (w - 3 * pad) / 2;
    lossChart.style(look);
    distanceChart.style(look);
    lossChart.show(data.loss(), data.steps(), half);
    distanceChart.show(data.distance(), data.steps(), half);
    lossChart.setCursor(step);
    distanceChart.setCursor(step);
    int top = y + lh;
    lossChart.chart().draw(g, new Rectangle2D.Double(x + pad, top, half, h - lh - pad));
    distanceChart.chart().draw(g, new Rectangle2D.Double(x + 2 * pad + half, top, half,
        h - lh - pad));
  }
}
