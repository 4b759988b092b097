/**
 * Fixed-capacity collections for real-time and interrupt paths: the capacity is given to the constructor,
 * which allocates everything the collection will ever use; after construction no operation allocates, and
 * each runs in time bounded by a constant or by the capacity. Every insert says whether there was room
 * ({@code false}, or {@link dev.headroom.collections.PutResult#FULL} for the maps): nothing is dropped
 * silently, and the caller must check the result.
 *
 * <p>Loops are written in the counted shape that Headroom bounds: an {@code int} counter from 0, one
 * increment per iteration, compared with a constant or with the length of a {@code final} array field,
 * so Headroom proves the bound from the capacity the program's static objects hold.
 */
package dev.headroom.collections;
