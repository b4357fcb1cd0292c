#!/usr/bin/env python3
"""test/tools/png_colours.py — what a PNG screenshot shows, with the standard library alone
(zlib): its size, the number of distinct colours, the share of pixels that are not white, and
how many pixels have each colour asked for. Decodes 8-bit RGB/RGBA, non-interlaced PNGs (what
Chromium's --screenshot writes).

    png_colours.py FILE [#rrggbb ...]   -> one JSON object on stdout
"""
import collections
import json
import struct
import sys
import zlib


def decode(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        sys.exit(f"{path}: unsupported PNG (depth {depth}, colour type {colour_type}, "
                 f"interlace {interlace})")
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 2:
            line = bytearray((x + b) & 0xFF for x, b in zip(line, prev))
        elif kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind in (3, 4):
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                if kind == 3:
                    line[i] = (line[i] + (a + b) // 2) & 0xFF
                else:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main():
    width, height, bpp, rows = decode(sys.argv[1])
    wanted = {c.lower(): tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in sys.argv[2:]}
    pixels = collections.Counter()
    for line in rows:
        pixels.update(zip(line[0::bpp], line[1::bpp], line[2::bpp]))
    counts = {name: pixels[value] for name, value in wanted.items()}
    non_white = width * height - pixels[(255, 255, 255)]
    distinct = pixels
    print(json.dumps({"width": width, "height": height, "distinct": len(distinct),
                      "non_white": non_white / (width * height), "pixels_of": counts}))


if __name__ == "__main__":
    main()
