package org.dip4j.spi;

import org.apiguardian.api.API;

/**
 * The names of the auxiliary images a task hands to losses ({@link LossGraph#auxiliary}) and
 * metrics ({@link MetricInputs#auxiliary()}), for the images more than one plugin reads. A plugin
 * may add its own names; these are the shared vocabulary.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class AuxiliaryImages {
    /** The image pasted in (blending): C×H×W like the output. */
    public static final String FOREGROUND = "fg";
    /** The image pasted onto (blending): C×H×W like the output. */
    public static final String BACKGROUND = "bg";
    /** Where the foreground goes (blending): 1×H×W, 1 inside. */
    public static final String MASK = "mask";
    /** The soft transition weight of the foreground (blending): 1×H×W in [0, 1]. */
    public static final String ALPHA = "alpha";

    private AuxiliaryImages() {}
}
