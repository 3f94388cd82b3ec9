package org.descent.app.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.descent.lesson.AnswerStore;
import org.descent.lesson.Pick;
import org.descent.lesson.Question;
import org.descent.lesson.Quiz;
import org.descent.lesson.Runs;
import org.descent.lesson.Verdict;
import org.descent.scenario.Scenario;
import org.descent.trace.Trace;

/**
 * "Predict, then reveal" in the app: the open demo's questions and what was picked (a
 * {@link Quiz}, the one piece of state), and what follows from it with the playback step and
 * the race — how far the playback may go ({@link LabModel#stepLimitProperty()}), and the
 * {@link Moment} the question overlay shows: a question asked, a prediction waiting for the
 * run, or the run's verdict with its reason. Questions are asked in reveal mode only (on when
 * a demo with questions opens; View menu). A student's answers to a built-in demo are kept in
 * the {@link AnswerStore}. Use on the JavaFX thread only.
 */
public final class Lesson {

  /** What the question overlay shows now. */
  public sealed interface Moment {
    /** Nothing: no question is open, none has been decided yet. */
    record None() implements Moment {}

    /** A question is asked: the playback waits at its step for a pick. */
    record Asking(int index, Question question) implements Moment {}

    /** A question was answered (or passed over); the run has not decided it yet. */
    record Waiting(int index, Question question, Pick pick) implements Moment {}

    /** The run has decided a question: the verdict, and whether the pick was right. */
    record Checked(int index, Question question, Pick pick, Verdict verdict, boolean right)
        implements Moment {}
  }

  private static final Moment NONE = new Moment.None();

  private final LabModel model;
  private final AnswerStore store;
  private final Background io;
  private final ReadOnlyObjectWrapper<Quiz> quiz =
      new ReadOnlyObjectWrapper<>(this, "quiz", Quiz.NONE);
  private final ReadOnlyObjectWrapper<Moment> moment =
      new ReadOnlyObjectWrapper<>(this, "moment", NONE);
  private String demo;
  // The questions whose verdict has been shown once: the playback paused there and the answer
  // was remembered; going back and forth over the step does neither again.
  private final Set<Integer> announced = new HashSet<>();
  // The verdicts of the race they were decided from (recomputed when the race changes).
  private RaceResult decidedRace;
  private Verdict[] verdicts = new Verdict[0];
  private boolean updating;
  private boolean again;

  /**
   * @param store where a student's answers are kept, or null to keep none
   * @param io where the store's file is written (never on the JavaFX thread)
   */
  public Lesson(LabModel model, AnswerStore store, Background io) {
    this.model = model;
    this.store = store;
    this.io = io;
    model.currentStepProperty().addListener(o -> update());
    model.raceProperty().addListener(o -> update());
    model.revealProperty().addListener(o -> update());
    model.stepsProperty().addListener(o -> update());
  }

  /**
   * A demo was opened: its questions, none answered; reveal mode on when it has any, off when
   * it has none.
   *
   * @param demoId the built-in demo's name ("momentum-ravine"), whose answers are remembered,
   *     or null for a file of one's own
   */
  public void start(Scenario s, String demoId) {
    demo = demoId;
    announced.clear();
    decidedRace = null;
    verdicts = new Verdict[s.questions().size()];
    quiz.set(Quiz.of(s.questions()));
    model.revealProperty().set(!s.questions().isEmpty());
    update();
  }

  /**
   * Drops the open demo's questions, before another demo loads: none of them is then decided
   * from the new demo's race (whose cards they do not name).
   */
  public void clear() {
    demo = null;
    announced.clear();
    decidedRace = null;
    verdicts = new Verdict[0];
    quiz.set(Quiz.NONE);
    update();
  }

  /** The questions and the picks (read-only: {@link #pick} and {@link #skip} change it). */
  public ReadOnlyObjectProperty<Quiz> quizProperty() {
    return quiz.getReadOnlyProperty();
  }

  /** What the question overlay shows now; follows the quiz, the step and the race. */
  public ReadOnlyObjectProperty<Moment> momentProperty() {
    return moment.getReadOnlyProperty();
  }

  public Moment moment() {
    return moment.get();
  }

  /** The built-in demo whose answers are remembered, or null. */
  public String demo() {
    return demo;
  }

  /** Answers the question asked now and plays on to reveal the answer; nothing if none is. */
  public void pick(Pick pick) {
    if (!(moment.get() instanceof Moment.Asking a)) {
      return;
    }
    quiz.set(quiz.get().pick(a.index(), pick));
    update();
    // Plays on to reveal, unless another question is asked at once or the run had already
    // decided this one (its verdict is shown, paused, to be read).
    Moment now = moment.get();
    if (!(now instanceof Moment.Asking)
        && !(now instanceof Moment.Checked c && c.index() == a.index())) {
      model.playingProperty().set(true);
    }
  }

  /** Passes over the question asked now (no answer to remember) and plays on. */
  public void skip() {
    pick(new Pick.Skipped());
  }

