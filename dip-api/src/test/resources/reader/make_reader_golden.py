"""Writes the image files of ImageReaderTests and Pillow's decoded values for each.

Run from this folder with Debian's Python 3.11, NumPy 1.24.2 and Pillow 9.4.0
(`apt-get install -y python3-pil python3-numpy`; `/usr/bin/python3 make_reader_golden.py`).
The files are written by Pillow where Pillow can write that kind, and by the small PNG encoder
below otherwise (16-bit colour, 16-bit grey+alpha, 2- and 4-bit grey, tRNS); every expected
value is what Pillow decodes from the written file, never the array that was encoded.
"""
import io
import struct
import zlib

import numpy as np
from PIL import Image

H, W = 5, 7
rng = np.random.default_rng(18)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_png(path, samples, bit_depth, colour_type, extra=b""):
    """samples: H x W x C integer array (already packed per bit depth rules below)."""
    h, w = samples.shape[:2]
    channels = samples.shape[2]
    rows = []
    for y in range(h):
        row = samples[y].reshape(-1)
        if bit_depth == 16:
            raw = b"".join(struct.pack(">H", int(v)) for v in row)
        elif bit_depth == 8:
            raw = bytes(int(v) for v in row)
        else:  # 1, 2 or 4 bits, one channel
            per_byte = 8 // bit_depth
            raw = bytearray()
            for i in range(0, len(row), per_byte):
                byte = 0
                for j in range(per_byte):
                    v = int(row[i + j]) if i + j < len(row) else 0
                    byte |= v << (8 - bit_depth * (j + 1))
                raw.append(byte)
            raw = bytes(raw)
        rows.append(b"\x00" + raw)
    ihdr = struct.pack(">IIBBBBB", w, h, bit_depth, colour_type, 0, 0, 0)
    data = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + extra
            + png_chunk(b"IDAT", zlib.compress(b"".join(rows))) + png_chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(data)


def smooth(channels):
    """A smooth colour ramp plus noise: JPEG-friendly and every sample distinct enough."""
    y, x = np.mgrid[0:H, 0:W]
    out = np.empty((H, W, channels))
    for c in range(channels):
        out[..., c] = 40 + 25 * x + 17 * y + 30 * c
    return np.clip(out + rng.integers(-12, 13, out.shape), 0, 255).astype(np.uint8)


rgb8 = smooth(3)
grey8 = smooth(1)[..., 0]
alpha8 = rng.integers(0, 256, (H, W)).astype(np.uint8)
alpha8[0, 0] = 0

files = {}
# Written by Pillow.
Image.fromarray(grey8, "L").save("grey8.png"); files["grey8.png"] = "Pillow L"
Image.fromarray(rgb8, "RGB").save("rgb8.png"); files["rgb8.png"] = "Pillow RGB"
Image.fromarray(np.dstack([rgb8, alpha8]), "RGBA").save("rgba8.png"); files["rgba8.png"] = "Pillow RGBA"
Image.fromarray(np.dstack([grey8, alpha8]), "LA").save("grey_alpha8.png"); files["grey_alpha8.png"] = "Pillow LA"
Image.fromarray(grey8 > 128).save("grey1.png"); files["grey1.png"] = "Pillow mode 1 (1-bit greyscale)"
pal = Image.fromarray(rgb8, "RGB").quantize(colors=200, method=Image.Quantize.MEDIANCUT)
pal.save("palette8.png"); files["palette8.png"] = "Pillow P, 8-bit palette"
pal16 = Image.fromarray(rgb8, "RGB").quantize(colors=16, method=Image.Quantize.MEDIANCUT)
pal16.save("palette4.png", bits=4); files["palette4.png"] = "Pillow P, 4-bit palette"
pal16.save("palette_trns.png", transparency=3); files["palette_trns.png"] = "Pillow P with tRNS (index 3 transparent)"
g16 = (rng.integers(0, 65536, (H, W))).astype(np.uint16)
Image.fromarray(g16, "I;16").save("grey16.png"); files["grey16.png"] = "Pillow I;16, arbitrary 16-bit values"
Image.fromarray(grey8.astype(np.uint16) * 257, "I;16").save("grey16_x257.png")
files["grey16_x257.png"] = "Pillow I;16, the 8-bit grey values times 257"
Image.fromarray(grey8, "L").save("grey.jpg", quality=90); files["grey.jpg"] = "Pillow JPEG L, quality 90"
Image.fromarray(rgb8, "RGB").save("rgb444.jpg", quality=90, subsampling=0)
files["rgb444.jpg"] = "Pillow JPEG RGB, quality 90, 4:4:4"
Image.fromarray(rgb8, "RGB").save("rgb420.jpg", quality=90, subsampling=2)
files["rgb420.jpg"] = "Pillow JPEG RGB, quality 90, 4:2:0"
# Written by the encoder above (Pillow cannot write these kinds).
write_png("rgb16_x257.png", rgb8.astype(np.uint32) * 257, 16, 2); files["rgb16_x257.png"] = "encoder, 16-bit RGB, 8-bit values times 257"
write_png("rgba16_x257.png", np.dstack([rgb8, alpha8]).astype(np.uint32) * 257, 16, 6)
files["rgba16_x257.png"] = "encoder, 16-bit RGBA, 8-bit values times 257"
write_png("grey_alpha16_x257.png", np.dstack([grey8, alpha8]).astype(np.uint32) * 257, 16, 4)
files["grey_alpha16_x257.png"] = "encoder, 16-bit grey+alpha, 8-bit values times 257"
write_png("grey2.png", (grey8 // 64)[..., None], 2, 0); files["grey2.png"] = "encoder, 2-bit greyscale"
write_png("grey4.png", (grey8 // 16)[..., None], 4, 0); files["grey4.png"] = "encoder, 4-bit greyscale"
write_png("rgb8_trns.png", rgb8, 8, 2, png_chunk(b"tRNS", struct.pack(">HHH", *rgb8[0, 0])))
files["rgb8_trns.png"] = "encoder, 8-bit RGB with a tRNS colour"

with open("pillow-values.txt", "w") as out:
    out.write("# Pillow 9.4.0 / NumPy 1.24.2 decoded values, written by make_reader_golden.py.\n")
    out.write("# file, scale, height, width, then the R, G and B planes row by row; value = sample / scale.\n")
    for name, how in files.items():
        im = Image.open(name)
        im.load()
        if im.mode in ("I;16", "I;16B", "I"):
            # Pillow keeps 16-bit greyscale samples as they are; convert('RGB') would clip them.
            a = np.asarray(im).astype(np.int64)
            planes, scale = np.stack([a, a, a]), 65535
        else:
            # Pillow decodes 16-bit colour to its high byte: exact here, as the samples are v*257.
            planes, scale = np.asarray(im.convert("RGB")).transpose(2, 0, 1).astype(np.int64), 255
        out.write("%s %d %d %d  # %s, Pillow mode %s\n" % (name, scale, H, W, how, im.mode))
        out.write(" ".join(str(int(v)) for v in planes.reshape(-1)) + "\n")
print("wrote", len(files), "files")
