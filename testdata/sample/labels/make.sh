#!/bin/sh
# Makes the sample provider's content-label samples (images its service
# generated) with ImageMagick's convert and ExifTool; see README.md here.
# Run from this folder: sh make.sh; then copy the PNGs to assets/demo/labels/.
set -eu
cfg=../../labels/tc260.exiftool.config
label() { printf '{"Label":"1","ContentProducer":"91110108MA7XH2TQ5E","ProduceID":"%s","ReservedCode1":"","ContentPropagator":"","PropagateID":"","ReservedCode2":""}' "$1"; }
nodates='-define png:exclude-chunks=date,time'
scene() { # sky colours, sun position, hill colour, output
    convert -size 320x240 gradient:"$1" $nodates -fill "$2" -draw "circle $3" -fill "$4" -draw 'polygon 0,240 0,170 90,120 170,175 250,110 320,160 320,240' "$5"
}
scene '#1e3c72-#9ec5e8' '#f5d76e' '250,60 272,60' '#2e6b3f' xinghe-gen-0001.png
exiftool -config "$cfg" -q -overwrite_original -XMP-TC260:AIGC="$(label XH-IMG-20261118-0001)" xinghe-gen-0001.png   # labelled, XMP
scene '#41295a-#f4a261' '#ffe8a3' '70,80 95,80' '#3d405b' xinghe-gen-0002.png.tmp.png
convert xinghe-gen-0002.png.tmp.png $nodates -set AIGC "$(label XH-IMG-20261118-0002)" xinghe-gen-0002.png && rm xinghe-gen-0002.png.tmp.png   # labelled, PNG tEXt
scene '#0f2027-#2c5364' '#e0e0e0' '160,50 175,50' '#1b4332' xinghe-gen-0003.png                                        # no implicit label
scene '#355c7d-#f67280' '#fff3b0' '200,90 226,90' '#6c5b7b' xinghe-gen-0004.png.tmp.png
convert xinghe-gen-0004.png.tmp.png $nodates -set AIGC '{"Label":"1","ContentProducer":"91110108MA7XH2TQ5E"}' xinghe-gen-0004.png && rm xinghe-gen-0004.png.tmp.png   # label without ProduceID
