package org.example;

import org.dip4j.spi.Loss;
import org.dip4j.testkit.LossContractTests;

class L1LossContractTests extends LossContractTests {
    @Override protected Loss loss() { return new L1Loss(); }
}
