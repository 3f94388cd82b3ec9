package org.descent.lesson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.descent.trace.Trace;

/**
 * How a run decides a question: a small, closed vocabulary (docs/scenarios.md, "Questions"),
 * each rule deciding from the traces alone, so that the app, the tests and a reader of the
 * file agree on what the run answered.
 */
public sealed interface Rule {

  /** What a question's choices are under a rule. */
  enum Kind {
    /** The choices are cards, by label. */
    CARDS,
    /** The choices are yes and no. */
    YES_NO,
    /** The choices are points of the plane. */
    POINTS,
    /** No choices: the answer is a number, typed. */
    NUMBER
  }

  /** The rule's name in a scenario file ("first-below"). */
  String key();

  Kind kind();

  /** The card the rule is about (for the rules about one card), −1 otherwise. */
  default int card() {
    return -1;
  }

  /** The rule with its card moved to another index (the cards were reordered). */
  default Rule withCard(int newCard) {
    return this;
  }

  /** How the run answers {@code q}. */
  Verdict decide(Question q, Runs runs);

  /** The rules' names, for messages. */
  List<String> KEYS = List.of("first-below", "first-to-diverge", "diverges", "lowest-at-end",
      "ends-nearest", "step-below");

  /** Which card first has f − f* below {@code gap}. */
  record FirstBelow(double gap) implements Rule {
    public FirstBelow {
      if (!(gap > 0) || Double.isInfinite(gap)) {
        throw new IllegalArgumentException("gap must be a positive number, got " + gap);
      }
    }

    @Override
    public String key() {
      return "first-below";
    }

    @Override
    public Kind kind() {
      return Kind.CARDS;
    }

