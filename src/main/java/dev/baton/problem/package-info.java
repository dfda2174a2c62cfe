/**
 * The problem vocabulary: {@link dev.baton.problem.ProblemType}, the catalog of every kind of
 * refusal (slug, status, title), and the {@link dev.baton.problem.Problem} and {@link
 * dev.baton.problem.ProblemException} built from it. Services throw; {@code web.ProblemMapper}
 * answers.
 */
package dev.baton.problem;
