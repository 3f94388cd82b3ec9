/**
 * Predict, then reveal: the questions a demo asks before it shows the answer, and how a run
 * decides them. A {@link org.descent.lesson.Question} names its choices and the
 * {@link org.descent.lesson.Rule} that decides it from the race's traces ({@link
 * org.descent.lesson.Runs}); {@link org.descent.lesson.Quiz} is the state of a demo's questions
 * (what was picked); {@link org.descent.lesson.AnswerStore} keeps a student's answers between
 * runs. Pure: no JavaFX, no scenario files (the scenario package reads questions into these
 * records).
 */
package org.descent.lesson;
