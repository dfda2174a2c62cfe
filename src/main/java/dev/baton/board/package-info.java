/**
 * The scoreboard: Baton's own web pages, where the people on both sides of the handoff read the
 * funnel, the trend, the rejections and the two-sided SLA, and follow a lead. The pages are drawn
 * on the server from the same services as {@code GET /api/v1/funnel} and {@code GET /api/v1/sla},
 * with the charts as inline SVG: no script, nothing to build or install.
 */
package dev.baton.board;
