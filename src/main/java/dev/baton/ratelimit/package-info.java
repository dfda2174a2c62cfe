/**
 * Rate limits: one quota per API key and window, counted across replicas in a shared table spent in
 * chunks, and the {@code RateLimit} headers of every answer.
 */
package dev.baton.ratelimit;
