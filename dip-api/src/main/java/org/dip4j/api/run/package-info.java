/**
 * Running restorations from an application: {@link org.dip4j.api.run.Dip} is the entry point.
 *
 * <pre>{@code
 * DipResult r = Dip.denoise(noisyImage).preset("fast").iterations(500)
 *         .onProgress(p -> System.err.println(p.done() + "/" + p.total()))
 *         .run();
 * BufferedImage restored = r.outputImage();
 * }</pre>
 *
 * <p>The engine that runs them is found with {@link java.util.ServiceLoader} as a
 * {@link org.dip4j.api.run.RunEngine} ({@code dip-samediff} provides one), so this package
 * depends on no engine.
 */
@NullMarked
package org.dip4j.api.run;

import org.jspecify.annotations.NullMarked;
