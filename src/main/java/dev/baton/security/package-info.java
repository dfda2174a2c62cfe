/**
 * Who is calling: the {@link dev.baton.security.Caller} every service receives and the {@link
 * dev.baton.security.Role} catalog that {@code @RolesAllowed} names through {@code Role.Names}.
 */
package dev.baton.security;
