#!/usr/bin/env python3
"""Writes the placeholder pictures the sample data files refer to (images/*.png).

Python 3 standard library only; the output is reproducible. The pictures are
plain drawings (a seal-like logo, bar charts without labels, landscape scenes
standing in for activity photos): enough to show where a real logo, chart or
photo lands in a filled template.
"""

import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(path, width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows += bytes(pixel(x, y))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    data = (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(data)


def logo(x, y):
    cx, cy = 150, 150
    d2 = (x - cx) ** 2 + (y - cy) ** 2
    if d2 < 60 ** 2:
        return (200, 160, 40)
    if d2 < 110 ** 2:
        return (30, 70, 140)
    if d2 < 120 ** 2:
        return (200, 160, 40)
    if d2 < 140 ** 2:
        return (30, 70, 140)
    return (255, 255, 255)


def bar_chart(values, bar_colors):
    width, height, base, top = 900, 420, 380, 30
    n = len(values)
    slot = (width - 80) // n

    def pixel(x, y):
        if x == 60 and top <= y <= base or y == base and 60 <= x <= width - 20:
            return (0, 0, 0)
        for pct in (25, 50, 75, 100):
            gy = base - (base - top) * pct // 100
            if y == gy and 60 < x < width - 20 and x % 6 < 3:
                return (170, 170, 170)
        i = (x - 70) // slot
        if 0 <= i < n and slot * 0.15 < (x - 70) % slot < slot * 0.85:
            h = (base - top) * values[i] / 100
            if base - h <= y < base:
                return bar_colors[i % len(bar_colors)]
        return (255, 255, 255)
    return width, height, pixel


def photo(seed):
    sky = [(135, 190, 235), (250, 200, 150), (170, 210, 240), (200, 220, 250)][seed % 4]
    ground = [(90, 150, 80), (120, 110, 90), (80, 140, 110), (150, 130, 100)][seed % 4]

    def pixel(x, y):
        horizon = 300 + (x * (seed + 1)) % 40 // 4
        if 200 + 40 * seed < x < 420 + 30 * seed and 170 < y < horizon:
            if 230 + 40 * seed < x < 260 + 40 * seed and 200 < y < 240:
                return (230, 230, 200)
            return (235, 225, 205)
        if 180 + 40 * seed < x < 440 + 30 * seed and 120 + (abs(x - 310 - 35 * seed)) // 3 < y <= 170:
            return (170, 60, 50)
        if y < horizon:
            t = y / horizon
            return tuple(int(c * (1 - 0.25 * t)) for c in sky)
        return tuple(int(c * (0.8 + 0.2 * ((x // 20 + y // 20) % 2))) for c in ground)
    return 640, 480, pixel


def main():
    out = os.path.join(HERE, "images")
    os.makedirs(out, exist_ok=True)
    png(os.path.join(out, "logo.png"), 300, 300, logo)
    w, h, p = bar_chart([97.19, 96.44, 97.50], [(46, 99, 168), (230, 126, 34), (39, 174, 96)])
    png(os.path.join(out, "chart_tools.png"), w, h, p)
    w, h, p = bar_chart([98.45, 96.80, 97.12, 95.67, 97.90, 96.33, 95.48, 97.51, 100, 95.00],
                        [(46, 99, 168)] * 5 + [(230, 126, 34)] * 3 + [(39, 174, 96)] * 2)
    png(os.path.join(out, "chart_indicators.png"), w, h, p)
    for i in range(5):
        w, h, p = photo(i)
        png(os.path.join(out, f"photo{i + 1}.png"), w, h, p)


if __name__ == "__main__":
    main()
