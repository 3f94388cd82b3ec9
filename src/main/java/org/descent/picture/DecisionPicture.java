package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.descent.function.ViewBox;
import org.descent.network.DecisionGrid;
import org.descent.network.Dataset;

/**
 * A 2-D network's decision regions under its data, as TensorFlow Playground draws them: each
 * pixel in the colour of the class the network finds most probable there, paler where it is
 * unsure, the boundary between classes drawn as a line; the training points filled, the
 * validation points as rings, in their true class's colour, so a misclassified point stands out
 * against the region around it.
 */
public final class DecisionPicture {

  /** Two classes in Playground's orange and blue; more in a categorical palette. */
  private static final int[] TWO = {0xFFF59322, 0xFF0877BD};
  private static final int[] MANY = {0xFF1F77B4, 0xFFFF7F0E, 0xFF2CA02C, 0xFFD62728,
      0xFF9467BD, 0xFF8C564B, 0xFFE377C2, 0xFF7F7F7F, 0xFFBCBD22, 0xFF17BECF};
  /** Points drawn at most (of each set): more only cover the regions. */
  static final int MAX_POINTS = 1500;

  private DecisionPicture() {}

  /** The colour of class c among n. */
  public static int classColour(int c, int n) {
    return n == 2 ? TWO[c] : MANY[c % MANY.length];
  }

  /**
   * Draws the regions of one run with the data over them.
   *
   * @param grid the regions, or null (only the data are drawn, e.g. before the first
   *     evaluation)
   * @param train the training set in its own (raw) coordinates
   * @param validation the validation set likewise, or null
   * @param title what the picture shows ("Adam: step 400, 97 % right")
   */
  public static void draw(Graphics2D g, Look look, double width, double height,
      DecisionGrid grid, Dataset train, Dataset validation, String title) {
    g.setPaint(new Color(look.background(), true));
    g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
    ViewBox box = grid != null ? new ViewBox(grid.xMin(), grid.xMax(), grid.yMin(),
        grid.yMax()) : bounds(train);
    double fs = look.fontSize();
    double s = look.scale();
    double titleHeight = title == null || title.isEmpty() ? 0 : 1.6 * fs;
    MapGeometry a = MapGeometry.layout(box, width, height - titleHeight, look);
    if (a == null) {
      return;
    }
    a = new MapGeometry(a.view(), a.left(), a.top() + titleHeight, a.width(), a.height());
    int classes = train.classes();
    if (grid != null) {
      regions(g, a, grid, classes);
    } else {
      g.setPaint(new Color(look.plotBackground(), true));
      g.fill(new java.awt.geom.Rectangle2D.Double(a.left(), a.top(), a.width(), a.height()));
    }
    java.awt.Shape clip = g.getClip();
    g.clip(new java.awt.geom.Rectangle2D.Double(a.left(), a.top(), a.width(), a.height()));
    points(g, a, train, classes, true, s);
    if (validation != null) {
      points(g, a, validation, classes, false, s);
    }
    g.setClip(clip);
    List<String> names = train.featureNames();
    MapAxes.draw(g, a, look, width, height, names.size() > 0 ? names.get(0) : "x₁",
        names.size() > 1 ? names.get(1) : "x₂");
    if (titleHeight > 0) {
      g.setFont(look.font(Font.BOLD, fs * 1.05));
      g.setPaint(new Color(look.foreground(), true));
      double tx = Math.min(a.left(), 6);
      g.drawString(Numbers.fit(g, title, width - tx - 4), (float) tx,
          (float) (titleHeight * 0.75 + 2));
    }
    legend(g, a, look, train.classNames(), validation != null && validation.size() > 0);
  }

