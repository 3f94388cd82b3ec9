package org.descent.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.descent.function.CriticalPoint;
import java.util.concurrent.Callable;
import org.descent.function.FunctionDefinition;
import org.descent.function.Catalogue;
import org.descent.function.ViewBox;
import org.descent.optim.OptimizerType;
import org.descent.optim.Param;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code descent list}: what a scenario can name. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Lists the functions and the optimizers with their hyperparameters and "
        + "defaults.")
final class ListCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Functions (scenario key `function:`; or {formula: \"...\"} for your own):");
    for (FunctionDefinition d : Catalogue.all()) {
      out.printf("  %-20s %s%n", d.name(), d.title());
      out.printf("  %-20s f(x, y) = %s%n", "", d.formula());
      if (!d.parameters().isEmpty()) {
        StringBuilder p = new StringBuilder();
        for (Map.Entry<String, Double> e : d.parameters().entrySet()) {
          p.append(p.length() == 0 ? "" : ", ").append(e.getKey()).append(" = ")
              .append(Param.LR.format(e.getValue()));
        }
        out.printf("  %-20s params: %s%n", "", p);
      }
      ViewBox v = d.view();
      out.printf("  %-20s view: x [%s, %s], y [%s, %s]%n", "", Param.LR.format(v.xMin()),
          Param.LR.format(v.xMax()), Param.LR.format(v.yMin()), Param.LR.format(v.yMax()));
      // Basin maps label each start with the index of a minimum in this order.
      List<CriticalPoint> minima = d.instantiate().minima();
      if (!minima.isEmpty()) {
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < minima.size(); i++) {
          m.append(i == 0 ? "" : ", ").append(i).append(": (")
              .append(Double.toString(minima.get(i).x())).append(", ")
              .append(Double.toString(minima.get(i).y())).append(')');
        }
        out.printf("  %-20s minima (basin labels) %s%n", "", m);
      }
    }
    out.println();
    out.println("Minima are those of the default parameters; `basin` labels a start with the "
        + "index of the minimum it ends nearest to (-1: diverged).");
    out.println();
    out.println("Formula grammar: numbers, x, y, pi, e, + - * / ^ (or **), parentheses, and "
        + org.descent.function.Formula.functionNames() + ".");
    out.println();
    out.println("Optimizers (scenario key `type:`), with their hyperparameters and defaults:");
    for (OptimizerType t : OptimizerType.values()) {
      StringBuilder p = new StringBuilder();
      for (Param param : t.params()) {
        p.append(p.length() == 0 ? "" : ", ").append(param.key()).append(" = ")
            .append(param.format(t.defaultValue(param)));
      }
      out.printf("  %-20s %-32s %s%n", t.key(), t.displayName(),
          p.length() == 0 ? "(no hyperparameters)" : p);
    }
    out.println();
    out.println("First-order methods (" + firstOrderKeys() + ") also take:");
    out.println("  clip: MAX_NORM");
    out.println("  schedule: constant | {type: exponential, tau: T, start: T0}"
        + " | {type: linear, end: LR_T, steps: T} | {type: step, every: K, factor: F}");
    out.println("            | {type: warmup, steps: W}"
        + " | {type: cosine-restarts, period: T0, mult: M, min: LR_MIN}");
    out.println("            | {type: one-cycle, steps: T, pct_start: P, div_factor: D,"
        + " final_div_factor: F}");
    out.println("Every optimizer takes:");
    out.println("  average: none | polyak | {type: polyak, start: T0} | {type: ema, tau: T}");
    out.println("  label: TEXT, color: \"#rrggbb\"");
    out.println();
    out.println("Built-in lecture demos (File > Lecture demos in the app; the files are in "
        + "scenarios/):");
    for (String name : org.descent.scenario.BuiltInScenarios.names()) {
      out.println("  " + name);
    }
    out.flush();
    return Cli.OK;
  }

  private static String firstOrderKeys() {
    StringBuilder sb = new StringBuilder();
    for (OptimizerType t : OptimizerType.values()) {
      if (t.firstOrder()) {
        sb.append(sb.length() == 0 ? "" : ", ").append(t.key());
      }
    }
    return sb.toString();
  }
}
