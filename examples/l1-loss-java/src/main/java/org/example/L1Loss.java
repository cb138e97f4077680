package org.example;

import org.dip4j.spi.Loss;
import org.dip4j.spi.LossGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

public final class L1Loss implements Loss {
    @Override public String id() { return "l1"; }
    @Override public String description() { return "mean absolute error against the observation"; }

    @Override public SDVariable define(LossGraph graph) {
        SameDiff sd = graph.sameDiff();
        SDVariable diff = graph.prediction().sub(graph.observation());
        return sd.mean(graph.name("l1"), sd.math().abs(diff));
    }
}