  private static ViewBox bounds(Dataset d) {
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < d.size(); i++) {
      x0 = Math.min(x0, d.feature(i, 0));
      x1 = Math.max(x1, d.feature(i, 0));
      y0 = Math.min(y0, d.feature(i, 1));
      y1 = Math.max(y1, d.feature(i, 1));
    }
    if (!(x1 > x0) || !(y1 > y0)) {
      return new ViewBox(-1, 1, -1, 1);
    }
    double mx = 0.1 * (x1 - x0);
    double my = 0.1 * (y1 - y0);
    return new ViewBox(x0 - mx, x1 + mx, y0 - my, y1 + my);
  }

  /**
   * Per pixel: the class probabilities interpolated between cell centres, the most probable
   * class's colour over white with an opacity that grows with its margin over a coin toss.
   */
  private static void regions(Graphics2D g, MapGeometry a, DecisionGrid grid, int classes) {
    int w = Math.max(1, (int) Math.round(a.width()));
    int h = Math.max(1, (int) Math.round(a.height()));
    int n = grid.size();
    int[] argb = new int[w * h];
    int[] best = new int[w * h];
    double[] p = new double[classes];
    double dx = (grid.xMax() - grid.xMin()) / n;
    double dy = (grid.yMax() - grid.yMin()) / n;
    for (int py = 0; py < h; py++) {
      double y = a.toWorldY(a.top() + py + 0.5);
      double fy = (y - grid.yMin()) / dy - 0.5;
      int r0 = clamp((int) Math.floor(fy), n);
      int r1 = clamp(r0 + 1, n);
      double ty = Math.max(0, Math.min(1, fy - r0));
      for (int px = 0; px < w; px++) {
        double x = a.toWorldX(a.left() + px + 0.5);
        double fx = (x - grid.xMin()) / dx - 0.5;
        int c0 = clamp((int) Math.floor(fx), n);
        int c1 = clamp(c0 + 1, n);
        double tx = Math.max(0, Math.min(1, fx - c0));
        int top = 0;
        for (int c = 0; c < classes; c++) {
          double v00 = grid.probability(r0, c0, c);
          double v01 = grid.probability(r0, c1, c);
          double v10 = grid.probability(r1, c0, c);
          double v11 = grid.probability(r1, c1, c);
          p[c] = (1 - ty) * ((1 - tx) * v00 + tx * v01) + ty * ((1 - tx) * v10 + tx * v11);
          if (p[c] > p[top]) {
            top = c;
          }
        }
        double chance = 1.0 / classes;
        double margin = Double.isFinite(p[top]) ? Math.max(0, (p[top] - chance) / (1 - chance))
            : 0;
        double alpha = 0.18 + 0.5 * margin;
        int colour = classColour(top, classes);
        argb[py * w + px] = blend(0xFFFFFFFF, colour, alpha);
        best[py * w + px] = Double.isFinite(p[top]) ? top : -1;
      }
    }
    // The boundary: a pixel whose right or lower neighbour is of another class.
    for (int py = 0; py < h; py++) {
      for (int px = 0; px < w; px++) {
        int k = py * w + px;
        boolean edge = px + 1 < w && best[k + 1] != best[k]
            || py + 1 < h && best[k + w] != best[k];
        if (edge) {
          argb[k] = 0xFF303036;
        }
      }
    }
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, w, h, argb, 0, w);
    g.drawImage(img, (int) Math.round(a.left()), (int) Math.round(a.top()), null);
  }

  private static int clamp(int i, int n) {
    return Math.max(0, Math.min(n - 1, i));
  }

  private static int blend(int under, int over, double alpha) {
    int r = (int) Math.round(((under >> 16) & 255) * (1 - alpha) + ((over >> 16) & 255) * alpha);
    int gr = (int) Math.round(((under >> 8) & 255) * (1 - alpha) + ((over >> 8) & 255) * alpha);
    int b = (int) Math.round((under & 255) * (1 - alpha) + (over & 255) * alpha);
    return 0xFF000000 | (r << 16) | (gr << 8) | b;
  }

  private static void points(Graphics2D g, MapGeometry a, Dataset d, int classes,
      boolean filled, double s) {
    int every = Math.max(1, (int) Math.ceil(d.size() / (double) MAX_POINTS));
    // Points grow less than lines in presentation mode: hundreds of them must not become a
    // carpet that hides the regions.
    double ps = 1 + 0.4 * (s - 1);
    double r = (filled ? 3.2 : 3.4) * ps;
    BasicStroke outline = new BasicStroke((float) (0.9 * ps));
    BasicStroke ring = new BasicStroke((float) (1.5 * ps));
    for (int i = 0; i < d.size(); i += every) {
      double x = a.toScreenX(d.feature(i, 0));
      double y = a.toScreenY(d.feature(i, 1));
      Ellipse2D.Double dot = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
      Color c = new Color(classColour(d.label(i), classes), false);
      if (filled) {
        g.setPaint(c);
        g.fill(dot);
        g.setPaint(Color.WHITE);
        g.setStroke(outline);
        g.draw(dot);
      } else {
        g.setPaint(new Color(0, 0, 0, 130));
        g.setStroke(new BasicStroke((float) (2.6 * ps)));
        g.draw(dot);
        g.setPaint(c);
        g.setStroke(ring);
        g.draw(dot);
      }
    }
  }

  private static void legend(Graphics2D g, MapGeometry a, Look look, List<String> classes,
      boolean validation) {
    double s = look.scale();
    Font font = look.font(Font.PLAIN, look.fontSize() * 0.85);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int n = Math.min(classes.size(), 10);
    double line = fm.getHeight() + 2 * s;
    double w = 0;
    for (int c = 0; c < n; c++) {
      w = Math.max(w, fm.stringWidth(classes.get(c)));
    }
    String ring = "ring: validation";
    if (validation) {
      w = Math.max(w, fm.stringWidth(ring));
    }
    w += 22 * s;
    double h = (n + (validation ? 1 : 0)) * line + 6 * s;
    if (w > a.width() * 0.45 || h > a.height() * 0.7) {
      return;
    }
    double x = a.right() - w - 6 * s;
    double y = a.top() + 6 * s;
    g.setPaint(new Color(255, 255, 255, 215));
    g.fill(new RoundRectangle2D.Double(x, y, w, h, 8 * s, 8 * s));
    g.setPaint(new Color(0, 0, 0, 120));
    g.setStroke(new BasicStroke((float) s));
    g.draw(new RoundRectangle2D.Double(x, y, w, h, 8 * s, 8 * s));
    double cy = y + 3 * s;
    for (int c = 0; c < n; c++) {
      double r = 4 * s;
      g.setPaint(new Color(classColour(c, classes.size()), false));
      g.fill(new Ellipse2D.Double(x + 6 * s, cy + line / 2 - r, 2 * r, 2 * r));
      g.setPaint(new Color(0x1D1D1F));
      g.drawString(classes.get(c), (float) (x + 16 * s), (float) (cy + line / 2
          + fm.getAscent() / 2.0 - fm.getDescent() / 2.0));
      cy += line;
    }
    if (validation) {
      double r = 4 * s;
      g.setPaint(new Color(0x1D1D1F));
      g.setStroke(new BasicStroke((float) (1.6 * s)));
      g.draw(new Ellipse2D.Double(x + 6 * s, cy + line / 2 - r, 2 * r, 2 * r));
      g.drawString(ring, (float) (x + 16 * s), (float) (cy + line / 2 + fm.getAscent() / 2.0
          - fm.getDescent() / 2.0));
    }
  }
}
