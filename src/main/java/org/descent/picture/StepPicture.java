package org.descent.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.descent.analysis.Axis;
import org.descent.function.Objective;
import org.descent.optim.LineSearchRecord;
import org.descent.optim.StepDetail;
import org.descent.optim.StepDetail.Quantity;
import org.descent.optim.StepDetail.Scalar;

/**
 * The numbers of one step, as the lecture's listing names them (g, v, s, r, ŝ, r̂, the
 * per-coordinate rate, the bias corrections, d, α*, Δθ, M), and for a line search the plot of
 * φ(α) = f(θ + αd) with its trial points, the sufficient-decrease line φ(0) + c₁αφ'(0) and
 * the slopes ±c₂|φ'(0)| the curvature condition allows.
 *
 * @param title what step of which card ("Adam, step 12 → 13")
 * @param objective f, to draw φ between the trial points (read on the drawing thread only)
 */
public record StepPicture(String title, StepDetail detail, Objective objective, String rule) {

  /** Without the typeset rule. */
  public StepPicture(String title, StepDetail detail, Objective objective) {
    this(title, detail, objective, null);
  }

  /**
   * The update rule with this step's numbers: the card's rule and hyperparameters
   * ({@code ruleLatex}, as its card typesets it), and below them g, the state and Δθ of this
   * step.
   */
  public static String filledRule(String ruleLatex, StepDetail d) {
    StringBuilder b = new StringBuilder("\\begin{array}{l}");
    b.append(ruleLatex);
    for (Quantity q : new Quantity[] {Quantity.GRADIENT, Quantity.CLIPPED_GRADIENT,
        Quantity.VELOCITY, Quantity.FIRST_MOMENT_HAT, Quantity.SECOND_MOMENT_HAT,
        Quantity.DIRECTION, Quantity.STEP}) {
      double[] v = d.vector(q).orElse(null);
      if (v == null || v.length != 2) {
        continue;
      }
      b.append(" \\\\ ").append(tex(q)).append(" = (").append(texNumber(v[0])).append(",\\ ")
          .append(texNumber(v[1])).append(")");
    }
    return b.append("\\end{array}").toString();
  }

  private static String tex(Quantity q) {
    return switch (q) {
      case GRADIENT -> "g";
      case CLIPPED_GRADIENT -> "\\tilde{g}";
      case VELOCITY -> "v";
      case FIRST_MOMENT_HAT -> "\\hat{s}";
      case SECOND_MOMENT_HAT -> "\\hat{r}";
      case DIRECTION -> "d";
      case STEP -> "\\Delta\\theta";
      default -> q.name();
    };
  }

  private static String texNumber(double v) {
    String n = Numbers.format(v).replace("−", "-");
    int e = n.indexOf('e');
    return e < 0 ? n : n.substring(0, e) + " \\cdot 10^{" + n.substring(e + 1) + "}";
  }

