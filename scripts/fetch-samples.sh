#!/usr/bin/env bash
# Rebuilds public/samples/ from two Debian packages whose photos are public
# domain or CC0. Documents exactly how the committed sample photos were made;
# licences and provenance are recorded in public/samples/SOURCES.md.
#
# Needs: apt-get (Debian bookworm sources), dpkg, node with sharp installed.
# Usage: scripts/fetch-samples.sh   (run from the repository root)
set -euo pipefail

repo_root="$(pwd)"
out="$repo_root/public/samples"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
apt-get update -qq || true
# Pinned to the versions SOURCES.md cites; drop the =version to take newer ones.
apt-get download python3-skimage=0.19.3-8 palapeli-data=4:22.12.3-1
dpkg -x python3-skimage_*.deb skimage
dpkg -x palapeli-data_*.deb palapeli

sk="$work/skimage/usr/lib/python3/dist-packages/skimage/data"
pal="$work/palapeli/usr/share/palapeli/collection"
mkdir -p "$out"

# source path → committed name. Only images whose licence is public domain or
# CC0 (see SOURCES.md); palapeli's chameleon (GFDL) and castle (FDL) are left out.
cd "$repo_root"
SK="$sk" PAL="$pal" OUT="$out" node --input-type=module -e '
import sharp from "sharp";
const { SK, PAL, OUT } = process.env;
const list = [
  [`${SK}/astronaut.png`, "astronaut.jpg"],
  [`${SK}/coffee.png`, "coffee.jpg"],
  [`${SK}/chelsea.png`, "chelsea-cat.jpg"],
  [`${SK}/rocket.jpg`, "rocket-launch.jpg"],
  [`${SK}/hubble_deep_field.jpg`, "hubble-deep-field.jpg"],
  [`${SK}/camera.png`, "cameraman-grayscale.jpg"],
  [`${PAL}/cincinnati-bridge.jpg`, "cincinnati-bridge.jpg"],
  [`${PAL}/citrus-fruits.jpg`, "citrus-fruits.jpg"],
  [`${PAL}/european-honey-bee.jpg`, "honey-bee.jpg"],
];
for (const [src, name] of list) {
  // rotate() applies EXIF orientation into the pixels; metadata (EXIF, ICC)
  // is not copied because withMetadata() is never called, and pixels are
  // converted to sRGB (sharp output default), so even the grayscale
  // cameraman is written as 3-channel sRGB like every other sample.
  const info = await sharp(src)
    .rotate()
    .resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true })
    .jpeg({ quality: 85, mozjpeg: true })
    .toFile(`${OUT}/${name}`);
  console.log(name, `${info.width}x${info.height}`, info.channels, info.size);
}
'
du -cb "$out"/*.jpg | tail -1
