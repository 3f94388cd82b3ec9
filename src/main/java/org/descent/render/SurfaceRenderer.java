package org.descent.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Software 3-D view of a {@link SurfaceMesh}, because JavaFX 3-D is missing on many machines
 * and in headless export: an orthographic projection of the mesh's box, a z-buffer triangle
 * rasterizer (two triangles per grid cell), Lambert shading with a light fixed to the camera
 * (upper left, behind the viewer, so whatever side is turned toward the viewer is lit), the
 * band colours per pixel (so the bands stay crisp, as on the contour map), the contour lines,
 * neutral side walls down to the floor (so the landscape reads as a solid block and its
 * underside never shows), and paths draped on the surface and hidden where a hill stands in
 * front of them. The image centre shows the centre of the box (the view's centre at height
 * 0.5); nothing moves when the camera turns except the landscape itself.
 *
 * <p>The renderer keeps its buffers between frames (z-buffer, projected vertices, line
 * coverage), so a frame allocates only its result; {@link #renderInto} allocates nothing. Not
 * thread-safe: use one renderer per thread.
 */
public final class SurfaceRenderer {

  private static final double AMBIENT = 0.38;
  private static final double DIFFUSE = 0.62;
  // Light direction in camera coordinates (right, up, toward the viewer), normalized below.
  private static final double LIGHT_RIGHT = -0.45;
  private static final double LIGHT_UP = 0.65;
  private static final double LIGHT_TOWARD = 0.62;
  private static final int CONTOUR_LINE = 0x59000000; // black at 35 %
  private static final float CONTOUR_WIDTH = 1f;
  private static final int FLOOR_LINE = 0x66808080;
  // Paths float this far above the surface (box units) and are drawn unless the surface is
  // more than DEPTH_TOLERANCE in front of them: enough to survive the surface's facets.
  private static final double PATH_LIFT = 0.006;
  private static final double DEPTH_TOLERANCE = 0.02;
  private static final double EDGE_SLACK = 1e-4;

  private float[] depth = new float[0];
  private float[] vx = new float[0];
  private float[] vy = new float[0];
  private float[] vz = new float[0];
  private float[] vh = new float[0];
  private float[] shade = new float[0];
  private final int[] wallPalette = new int[SurfaceMesh.PALETTE_SIZE];
  private final LineCoverage lines = new LineCoverage();

  /** A new image of the surface: {@code width × height} ARGB pixels, row-major. */
  public int[] render(SurfaceMesh mesh, Camera camera, int width, int height, int background,
      List<SurfacePath> paths) {
    return render(mesh, camera, width, height, background, paths, List.of());
  }

  /** As {@link #render(SurfaceMesh, Camera, int, int, int, List)}, with markers on top. */
  public int[] render(SurfaceMesh mesh, Camera camera, int width, int height, int background,
      List<SurfacePath> paths, List<SurfaceMarker> markers) {
    int[] image = new int[checkedSize(width, height)];
    renderInto(image, mesh, camera, width, height, background, paths, markers);
    return image;
  }

  /**
   * Renders into {@code image}, which must hold {@code width × height} pixels.
   *
   * @param image overwritten
   */
  public void renderInto(int[] image, SurfaceMesh mesh, Camera camera, int width, int height,
      int background, List<SurfacePath> paths) {
    renderInto(image, mesh, camera, width, height, background, paths, List.of());
  }

  /**
   * Renders into {@code image} with markers drawn last, each hidden where the surface stands
   * in front of its point.
   *
   * @param image overwritten
   */
  public void renderInto(int[] image, SurfaceMesh mesh, Camera camera, int width, int height,
      int background, List<SurfacePath> paths, List<SurfaceMarker> markers) {
    int size = checkedSize(width, height);
    if (image.length < size) {
      throw new IllegalArgumentException(
          "image has " + image.length + " pixels, needs " + width + " x " + height);
    }
    if (depth.length < size) {
      depth = new float[size];
    }
    Arrays.fill(image, 0, size, background);
    Arrays.fill(depth, 0, size, Float.NEGATIVE_INFINITY);
    Projection p = Projection.of(mesh, camera, width, height);
    projectVertices(mesh, p);
    drawTriangles(mesh, p, image, width, height, background);
    lines.reset(width, height);
    drawFloor(mesh, p, image);
    drawContours(mesh, p, image);
    for (SurfacePath path : paths) {
      drawPath(mesh, p, path);
      lines.composite(image, path.argb());
    }
    drawMarkers(mesh, p, markers, image, width, height);
  }

  /**
   * Markers as discs at their surface points, each drawn whole where its point is in sight and
   * not at all where a hill hides it. Where markers coincide (two runs at the same minimum) the
   * largest of them share one disc cut into a slice each, in their order from the top
   * clockwise, as on the map; smaller ones there (the start under the heads) lie beneath it.
   */
  private void drawMarkers(SurfaceMesh mesh, Projection p, List<SurfaceMarker> markers,
      int[] image, int width, int height) {
    int n = markers.size();
    double[] cx = new double[n];
    double[] cy = new double[n];
    boolean[] shown = new boolean[n];
    for (int i = 0; i < n; i++) {
      SurfaceMarker m = markers.get(i);
      double h = mesh.height(m.x(), m.y());
      if (!Double.isFinite(h) || !mesh.view().contains(m.x(), m.y())) {
        continue;
      }
      double bx = mesh.boxX(m.x());
      double by = mesh.boxY(m.y());
      double bz = h - 0.5 + PATH_LIFT;
      cx[i] = p.screenX(bx, by);
      cy[i] = p.screenY(bx, by, bz);
      shown[i] = inSight(cx[i], cy[i], p.depth(bx, by, bz), width, height);
    }
    // Groups of coinciding markers, each gathered round its first member.
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = i;
      for (int j = 0; j < i && group[i] == i; j++) {
        if (shown[i] && shown[j] && group[j] == j && Math.hypot(cx[i] - cx[j],
            cy[i] - cy[j]) < 0.9 * Math.max(markers.get(i).radius(), markers.get(j).radius())) {
          group[i] = j;
        }
      }
    }
    for (int g = 0; g < n; g++) {
      if (!shown[g] || group[g] != g) {
        continue;
      }
      float largest = 0;
      for (int i = g; i < n; i++) {
        if (group[i] == g) {
          largest = Math.max(largest, markers.get(i).radius());
        }
      }
      List<Integer> top = new ArrayList<>();
      for (int i = g; i < n; i++) {
        if (group[i] != g) {
          continue;
        }
        if (markers.get(i).radius() < largest) {
          disc(image, width, height, cx[i], cy[i], markers.get(i).radius(),
              new int[] {markers.get(i).argb()});
        } else {
          top.add(i);
        }
      }
      int[] colours = new int[top.size()];
      for (int k = 0; k < colours.length; k++) {
        colours[k] = markers.get(top.get(k)).argb();
      }
      // Slightly larger than one marker where split: each slice keeps an area one can see.
      double r = largest * (colours.length > 2 ? 1.3 : colours.length == 2 ? 1.15 : 1);
      disc(image, width, height, cx[top.get(0)], cy[top.get(0)], r, colours);
    }
  }

  /**
   * A disc with an antialiased edge and a black rim a fifth of its radius wide, filled with one
   * colour or cut into equal slices of several, the first from the top, clockwise, with white
   * lines between them so that close colours part.
   */
  private static void disc(int[] image, int width, int height, double cx, double cy, double r,
      int[] colours) {
    double rim = Math.max(1.2, r / 5);
    double line = Math.max(1, r / 7);
    int slices = colours.length;
    double slice = 2 * Math.PI / slices;
    int x0 = (int) Math.max(0, Math.floor(cx - r - 1));
    int x1 = (int) Math.min(width - 1, Math.ceil(cx + r + 1));
    int y0 = (int) Math.max(0, Math.floor(cy - r - 1));
    int y1 = (int) Math.min(height - 1, Math.ceil(cy + r + 1));
    for (int py = y0; py <= y1; py++) {
      for (int px = x0; px <= x1; px++) {
        int idx = py * width + px;
        double dx = px + 0.5 - cx;
        double dy = py + 0.5 - cy;
        double d = Math.hypot(dx, dy);
        double cover = Math.max(0, Math.min(1, r + 0.5 - d));
        if (cover <= 0) {
          continue;
        }
        int a = (int) Math.round(cover * 255);
        if (d > r - rim) {
          image[idx] = LineCoverage.blend(image[idx], 0, 0, 0, a);
          continue;
        }
        // Clockwise from the top on screen (y grows downwards).
        double angle = Math.atan2(dx, -dy);
        if (angle < 0) {
          angle += 2 * Math.PI;
        }
        int argb = colours[Math.min(slices - 1, (int) (angle / slice))];
        double inner = Math.max(0, Math.min(1, r - rim + 0.5 - d));
        int c = LineCoverage.blend(image[idx], 0, 0, 0, 255);
        c = LineCoverage.blend(c, (argb >> 16) & 255, (argb >> 8) & 255, argb & 255,
            (int) Math.round(inner * 255));
        if (slices > 1) {
          // Distance to the nearest edge between slices, a ray from the centre.
          double near = Double.MAX_VALUE;
          for (int k = 0; k < slices; k++) {
            double ux = Math.sin(k * slice);
            double uy = -Math.cos(k * slice);
            if (dx * ux + dy * uy >= 0) {
              near = Math.min(near, Math.abs(dx * uy - dy * ux));
            }
          }
          double white = Math.max(0, Math.min(1, line / 2 + 0.5 - near)) * inner;
          c = LineCoverage.blend(c, 255, 255, 255, (int) Math.round(white * 255));
        }
        image[idx] = c;
      }
    }
  }

  private boolean inSight(double cx, double cy, double cz, int width, int height) {
    int px = (int) Math.floor(cx);
    int py = (int) Math.floor(cy);
    for (int y = py - 1; y <= py + 1; y++) {
      for (int x = px - 1; x <= px + 1; x++) {
        if (x >= 0 && y >= 0 && x < width && y < height
            && depth[y * width + x] <= cz + 2 * DEPTH_TOLERANCE) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Where the surface point above world (x, y) appears in an image rendered with these
   * arguments: {sx, sy} in pixels (the image's top-left corner is (0, 0), pixel (i, j) spans
   * [i, i + 1) × [j, j + 1)); {NaN, NaN} where the surface has no height.
   */
  public double[] project(SurfaceMesh mesh, Camera camera, int width, int height, double x,
      double y) {
    return project(mesh, camera, width, height, x, y, mesh.height(x, y));
  }

  /** As {@link #project(SurfaceMesh, Camera, int, int, double, double)} at a given height. */
  public double[] project(SurfaceMesh mesh, Camera camera, int width, int height, double x,
      double y, double h) {
    checkedSize(width, height);
    if (!Double.isFinite(h)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Projection p = Projection.of(mesh, camera, width, height);
    double bx = mesh.boxX(x);
    double by = mesh.boxY(y);
    double bz = h - 0.5;
    return new double[] {p.screenX(bx, by), p.screenY(bx, by, bz)};
  }

  private static int checkedSize(int width, int height) {
    if (width < 1 || height < 1 || (long) width * height > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("bad image size " + width + " x " + height);
    }
    return width * height;
  }

  /**
   * Screen position, depth, height and shade of every node, into the reused vertex arrays,
   * followed by the vertices of the four side walls: per side, per boundary node, one vertex
   * at the surface and one on the floor, shaded with the wall's own normal.
   */
  private void projectVertices(SurfaceMesh mesh, Projection p) {
    int columns = mesh.columns();
    int rows = mesh.rows();
    int n = columns * rows;
    int total = n + 4 * (columns + rows);
    if (vx.length < total) {
      vx = new float[total];
      vy = new float[total];
      vz = new float[total];
      vh = new float[total];
      shade = new float[total];
    }
    float[] h = mesh.heights();
    float[] normal = mesh.normals();
    double[] light = p.light();
    for (int j = 0; j < rows; j++) {
      double by = mesh.rowY(j);
      for (int i = 0; i < columns; i++) {
        int k = j * columns + i;
        double lambert = normal[3 * k] * light[0] + normal[3 * k + 1] * light[1]
            + normal[3 * k + 2] * light[2];
        vertex(k, p, mesh.columnX(i), by, h[k], AMBIENT + DIFFUSE * Math.abs(lambert));
      }
    }
    int v = n;
    for (int side = 0; side < 4; side++) {
      int count = side < 2 ? columns : rows;
      double[] out = WALL_NORMALS[side];
      // Walls vary less with the light than the surface: they are a frame, not the subject.
      double wallShade = 0.78 + 0.22 * Math.abs(out[0] * light[0] + out[1] * light[1]);
      for (int q = 0; q < count; q++) {
        int k = wallNode(side, q, columns, rows);
        double bx = mesh.columnX(k % columns);
        double by = mesh.rowY(k / columns);
        vertex(v++, p, bx, by, h[k], wallShade);
        vertex(v++, p, bx, by, 0, wallShade);
      }
    }
  }

  // Outward normals of the walls: far (y = yMax, row 0), near (last row), left, right.
  private static final double[][] WALL_NORMALS = {{0, 1}, {0, -1}, {-1, 0}, {1, 0}};

  private static int wallNode(int side, int q, int columns, int rows) {
    return switch (side) {
      case 0 -> q;
      case 1 -> (rows - 1) * columns + q;
      case 2 -> q * columns;
      default -> q * columns + columns - 1;
    };
  }

  private void vertex(int k, Projection p, double bx, double by, float height, double light) {
    double bz = height - 0.5; // NaN propagates: triangles touching it are skipped
    vx[k] = (float) p.screenX(bx, by);
    vy[k] = (float) p.screenY(bx, by, bz);
    vz[k] = (float) p.depth(bx, by, bz);
    vh[k] = height;
    shade[k] = (float) light;
  }

  // The background moved a quarter of the way to mid grey: light grey on white, dark on black.
  private static int wallColour(int background) {
    return LineCoverage.blend(background | 0xFF000000, 0x80, 0x80, 0x80, 64);
  }

  private void drawTriangles(SurfaceMesh mesh, Projection p, int[] image, int width,
      int height, int background) {
    int columns = mesh.columns();
    int rows = mesh.rows();
    int[] palette = mesh.palette();
    // Front to back, so that hidden pixels fail the depth test before any colour work: the
    // nearer end of x is the one the camera's horizontal direction points to, likewise for y.
    boolean nearRight = p.towardX() > 0; // larger i is nearer
    boolean nearTop = p.towardY() > 0; // larger y, smaller j, is nearer
    for (int jj = 0; jj + 1 < rows; jj++) {
      int j = nearTop ? jj : rows - 2 - jj;
      for (int ii = 0; ii + 1 < columns; ii++) {
        int i = nearRight ? columns - 2 - ii : ii;
        int a = j * columns + i;
        int b = a + 1;
        int c = a + columns + 1;
        int d = a + columns;
        triangle(a, b, c, palette, image, width, height);
        triangle(a, c, d, palette, image, width, height);
      }
    }
    // Side walls, so the box reads as a solid block and the underside of the surface never
    // shows below its near edge: in a neutral tone a little away from the background, so the
    // eye goes to the landscape. Walls facing away are hidden by the block and skipped.
    Arrays.fill(wallPalette, wallColour(background));
    int v = columns * rows;
    for (int side = 0; side < 4; side++) {
      int count = side < 2 ? columns : rows;
      double[] out = WALL_NORMALS[side];
      if (out[0] * p.towardX() + out[1] * p.towardY() > 0) {
        for (int q = 0; q + 1 < count; q++) {
          int top = v + 2 * q;
          triangle(top, top + 1, top + 3, wallPalette, image, width, height);
          triangle(top, top + 3, top + 2, wallPalette, image, width, height);
        }
      }
      v += 2 * count;
    }
  }

  /**
   * Fills triangle (a, b, c) of the projected vertices with depth test, row by row; depth,
   * height and shade are planes over the screen, stepped per pixel, and the colour is the
   * palette entry of the height (so band edges are sharp) times the shade.
   */
  private void triangle(int a, int b, int c, int[] palette, int[] image, int width,
      int height) {
    float[] h = vh;
    double ax = vx[a];
    double ay = vy[a];
    double bx = vx[b];
    double by = vy[b];
    double cx = vx[c];
    double cy = vy[c];
    double area = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
    if (!(area != 0) || Double.isNaN(vz[a] + vz[b] + vz[c])) {
      return; // degenerate, or a corner without a value (NaN area, NaN depth)
    }
    int yStart = (int) Math.max(0, Math.ceil(Math.min(ay, Math.min(by, cy)) - 0.5));
    int yEnd = (int) Math.min(height - 1, Math.floor(Math.max(ay, Math.max(by, cy)) - 0.5));
    if (yStart > yEnd) {
      return;
    }
    // Planes A(x, y) = A0 + Ax·x + Ay·y through the three vertices, for depth, height, shade.
    double zx = planeX(vz[a], vz[b], vz[c], ay, by, cy, area);
    double zy = planeY(vz[a], vz[b], vz[c], ax, bx, cx, area);
    double z0 = vz[a] - zx * ax - zy * ay;
    double hx = planeX(h[a], h[b], h[c], ay, by, cy, area);
    double hy = planeY(h[a], h[b], h[c], ax, bx, cx, area);
    double h0 = h[a] - hx * ax - hy * ay;
    double sx = planeX(shade[a], shade[b], shade[c], ay, by, cy, area);
    double sy = planeY(shade[a], shade[b], shade[c], ax, bx, cx, area);
    double s0 = shade[a] - sx * ax - sy * ay;
    // Walk the rows from the top vertex to the bottom one: the span of a row lies between the
    // long edge (top to bottom) and one of the two short edges.
    int first = a; // the three corners ordered by screen y: first, middle, last
    int middle = b;
    int last = c;
    if (vy[middle] < vy[first]) {
      int t = first;
      first = middle;
      middle = t;
    }
    if (vy[last] < vy[middle]) {
      int t = middle;
      middle = last;
      last = t;
    }
    if (vy[middle] < vy[first]) {
      int t = first;
      first = middle;
      middle = t;
    }
    double x0 = vx[first];
    double y0 = vy[first];
    double x1 = vx[middle];
    double y1 = vy[middle];
    double x2 = vx[last];
    double y2 = vy[last];
    double longSlope = (x2 - x0) / (y2 - y0);
    double upperSlope = y1 > y0 ? (x1 - x0) / (y1 - y0) : 0;
    double lowerSlope = y2 > y1 ? (x2 - x1) / (y2 - y1) : 0;
    int topColour = SurfaceMesh.PALETTE_SIZE - 1;
    float dz = (float) zx;
    float dh = (float) hx;
    float ds = (float) sx;
    for (int py = yStart; py <= yEnd; py++) {
      double y = py + 0.5;
      double xLong = x0 + (y - y0) * longSlope;
      double xShort = y < y1 ? x0 + (y - y0) * upperSlope : x1 + (y - y1) * lowerSlope;
      double left = Math.min(xLong, xShort);
      double right = Math.max(xLong, xShort);
      // Pixel centres in [left, right], a hair wider so shared edges never leave a crack.
      int xStart = (int) Math.max(0, Math.ceil(left - 0.5 - EDGE_SLACK));
      int xEnd = (int) Math.min(width - 1, Math.floor(right - 0.5 + EDGE_SLACK));
      if (xStart > xEnd) {
        continue;
      }
      double x = xStart + 0.5;
      float z = (float) (z0 + zx * x + zy * y);
      float hh = (float) (h0 + hx * x + hy * y);
      float s = (float) (s0 + sx * x + sy * y);
      int row = py * width;
      for (int px = xStart; px <= xEnd; px++, z += dz, hh += dh, s += ds) {
        int idx = row + px;
        if (z > depth[idx]) {
          depth[idx] = z;
          int pi = (int) (hh * topColour + 0.5f);
          int colour = palette[pi < 0 ? 0 : pi > topColour ? topColour : pi];
          image[idx] = shaded(colour, s);
        }
      }
    }
  }

  // Slopes of the plane through (ax, ay, va), (bx, by, vb), (cx, cy, vc); area as above.
  private static double planeX(double va, double vb, double vc, double ay, double by,
      double cy, double area) {
    return ((vb - va) * (cy - ay) - (vc - va) * (by - ay)) / area;
  }

  private static double planeY(double va, double vb, double vc, double ax, double bx,
      double cx, double area) {
    return ((vc - va) * (bx - ax) - (vb - va) * (cx - ax)) / area;
  }

  private static int shaded(int argb, float s) {
    int f = (int) (s * 256);
    f = f < 0 ? 0 : f > 256 ? 256 : f;
    int r = (((argb >> 16) & 255) * f) >> 8;
    int g = (((argb >> 8) & 255) * f) >> 8;
    int b = ((argb & 255) * f) >> 8;
    return 0xFF000000 | (r << 16) | (g << 8) | b;
  }

  /** The outline of the box's floor, for a sense of where the surface stands. */
  private void drawFloor(SurfaceMesh mesh, Projection p, int[] image) {
    double x0 = mesh.columnX(0);
    double x1 = mesh.columnX(mesh.columns() - 1);
    double y0 = mesh.rowY(mesh.rows() - 1);
    double y1 = mesh.rowY(0);
    double z = -0.5;
    double[][] corners = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    for (int k = 0; k < 4; k++) {
      double[] u = corners[k];
      double[] v = corners[(k + 1) % 4];
      lines.segment(p.screenX(u[0], u[1]), p.screenY(u[0], u[1], z), p.depth(u[0], u[1], z),
          p.screenX(v[0], v[1]), p.screenY(v[0], v[1], z), p.depth(v[0], v[1], z), 1, depth,
          0);
    }
    lines.composite(image, FLOOR_LINE);
  }

  private void drawContours(SurfaceMesh mesh, Projection p, int[] image) {
    float[] s = mesh.contours();
    for (int k = 0; k < s.length; k += 6) {
      double z0 = s[k + 2] - 0.5;
      double z1 = s[k + 5] - 0.5;
      lines.segment(p.screenX(s[k], s[k + 1]), p.screenY(s[k], s[k + 1], z0),
          p.depth(s[k], s[k + 1], z0), p.screenX(s[k + 3], s[k + 4]),
          p.screenY(s[k + 3], s[k + 4], z1), p.depth(s[k + 3], s[k + 4], z1), CONTOUR_WIDTH,
          depth, DEPTH_TOLERANCE);
    }
    lines.composite(image, CONTOUR_LINE);
  }

  /**
   * Drapes a path on the surface: each world segment is cut into pieces about half a grid
   * cell long, each piece's ends lifted onto the surface, so the line follows hills and
   * valleys between iterates instead of cutting through them.
   */
  private void drawPath(SurfaceMesh mesh, Projection p, SurfacePath path) {
    double cellX = mesh.view().width() / (mesh.columns() - 1);
    double cellY = mesh.view().height() / (mesh.rows() - 1);
    float[] dashes = path.pattern();
    // How far along the screen the path has come: the dashes run on across pieces and steps.
    double along = 0;
    for (int k = 0; k + 1 < path.size(); k++) {
      double[] seg = clip(mesh, path.x(k), path.y(k), path.x(k + 1), path.y(k + 1));
      if (seg == null) {
        continue;
      }
      double dx = seg[2] - seg[0];
      double dy = seg[3] - seg[1];
      int pieces = (int) Math.max(1, Math.min(10_000,
          Math.ceil(2 * Math.max(Math.abs(dx) / cellX, Math.abs(dy) / cellY))));
      double px = Double.NaN;
      double py = Double.NaN;
      double pz = Double.NaN;
      for (int m = 0; m <= pieces; m++) {
        double t = (double) m / pieces;
        double x = seg[0] + t * dx;
        double y = seg[1] + t * dy;
        double bz = mesh.height(x, y) - 0.5 + PATH_LIFT;
        double bx = mesh.boxX(x);
        double by = mesh.boxY(y);
        double sx = p.screenX(bx, by);
        double sy = p.screenY(bx, by, bz);
        double sz = p.depth(bx, by, bz);
        if (m > 0 && !Double.isNaN(pz + sz)) {
          if (dashes == null) {
            lines.segment(px, py, pz, sx, sy, sz, path.width(), depth, DEPTH_TOLERANCE);
          } else {
            along = dashed(px, py, pz, sx, sy, sz, path.width(), dashes, along);
          }
        }
        px = sx;
        py = sy;
        pz = sz;
      }
    }
  }

  /**
   * The "on" stretches of a screen segment under a dash pattern that has already run
   * {@code along} pixels; returns how far it has run at the segment's end.
   */
  private double dashed(double x0, double y0, double z0, double x1, double y1, double z1,
      float width, float[] dashes, double along) {
    double length = Math.hypot(x1 - x0, y1 - y0);
    if (!(length > 0) || !Double.isFinite(length)) {
      return along;
    }
    double period = 0;
    for (float d : dashes) {
      period += d;
    }
    double done = 0;
    while (done < length) {
      double phase = (along + done) % period;
      int i = 0;
      while (i < dashes.length - 1 && phase >= dashes[i]) {
        phase -= dashes[i];
        i++;
      }
      double step = Math.max(1e-6, Math.min(dashes[i] - phase, length - done));
      if (i % 2 == 0) {
        double a = done / length;
        double b = (done + step) / length;
        lines.segment(x0 + a * (x1 - x0), y0 + a * (y1 - y0), z0 + a * (z1 - z0),
            x0 + b * (x1 - x0), y0 + b * (y1 - y0), z0 + b * (z1 - z0), width, depth,
            DEPTH_TOLERANCE);
      }
      done += step;
    }
    return along + length;
  }

  /** The part of segment (x0, y0)–(x1, y1) inside the view (Liang–Barsky), or null. */
  static double[] clip(SurfaceMesh mesh, double x0, double y0, double x1, double y1) {
    if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1)
        && Double.isFinite(y1))) {
      return null;
    }
    double dx = x1 - x0;
    double dy = y1 - y0;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - mesh.view().xMin(), mesh.view().xMax() - x0, y0 - mesh.view().yMin(),
        mesh.view().yMax() - y0};
    double t0 = 0;
    double t1 = 1;
    for (int k = 0; k < 4; k++) {
      if (p[k] == 0) {
        if (q[k] < 0) {
          return null;
        }
      } else {
        double r = q[k] / p[k];
        if (p[k] < 0) {
          t0 = Math.max(t0, r);
        } else {
          t1 = Math.min(t1, r);
        }
      }
    }
    if (t0 > t1) {
      return null;
    }
    return new double[] {x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
  }

  /**
   * The orthographic camera for one frame: screen right, screen up and toward-the-viewer unit
   * vectors in box coordinates, the pixels per box unit, and the image centre.
   */
  private record Projection(double rightX, double rightY, double upX, double upY, double upZ,
      double towardX, double towardY, double towardZ, double scale, double centreX,
      double centreY) {

    static Projection of(SurfaceMesh mesh, Camera camera, int width, int height) {
      double ca = Math.cos(camera.azimuth());
      double sa = Math.sin(camera.azimuth());
      double ce = Math.cos(camera.elevation());
      double se = Math.sin(camera.elevation());
      double scale = camera.zoom() * 0.5 * Math.min(width, height) / mesh.radius();
      return new Projection(-sa, ca, -se * ca, -se * sa, ce, ce * ca, ce * sa, se, scale,
          width / 2.0, height / 2.0);
    }

    double screenX(double x, double y) {
      return centreX + scale * (x * rightX + y * rightY);
    }

    double screenY(double x, double y, double z) {
      return centreY - scale * (x * upX + y * upY + z * upZ);
    }

    /** Larger is nearer the viewer. */
    double depth(double x, double y, double z) {
      return x * towardX + y * towardY + z * towardZ;
    }

    /** The light's direction in box coordinates, unit length. */
    double[] light() {
      double lx = LIGHT_RIGHT * rightX + LIGHT_UP * upX + LIGHT_TOWARD * towardX;
      double ly = LIGHT_RIGHT * rightY + LIGHT_UP * upY + LIGHT_TOWARD * towardY;
      double lz = LIGHT_UP * upZ + LIGHT_TOWARD * towardZ;
      double len = Math.sqrt(lx * lx + ly * ly + lz * lz);
      return new double[] {lx / len, ly / len, lz / len};
    }
  }
}
