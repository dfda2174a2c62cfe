/**
 * The conventions of the OpenAPI document that annotations cannot express, applied once to the
 * generated document so that generated clients work unmodified.
 */
package dev.baton.openapi;