  /**
   * Page Down inside a demo with questions: passes over the question asked; plays on towards
   * the decision of an answered one, or jumps to it when already playing; plays on to the next
   * question. False when there is nothing left to reveal (the lecture then goes on).
   */
  public boolean forward() {
    if (!active()) {
      return false;
    }
    if (moment.get() instanceof Moment.Asking) {
      skip();
      return true;
    }
    int step = model.currentStepProperty().get();
    int decision = Integer.MAX_VALUE;
    Quiz q = quiz.get();
    if (raceIsCurrent()) {
      for (int i = 0; i < q.questions().size(); i++) {
        if (q.picks().get(i) != null && verdict(i).step() > step) {
          decision = Math.min(decision, verdict(i).step());
        }
      }
    }
    if (decision < Integer.MAX_VALUE) {
      if (model.playingProperty().get()) {
        model.currentStepProperty().set(decision);
      } else {
        model.playingProperty().set(true);
      }
      return true;
    }
    if (q.next() >= 0) {
      model.playingProperty().set(true);
      return true;
    }
    return false;
  }

  private boolean active() {
    return model.revealProperty().get() && !quiz.get().isEmpty();
  }

  /** The limit, the moment, and what a new moment does (pause, remember), to a fixed point. */
  private void update() {
    if (updating) {
      again = true; // a change made by this update (the step limit moves the step): once more
      return;
    }
    updating = true;
    try {
      do {
        again = false;
        model.stepLimitProperty().set(limit());
        Moment m = derive();
        if (!m.equals(moment.get())) {
          moment.set(m);
        }
        if (m instanceof Moment.Asking) {
          model.playingProperty().set(false); // the answer waits for the prediction
        } else if (m instanceof Moment.Checked c && announced.add(c.index())) {
          model.playingProperty().set(false); // a moment to read the verdict
          remember(c);
          again = true; // the limit at its decision is lifted
        }
      } while (again);
    } finally {
      updating = false;
    }
  }

  /**
   * How far the playback may go: to the next question (its answer must not be on the wall
   * before it is asked), and to where the run decides a question already answered, so that
   * the verdict comes at its step exactly, however many steps a frame plays.
   */
  private int limit() {
    if (!active()) {
      return Integer.MAX_VALUE;
    }
    Quiz q = quiz.get();
    int limit = q.gate();
    if (raceIsCurrent()) {
      int step = model.currentStepProperty().get();
      for (int i = 0; i < q.questions().size(); i++) {
        if (q.picks().get(i) != null && !announced.contains(i)) {
          // Never behind the playback: a slider that moves a decision before the current
          // step shows the verdict here, it does not send the playback back.
          limit = Math.min(limit, Math.max(step, verdict(i).step()));
        }
      }
    }
    return limit;
  }

  private Moment derive() {
    if (!active()) {
      return NONE;
    }
    Quiz q = quiz.get();
    int step = model.currentStepProperty().get();
    int next = q.next();
    if (next >= 0 && step >= q.questions().get(next).step()) {
      return new Moment.Asking(next, q.questions().get(next));
    }
    if (!raceIsCurrent()) {
      // The traces are being computed: no verdict from a race that is no longer shown.
      return waiting(q, step, false);
    }
    // A prediction still waiting for the run is the matter of the moment; then the verdict
    // decided last.
    Moment waiting = waiting(q, step, true);
    if (waiting instanceof Moment.Waiting) {
      return waiting;
    }
    int best = -1;
    for (int i = 0; i < q.questions().size(); i++) {
      if (q.picks().get(i) != null && verdict(i).step() <= step
          && (best < 0 || verdict(i).step() >= verdict(best).step())) {
        best = i;
      }
    }
    if (best >= 0) {
      Pick p = q.picks().get(best);
      return new Moment.Checked(best, q.questions().get(best), p, verdict(best),
          verdict(best).isRight(p));
    }
    return NONE;
  }

  /** The latest answered question still waiting for the run, or None. */
  private Moment waiting(Quiz q, int step, boolean decided) {
    for (int i = q.questions().size() - 1; i >= 0; i--) {
      Pick p = q.picks().get(i);
      if (p != null && p.answered() && (!decided || verdict(i).step() > step)) {
        return new Moment.Waiting(i, q.questions().get(i), p);
      }
    }
    return NONE;
  }

  /** Whether the race shown is the one of the cards now (not one still being computed). */
  private boolean raceIsCurrent() {
    RaceResult r = model.race();
    return r.landscape() != null && r.entries().equals(List.copyOf(model.optimizers()));
  }

  /** How the race shown answers question i (computed once per race). */
  private Verdict verdict(int i) {
    RaceResult race = model.race();
    if (race != decidedRace) {
      decidedRace = race;
      verdicts = new Verdict[quiz.get().questions().size()];
    }
    if (verdicts[i] == null) {
      verdicts[i] = quiz.get().questions().get(i).decide(runs(race));
    }
    return verdicts[i];
  }

  /** The race as the rules read it: one trace per card of the demo, in the demo's order. */
  private Runs runs(RaceResult race) {
    List<String> labels = new ArrayList<>();
    List<Trace> traces = new ArrayList<>();
    for (OptimizerEntry e : model.loadedCards()) {
      labels.add(e.spec().label());
      traces.add(model.optimizers().contains(e) ? race.traceOf(e) : null);
    }
    Scenario x = model.extras();
    double fstar = x != null && x.chart() != null && !Double.isNaN(x.chart().fstar())
        ? x.chart().fstar() : race.landscape().bestMinimumValue();
    return new Runs(labels, traces, fstar, model.stepsProperty().get());
  }

  /** Keeps a student's answer to a built-in demo, written on a worker. */
  private void remember(Moment.Checked c) {
    if (store == null || demo == null || !c.pick().answered()) {
      return;
    }
    store.record(demo, c.index(), c.right(), quiz.get().questions().size());
    io.submit(() -> {
      store.save();
      return null;
    }, done -> { }, e -> { }); // a file that cannot be written costs the ticks, nothing else
  }
}
