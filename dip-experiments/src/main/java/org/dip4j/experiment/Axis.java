package org.dip4j.experiment;

import java.util.List;

/**
 * One dimension of an experiment grid: a name ({@code image}, {@code method}) and its variants,
 * in the order written.
 */
public record Axis(String name, List<Variant> variants) {
    public Axis {
        variants = List.copyOf(variants);
    }
}
