package org.dip4j.losses;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/** Non-overlapping s×s average pooling of NCHW tensors, the downsampler of the multi-scale terms. */
final class AveragePooling {
    private AveragePooling() {}

    /**
     * {@code x} averaged over s×s blocks with stride s; {@code s = 1} returns {@code x} itself.
     * VALID padding: when H or W is not a multiple of s, the last {@code H mod s} rows and
     * {@code W mod s} columns are left out (a crop at the bottom and right), never padded.
     */
    static SDVariable pool(SameDiff sd, SDVariable x, int s) {
        if (s == 1) {
            return x;
        }
        // avgPooling2d's gradient checks out in M2.1 (MultiscaleMseLossTests check it); NCHW is isNHWC = false.
        Pooling2DConfig config = Pooling2DConfig.builder()
                .kH(s).kW(s)
                .sH(s).sW(s)
                .pH(0).pW(0)
                .dH(1).dW(1)
                .paddingMode(PaddingMode.VALID)
                .isNHWC(false)
                .build();
        return sd.cnn().avgPooling2d(x, config);
    }
}
