package org.dip4j.samediff.skip;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import org.dip4j.api.InvalidInputException;
import org.dip4j.samediff.graph.Padding;
import org.dip4j.samediff.graph.Upsampling;

/**
 * The hyperparameters of the skip network, read from {@code dip.architectures.skip}; every key
 * is documented in this module's {@code reference.conf}.
 */
public record SkipSettings(
        List<Integer> channelsDown,
        List<Integer> channelsUp,
        List<Integer> channelsSkip,
        int filterSizeDown,
        int filterSizeUp,
        int filterSizeSkip,
        boolean averagePoolDownsampling,
        List<Upsampling> upsampling,
        Padding padding,
        boolean need1x1Up,
        boolean needSigmoid,
        boolean bias,
        double leakyReluSlope) {

    private static final String ROOT = "dip.architectures.skip.";

    public SkipSettings {
        int n = channelsDown.size();
        if (n == 0) {
            throw new InvalidInputException(ROOT + "channels-down must name at least one level");
        }
        if (channelsUp.size() != n || channelsSkip.size() != n || upsampling.size() != n) {
            throw new InvalidInputException(("%schannels-down, channels-up, channels-skip and upsample must have "
                    + "one entry per level; got %d, %d, %d and %d").formatted(ROOT, n, channelsUp.size(),
                    channelsSkip.size(), upsampling.size()));
        }
        for (int k : List.of(filterSizeDown, filterSizeUp, filterSizeSkip)) {
            if (k <= 0 || k % 2 == 0) {
                throw new InvalidInputException(ROOT + "filter sizes must be odd and positive, got " + k);
            }
        }
    }

    /** Number of scales (levels) of the encoder-decoder. */
    public int depth() {
        return channelsDown.size();
    }

    public static SkipSettings from(Config c) {
        List<Integer> down = c.getIntList("channels-down");
        String downsample = c.getString("downsample");
        if (!downsample.equals("stride") && !downsample.equals("avg")) {
            throw new InvalidInputException(ROOT + "downsample = '" + downsample + "'; use stride or avg");
        }
        List<Upsampling> up = new ArrayList<>();
        if (c.getValue("upsample").valueType() == ConfigValueType.LIST) {
            for (String s : c.getStringList("upsample")) {
                up.add(Upsampling.parse(s, ROOT + "upsample"));
            }
        } else {
            Upsampling mode = Upsampling.parse(c.getString("upsample"), ROOT + "upsample");
            for (int i = 0; i < down.size(); i++) {
                up.add(mode);
            }
        }
        return new SkipSettings(down, c.getIntList("channels-up"), c.getIntList("channels-skip"),
                c.getInt("filter-size-down"), c.getInt("filter-size-up"), c.getInt("filter-size-skip"),
                downsample.equals("avg"), up, Padding.parse(c.getString("padding"), ROOT + "padding"),
                c.getBoolean("need-1x1-up"), c.getBoolean("need-sigmoid"), c.getBoolean("bias"),
                c.getDouble("leaky-relu-slope"));
    }

    /**
     * The smallest side length the network accepts: each level halves the size, and at the deepest
     * level a reflection-padded convolution needs a map larger than its padding (2 px for 3×3).
     */
    public int minimumSize() {
        int pad = padding == Padding.REFLECTION ? Math.max(filterSizeDown, filterSizeUp) / 2 : 0;
        int skipPad = padding == Padding.REFLECTION ? filterSizeSkip / 2 : 0;
        return Math.max((1 << depth()) * (pad + 1), (1 << (depth() - 1)) * (skipPad + 1));
    }
}
