#!/usr/bin/env python3
"""xwd2png.py IN.xwd OUT.png: converts an X window dump (as Xvfb -fbdir keeps its
screen) to PNG with the standard library only; prints the number of distinct colours
in a sample of pixels, so a caller can tell a drawn window from a blank screen."""

import struct
import sys
import zlib


def read_xwd(path):
    with open(path, "rb") as f:
        data = f.read()
    header_size = struct.unpack(">I", data[:4])[0]
    fields = struct.unpack(">25I", data[:100])
    (_, version, pixmap_format, _depth, width, height, _xoff, byte_order, _unit, _bit_order,
     _pad, bits_per_pixel, bytes_per_line, _visual, red_mask, green_mask, blue_mask,
     _bits_per_rgb, _cmap_entries, ncolors) = fields[:20]
    if version != 7 or pixmap_format != 2 or bits_per_pixel != 32:
        sys.exit(f"{path}: unsupported XWD (version {version}, format {pixmap_format}, "
                 f"{bits_per_pixel} bpp)")
    offset = header_size + ncolors * 12
    rgb = bytearray(width * height * 3)
    shifts = []
    for mask in (red_mask, green_mask, blue_mask):
        shift = (mask & -mask).bit_length() - 1
        if mask >> shift != 0xFF:
            sys.exit(f"{path}: unsupported colour mask {mask:#x}")
        # byte index of this channel inside a 32-bit pixel
        shifts.append(shift // 8 if byte_order == 0 else 3 - shift // 8)
    for y in range(height):
        row = data[offset + y * bytes_per_line: offset + y * bytes_per_line + width * 4]
        out = memoryview(rgb)[y * width * 3:(y + 1) * width * 3]
        for channel, index in enumerate(shifts):
            out[channel::3] = row[index::4]
    return width, height, bytes(rgb)


def write_png(path, width, height, rgb):
    def chunk(kind, payload):
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + rgb[y * width * 3:(y + 1) * width * 3] for y in range(height))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    width, height, rgb = read_xwd(sys.argv[1])
    write_png(sys.argv[2], width, height, rgb)
    sample = {rgb[i:i + 3] for i in range(0, len(rgb), 3 * 97)}
    print(len(sample))


if __name__ == "__main__":
    main()