  /** The table's lines: symbol, what it is, its value. */
  public List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    for (Quantity q : Quantity.values()) {
      double[] v = detail.vector(q).orElse(null);
      if (v == null) {
        continue;
      }
      rows.add(new String[] {q.symbol(), q.description(), q.matrix() ? matrix(v) : vector(v)});
    }
    for (Scalar s : Scalar.values()) {
      var v = detail.scalar(s);
      if (v.isPresent()) {
        rows.add(new String[] {s.symbol(), s.description(), Numbers.format(v.getAsDouble())});
      }
    }
    return rows;
  }

  static String vector(double[] v) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ", ").append(Numbers.format(v[i]));
    }
    return b.append(")").toString();
  }

  static String matrix(double[] m) {
    int n = (int) Math.round(Math.sqrt(m.length));
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b.append(j == 0 ? "" : " ").append(Numbers.format(m[i * n + j]));
      }
      b.append(i == n - 1 ? "]" : "; ");
    }
    return b.toString();
  }

  /** Draws the table, and the line search's plot under it; returns that plot's geometry. */
  public AnalysisPlot draw(Graphics2D g, Look look, double w, double h) {
    Pictures.hints(g);
    g.setPaint(look.awt(look.background()));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    double s = look.fontSize() / 12.0;
    g.setPaint(look.awt(look.foreground()));
    g.setFont(look.font(Font.BOLD, look.fontSize()));
    FontMetrics bold = g.getFontMetrics();
    double y = 6 * s + bold.getAscent();
    g.drawString(Numbers.fit(g, title, w - 12 * s), (float) (6 * s), (float) y);
    if (rule != null) {
      try {
        var icon = new org.scilab.forge.jlatexmath.TeXFormula(rule).createTeXIcon(
            org.scilab.forge.jlatexmath.TeXConstants.STYLE_DISPLAY, look.fontSize() * 1.15f);
        icon.setForeground(look.awt(look.foreground()));
        double scale = Math.min(1, (w - 24 * s) / Math.max(1, icon.getIconWidth()));
        java.awt.geom.AffineTransform saved = g.getTransform();
        g.translate(12 * s, y + 6 * s);
        g.scale(scale, scale);
        icon.paintIcon(null, g, 0, 0);
        g.setTransform(saved);
        y += 6 * s + icon.getIconHeight() * scale + 4 * s;
      } catch (RuntimeException e) {
        // a rule the typesetter cannot read: the table below still has every number
      }
    }
    g.setFont(look.font(Font.PLAIN, look.fontSize()));
    FontMetrics fm = g.getFontMetrics();
    double symbolWidth = 0;
    for (String[] r : rows()) {
      symbolWidth = Math.max(symbolWidth, fm.stringWidth(r[0]));
    }
    double valueX = 12 * s + symbolWidth + 10 * s;
    for (String[] r : rows()) {
      y += fm.getHeight() + 2 * s;
      g.setFont(look.font(Font.BOLD, look.fontSize()));
      g.setPaint(look.awt(look.foreground()));
      g.drawString(r[0], (float) (12 * s), (float) y);
      g.setFont(look.font(Font.PLAIN, look.fontSize()));
      String value = r[2] + "   " + r[1];
      g.drawString(Numbers.fit(g, value, w - valueX - 6 * s), (float) valueX, (float) y);
    }
    LineSearchRecord ls = detail.lineSearch();
    double[] theta = detail.vector(Quantity.POINT).orElse(null);
    double[] dir = detail.vector(Quantity.DIRECTION).orElse(null);
    if (ls == null || ls.trials().isEmpty() || theta == null || dir == null) {
      return null;
    }
    double top = y + 14 * s;
    return phiPlot(g, look, w, h, top, ls, theta, dir, s);
  }

  private AnalysisPlot phiPlot(Graphics2D g, Look look, double w, double h, double top,
      LineSearchRecord ls, double[] theta, double[] dir, double s) {
    double aMax = 0;
    for (LineSearchRecord.Trial t : ls.trials()) {
      aMax = Math.max(aMax, t.alpha());
    }
    aMax = aMax > 0 ? aMax * 1.25 : 1;
    int samples = 160;
    double[] phi = new double[samples + 1];
    double lo = ls.phi0();
    double hi = ls.phi0();
    double[] p = new double[theta.length];
    for (int i = 0; i <= samples; i++) {
      double a = aMax * i / samples;
      for (int j = 0; j < p.length; j++) {
        p[j] = theta[j] + a * dir[j];
      }
      phi[i] = objective.value(p);
      if (Double.isFinite(phi[i])) {
        lo = Math.min(lo, phi[i]);
        hi = Math.max(hi, phi[i]);
      }
    }
    hi = Math.min(hi, ls.phi0() + 3 * Math.max(1e-12, ls.phi0() - lo));
    for (LineSearchRecord.Trial t : ls.trials()) {
      if (Double.isFinite(t.phi())) {
        // Every trial shows, even one far up the other side of the valley.
        lo = Math.min(lo, t.phi());
        hi = Math.max(hi, t.phi());
      }
    }
    double pad = Math.max(1e-12, 0.08 * (hi - lo));
    AnalysisPlot.Scale xs = new AnalysisPlot.Scale("step length α along d", Axis.Scale.LINEAR,
        0, aMax);
    AnalysisPlot.Scale ys = new AnalysisPlot.Scale("φ(α) = f(θ + αd)", Axis.Scale.LINEAR,
        lo - pad, hi + pad);
    AnalysisPlot plot = AnalysisPlot.layoutAt(look, w, h - top, top, 0, xs, ys);
    if (plot == null) {
      return null;
    }
    plot.fill(g, look);
    plot.drawAxes(g, look, "line search: " + ls.trials().size() + (ls.trials().size() == 1
        ? " trial" : " trials") + ", c₁ = "
        + Numbers.format(ls.c1()) + ", c₂ = " + Numbers.format(ls.c2()), true);
    java.awt.Shape clip = g.getClip();
    g.clip(new Rectangle2D.Double(plot.left(), plot.top(), plot.width(), plot.height()));
    // Sufficient decrease: φ(α) ≤ φ(0) + c₁ α φ'(0).
    g.setPaint(StepArrows.GRADIENT);
    g.setStroke(new BasicStroke((float) (1.6 * s), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
        10, new float[] {(float) (6 * s), (float) (4 * s)}, 0));
    g.draw(new Line2D.Double(plot.screenX(0), plot.screenY(ls.phi0()), plot.screenX(aMax),
        plot.screenY(ls.phi0() + ls.c1() * aMax * ls.slope0())));
    Path2D.Double curve = new Path2D.Double();
    boolean open = false;
    for (int i = 0; i <= samples; i++) {
      if (!Double.isFinite(phi[i])) {
        open = false;
        continue;
      }
      double x = plot.screenX(aMax * i / samples);
      double y = plot.screenY(phi[i]);
      if (open) {
        curve.lineTo(x, y);
      } else {
        curve.moveTo(x, y);
        open = true;
      }
    }
    g.setPaint(look.awt(look.foreground()));
    g.setStroke(new BasicStroke((float) (2.2 * s), BasicStroke.CAP_ROUND,
        BasicStroke.JOIN_ROUND));
    g.draw(curve);
    // The curvature condition: at an accepted α the slope lies within ±c₂|φ'(0)|; drawn as
    // short segments of those two slopes at each trial point, and the trial's own slope.
    double allowed = ls.c2() * Math.abs(ls.slope0());
    double seg = aMax / 14;
    for (int i = 0; i < ls.trials().size(); i++) {
      LineSearchRecord.Trial t = ls.trials().get(i);
      double x = plot.screenX(t.alpha());
      double y = plot.screenY(t.phi());
      g.setStroke(new BasicStroke((float) (1.4 * s)));
      g.setPaint(StepArrows.MOMENTUM);
      for (double slope : new double[] {-allowed, allowed}) {
        g.draw(new Line2D.Double(plot.screenX(t.alpha() - seg / 2),
            plot.screenY(t.phi() - slope * seg / 2), plot.screenX(t.alpha() + seg / 2),
            plot.screenY(t.phi() + slope * seg / 2)));
      }
      boolean accepted = i == ls.accepted();
      double r = 5.5 * s;
      g.setPaint(accepted ? StepArrows.TRIAL : Color.WHITE);
      g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
      g.setPaint(Color.BLACK);
      g.setStroke(new BasicStroke((float) (1.5 * s)));
      g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
      g.setFont(look.font(Font.BOLD, look.fontSize() * 0.9));
      g.drawString(String.valueOf(i + 1), (float) (x + r + 2 * s), (float) (y - r));
    }
    g.setClip(clip);
    g.setFont(look.font(Font.PLAIN, look.fontSize() * 0.9));
    FontMetrics fm = g.getFontMetrics();
    double ly = plot.top() + 6 * s + fm.getAscent();
    g.setPaint(StepArrows.GRADIENT);
    g.drawString("– – sufficient decrease (c₁)", (float) (plot.left() + 8 * s), (float) ly);
    g.setPaint(StepArrows.MOMENTUM);
    g.drawString("slopes ±c₂|φ'(0)| (curvature)", (float) (plot.left() + 8 * s),
        (float) (ly + fm.getHeight()));
    g.setPaint(look.awt(look.foreground()));
    g.drawString("● accepted", (float) (plot.left() + 8 * s), (float) (ly + 2 * fm.getHeight()));
    return plot;
  }
}
