/**
 * The plan executor: SameDiff's gradient graph compiled once into a flat list of bound native
 * calls on preallocated arrays, run every training step without per-step maps, shape inference
 * or allocation. Internal to the engine.
 */
@NullMarked
package org.dip4j.samediff.plan;

import org.jspecify.annotations.NullMarked;
