/**
 * The HTTP edge every request crosses: the first checks of a request ({@code RequestHeadFilter}),
 * its id, the body limit and strict JSON reading, query parameters and path ids, and the one mapper
 * that turns every exception into problem+json.
 */
package dev.baton.web;
