package org.descent.training;

/**
 * One evaluation of a run: at step k the weights after k optimizer steps (step 0 the initial
 * weights). Losses are mean cross-entropies; NaN marks what does not apply (no validation
 * set, no learning rate, no averaging, curvature not computed).
 *
 * @param epoch epochs completed: steps / batches per epoch
 * @param trainLoss over the whole training set, in evaluation mode (batch normalization with
 *     its running averages)
 * @param valLoss over the validation set, evaluation mode; NaN without validation
 * @param gradNorm ‖g‖ of the training-mode loss over the whole training set
 * @param learningRate the rate the next step uses (schedule included); NaN for methods
 *     without one
 * @param gradNormSquared ‖g‖², the first-order decrease per unit step (Goodfellow eq. 8.10)
 * @param curvature gᵀHg over the whole training set (eq. 8.10: f(θ − εg) ≈ f(θ) − ε gᵀg
 *     + ½ ε² gᵀHg); NaN where too costly
 * @param averageTrainLoss the training loss of the averaged iterate; NaN without averaging
 * @param averageValAccuracy its validation accuracy; NaN without averaging or validation
 * @param functionEvaluations evaluations of the loss the optimizer made so far
 * @param gradientEvaluations evaluations of the gradient the optimizer made so far
 * @param sharpness the curvature at this step against the stability threshold, all NaN when
 *     it was not computed at this step ({@link TrainingPlan#sharpnessEvery})
 */
public record TrainingPoint(int step, double epoch, double trainLoss, double trainAccuracy,
    double valLoss, double valAccuracy, double gradNorm, double learningRate,
    double gradNormSquared, double curvature, double averageTrainLoss,
    double averageValAccuracy, long functionEvaluations, long gradientEvaluations,
    Sharpness sharpness) {}
