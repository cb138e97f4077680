package org.dip4j.examples.tv

import com.typesafe.config.Config
import com.typesafe.config.ConfigFactory
import org.dip4j.spi.Loss
import org.dip4j.testkit.LossContractTests

/** The dip-testkit loss contract: id, service file, reference.conf, scalar ≥ 0, gradient. */
class TvLossContractTests : LossContractTests() {
    override fun loss(): Loss = TvLoss()

    /** A regulariser: it ignores the observation, so it is not zero on a perfect prediction. */
    override fun isDataTerm(): Boolean = false
}

/** The same contract for the isotropic form. */
class IsotropicTvLossContractTests : LossContractTests() {
    override fun loss(): Loss = TvLoss()

    override fun isDataTerm(): Boolean = false

    override fun settings(): Config = ConfigFactory.parseString("isotropic = true").withFallback(super.settings())
}