    @Override
    public Verdict decide(Question q, Runs runs) {
      String missing = missingCard(q, runs);
      if (missing != null) {
        return Verdict.of(runs.steps(), Set.of(), missing);
      }
      if (Double.isNaN(runs.fstar())) {
        return Verdict.of(runs.steps(), Set.of(), "f* is not known for this function");
      }
      String goal = "f − f* < " + Text.number(gap);
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < q.choices().size(); i++) {
        Trace t = runs.trace(q.choices().get(i).card());
        entries.add(new Entry(i, runs.firstBelow(t, gap), t));
      }
      return race(q, runs, entries, "reached " + goal,
          e -> "reached " + goal + " at step " + e.step().getAsInt(), "not in " + runs.steps()
          + " steps");
    }
  }

  /** Which card blows up first (see {@link Runs#blowUp}). */
  record FirstToDiverge() implements Rule {
    @Override
    public String key() {
      return "first-to-diverge";
    }

    @Override
    public Kind kind() {
      return Kind.CARDS;
    }

    @Override
    public Verdict decide(Question q, Runs runs) {
      String missing = missingCard(q, runs);
      if (missing != null) {
        return Verdict.of(runs.steps(), Set.of(), missing);
      }
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < q.choices().size(); i++) {
        Trace t = runs.trace(q.choices().get(i).card());
        entries.add(new Entry(i, Runs.blowUp(t), t));
      }
      return race(q, runs, entries, "blew up",
          e -> blewUp(e.trace(), e.step().getAsInt()), "did not blow up in " + runs.steps()
          + " steps");
    }
  }

  /** Whether one card blows up: yes or no. */
  record Diverges(int card) implements Rule {
    @Override
    public String key() {
      return "diverges";
    }

    @Override
    public Kind kind() {
      return Kind.YES_NO;
    }

    @Override
    public Rule withCard(int newCard) {
      return new Diverges(newCard);
    }

    @Override
    public Verdict decide(Question q, Runs runs) {
      Trace t = runs.trace(card);
      if (t == null) {
        return Verdict.of(runs.steps(), Set.of(), gone());
      }
      OptionalInt s = Runs.blowUp(t);
      String name = runs.label(card);
      if (s.isPresent()) {
        return Verdict.of(s.getAsInt(), Set.of(0), name + " " + blewUp(t, s.getAsInt()));
      }
      return Verdict.of(runs.steps(), Set.of(1), name + " did not blow up in " + runs.steps()
          + " steps: f went from " + Text.number(t.loss(0)) + " to "
          + Text.number(t.finalLoss()));
    }
  }

  /** Which card has the lowest loss at the end. */
  record LowestAtEnd() implements Rule {
    @Override
    public String key() {
      return "lowest-at-end";
    }

    @Override
    public Kind kind() {
      return Kind.CARDS;
    }

    @Override
    public Verdict decide(Question q, Runs runs) {
      String missing = missingCard(q, runs);
      if (missing != null) {
        return Verdict.of(runs.steps(), Set.of(), missing);
      }
      boolean gap = !Double.isNaN(runs.fstar());
      double best = Double.POSITIVE_INFINITY;
      double[] end = new double[q.choices().size()];
      for (int i = 0; i < end.length; i++) {
        Trace t = runs.trace(q.choices().get(i).card());
        // A run that stopped at a non-finite value ended nowhere: it is last.
        end[i] = t.diverged() || t.length() == 0 ? Double.POSITIVE_INFINITY : t.finalLoss();
        best = Math.min(best, end[i]);
      }
      Set<Integer> right = new HashSet<>();
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < end.length; i++) {
        order.add(i);
        if (end[i] == best && best < Double.POSITIVE_INFINITY) {
          right.add(i);
        }
      }
      order.sort(Comparator.comparingDouble(i -> end[i]));
      StringBuilder sb = new StringBuilder((gap ? "f − f*" : "f") + " at the end — ");
      for (int n = 0; n < order.size(); n++) {
        int i = order.get(n);
        Trace t = runs.trace(q.choices().get(i).card());
        sb.append(n == 0 ? "" : SEPARATOR).append(runs.label(q.choices().get(i).card()))
            .append(": ").append(t.diverged() ? "diverged at step " + t.divergedAt().getAsInt()
                : Text.number(gap ? Math.max(0, end[i] - runs.fstar()) : end[i]));
      }
      return Verdict.of(runs.steps(), right, sb.toString());
    }
  }

  /** Which of the points a card ends nearest to (a basin, a saddle). */
  record EndsNearest(int card) implements Rule {
    @Override
    public String key() {
      return "ends-nearest";
    }

    @Override
    public Kind kind() {
      return Kind.POINTS;
    }

    @Override
    public Rule withCard(int newCard) {
      return new EndsNearest(newCard);
    }

    @Override
    public Verdict decide(Question q, Runs runs) {
      Trace t = runs.trace(card);
      if (t == null) {
        return Verdict.of(runs.steps(), Set.of(), gone());
      }
      String name = runs.label(card);
      if (t.diverged() || t.length() == 0) {
        return Verdict.of(runs.steps(), Set.of(), name + " diverged at step "
            + t.divergedAt().orElse(0) + ": it ends nowhere");
      }
      int k = t.lastStep();
      double[] d = new double[q.choices().size()];
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < d.length; i++) {
        var p = q.choices().get(i).point();
        d[i] = Math.hypot(t.x(k) - p.x(), t.y(k) - p.y());
        best = Math.min(best, d[i]);
      }
      Set<Integer> right = new HashSet<>();
      int first = -1;
      for (int i = 0; i < d.length; i++) {
        if (d[i] == best) {
          right.add(i);
          first = first < 0 ? i : first;
        }
      }
      return Verdict.of(runs.steps(), right, name + " ended at (" + Text.number(t.x(k)) + ", "
          + Text.number(t.y(k)) + "), nearest to " + q.choices().get(first).text());
    }
  }

  /** At which step one card first has f − f* below {@code gap}: a number, within tolerance. */
  record StepBelow(int card, double gap, double tolerance) implements Rule {
    public StepBelow {
      if (!(gap > 0) || Double.isInfinite(gap)) {
        throw new IllegalArgumentException("gap must be a positive number, got " + gap);
      }
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
        throw new IllegalArgumentException("tolerance must be zero or more, got " + tolerance);
      }
    }

    @Override
    public String key() {
      return "step-below";
    }

    @Override
    public Kind kind() {
      return Kind.NUMBER;
    }

    @Override
    public Rule withCard(int newCard) {
      return new StepBelow(newCard, gap, tolerance);
    }

    @Override
    public Verdict decide(Question q, Runs runs) {
      Trace t = runs.trace(card);
      if (t == null) {
        return new Verdict(runs.steps(), Set.of(), Double.NaN, tolerance, gone());
      }
      String name = runs.label(card);
      String goal = "f − f* < " + Text.number(gap);
      if (Double.isNaN(runs.fstar())) {
        return new Verdict(runs.steps(), Set.of(), Double.NaN, tolerance,
            "f* is not known for this function");
      }
      OptionalInt s = runs.firstBelow(t, gap);
      if (s.isEmpty()) {
        return new Verdict(runs.steps(), Set.of(), Double.NaN, tolerance, name
            + " did not reach " + goal + " in " + runs.steps() + " steps");
      }
      int k = s.getAsInt();
      return new Verdict(k, Set.of(), k, tolerance, name + " reached " + goal + " at step "
          + k + (tolerance > 0 ? " (a guess within " + Text.number(tolerance) + " steps is right)"
              : ""));
    }
  }

  // ---- shared by the rules whose choices are cards

  /** A choice and when (if ever) its card did the thing asked about. */
  record Entry(int choice, OptionalInt step, Trace trace) {}

  /**
   * Between cards in a reason: labels have commas of their own ("momentum 0.9, lr 0.01"), so a
   * comma cannot separate them.
   */
  String SEPARATOR = " · ";

  /**
   * Who did it first: the right choices are the earliest (ties share), decided at that step,
   * or at the end when none did; the reason lists every card, earliest first.
   *
   * @param did what the cards did ("reached f − f* < 0.001"), for "none of them …"
   * @param first what the first card did, said in full
   * @param didNot what the cards that never did it did not, after their names
   */
  private static Verdict race(Question q, Runs runs, List<Entry> entries, String did,
      java.util.function.Function<Entry, String> first, String didNot) {
    int best = Integer.MAX_VALUE;
    for (Entry e : entries) {
      best = Math.min(best, e.step().orElse(Integer.MAX_VALUE));
    }
    Set<Integer> right = new HashSet<>();
    for (Entry e : entries) {
      if (e.step().isPresent() && e.step().getAsInt() == best) {
        right.add(e.choice());
      }
    }
    List<Entry> order = new ArrayList<>(entries);
    order.sort(Comparator.comparingInt(e -> e.step().orElse(Integer.MAX_VALUE)));
    StringBuilder sb = new StringBuilder();
    if (right.isEmpty()) {
      sb.append("none of them ").append(did).append(" in ").append(runs.steps())
          .append(" steps");
    } else {
      for (Entry e : order) {
        boolean winner = sb.length() == 0;
        String name = runs.label(q.choices().get(e.choice()).card());
        sb.append(winner ? "" : SEPARATOR).append(name).append(' ')
            .append(e.step().isEmpty() ? didNot : winner ? first.apply(e)
                : "at step " + e.step().getAsInt());
      }
    }
    return Verdict.of(right.isEmpty() ? runs.steps() : best, right, sb.toString());
  }

  /** A message when a card a question names is gone from the race, else null. */
  private static String missingCard(Question q, Runs runs) {
    for (Choice c : q.choices()) {
      if (runs.trace(c.card()) == null) {
        return gone();
      }
    }
    return null;
  }

  private static String gone() {
    return "the card this question is about is no longer in the race";
  }

  private static String blewUp(Trace t, int step) {
    if (t.divergedAt().isPresent() && t.divergedAt().getAsInt() == step) {
      return "diverged at step " + step + " (" + t.divergenceCause().description()
          + " is not finite)";
    }
    return "blew up at step " + step + ": f rose from " + Text.number(t.loss(0)) + " to "
        + Text.number(t.loss(step));
  }
}
