#!/usr/bin/env python3
"""Writes the Teams app icons with no image library: color.png (192x192, full colour) and outline.png (32x32, white
on transparent), as Teams requires. Run from this folder; the PNGs are committed."""
import struct
import zlib


def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def speech_bubble(x, y, size):
    """Two overlapping speech bubbles: a conversation between two people."""
    u, v = x / size, y / size
    left = (u - 0.40) ** 2 / 0.09 + (v - 0.40) ** 2 / 0.05 <= 1
    right = (u - 0.60) ** 2 / 0.09 + (v - 0.60) ** 2 / 0.05 <= 1
    return left, right


def color(x, y, size):
    left, right = speech_bubble(x, y, size)
    if right:
        return (255, 255, 255, 255)
    if left:
        return (246, 196, 83, 255)
    return (58, 125, 107, 255)


def outline(x, y, size):
    left, right = speech_bubble(x, y, size)
    return (255, 255, 255, 255) if left or right else (0, 0, 0, 0)


png("color.png", 192, color)
png("outline.png", 32, outline)
