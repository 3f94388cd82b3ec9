package org.descent.function;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in 2-D test functions, each written in the formula language a user types, so the
 * formula on screen is the one computed.
 */
public final class Catalogue {

  private static final List<FunctionDefinition> ALL = List.of(
      new FunctionDefinition("rosenbrock", "Rosenbrock's banana",
          "(1 - x)^2 + 100*(y - x^2)^2", Map.of(),
          new ViewBox(-2, 2, -1, 3), points(1, 1), points(-1.2, 1, -1.5, 2.5, 0.5, -0.5),
          "A curved, narrow valley: gradient descent zig-zags across it and crawls along it."),
      new FunctionDefinition("beale", "Beale",
          "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2", Map.of(),
          new ViewBox(-4.5, 4.5, -4.5, 4.5), points(3, 0.5, 0, 1, 0.1005, -2.6445),
          points(1, 1.5, -3, -1, 2, 2),
          "Flat regions and sharp ridges around a minimum at (3, 0.5)."),
      new FunctionDefinition("himmelblau", "Himmelblau",
          "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", Map.of(),
          new ViewBox(-5, 5, -5, 5),
          points(3, 2, -2.805, 3.131, -3.779, -3.283, 3.584, -1.848, -0.271, -0.923,
              0.087, 2.884, -3.073, -0.081, 3.385, 0.074, -0.128, -1.954),
          points(-0.3, -0.9, 0, 0, -4, 4),
          "Four minima of equal value: which one you reach depends on where you start."),
      new FunctionDefinition("booth", "Booth", "(x + 2*y - 7)^2 + (2*x + y - 5)^2", Map.of(),
          new ViewBox(-10, 10, -10, 10), points(1, 3), points(-8, -8, 8, -6),
          "A gently elongated bowl with its minimum at (1, 3)."),
      new FunctionDefinition("quadratic", "Ill-conditioned quadratic",
          "0.5*(lambda1*x^2 + lambda2*y^2)", ordered("lambda1", 1.0, "lambda2", 10.0),
          new ViewBox(-3, 3, -2, 2), points(0, 0), points(-2.8, 1.2, -2, 0.2),
          "Curvatures lambda1 and lambda2 along the axes; the condition number is their ratio. "
              + "Gradient descent is stable for lr < 2/max(lambda1, lambda2)."),
      new FunctionDefinition("rotated-quadratic", "Rotated ill-conditioned quadratic",
          "0.5*(lambda1*(cos(angle*pi/180)*x + sin(angle*pi/180)*y)^2"
              + " + lambda2*(cos(angle*pi/180)*y - sin(angle*pi/180)*x)^2)",
          ordered("lambda1", 1.0, "lambda2", 10.0, "angle", 45.0),
          new ViewBox(-3, 3, -3, 3), points(0, 0), points(-2.5, 1.0, 2, 2),
          "The same ravine turned by an angle (degrees): its axes are no longer the coordinate "
              + "axes, so per-coordinate scaling (AdaGrad, RMSProp, Adam) loses its edge."),
      new FunctionDefinition("offset-quadratic", "Un-normalized inputs",
          "0.25*((x*(offset - 1) + y - (offset - 1))^2 + (x*(offset + 1) + y - (offset + 1))^2)",
          Map.of("offset", 3.0),
          new ViewBox(-1, 3, -5, 5), points(1, 0), points(-0.5, 4, 2.5, -4),
          "Squared error of a line w*u + b (x = w, y = b) fitted to the inputs u = offset - 1 "
              + "and offset + 1: a large input offset couples w and b into a narrow, tilted "
              + "valley (Grosse's un-normalized data example). Centering the data (offset = 0) "
              + "makes it round."),
      new FunctionDefinition("normalized-inputs", "Normalized inputs",
          "0.25*((y - x + 1)^2 + (x + y - 1)^2)", Map.of(),
          new ViewBox(-1, 3, -5, 5), points(1, 0), points(-0.5, 4, 2.5, -4),
          "The line fit of offset-quadratic on inputs with mean 0 and variance 1 (u = -1 and "
              + "+1, targets u): the slope and the bias do not interact, the Hessian is the "
              + "identity, the contours are circles, and gradient descent is stable for every "
              + "lr < 2. Batch normalization gives every hidden layer such inputs."),
      new FunctionDefinition("saddle", "Saddle", "x^2 - y^2", Map.of(),
          new ViewBox(-2, 2, -2, 2), points(0, 0), points(-1.5, 0.01, 1.5, 0.3),
          "Curving up along x and down along y: gradient descent started near the x axis "
              + "lingers at the saddle before it escapes; Newton's method jumps onto it."),
      new FunctionDefinition("monkey-saddle", "Monkey saddle", "x^3 - 3*x*y^2", Map.of(),
          new ViewBox(-2, 2, -2, 2), points(0, 0), points(1.5, 0.01, 1, 1),
          "A degenerate saddle with three valleys: the Hessian vanishes at the origin."),
      new FunctionDefinition("plateau", "Plateau",
          "tanh((x^2 + y^2)/8) + 0.001*(x^2 + y^2)", Map.of(),
          new ViewBox(-8, 8, -8, 8), points(0, 0), points(6, 5, -7, 2),
          "A saturated tanh: far from the origin the surface is almost flat, with only a small "
              + "slope toward the minimum. Plain gradient descent crawls; momentum and adaptive "
              + "methods cross it."),
      new FunctionDefinition("cliff", "Cliff",
          "0.02*(x - 3)^2 + 0.02*y^2 + 20*sigmoid(-10*x)", Map.of(),
          new ViewBox(-4, 8, -3, 3), points(3, 0), points(-3, 1.5, -2, -2),
          "A high terrace that ends in a near-vertical wall (Pascanu et al. 2013). On the wall "
              + "the gradient is huge and catapults gradient descent far away; clipping the "
              + "gradient norm keeps the step in check."),
      new FunctionDefinition("six-hump-camel", "Six-hump camel",
          "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2", Map.of(),
          new ViewBox(-2.5, 2.5, -1.5, 1.5),
          points(0.0898, -0.7126, -0.0898, 0.7126, -1.7036, 0.7961, 1.7036, -0.7961,
              -1.6071, -0.5687, 1.6071, 0.5687, 0, 0, 1.1092, -0.7683, -1.1092, 0.7683,
              1.6381, 0.2287, -1.6381, -0.2287, -1.2961, -0.6051, 1.2961, 0.6051,
              -1.2302, -0.1623, 1.2302, 0.1623),
          points(-2, 1, 1, 1),
          "Six local minima, two of them global: where you start decides where you end."),
      new FunctionDefinition("rastrigin", "Rastrigin",
          "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)", Map.of(),
          new ViewBox(-5.12, 5.12, -5.12, 5.12), points(0, 0), points(3.2, -2.1, 4.5, 4.5),
          "A bowl covered in ripples: a local minimum near every integer point, the global one "
              + "at the origin."),
      new FunctionDefinition("coupled", "Coupled variables",
          "(x - y)^2 + alpha*(x^2 + y^2)", Map.of("alpha", 0.05),
          new ViewBox(-3, 3, -3, 3), points(0, 0), points(2.5, -1, -2, 2.5),
          "Goodfellow et al. section 8.7.2: the first term couples x and y, so coordinate "
              + "descent, one variable at a time, makes slow progress when alpha is small."));

  private Catalogue() {}

  /** Every built-in function, in menu order. */
  public static List<FunctionDefinition> all() {
    return ALL;
  }

  public static Optional<FunctionDefinition> find(String name) {
    return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The names, comma-separated, for messages. */
  public static String names() {
    return String.join(", ", ALL.stream().map(FunctionDefinition::name).toList());
  }

  private static List<Vec2> points(double... xy) {
    Vec2[] v = new Vec2[xy.length / 2];
    for (int i = 0; i < v.length; i++) {
      v[i] = new Vec2(xy[2 * i], xy[2 * i + 1]);
    }
    return List.of(v);
  }

  private static Map<String, Double> ordered(Object... kv) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Double) kv[i + 1]);
    }
    return m;
  }
}
