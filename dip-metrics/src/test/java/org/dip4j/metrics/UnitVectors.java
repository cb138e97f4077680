package org.dip4j.metrics;

import org.dip4j.api.Image;

/** The 16×16 arrays of golden.json's {@code unit_vectors.metrics}, built from their formulas. */
final class UnitVectors {
    private UnitVectors() {}

    /** {@code P[y][x][c] = ((3y + 5x + 7c) mod 17) / 16}. */
    static Image p() {
        return Image.generate(3, 16, 16, (c, y, x) -> ((3 * y + 5 * x + 7 * c) % 17) / 16.0);
    }

    /** {@code Q[y][x][c] = ((3y + 5x + 7c + 2·(y mod 3)) mod 17) / 16}. */
    static Image q() {
        return Image.generate(3, 16, 16, (c, y, x) -> ((3 * y + 5 * x + 7 * c + 2 * (y % 3)) % 17) / 16.0);
    }

    /** {@code M[y][x] = 1} for y in 4..11 and x in 2..9, else 0. */
    static Image m() {
        return Image.generate(1, 16, 16, (c, y, x) -> y >= 4 && y <= 11 && x >= 2 && x <= 9 ? 1.0 : 0.0);
    }
}
