/** Baton's own settings ({@code baton.*}), typed and validated at start. */
package dev.baton.config;
