package org.descent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.descent.function.SymmetricMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Hessian's spectrum against PyTorch in float64 (src/test/resources/pytorch/spectra.csv,
 * made by curvature.py there from the same data and weights files with
 * torch.autograd.functional.hessian and torch.linalg.eigvalsh), and Lanczos and the SLQ
 * density against the exact spectrum.
 */
class HessianSpectrumTest {

  private static final Path DIR =
      Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/pytorch");

  /** case → PyTorch's eigenvalues, ascending. */
  private static Map<String, double[]> reference() throws IOException {
    Map<String, List<Double>> lists = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(DIR.resolve("spectra.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      lists.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    lists.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  /** The network of a case at the weights of its file, on its whole data file. */
  private static NetworkSetup.Prepared prepared(String name) throws NetworkInputException {
    NetworkSetup s = switch (name) {
      case "spirals-354" -> NetworkSetup.defaults(new DataSource.Csv("spirals.csv"))
          .withHidden(List.of(16, 16)).withActivation(Activation.TANH)
          .withInit(new Initializer.FromFile("weights-354.json"));
      case "logistic-bn" -> NetworkSetup.defaults(new DataSource.Csv("points.csv"))
          .withHidden(List.of(8, 8)).withActivation(Activation.LOGISTIC).withBatchNorm(true)
          .withInit(new Initializer.FromFile("weights-logistic-bn.json"));
      default -> NetworkSetup.defaults(new DataSource.Csv("points.csv"))
          .withHidden(List.of(8, 8)).withActivation(Activation.TANH)
          .withInit(new Initializer.FromFile("weights-tanh.json"));
    };
    return s.withFolder(DIR).withValidation(0).withStandardize(false)
        .withBatchSize(NetworkSetup.FULL_BATCH).prepare();
  }

  private static NetworkObjective objective(NetworkSetup.Prepared p) {
    return new NetworkObjective(p.architecture(), p.data().train());
  }

  private static double scale(double[] ascending) {
    return Math.max(Math.abs(ascending[0]), Math.abs(ascending[ascending.length - 1]));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tanh", "logistic-bn", "spirals-354"})
  void theExactSpectrumAndLambdaMaxEqualPyTorchsToOneInAHundredMillion(String name)
      throws Exception {
    double[] want = reference().get(name);
    NetworkSetup.Prepared p = prepared(name);
    assertEquals(want.length, p.architecture().parameterCount(), name);
    double[] got = HessianSpectrum.eigenvalues(objective(p), p.start());
    // relative to the spectrum's scale: an eigenvalue near 0 has no relative accuracy to keep
    double worst = 0;
    for (int i = 0; i < want.length; i++) {
      worst = Math.max(worst, Math.abs(got[i] - want[i]) / scale(want));
    }
    assertTrue(worst <= 1e-8, name + ": largest difference " + worst);
    double top = want[want.length - 1];
    double lanczos = HessianSpectrum.largest(objective(p), p.start(), null, 7).largest();
    assertEquals(top, lanczos, 1e-8 * Math.abs(top), name + " lambda max by Lanczos");
    assertEquals(HessianSpectrum.negativeFraction(want), HessianSpectrum.negativeFraction(got),
        1e-12, name);
    assertTrue(want[0] < 0 && top > 0, "an indefinite Hessian: " + want[0] + " .. " + top);
    System.out.printf("PyTorch Hessian %s: %d eigenvalues, largest difference %.2g x max|λ|, "
        + "Lanczos λmax %.15g vs %.15g%n", name, want.length, worst, lanczos, top);
  }

  @Test
  void lanczosFindsTheTopEigenvalueOfThe354ParameterNetworkFromAnyStart() throws Exception {
    NetworkSetup.Prepared p = prepared("spirals-354");
    double[] exact = HessianSpectrum.eigenvalues(objective(p), p.start());
    double top = exact[exact.length - 1];
    for (long seed = 1; seed <= 3; seed++) {
      Lanczos.Result r = HessianSpectrum.largest(objective(p), p.start(), null, seed);
      assertEquals(top, r.largest(), 1e-6 * Math.abs(top), "seed " + seed);
      assertTrue(r.steps() < exact.length, "converged before n steps: " + r.steps());
      // the Ritz vector is an eigenvector: H y = λ y
      double[] hy = new double[exact.length];
      objective(p).hessianVectorProduct(p.start(), r.topVector(), hy);
      for (int i = 0; i < hy.length; i++) {
        assertEquals(top * r.topVector()[i], hy[i], 1e-6 * Math.abs(top));
      }
    }
  }

  @Test
  void thePreconditionedSharpnessIsTheTopEigenvalueOfPInverseH() throws Exception {
    NetworkSetup.Prepared p = prepared("tanh");
    NetworkObjective f = objective(p);
    int n = f.dimension();
    double[] h = new double[n * n];
    f.valueGradientHessian(p.start(), new double[n], h);
    SplittableRandom r = new SplittableRandom(11);
    double[] precond = new double[n];
    for (int i = 0; i < n; i++) {
      precond[i] = Math.exp(2 * r.nextDouble() - 1);
    }
    // P⁻¹H is similar to P^(−1/2) H P^(−1/2), whose eigenvalues a dense solver gives
    double[] scaled = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        scaled[i * n + j] = h[i * n + j] / Math.sqrt(precond[i] * precond[j]);
      }
    }
    double want = java.util.Arrays.stream(SymmetricMatrices.eigenvalues(scaled, n)).max()
        .orElseThrow();
    double got = HessianSpectrum.largestPreconditioned(objective(p), p.start(), precond, null,
        3).largest();
    assertEquals(want, got, 1e-8 * Math.abs(want));
  }

  @Test
  void theSlqDensityIntegratesToOneAndItsMomentsAreTheTracesOverN() throws Exception {
    NetworkSetup.Prepared p = prepared("spirals-354");
    NetworkObjective f = objective(p);
    int n = f.dimension();
    double[] h = new double[n * n];
    f.valueGradientHessian(p.start(), new double[n], h);
    double[] h2 = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        double a = h[i * n + k];
        for (int j = 0; j < n; j++) {
          h2[i * n + j] += a * h[k * n + j];
        }
      }
    }
    HessianSpectrum.Density d = HessianSpectrum.density(f, p.start(), HessianSpectrum.PROBES,
        HessianSpectrum.STEPS, 5);
    double[] x = d.lambda();
    double[] y = d.density();
    double mass = 0;
    double first = 0;
    double second = 0;
    for (int g = 1; g < x.length; g++) {
      double w = 0.5 * (x[g] - x[g - 1]);
      mass += w * (y[g] + y[g - 1]);
      first += w * (x[g] * y[g] + x[g - 1] * y[g - 1]);
      second += w * (x[g] * x[g] * y[g] + x[g - 1] * x[g - 1] * y[g - 1]);
    }
    assertEquals(1, mass, 1e-9, "the density integrates to 1");
    // Hutchinson's estimate vᵀAv / n over Rademacher v has variance 2 Σ_(i≠j) A_ij² / n²;
    // over the probes' mean, divided by their number. Four standard deviations.
    double trace = trace(h, n) / n;
    double trace2 = trace(h2, n) / n;
    double sd1 = Math.sqrt(2 * offDiagonalSquares(h, n) / d.probes()) / n;
    double sd2 = Math.sqrt(2 * offDiagonalSquares(h2, n) / d.probes()) / n;
    assertEquals(trace, first, 4 * sd1, "mean: trace(H)/n");
    // the Gaussian kernel adds its variance to the second moment
    assertEquals(trace2, second - d.sigma() * d.sigma(), 4 * sd2, "second moment: tr(H²)/n");
    // the largest Ritz value of 80 steps is the top eigenvalue
    double[] exact = SymmetricMatrices.eigenvalues(h, n);
    java.util.Arrays.sort(exact);
    assertEquals(exact[n - 1], d.top()[0], 1e-6 * exact[n - 1]);
    // the fraction below −σ, an interval's weight: a Hutchinson estimate with variance at most
    // 2 count / n² per probe, sd ≤ √(2 × 0.1 / (354 × 10)) ≈ 0.0075; four of them
    assertEquals(HessianSpectrum.fractionBelow(exact, -d.sigma()), d.negativeFraction(), 0.03);
    System.out.printf("SLQ on 354 parameters: mass %.12f, mean %.6g vs tr(H)/n %.6g (sd %.2g),"
        + " second moment %.6g vs tr(H²)/n %.6g (sd %.2g); negative %.3f vs exact %.3f%n",
        mass, first, trace, sd1, second - d.sigma() * d.sigma(), trace2, sd2,
        d.negativeFraction(), HessianSpectrum.fractionBelow(exact, -d.sigma()));
  }

  private static double trace(double[] a, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += a[i * n + i];
    }
    return s;
  }

  private static double offDiagonalSquares(double[] a, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          s += a[i * n + j] * a[i * n + j];
        }
      }
    }
    return s;
  }
}
