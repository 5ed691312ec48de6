#!/bin/sh
# Makes the label-sample fixtures of this folder with ImageMagick's
# convert, ExifTool (with tc260.exiftool.config) and Python's standard
# library. Run from this folder: sh make.sh. See testdata/README.md.
set -eu
full='{"Label":"1","ContentProducer":"001191110108MA7XH2TQ5E00000","ProduceID":"XH-IMG-20261120-0001","ReservedCode1":"","ContentPropagator":"001191110108MA7XH2TQ5E00000","PropagateID":"XH-PUB-20261120-0001","ReservedCode2":""}'
partial='{"Label":"1"}'
nodates='-define png:exclude-chunks=date,time'
et() { exiftool -config tc260.exiftool.config -q -overwrite_original "$@"; }

# Labelled, as generators write the label.
convert -size 96x64 gradient:navy-gold $nodates -set AIGC "$full" labelled-text.png           # PNG tEXt AIGC (as Doubao writes it)
convert -size 96x64 gradient:teal-white $nodates unlabelled.png && cp unlabelled.png labelled-xmp.png
et -XMP-TC260:AIGC="$full" labelled-xmp.png                                                  # PNG iTXt XML:com.adobe.xmp, TC260:AIGC
convert -size 80x60 plasma:fractal -seed 1 -quality 80 unlabelled.jpg 2>/dev/null || convert -size 80x60 gradient:green-black -quality 80 unlabelled.jpg
exiftool -q -all= -overwrite_original unlabelled.jpg
cp unlabelled.jpg labelled-xmp.jpg && et -XMP-TC260:AIGC="$full" labelled-xmp.jpg            # JPEG APP1 XMP
cp unlabelled.jpg labelled-exif.jpg && et -EXIF:UserComment="{\"AIGC\":$full}" labelled-exif.jpg   # JPEG APP1 EXIF UserComment
convert -size 72x48 gradient:purple-orange -define webp:lossless=true unlabelled.webp
cp unlabelled.webp labelled-xmp.webp && et -XMP-TC260:AIGC="$full" labelled-xmp.webp         # WebP "XMP " chunk
convert -size 96x64 gradient:gray-red $nodates -set AIGC "$partial" labelled-partial.png      # a label lacking sub-fields
cp labelled-exif.jpg jpeg-named.png                                                          # a JPEG named .png

# zTXt and compressed iTXt, and the malformed files, with Python.
python3 - "$full" <<'PY'
import struct, sys, zlib
full = sys.argv[1].encode()
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = open('unlabelled.png', 'rb').read()
iend = png.rindex(b'IEND') - 4
def with_chunk(c):
    return png[:iend] + c + png[iend:]
open('labelled-ztxt.png', 'wb').write(with_chunk(chunk(b'zTXt', b'AIGC\0\0' + zlib.compress(full))))
open('labelled-itxt.png', 'wb').write(with_chunk(chunk(b'iTXt', b'AIGC\0\1\0\0\0' + zlib.compress(full))))
# Malformed.
open('malformed-truncated.png', 'wb').write(png[:len(png) // 2])
b = bytearray(png); i = png.index(b'IDAT') + 8; b[i] ^= 0xFF
open('malformed-crc.png', 'wb').write(bytes(b))
b = bytearray(png); i = png.index(b'IDAT') - 4; b[i:i+4] = struct.pack('>I', 0x10000000)
open('malformed-chunk-length.png', 'wb').write(bytes(b))
bomb = zlib.compress(b'{' + b' ' * (4 << 20) + b'}', 9)
open('malformed-ztxt-bomb.png', 'wb').write(with_chunk(chunk(b'zTXt', b'AIGC\0\0' + bomb)))
jpg = open('unlabelled.jpg', 'rb').read()
open('malformed-truncated.jpg', 'wb').write(jpg[:len(jpg) * 2 // 3])
b = bytearray(jpg); i = jpg.index(b'\xff\xdb'); b[i+2:i+4] = b'\xff\xf0'
open('malformed-segment.jpg', 'wb').write(bytes(b))
webp = open('unlabelled.webp', 'rb').read()
open('malformed-riff-size.webp', 'wb').write(webp[:4] + struct.pack('<I', len(webp) + 1000) + webp[8:])
open('not-an-image.png', 'wb').write('编号,名称\nDS-01,公开网页\n'.encode())
PY

# A PNG whose structure and CRCs are sound but whose image data is not
# zlib: it imports (only metadata is read) and the preview cannot decode it.
python3 - <<'PY'
import struct, zlib
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = open('unlabelled.png', 'rb').read()
i = png.index(b'IDAT') - 4
l, = struct.unpack('>I', png[i:i+4])
open('undecodable.png', 'wb').write(png[:i] + chunk(b'IDAT', b'\x78\x9c' + bytes(range(256))[:l]) + png[i+12+l:])
PY
